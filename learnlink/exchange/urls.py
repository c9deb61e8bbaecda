from django.urls import path

from learnlink.exchange import (
    contact_views,
    file_views,
    join_views,
    member_list_views,
    mute_views,
    views,
)

app_name = "exchange"
urlpatterns = [
    path("", views.group_list, name="groups"),
    path("muting/<str:token>/", mute_views.mute_by_link, name="mute_link"),
    path("muting/<str:token>/follow/", mute_views.follow_by_link, name="follow_link"),
    path("<slug:slug>/", views.group, name="group"),
    path("<slug:slug>/join/", join_views.join_group, name="join"),
    path("<slug:slug>/<int:year>/<int:month>/", views.group, name="month"),
    path("<slug:slug>/threads/<int:pk>/", views.thread, name="thread"),
    path("<slug:slug>/threads/<int:pk>/mute/", mute_views.mute_thread, name="mute_thread"),
    path("<slug:slug>/threads/<int:pk>/follow/", mute_views.follow_thread,
         name="follow_thread"),
    path("<slug:slug>/messages/<int:pk>/", views.message, name="message"),
    path("<slug:slug>/messages/<int:pk>/whole/", views.whole, name="whole"),
    path("<slug:slug>/messages/<int:pk>/source/", views.message_source, name="source"),
    path("<slug:slug>/attachments/<int:pk>/<str:filename>", views.attachment, name="attachment"),
    path("<slug:slug>/files/", file_views.files, name="files"),
    path("<slug:slug>/moderation/", views.moderation_queue, name="moderation"),
    path("<slug:slug>/moderation/<int:pk>/approve/", views.approve, name="approve"),
    path("<slug:slug>/moderation/<int:pk>/add/", views.approve_and_add, name="approve_and_add"),
    path("<slug:slug>/moderation/<int:pk>/reject/", views.reject, name="reject"),
    path("<slug:slug>/moderation/<int:pk>/ban/", views.ban, name="ban"),
    path("<slug:slug>/quarantine/", views.quarantine, name="quarantine"),
    path("<slug:slug>/members/", member_list_views.members, name="members"),
    path("<slug:slug>/contacts/", contact_views.contacts, name="contacts"),
    path("<slug:slug>/contacts/<int:pk>/probe/", contact_views.probe, name="probe"),
    path("<slug:slug>/contacts/<int:pk>/address/", contact_views.new_address,
         name="new_address"),
    path("<slug:slug>/quarantine/<int:pk>/release/", views.release, name="release"),
    path("<slug:slug>/quarantine/<int:pk>/delete/", views.delete, name="delete"),
]
