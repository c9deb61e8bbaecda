from django.urls import path

from learnlink.exchange import member_views

app_name = "membership"
urlpatterns = [
    path("join/<str:token>/", member_views.join, name="join"),
    path("<str:token>/", member_views.member, name="settings"),
    path("<str:token>/leave/", member_views.leave_group, name="leave"),
]
