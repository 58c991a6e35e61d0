"""The project page's body is kept in the cache (journeys.pages), yet shows every change at once, never another
viewer's role, and always the forms' CSRF token of the request."""

import re

from django.test import Client
from django.urls import reverse

from catalogue.models import Theme
from journeys.models import Comment
from tests.journeys.factories import ProjectFactory, ThemeFactory, complete_stage, sample_template, step
from tests.journeys.page_helpers import project_page as _page
from tests.journeys.page_helpers import project_page_queries as _queries

CSRF_VALUE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def test_the_body_is_kept_between_visits(client_as, world):
    sample_template()
    project = ProjectFactory(organisation=world["org"])
    client = client_as(world["member"])
    _page(client, project)
    _page(client, project)
    kept = _queries(client, project)
    Comment.objects.create(project=project, author=world["member"], body="x", body_html="<p>x</p>")
    assert _queries(client, project) > kept  # the comment moved the version: rendered anew
    assert _queries(client, project) == kept


def test_a_comment_shows_at_once(client_as, world):
    sample_template()
    project = ProjectFactory(organisation=world["org"])
    client = client_as(world["member"])
    assert "Aucun commentaire" in _page(client, project)
    url = reverse("journeys:comment_create", kwargs={"public_id": project.public_id})
    client.post(url, {"body": "Pensez au **DPO**."})
    html = _page(client, project)
    assert "<strong>DPO</strong>" in html
    assert "Aucun commentaire" not in html


def test_a_saved_step_shows_at_once(client_as, world):
    sample_template()
    project = ProjectFactory(organisation=world["org"])
    client = client_as(world["member"])
    _page(client, project)
    besoin = step(project, "besoin")
    url = reverse("journeys:step_save", kwargs={"public_id": project.public_id, "step_id": besoin.pk})
    assert client.post(url, {"version": "0", "text": "Un accueil plus rapide"}).status_code == 302
    assert "Un accueil plus rapide" in _page(client, project)


def test_a_stage_change_shows_at_once(client_as, world):
    sample_template()
    project = ProjectFactory(organisation=world["org"])
    client = client_as(world["member"])
    complete_stage(project, "agenda")
    assert "Étape 1 sur" in _page(client, project, "?etape=agenda")
    next_stage = project.template.stages.get(key="diagnostic")
    url = reverse("journeys:stage_advance", kwargs={"public_id": project.public_id})
    assert client.post(url, {"stage": next_stage.pk}).status_code == 302
    assert "Étape 2 sur" in _page(client, project, "?etape=agenda")  # the same stage shown, its key unchanged


def test_names_and_themes_changed_elsewhere_show_at_once(client_as, world):
    sample_template()
    project = ProjectFactory(organisation=world["org"])
    project.themes.add(ThemeFactory(slug="mobilite"))
    author = world["referent"]
    Comment.objects.create(project=project, author=author, body="x", body_html="<p>x</p>")
    client = client_as(world["member"])
    _page(client, project)
    author.first_name, author.last_name = "Camille", "Nouveau-Nom"
    author.save()
    Theme.objects.filter(slug="mobilite").update(name="ignored")  # no signal: next save moves the version
    theme = Theme.objects.get(slug="mobilite")
    theme.name = "Mobilités douces"
    theme.save()
    html = _page(client, project)
    assert "Camille Nouveau-Nom" in html
    assert "Mobilités douces" in html


def test_each_role_sees_its_own_page(client_as, world):
    sample_template()
    project = ProjectFactory(organisation=world["org"])
    complete_stage(project, "agenda")
    member_page = _page(client_as(world["member"]), project)
    staff_page = _page(client_as(world["staff_in"]), project)
    member_again = _page(client_as(world["member"]), project)
    assert "Modifier la présentation du projet" in member_page
    assert "Modifier la présentation du projet" in member_again
    assert "Modifier la présentation du projet" not in staff_page
    assert 'class="journeys-step-form"' in member_page
    assert 'class="journeys-step-form"' not in staff_page
    assert "Publier le commentaire" in staff_page
    # The outsider does not see the project at all (the body is never reached).
    assert client_as(world["outsider"]).get(project.get_absolute_url()).status_code == 404


def test_every_form_carries_the_csrf_token_of_its_own_session(world):
    sample_template()
    project = ProjectFactory(organisation=world["org"])
    complete_stage(project, "agenda")
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first.force_login(world["member"])
    second.force_login(world["referent"])
    first_html, second_html = _page(first, project), _page(second, project)
    first_tokens, second_tokens = set(CSRF_VALUE.findall(first_html)), set(CSRF_VALUE.findall(second_html))
    forms = first_html.count('<form method="post"')
    assert forms >= 3
    assert len(CSRF_VALUE.findall(first_html)) >= forms
    assert first_tokens.isdisjoint(second_tokens)
    assert "csrf-token-of-the-request" not in first_html + second_html
    # The kept body's token is this session's: a post with it passes the CSRF check.
    url = reverse("journeys:comment_create", kwargs={"public_id": project.public_id})
    token = CSRF_VALUE.findall(second_html)[-1]
    assert second.post(url, {"body": "Merci.", "csrfmiddlewaretoken": token}).status_code == 302
    assert "Merci." in _page(first, project)


def test_the_sections_of_other_apps_are_each_viewers_own(client_as, world):
    """Member and référent share the kept body (same role on the page) but not the gallery section."""
    sample_template()
    project = ProjectFactory(organisation=world["org"])
    member_page = _page(client_as(world["member"]), project)
    referent_page = _page(client_as(world["referent"]), project)
    member_again = _page(client_as(world["member"]), project)
    assert "Publier dans la galerie" in referent_page
    assert "Publier dans la galerie" not in member_page + member_again
    assert "Un référent de votre collectivité peut le publier" in member_again
    assert "<!--journeys:sections" not in member_page + referent_page
