from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.profile, name="profile"),
    path("rejoindre/", views.onboarding, name="onboarding"),
    path("rejoindre/confirmer/", views.onboarding_confirm, name="onboarding_confirm"),
    path("rejoindre/creer/", views.organisation_create, name="organisation_create"),
    path("rejoindre/demander/", views.join_request_create, name="join_request_create"),
    path("demandes/<uuid:public_id>/annuler/", views.join_request_cancel, name="join_request_cancel"),
    path("demandes/<uuid:public_id>/accepter/", views.join_request_approve, name="join_request_approve"),
    path("demandes/<uuid:public_id>/refuser/", views.join_request_refuse, name="join_request_refuse"),
    path("collectivites/<uuid:public_id>/membres/", views.member_list, name="member_list"),
    path(
        "collectivites/<uuid:public_id>/membres/<uuid:user_public_id>/role/",
        views.member_role_update,
        name="member_role_update",
    ),
    path(
        "collectivites/<uuid:public_id>/membres/<uuid:user_public_id>/retirer/",
        views.member_remove,
        name="member_remove",
    ),
    path("collectivites/<uuid:public_id>/quitter/", views.membership_leave, name="membership_leave"),
    path("notifications/", views.notifications_update, name="notifications_update"),
    path("mes-donnees/", views.data_export, name="data_export"),
    path("supprimer/", views.account_delete, name="account_delete"),
    path("session/prolonger/", views.session_extend, name="session_extend"),
    path("double-authentification/code/", views.second_factor_email_code, name="second_factor_email_code"),
]
