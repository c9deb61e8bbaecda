from django.contrib.auth import views as auth_views
from django.urls import path

from learnlink.people import account_views

urlpatterns = [
    path("login/", account_views.PasswordLoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("login/link/", account_views.request_login_link, name="login_link_request"),
    path("login/link/sent/", account_views.login_link_sent, name="login_link_sent"),
    path("login/link/<str:token>/", account_views.use_login_link, name="login_link"),
    path("address/", account_views.change_address, name="change_address"),
    path("address/<str:token>/", account_views.address_link, name="address_link"),
    path("address/undo/<str:token>/", account_views.address_undo, name="address_undo"),
]
