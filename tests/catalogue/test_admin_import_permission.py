"""Importing into or exporting the catalogue needs the model permissions, not just a back-office session."""

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile

from catalogue.models import Service
from tests.accounts.factories import StaffUserFactory, login_with_second_factor
from tests.catalogue.factories import ServiceFactory

CSV = (
    "name,slug,pitch,publisher,licence,maturity,hosting,themes\n"
    "Outil pirate,outil-pirate,Utile.,ANCT,MIT,generalise,en-ligne,donnees\n"
)


@pytest.mark.ignore_template_errors
@pytest.mark.parametrize("url", ["/admin/catalogue/service/import/", "/admin/catalogue/service/export/"])
def test_a_charge_de_mission_without_catalogue_permissions_gets_403(client, themes, url):
    ServiceFactory(name="Service existant")
    login_with_second_factor(client, StaffUserFactory())
    response = client.get(url)
    assert response.status_code == 403
    assert "Service existant" not in response.content.decode()


@pytest.mark.ignore_template_errors
def test_a_charge_de_mission_without_catalogue_permissions_cannot_import(client, themes):
    login_with_second_factor(client, StaffUserFactory())
    upload = SimpleUploadedFile("services.csv", CSV.encode(), content_type="text/csv")
    response = client.post("/admin/catalogue/service/import/", {"import_file": upload, "format": "0"})
    assert response.status_code == 403
    response = client.post(
        "/admin/catalogue/service/process_import/",
        {"import_file_name": "x.csv", "original_file_name": "services.csv", "format": "0", "resource": "0"},
    )
    assert response.status_code == 403
    assert not Service.objects.filter(slug="outil-pirate").exists()


@pytest.mark.ignore_template_errors
def test_staff_holding_the_catalogue_permissions_may_import(client, themes):
    staff = StaffUserFactory()
    staff.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="catalogue", codename__in=["add_service", "change_service", "view_service"]
        )
    )
    login_with_second_factor(client, staff)
    assert client.get("/admin/catalogue/service/import/").status_code == 200
    assert client.get("/admin/catalogue/service/export/").status_code == 200


@pytest.mark.ignore_template_errors
def test_confirming_an_import_whose_prepared_file_is_gone_asks_for_the_file_again(client, themes):
    login_with_second_factor(client, StaffUserFactory(is_superuser=True))
    response = client.post(
        "/admin/catalogue/service/process_import/",
        {"import_file_name": "expire.csv", "original_file_name": "services.csv", "format": "0", "resource": "0"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/catalogue/service/import/"
    page = client.get(response["Location"])
    assert "Le fichier préparé pour l’import n’est plus disponible" in page.content.decode()
    assert not Service.objects.exists()


@pytest.mark.ignore_template_errors
def test_an_import_is_prepared_then_confirmed(client, themes):
    login_with_second_factor(client, StaffUserFactory(is_superuser=True))
    upload = SimpleUploadedFile("services.csv", CSV.replace("pirate", "utile").encode(), content_type="text/csv")
    page = client.post("/admin/catalogue/service/import/", {"import_file": upload, "format": "0"})
    assert page.status_code == 200
    confirm = page.context["confirm_form"]
    response = client.post("/admin/catalogue/service/process_import/", confirm.initial)
    assert response.status_code == 302
    assert Service.objects.filter(slug="outil-utile").exists()
