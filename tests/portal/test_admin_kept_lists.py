"""The national staff's admin lists are kept in the cache (common.admin.LeanChangeListAdmin.kept_list_tokens):
the kept page is the page built anew, every write of what it shows is seen at once, and a viewer is only ever served
the page built for them (their scope, their rights, their session's second factor, their CSRF token)."""

import datetime
import re

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import reverse

from accounts.enums import OrganisationStatus, ScopeLevel
from accounts.models import Organisation, StaffScope
from common.admin import _CSRF_STAND_IN, LeanChangeListAdmin
from journeys.enums import EventKind
from journeys.models import Project
from journeys.services import history
from tests.accounts.factories import OrganisationFactory, login_with_second_factor
from tests.journeys.factories import ProjectFactory, ThemeFactory, answer
from tests.territories.factories import ProgrammeFactory

ORGANISATIONS = "/admin/accounts/organisation/"
PROJECTS = "/admin/journeys/project/"
CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


def _without_csrf(content: bytes) -> bytes:
    return CSRF.sub(b"", content)


@pytest.mark.parametrize("url", [ORGANISATIONS, PROJECTS])
def test_a_kept_page_is_the_page_built_anew_with_the_requests_csrf_token(world, client_as, monkeypatch, url):
    ProjectFactory(organisation=world["org"], title="Saint-Jean <d’Angély> & co")
    client = client_as(world["staff_national"])
    built = client.get(url)
    kept = client.get(url)
    assert kept.status_code == 200
    assert kept.content.count(b'class="action-select"') >= 1
    model_admin = admin.site._registry[built.context_data["cl"].model]
    assert model_admin.kept_list_tokens
    assert kept.context is None  # served from the cache: no template rendered
    monkeypatch.setattr(type(model_admin), "keep_lists", False)
    fresh = client.get(url)
    assert _without_csrf(kept.content) == _without_csrf(fresh.content) == _without_csrf(built.content)
    tokens = CSRF.findall(kept.content)
    assert tokens
    assert _CSRF_STAND_IN.encode() not in kept.content


def test_an_action_posted_from_a_kept_page_passes_the_csrf_check(world):
    pending = OrganisationFactory(pending=True, departement=world["org"].departement, region=world["org"].region)
    client = Client(enforce_csrf_checks=True)
    login_with_second_factor(client, world["staff_national"])
    client.get(ORGANISATIONS)
    kept = client.get(ORGANISATIONS)
    token = CSRF.search(kept.content).group(1).decode()
    response = client.post(
        ORGANISATIONS,
        {"csrfmiddlewaretoken": token, "action": "confirm_organisations", "_selected_action": [pending.pk]},
    )
    assert response.status_code == 302
    assert Organisation.objects.get(pk=pending.pk).status == OrganisationStatus.CONFIRMED


def test_a_change_of_a_collectivite_shows_at_once(world, client_as):
    client = client_as(world["staff_national"])
    org = world["org"]
    assert org.name.encode() in client.get(ORGANISATIONS).content
    org.name = "Communauté renommée"
    org.save()
    assert b"Communaut\xc3\xa9 renomm\xc3\xa9e" in client.get(ORGANISATIONS).content
    added = OrganisationFactory(name="Nouvelle inscrite", pending=True)
    page = client.get(ORGANISATIONS).content
    assert b"Nouvelle inscrite" in page
    added.delete()
    assert b"Nouvelle inscrite" not in client.get(ORGANISATIONS).content
    departement = org.departement
    departement.name = "Département renommé"
    departement.save()
    assert "Département renommé".encode() in client.get(ORGANISATIONS).content  # column and filter


def test_the_message_of_an_action_is_shown_once_and_never_kept(world, client_as):
    pending = OrganisationFactory(pending=True)
    client = client_as(world["staff_national"])
    client.get(ORGANISATIONS)
    response = client.post(ORGANISATIONS, {"action": "confirm_organisations", "_selected_action": [pending.pk]})
    assert response.status_code == 302
    assert "confirmée(s)".encode() in client.get(ORGANISATIONS).content
    assert "confirmée(s)".encode() not in client.get(ORGANISATIONS).content


def test_a_change_of_a_project_or_of_what_its_row_shows_shows_at_once(world, client_as):
    client = client_as(world["staff_national"])
    project = ProjectFactory(organisation=world["org"], title="Titre d’origine")
    Project.objects.filter(pk=project.pk).update(
        last_activity_at=datetime.datetime(2020, 3, 2, 12, tzinfo=datetime.UTC)
    )
    page = client.get(PROJECTS).content
    assert "Titre d’origine".encode() in page
    assert b"2 mars 2020" in page
    project.title = "Titre changé"
    project.save()
    assert "Titre changé".encode() in client.get(PROJECTS).content
    before = re.search(rb'field-progress">(\d+)/', client.get(PROJECTS).content).group(1)
    answer(project, "besoin", {"text": "ok"})
    after = re.search(rb'field-progress">(\d+)/', client.get(PROJECTS).content).group(1)
    assert int(after) == int(before) + 1
    world["org"].name = "Collectivité renommée"
    world["org"].save()
    assert "Collectivité renommée".encode() in client.get(PROJECTS).content
    ThemeFactory(slug="mobilite")
    assert b"Mobilite" not in client.get(PROJECTS).content  # a theme no project has is not offered
    project.themes.add(ThemeFactory(slug="mobilite"))
    assert b"Mobilite" in client.get(PROJECTS).content
    history.record(project, kind=EventKind.UPDATED, actor=None, message="Activité")  # an update(): no signal
    assert b"2 mars 2020" not in client.get(PROJECTS).content


def test_a_programme_joined_shows_in_the_filtered_list_at_once(world, client_as):
    client = client_as(world["staff_national"])
    project = ProjectFactory(organisation=world["org"], title="Projet du programme")
    programme = ProgrammeFactory()
    url = f"{PROJECTS}?programme={programme.slug}"
    assert b"Projet du programme" not in client.get(url).content
    programme.communes.add(world["org"].commune)
    assert b"Projet du programme" in client.get(url).content
    assert project.pk


def test_two_staff_members_never_see_each_others_kept_page(world, client_as):
    inside = ProjectFactory(organisation=world["org"], title="Projet du dedans")
    outside = ProjectFactory(organisation=world["other_org"], title="Projet du dehors")
    national = client_as(world["staff_national"]).get(PROJECTS).content
    assert inside.title.encode() in national
    assert outside.title.encode() in national
    for url in (PROJECTS, ORGANISATIONS):
        page = client_as(world["staff_in"]).get(url).content
        assert world["other_org"].name.encode() not in page
        assert outside.title.encode() not in page
        assert world["org"].name.encode() in page
        assert world["staff_in"].email.encode() in page or world["staff_in"].get_short_name().encode() in page
        assert world["staff_national"].email.encode() not in page
    superuser_page = client_as(world["superuser"]).get(ORGANISATIONS).content
    national_page = client_as(world["staff_national"]).get(ORGANISATIONS).content
    add = reverse("admin:accounts_organisation_add").encode()
    assert add in superuser_page
    assert add not in national_page


def test_a_scope_narrowed_shows_at_once(world, client_as):
    outside = ProjectFactory(organisation=world["other_org"], title="Projet du dehors")
    staff = world["staff_national"]
    client = client_as(staff)
    assert outside.title.encode() in client.get(PROJECTS).content
    scope = StaffScope.objects.get(user=staff)
    scope.level = ScopeLevel.DEPARTEMENTAL
    scope.save()
    scope.departements.set([world["org"].departement])
    assert outside.title.encode() not in client.get(PROJECTS).content
    assert world["other_org"].name.encode() not in client.get(ORGANISATIONS).content


@pytest.mark.parametrize("url", [ORGANISATIONS, PROJECTS])
def test_a_kept_page_is_refused_without_the_second_factor(world, client_as, url):
    staff = world["staff_in_password_only"]
    client_as(world["staff_in"]).get(url)
    client_as(world["staff_in"]).get(url)
    client = Client()
    client.force_login(staff)
    response = client.get(url)
    assert response.status_code != 200
    assert world["org"].name.encode() not in response.content


def test_a_list_asked_with_unknown_parameters_answers_as_django_does(world, client_as):
    client = client_as(world["staff_national"])
    response = client.get(f"{ORGANISATIONS}?inconnu=1")
    assert response.status_code == 302
    assert response["Location"].endswith("?e=1")
    error_page = client.get(response["Location"])
    assert error_page.status_code == 200
    assert _CSRF_STAND_IN.encode() not in error_page.content


def test_the_kept_filter_choices_follow_the_writes_and_the_scope(world, client_as, monkeypatch):
    """Programmes and used themes are kept apart from the page (journeys.admin): rendered anew, the list still
    offers what was just written, and a theme only an out-of-scope project has is never offered."""
    monkeypatch.setattr(LeanChangeListAdmin, "keep_lists", False)
    outside = ProjectFactory(organisation=world["other_org"])
    outside.themes.add(ThemeFactory(slug="dehors"))
    national = client_as(world["staff_national"])
    assert b"Dehors" in national.get(PROJECTS).content
    assert b"Dedans" not in client_as(world["staff_in"]).get(PROJECTS).content
    assert b"Dehors" not in client_as(world["staff_in"]).get(PROJECTS).content
    inside = ProjectFactory(organisation=world["org"])
    inside.themes.add(ThemeFactory(slug="dedans"))
    assert b"Dedans" in client_as(world["staff_in"]).get(PROJECTS).content
    ProgrammeFactory(name="Programme tout neuf")
    assert b"Programme tout neuf" in client_as(world["staff_in"]).get(PROJECTS).content


def test_a_filter_kept_per_worker_shows_the_choice_selected(world, client_as, monkeypatch):
    """A filter's HTML is kept under its title and choices (common.admin.lean_list_filter): the same filter with
    another choice selected is another entry."""
    monkeypatch.setattr(LeanChangeListAdmin, "keep_lists", False)
    client = client_as(world["staff_national"])
    selected = b'<li class="selected">\n    <a href="?status__exact=pending">en attente'
    assert selected not in client.get(ORGANISATIONS).content
    assert selected in client.get(f"{ORGANISATIONS}?status__exact=pending").content
    assert selected not in client.get(ORGANISATIONS).content
