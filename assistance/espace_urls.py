from django.urls import path

from assistance import espace_views as views

app_name = "espace"

urlpatterns = [
    path("", views.home, name="home"),
    path("demandes/", views.request_list, name="request_list"),
    path("demandes/export.csv", views.request_export, name="request_export"),
    path("demandes/<uuid:public_id>/", views.request_detail, name="request_detail"),
    path("demandes/<uuid:public_id>/statut/", views.request_status, name="request_status"),
    path("demandes/<uuid:public_id>/attribution/", views.request_assign, name="request_assign"),
    path("demandes/<uuid:public_id>/experts/", views.request_mobilise, name="request_mobilise"),
    path("demandes/<uuid:public_id>/messages/", views.request_message, name="request_message"),
    path("demandes/<uuid:public_id>/attente/", views.request_waiting, name="request_waiting"),
    path("demandes/<uuid:public_id>/suivre/", views.request_follow, name="request_follow"),
    path("collectivites/", views.organisation_list, name="organisation_list"),
    path("collectivites/export.csv", views.organisation_export, name="organisation_export"),
    path("collectivites/<uuid:public_id>/", views.organisation_detail, name="organisation_detail"),
    path("collectivites/<uuid:public_id>/confirmer/", views.organisation_confirm, name="organisation_confirm"),
    path("collectivites/<uuid:public_id>/refuser/", views.organisation_reject, name="organisation_reject"),
    path("collectivites/<uuid:public_id>/programmes/", views.organisation_programmes, name="organisation_programmes"),
    path("experts/", views.expert_list, name="expert_list"),
    path("projets/", views.project_list, name="project_list"),
    path("projets/export.csv", views.project_export, name="project_export"),
    path("projets/<uuid:public_id>/suivre/", views.project_follow, name="project_follow"),
    path("projets/<uuid:public_id>/attente/", views.project_waiting, name="project_waiting"),
]
