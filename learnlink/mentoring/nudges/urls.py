from django.urls import path

from learnlink.mentoring.nudges import views

urlpatterns = [
    path("not-now/<str:token>/", views.not_now, name="nudge_not_now"),
    path("stop/<str:token>/", views.stop, name="nudge_opt_out"),
]
