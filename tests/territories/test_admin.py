import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from territories.models import Commune
from tests.accounts.factories import StaffUserFactory, login_with_second_factor
from tests.territories.factories import ProgrammeFactory

pytestmark = pytest.mark.usefixtures("small_referential")


@pytest.fixture
def staff_client(client):
    login_with_second_factor(client, StaffUserFactory())
    return client


@pytest.fixture
def superuser_client(client):
    login_with_second_factor(client, StaffUserFactory(is_superuser=True))
    return client


@pytest.mark.parametrize(
    ("query", "expected", "absent"),
    [
        ("st etienne", "Saint-Étienne", "Villeurbanne"),
        ("42218", "Saint-Étienne", "Lyon"),
        ("214202186", "Saint-Étienne", "Lyon"),
        ("69100", "Villeurbanne", "Saint-Étienne"),
    ],
)
def test_staff_searches_communes_by_name_and_codes(staff_client, query, expected, absent):
    response = staff_client.get(reverse("admin:territories_commune_changelist"), {"q": query})

    assert response.status_code == 200
    content = response.content.decode()
    assert expected in content
    assert f">{absent}<" not in content


def test_staff_filters_communes_by_departement(staff_client):
    response = staff_client.get(reverse("admin:territories_commune_changelist"), {"departement": "69"})

    content = response.content.decode()
    assert "Villeurbanne" in content
    assert ">Brest<" not in content


def test_staff_epci_list_searches_by_siren(staff_client):
    response = staff_client.get(reverse("admin:territories_epci_changelist"), {"q": "200046977"})

    assert "Métropole de Lyon" in response.content.decode()


def test_referential_is_read_only_even_for_superusers(superuser_client):
    commune = Commune.objects.get(insee_code="42218")

    assert superuser_client.get(reverse("admin:territories_commune_add")).status_code == 403
    response = superuser_client.post(
        reverse("admin:territories_commune_change", args=[commune.pk]), {"name": "Renommée"}
    )
    assert response.status_code == 403
    commune.refresh_from_db()
    assert commune.name == "Saint-Étienne"
    assert superuser_client.get(reverse("admin:territories_commune_delete", args=[commune.pk])).status_code == 403


def test_commune_list_runs_a_bounded_number_of_queries(staff_client, django_assert_max_num_queries):
    with django_assert_max_num_queries(25):
        staff_client.get(reverse("admin:territories_commune_changelist"))


def test_anct_imports_programme_members_through_the_back_office(superuser_client):
    programme = ProgrammeFactory()
    url = reverse("admin:territories_programme_import", args=[programme.pk])
    upload = SimpleUploadedFile("membres.csv", b"insee_com\n42218\n69123\n", content_type="text/csv")

    response = superuser_client.post(url, {"file": upload}, follow=True)

    assert response.status_code == 200
    assert "Import terminé : 2 commune(s) et 0 EPCI ajoutés" in response.content.decode()
    assert programme.communes.count() == 2


def test_back_office_import_lists_bad_lines_and_imports_nothing(superuser_client):
    programme = ProgrammeFactory()
    url = reverse("admin:territories_programme_import", args=[programme.pk])
    upload = SimpleUploadedFile("membres.csv", b"insee_com\n42218\n99999\n", content_type="text/csv")

    response = superuser_client.post(url, {"file": upload})

    content = response.content.decode()
    assert "Import refusé : 1 ligne(s) en erreur, rien n’a été importé." in content
    assert "Ligne 3 : le code Insee 99999 ne correspond à aucune commune en vigueur." in content
    assert programme.communes.count() == 0


def test_staff_without_change_permission_cannot_import(staff_client):
    programme = ProgrammeFactory(slug="action-coeur-de-ville")

    response = staff_client.get(reverse("admin:territories_programme_import", args=[programme.pk]))

    assert response.status_code == 403


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:territories_region_changelist",
        "admin:territories_departement_changelist",
        "admin:territories_epci_changelist",
        "admin:territories_commune_changelist",
        "admin:territories_programme_changelist",
        "admin:territories_programme_add",
    ],
)
def test_superuser_opens_every_referential_page(superuser_client, url_name):
    assert superuser_client.get(reverse(url_name)).status_code == 200


def test_programme_change_page_shows_members_and_import_link(superuser_client):
    programme = ProgrammeFactory()
    programme.communes.add(Commune.objects.get(insee_code="42218"))

    response = superuser_client.get(reverse("admin:territories_programme_change", args=[programme.pk]))

    content = response.content.decode()
    assert "1 commune(s), 0 EPCI" in content
    assert reverse("admin:territories_programme_import", args=[programme.pk]) in content


def test_staff_opens_a_commune_read_only(staff_client):
    commune = Commune.objects.get(insee_code="42218")

    response = staff_client.get(reverse("admin:territories_commune_change", args=[commune.pk]))

    assert response.status_code == 200
    assert "42000" in response.content.decode()
