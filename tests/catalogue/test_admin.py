"""The back-office: staff create and edit services (search index kept up to date) and reach import/export."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from catalogue.models import Service
from tests.accounts.factories import StaffUserFactory, login_with_second_factor
from tests.catalogue.factories import PublisherFactory, ServiceFactory


def superuser_client(client):
    login_with_second_factor(client, StaffUserFactory(is_superuser=True))
    return client


def test_staff_creates_a_service_and_it_is_searchable(client, themes):
    client = superuser_client(client)
    publisher = PublisherFactory()
    data = {
        "name": "Registre des délibérations",
        "slug": "registre-deliberations",
        "pitch": "Publier les délibérations.",
        "description": "",
        "themes": [themes["administration"].pk],
        "is_published": "on",
        "publisher": publisher.pk,
        "licence": "EUPL-1.2",
        "maturity": "deploiement",
        "hosting": "en-ligne",
        "cost_model": "gratuit",
        "accessibility": "non-evalue",
        "suits_communes": "on",
    }
    response = client.post("/admin/catalogue/service/add/", data)
    assert response.status_code == 302, response.content[:2000]
    service = Service.objects.get(slug="registre-deliberations")
    assert "deliberations" in service.search_text


# django-import-export's own admin templates read variables they do not always set (export_url…).
@pytest.mark.ignore_template_errors
def test_staff_sees_the_import_and_export_pages(client, themes):
    client = superuser_client(client)
    ServiceFactory()
    assert client.get("/admin/catalogue/service/").status_code == 200
    assert client.get("/admin/catalogue/service/import/").status_code == 200
    assert client.get("/admin/catalogue/service/export/").status_code == 200


@pytest.mark.ignore_template_errors
def test_admin_import_of_a_file_with_a_bad_row_saves_nothing_and_shows_the_row(client, themes):
    client = superuser_client(client)
    content = (
        "name,slug,pitch,publisher,licence,maturity,hosting,themes\n"
        "Outil A,outil-a,Utile.,ANCT,MIT,generalise,en-ligne,donnees\n"
        "Outil B,outil-b,Utile.,ANCT,Licence maison,generalise,en-ligne,donnees\n"
    )
    upload = SimpleUploadedFile("services.csv", content.encode(), content_type="text/csv")
    response = client.post("/admin/catalogue/service/import/", {"import_file": upload, "format": "0"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Licence maison" in html
    assert "Outil B" in html
    assert not Service.objects.exists()


def test_renaming_a_theme_updates_the_search_of_its_services(client, themes):
    client = superuser_client(client)
    service = ServiceFactory(themes=[themes["mobilite"]])
    theme = themes["mobilite"]
    response = client.post(
        f"/admin/catalogue/theme/{theme.pk}/change/",
        {"name": "Transports et covoiturage", "slug": "mobilite", "position": 7},
    )
    assert response.status_code == 302
    service.refresh_from_db()
    assert "covoiturage" in service.search_text
