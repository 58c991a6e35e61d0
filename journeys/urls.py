from django.urls import path

from journeys import views

app_name = "journeys"

urlpatterns = [
    path("", views.project_list, name="project_list"),
    path("nouveau/", views.project_create, name="project_create"),
    path("<uuid:public_id>/", views.project_detail, name="project_detail"),
    path("<uuid:public_id>/modifier/", views.project_update, name="project_update"),
    path("<uuid:public_id>/historique/", views.project_history, name="project_history"),
    path("<uuid:public_id>/actions/<int:step_id>/", views.step_save, name="step_save"),
    path("<uuid:public_id>/actions/<int:step_id>/fichier/", views.deliverable_download, name="deliverable_download"),
    path("<uuid:public_id>/etape-suivante/", views.stage_advance, name="stage_advance"),
    path("<uuid:public_id>/etape-precedente/", views.stage_back, name="stage_back"),
    path("<uuid:public_id>/etapes/<int:stage_id>/valider/", views.stage_validate, name="stage_validate"),
    path("<uuid:public_id>/commentaires/", views.comment_create, name="comment_create"),
    path("<uuid:public_id>/diagnostic/", views.diagnostic_form, name="diagnostic_form"),
    path("<uuid:public_id>/diagnostic/resultats/", views.diagnostic_result, name="diagnostic_result"),
    path("<uuid:public_id>/cadrage-ethique/", views.ethics_form, name="ethics_form"),
    path("<uuid:public_id>/solutions/", views.shortlist_add, name="shortlist_add"),
    path("<uuid:public_id>/solutions/<int:item_id>/retenir/", views.shortlist_choose, name="shortlist_choose"),
    path("<uuid:public_id>/solutions/<int:item_id>/retirer/", views.shortlist_remove, name="shortlist_remove"),
]
