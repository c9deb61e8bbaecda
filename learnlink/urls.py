from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from learnlink.api import api
from learnlink.exchange.feeds import GroupFeed
from learnlink.exchange.views import search
from learnlink.knowledge.site_views import robots_txt
from learnlink.knowledge.sitemaps import SITEMAPS
from learnlink.people.account_views import choose_language

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("i18n/setlang/", choose_language, name="set_language"),
    path("accounts/", include("learnlink.people.account_urls")),
    path("directory/", include("learnlink.people.urls")),
    path("groups/", include("learnlink.exchange.urls")),
    path("alliances/", include("learnlink.alliance.urls")),
    path("impact/", include("learnlink.impact.urls")),
    path("mentoring/", include("learnlink.mentoring.urls")),
    path("practices/", include("learnlink.knowledge.urls")),
    path("stories/", include("learnlink.knowledge.story_urls")),
    path("me/", include("learnlink.exchange.my_urls")),
    path("membership/", include("learnlink.exchange.member_urls")),
    path("outbox/", include("learnlink.mail.urls")),
    path("search/", search, name="search"),
    path("feeds/groups/<slug:slug>/", GroupFeed(), name="group_feed"),
    path("feeds/", include("learnlink.knowledge.feed_urls")),
    path("sitemap.xml", sitemap_views.index, {"sitemaps": SITEMAPS,
                                              "sitemap_url_name": "sitemap_section"},
         name="sitemap"),
    path("sitemap-<section>.xml", sitemap_views.sitemap, {"sitemaps": SITEMAPS},
         name="sitemap_section"),
    path("robots.txt", robots_txt, name="robots"),
    path("", include("learnlink.web.urls")),
]
