from django.contrib import admin
from django.urls import include, path

from learnlink.api import api
from learnlink.exchange.views import search

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("learnlink.people.account_urls")),
    path("directory/", include("learnlink.people.urls")),
    path("groups/", include("learnlink.exchange.urls")),
    path("alliances/", include("learnlink.alliance.urls")),
    path("impact/", include("learnlink.impact.urls")),
    path("membership/", include("learnlink.exchange.member_urls")),
    path("outbox/", include("learnlink.mail.urls")),
    path("search/", search, name="search"),
    path("", include("learnlink.web.urls")),
]
