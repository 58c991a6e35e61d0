"""Hostile input on the project pages is refused by the views' forms with a French message, never a 500:
NUL bytes (PostgreSQL refuses them in text), Unicode digits (`'²'.isdigit()` is true, `int('²')` raises) and
ids out of the 64-bit range (SQLite raises on them). The NUL backstop middleware is off here: the forms hold."""

import pytest
from django.urls import reverse

from catalogue.models import Theme
from journeys.models import Project, ProjectShortlist, StepAnswer
from tests.catalogue.factories import ServiceFactory
from tests.journeys.factories import ProjectFactory, move_to, sample_template, step


@pytest.fixture(autouse=True)
def _without_backstop(settings):
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if m != "portal.middleware.RefuseNulBytesMiddleware"]


@pytest.fixture
def project(world):
    sample_template()
    return move_to(ProjectFactory(organisation=world["org"]), "solution")


def _step_url(project, key):
    return reverse("journeys:step_save", kwargs={"public_id": project.public_id, "step_id": step(project, key).pk})


@pytest.mark.parametrize(("key", "field"), [("besoin", "text"), ("portage-politique", "note"), ("porteur", "choice")])
def test_a_nul_byte_in_a_step_answer_is_a_french_form_error_and_nothing_is_saved(
    client_as, world, project, key, field
):
    response = client_as(world["member"]).post(_step_url(project, key), {"version": "0", field: "a\x00b"})
    assert response.status_code == 400
    assert "Le caractère nul n’est pas autorisé. Rien n’a été enregistré." in response.text
    assert not StepAnswer.objects.exists()


def test_a_tampered_version_is_a_form_error(client_as, world, project):
    response = client_as(world["member"]).post(_step_url(project, "besoin"), {"version": "²", "text": "Un besoin"})
    assert response.status_code == 400
    assert "Saisissez un nombre entier." in response.text
    assert not StepAnswer.objects.exists()


def test_a_nul_byte_in_a_shortlist_note_is_refused(client_as, world, project):
    service = ServiceFactory()
    url = reverse("journeys:shortlist_add", kwargs={"public_id": project.public_id})
    response = client_as(world["member"]).post(url, {"service": service.pk, "note": "a\x00b"}, follow=True)
    assert "Le caractère nul n’est pas autorisé." in response.text
    assert not ProjectShortlist.objects.exists()


@pytest.mark.parametrize("value", ["²", "①", "\u0661", str(10**30), "-1", "", "x"])
def test_a_service_that_is_not_a_plain_id_is_refused_with_a_french_message(client_as, world, project, value):
    ServiceFactory(pk=1)  # "\u0661" is 1 for int(): it must not designate this one
    url = reverse("journeys:shortlist_add", kwargs={"public_id": project.public_id})
    response = client_as(world["member"]).post(url, {"service": value}, follow=True)
    assert response.status_code == 200
    assert "Choisissez un service du catalogue." in response.text
    assert not ProjectShortlist.objects.exists()


def test_a_nul_byte_in_the_service_search_is_a_french_form_error(client_as, world, project):
    ServiceFactory(name="Decidim")
    response = client_as(world["member"]).get(project.get_absolute_url(), {"etape": "solution", "service_q": "a\x00b"})
    assert response.status_code == 400
    assert "Le caractère nul n’est pas autorisé." in response.text
    assert "Decidim" in response.text  # the default suggestions are still offered


@pytest.mark.parametrize("theme_id", [str(10**30), str(-(10**30)), str(2**63), "²", "\u0661"])
def test_a_theme_id_out_of_range_or_not_decimal_is_a_form_error(client_as, world, theme_id):
    sample_template()
    Theme.objects.create(slug="donnees", name="Données")
    data = {"organisation": world["org"].pk, "title": "Un projet", "description": "Un besoin.", "themes": theme_id}
    response = client_as(world["member"]).post(reverse("journeys:project_create"), data)
    assert response.status_code == 400
    assert "n’est pas une valeur correcte" in response.text
    assert not Project.objects.exists()


def test_a_stage_id_that_is_not_a_number_changes_nothing(client_as, world, project):
    url = reverse("journeys:stage_advance", kwargs={"public_id": project.public_id})
    response = client_as(world["member"]).post(url, {"stage": "²"}, follow=True)
    assert "Cette étape n’existe pas : rien n’a changé." in response.text
    project.refresh_from_db()
    assert project.current_stage.key == "solution"


def test_a_step_id_beyond_64_bits_in_a_file_url_is_a_404(client_as, world, project):
    url = f"{project.get_absolute_url()}actions/{'9' * 30}/fichier/"
    assert client_as(world["member"]).get(url).status_code == 404
