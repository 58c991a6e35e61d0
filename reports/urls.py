from django.urls import path

from reports import views

app_name = "reports"

urlpatterns = [
    path("projet/<uuid:public_id>/generer/", views.generate_report, name="report_generate"),
    path("projet/<uuid:public_id>/etat/", views.report_status, name="report_status"),
    path("<uuid:public_id>/telecharger/", views.report_download, name="report_download"),
]
