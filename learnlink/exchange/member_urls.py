from django.urls import path

from learnlink.exchange import change_views, member_views

app_name = "membership"
urlpatterns = [
    path("join/<str:token>/", member_views.join, name="join"),
    path("change/<str:token>/", change_views.confirm_change, name="confirm_change"),
    path("<str:token>/", member_views.member, name="settings"),
    path("<str:token>/leave/", member_views.leave_group, name="leave"),
]
