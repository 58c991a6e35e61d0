from django.urls import path

from assistance import views

app_name = "assistance"

urlpatterns = [
    path("", views.request_list, name="request_list"),
    path("projets/<uuid:public_id>/demander/", views.request_create, name="request_create"),
    path("<uuid:public_id>/", views.request_detail, name="request_detail"),
    path("<uuid:public_id>/messages/", views.message_create, name="message_create"),
    path("<uuid:public_id>/avis/", views.satisfaction_create, name="satisfaction_create"),
    path(
        "<uuid:public_id>/pieces-jointes/<int:attachment_id>/", views.attachment_download, name="attachment_download"
    ),
]
