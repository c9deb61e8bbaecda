from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("learnlink.people.account_urls")),
    path("directory/", include("learnlink.people.urls")),
    path("", include("learnlink.web.urls")),
]
