"""Project page and « Mes projets » run the same number of queries whatever the amount of data (and the project
page at most a known number)."""

import copy

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from journeys.content.loader import load_template
from journeys.models import Comment, ProjectEvent, StepAnswer
from journeys.page_versions import every_project_page_changed
from tests.journeys import sample_content
from tests.journeys.factories import (
    ProjectFactory,
    ThemeFactory,
    complete_stage,
    move_to,
    sample_diagnostic,
    sample_template,
)


def _count(client, url, *, rendered: bool = False) -> int:
    """Queries of a warm visit; `rendered`: of a project page whose kept body must be rendered anew (a write)."""
    client.get(url)  # warm caches (session, content types)
    if rendered:
        every_project_page_changed()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def _grow(project, author, n):
    Comment.objects.bulk_create(
        Comment(project=project, author=author, body=f"Commentaire {i}", body_html=f"<p>Commentaire {i}</p>")
        for i in range(n)
    )
    ProjectEvent.objects.bulk_create(
        ProjectEvent(project=project, actor=author, kind="comment", message="a commenté") for _ in range(n)
    )


def test_project_page_query_count_does_not_grow_with_answers_and_comments(client_as, world):
    sample_template()
    project = move_to(ProjectFactory(organisation=world["org"]), "cadrage")
    client = client_as(world["member"])
    url = project.get_absolute_url() + "?etape=agenda"
    small = _count(client, url, rendered=True)
    complete_stage(project, "agenda")
    complete_stage(project, "diagnostic")
    complete_stage(project, "cadrage")
    project.themes.add(ThemeFactory(slug="donnees"), ThemeFactory(slug="mobilite"))
    _grow(project, world["member"], 30)
    assert StepAnswer.objects.count() >= 5
    large = _count(client, url, rendered=True)
    assert small == large, f"{small} requêtes pour un petit projet, {large} pour un grand"
    # Upper bounds, to lower when a query goes (never raise them): rendered anew, and kept (journeys.pages).
    assert large <= 15
    assert _count(client, url) <= 3


def test_project_list_query_count_does_not_grow_with_projects(client_as, world):
    sample_template()
    client = client_as(world["member"])
    url = reverse("journeys:project_list")
    ProjectFactory(organisation=world["org"])
    small = _count(client, url)
    theme = ThemeFactory(slug="donnees")
    for _ in range(12):
        project = ProjectFactory(organisation=world["org"])
        project.themes.add(theme)
        complete_stage(project, "agenda")
    large = _count(client, url)
    assert small == large, f"{small} requêtes pour 1 projet, {large} pour 13"


def test_staff_project_list_query_count_does_not_grow_with_projects(client_as, world):
    sample_template()
    client = client_as(world["staff_in"])
    url = reverse("journeys:project_list")
    ProjectFactory(organisation=world["org"])
    small = _count(client, url)
    for _ in range(8):
        ProjectFactory(organisation=world["org"])
    assert _count(client, url) == small


def test_project_page_query_count_does_not_grow_with_the_number_of_steps(client_as, world):
    sample_template()
    small_project = ProjectFactory(organisation=world["org"])
    bigger = copy.deepcopy(sample_content.TEMPLATE)
    bigger["slug"] = "parcours-long"
    bigger["stages"][0]["steps"] += [
        {"key": f"extra-{n}", "kind": "text", "title": f"Action {n}", "help": "Aide **utile**.", "required": True}
        for n in range(15)
    ]
    template, _ = load_template(bigger)
    big_project = ProjectFactory(
        organisation=world["org"], template=template, current_stage=template.stages.get(key="agenda")
    )
    client = client_as(world["member"])
    small = _count(client, small_project.get_absolute_url(), rendered=True)
    large = _count(client, big_project.get_absolute_url(), rendered=True)
    assert small == large, f"{small} requêtes pour 4 actions, {large} pour 19"


def _stale_post_count(client, url, data) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.post(url, data)
    assert response.status_code == 409
    return len(ctx.captured_queries)


def test_stale_diagnostic_page_query_count_does_not_grow_with_the_conflicting_answers(client_as, world):
    sample_template()
    sample_diagnostic()
    project = move_to(ProjectFactory(organisation=world["org"]), "diagnostic")
    url = reverse("journeys:diagnostic_form", kwargs={"public_id": project.public_id})
    keys = [q["key"] for q in sample_content.DIAGNOSTIC["questions"]]
    client = client_as(world["member"])
    client.post(url, {"version": "0", **dict.fromkeys(keys, "3")})
    client.post(url, {"version": "0", keys[0]: "0"})  # warm caches
    one = _stale_post_count(client, url, {"version": "0", keys[0]: "0"})
    every = _stale_post_count(client, url, {"version": "0", **dict.fromkeys(keys, "0")})
    assert one == every, f"{one} requêtes pour 1 réponse en conflit, {every} pour {len(keys)}"


def test_stale_ethics_page_query_count_does_not_grow_with_the_conflicting_answers(client_as, world, monkeypatch):
    monkeypatch.setattr("journeys.services.ethics_check.ethics_content", lambda: sample_content.ETHICS_CHECK)
    monkeypatch.setattr("journeys.views.ethics_content", lambda: sample_content.ETHICS_CHECK)
    sample_template()
    project = move_to(ProjectFactory(organisation=world["org"]), "cadrage")
    url = reverse("journeys:ethics_form", kwargs={"public_id": project.public_id})
    client = client_as(world["member"])
    client.post(url, {"version": "0", "dp_traitement": "oui", "ia_utilisee": "oui", "aipd_realisee": "oui"})
    client.post(url, {"version": "0", "dp_traitement": "non"})  # warm caches
    one = _stale_post_count(client, url, {"version": "0", "dp_traitement": "oui"})
    every = _stale_post_count(client, url, {"version": "0", "dp_traitement": "non", "ia_utilisee": "non"})
    assert one == every, f"{one} requêtes pour 1 réponse en conflit, {every} pour 3"
