from django.urls import path

from learnlink.mentoring.contracts import views

# Included under the mentoring namespace: mentoring:contract and the others.
urlpatterns = [
    path("group/<slug:slug>/", views.group_contracts, name="contracts"),
    path("group/<slug:slug>/new/", views.new, name="contract_new"),
    path("<int:pk>/", views.contract, name="contract"),
    path("<int:pk>/edit/", views.edit, name="contract_edit"),
    path("<int:pk>/offer/", views.offer, name="contract_offer"),
    path("<int:pk>/agree/", views.agree, name="contract_agree"),
    path("<int:pk>/renew/", views.renew, name="contract_renew"),
]
