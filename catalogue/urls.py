from django.urls import path

from catalogue import views

app_name = "catalogue"

urlpatterns = [
    path("", views.service_list, name="service_list"),
    path("<slug:slug>/", views.service_detail, name="service_detail"),
    path("<slug:slug>/declarer/", views.adoption_declare, name="adoption_declare"),
    path("<slug:slug>/retirer/", views.adoption_withdraw, name="adoption_withdraw"),
    path("<slug:slug>/ecrire/", views.adopters_contact, name="adopters_contact"),
]
