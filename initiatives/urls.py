from django.urls import path

from initiatives import views

app_name = "initiatives"

urlpatterns = [
    path("", views.gallery, name="gallery"),
    path("carte/", views.france_map, name="map"),
    path("departements/<str:code>/", views.departement, name="departement"),
    path("<uuid:public_id>/", views.detail, name="detail"),
    path("<uuid:public_id>/ecrire/", views.contact, name="contact"),
    path("projet/<uuid:public_id>/publier/", views.publish, name="publish"),
    path("projet/<uuid:public_id>/retirer/", views.withdraw, name="withdraw"),
]
