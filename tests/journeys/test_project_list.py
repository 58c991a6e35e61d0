from django.urls import reverse

from tests.journeys.factories import ProjectFactory, ThemeFactory, complete_stage, move_to, sample_template


def test_member_sees_their_organisation_projects_with_stage_and_progress(client_as, world):
    sample_template()
    mine = ProjectFactory(organisation=world["org"], title="Tableau de bord énergie")
    complete_stage(mine, "agenda")
    ProjectFactory(organisation=world["other_org"], title="Projet voisin")
    body = client_as(world["member"]).get(reverse("journeys:project_list")).content.decode()
    assert "Tableau de bord énergie" in body
    assert "Projet voisin" not in body
    assert "1. Mise à l’agenda" in body
    assert "3&nbsp;/&nbsp;9 actions obligatoires" in body


def test_projects_are_filtered_by_stage_and_theme(client_as, world):
    sample_template()
    theme = ThemeFactory(slug="mobilite", name="Mobilités")
    a = ProjectFactory(organisation=world["org"], title="Projet A")
    a.themes.add(theme)
    move_to(ProjectFactory(organisation=world["org"], title="Projet B"), "cadrage")
    client = client_as(world["member"])
    by_stage = client.get(reverse("journeys:project_list"), {"etape": "cadrage"}).content.decode()
    assert "Projet B" in by_stage
    assert "Projet A" not in by_stage
    by_theme = client.get(reverse("journeys:project_list"), {"thematique": "mobilite"}).content.decode()
    assert "Projet A" in by_theme
    assert "Projet B" not in by_theme


def test_project_list_is_paginated(client_as, world):
    sample_template()
    for _ in range(25):
        ProjectFactory(organisation=world["org"])
    response = client_as(world["member"]).get(reverse("journeys:project_list"))
    assert len(response.context["rows"]) == 20
    assert response.context["page_obj"].paginator.num_pages == 2


def test_staff_sees_projects_of_their_scope_only(client_as, world):
    sample_template()
    ProjectFactory(organisation=world["org"], title="Dans le périmètre")
    ProjectFactory(organisation=world["other_org"], title="Hors périmètre")
    body = client_as(world["staff_in"]).get(reverse("journeys:project_list")).content.decode()
    assert "Dans le périmètre" in body
    assert "Hors périmètre" not in body


def test_a_list_that_fits_one_page_is_counted_without_a_count_query(client_as, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    sample_template()
    for _ in range(3):
        ProjectFactory(organisation=world["org"])
    client = client_as(world["member"])
    client.get(reverse("journeys:project_list"))
    with CaptureQueriesContext(connection) as ctx:
        body = client.get(reverse("journeys:project_list")).content.decode()
    assert "<p>3 projets</p>" in body
    assert not [query for query in ctx.captured_queries if query["sql"].startswith("SELECT COUNT(*)")]


def test_the_second_page_and_a_full_first_page_keep_the_real_count(client_as, world):
    sample_template()
    for _ in range(21):
        ProjectFactory(organisation=world["org"])
    client = client_as(world["member"])
    first = client.get(reverse("journeys:project_list"))
    assert "<p>21 projets</p>" in first.content.decode()
    assert len(first.context["rows"]) == 20
    second = client.get(reverse("journeys:project_list"), {"page": "2"})
    assert "<p>21 projets</p>" in second.content.decode()
    assert len(second.context["rows"]) == 1


def test_each_row_links_to_its_project_with_its_themes_and_last_activity(client_as, world):
    from common.dates import french_datetime

    sample_template()
    projects = [ProjectFactory(organisation=world["org"]) for _ in range(3)]
    projects[1].themes.add(ThemeFactory(slug="mobilite", name="Mobilités & transports"), ThemeFactory(slug="eau"))
    body = client_as(world["member"]).get(reverse("journeys:project_list")).content.decode()
    for project in projects:
        project.refresh_from_db()
        assert f'<a href="{project.get_absolute_url()}">{project.title}</a>' in body
        assert f"<td>{french_datetime(project.last_activity_at)}</td>" in body
    themes = ", ".join(theme.name for theme in projects[1].themes.all()).replace("&", "&amp;")
    assert f'<span class="fr-text--xs">{themes}</span>' in body
