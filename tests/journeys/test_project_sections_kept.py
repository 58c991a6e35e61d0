"""The project page's sections of other apps (assistance, initiatives, reports) are kept in the cache
(journeys.extensions), yet show every change at once, queryset updates included, never another viewer's section,
and always the request's own CSRF token and CSP nonce."""

import re

from django.test import Client
from django.urls import reverse

from assistance import services as assistance_services
from assistance.enums import RequestStatus
from reports.enums import ReportStatus
from reports.generation import note_retry
from tests.assistance.factories import AssistanceRequestFactory
from tests.initiatives.factories import InitiativeFactory
from tests.journeys.factories import ProjectFactory, ThemeFactory, sample_template
from tests.journeys.page_helpers import project_page as _page
from tests.journeys.page_helpers import project_page_queries as _queries
from tests.reports.factories import ReportFactory

CSRF_VALUE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
SCRIPT_NONCE = re.compile(r'src="[^"]*reports/reports\.js" nonce="([^"]*)"')


def _section(html: str, anchor: str) -> str:
    start = html.index(f'id="{anchor}"')
    return html[start : html.index("</section>", start)]


def test_the_sections_are_kept_between_visits(client_as, world):
    sample_template()
    project = ProjectFactory(organisation=world["org"])
    client = client_as(world["member"])
    _page(client, project)
    kept = _queries(client, project)
    AssistanceRequestFactory(project=project)
    assert _queries(client, project) > kept  # the request moved the section's version: rendered anew
    assert _queries(client, project) == kept


def test_a_new_request_and_its_status_show_at_once(client_as, world):
    sample_template()
    project = ProjectFactory(organisation=world["org"])
    client = client_as(world["member"])
    _page(client, project)
    request = AssistanceRequestFactory(project=project)
    section = _section(_page(client, project), "ingenierie")
    assert request.get_absolute_url() in section
    assert "déposée</span>" in section
    request.status = RequestStatus.ACCEPTED
    request.save()
    assert "acceptée</span>" in _section(_page(client, project), "ingenierie")


def test_a_wait_stopped_and_a_wait_answered_show_at_once(client_as, world):
    sample_template()
    project = ProjectFactory(organisation=world["org"])
    client = client_as(world["member"])
    _page(client, project)
    assistance_services.wait_on_project(project=project, user=world["staff_in"], waiting_for="Le budget voté")
    assert "Le budget voté" in _page(client, project)
    assistance_services.stop_waiting_on_project(project=project, user=world["staff_in"])  # a queryset update
    assert "Le budget voté" not in _page(client, project)

    assistance_services.wait_on_project(project=project, user=world["staff_in"], waiting_for="La délibération")
    assert "La délibération" in _page(client, project)
    url = reverse("journeys:comment_create", kwargs={"public_id": project.public_id})
    client.post(url, {"body": "Voici la délibération."})  # a member acted: the wait is answered
    assert "L’ANCT attend de votre part" not in _page(client, project)


def test_a_new_report_and_a_retry_show_at_once(client_as, world):
    sample_template()
    project = ProjectFactory(organisation=world["org"])
    client = client_as(world["member"])
    assert "Aucun rapport" in _page(client, project)
    report = ReportFactory(project=project, status=ReportStatus.RUNNING)
    section = _section(_page(client, project), "rapport")
    assert "En cours" in section
    note_retry(report_id=report.pk, reason="stockage indisponible")  # a queryset update
    section = _section(_page(client, project), "rapport")
    assert "En attente" in section
    assert "En cours" not in section


def test_a_new_similar_initiative_and_a_theme_show_at_once(client_as, world):
    sample_template()
    theme = ThemeFactory(slug="mobilite")
    project = ProjectFactory(organisation=world["org"])
    client = client_as(world["member"])
    assert "Des projets comme le vôtre" not in _page(client, project)
    other = ProjectFactory(organisation=world["other_org"])
    other.themes.add(theme)
    initiative = InitiativeFactory(project=other, title="Des navettes à la demande")
    project.themes.add(theme)
    assert "Des navettes à la demande" in _section(_page(client, project), "galerie")
    initiative.title = "Des navettes partagées"
    initiative.save()
    assert "Des navettes partagées" in _section(_page(client, project), "galerie")
    other.themes.remove(theme)
    assert "Des navettes partagées" not in _page(client, project)


def test_a_viewer_never_sees_another_viewers_sections(client_as, world):
    sample_template()
    project = ProjectFactory(organisation=world["org"])
    ReportFactory(project=project, status=ReportStatus.FAILED)
    # ANCT's chargé de mission first, then the referent: their sections are kept, each under their own rights.
    staff_html = _page(client_as(world["staff_in"]), project)
    assert "Attendre la réponse de la collectivité" in staff_html
    assert "Réessayer" not in staff_html
    referent_html = _page(client_as(world["referent"]), project)
    assert "Publier dans la galerie" in referent_html
    member_html = _page(client_as(world["member"]), project)
    for html in (referent_html, member_html):
        assert "Attendre la réponse de la collectivité" not in html
        assert "Réessayer" in html
    assert "Publier dans la galerie" not in member_html
    assert "Un référent de votre collectivité peut le publier" in member_html


def test_each_request_gets_its_own_csrf_token_and_nonce(world):
    sample_template()
    project = ProjectFactory(organisation=world["org"])
    seen = []
    for _ in range(2):
        client = Client(enforce_csrf_checks=True)
        client.force_login(world["member"])
        response = client.get(project.get_absolute_url())
        html = response.content.decode()
        tokens = set(CSRF_VALUE.findall(_section(html, "rapport")))
        assert len(tokens) == 1
        assert "csrf-token-of" not in html
        assert "csp-nonce-of" not in html
        nonce = SCRIPT_NONCE.search(html).group(1)
        assert f"'nonce-{nonce}'" in response.headers["Content-Security-Policy"]
        seen.append((tokens.pop(), nonce))
    assert seen[0][0] != seen[1][0]
    assert seen[0][1] != seen[1][1]
