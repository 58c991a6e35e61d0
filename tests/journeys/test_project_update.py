from django.urls import reverse

from journeys.models import Project
from tests.journeys.factories import ProjectFactory, ThemeFactory, sample_template


def _presentation(project: Project) -> tuple:
    """Everything the update form may change, read back from the database, and the project's history."""
    project = Project.objects.get(pk=project.pk)
    return (
        project.title,
        project.description,
        project.public_concerned,
        sorted(project.themes.values_list("pk", flat=True)),
        list(project.events.values_list("message", flat=True)),
    )


def test_member_updates_the_project_presentation(client_as, world):
    sample_template()
    project = ProjectFactory(organisation=world["org"])
    theme = ThemeFactory(slug="mobilite", name="Mobilités")
    url = reverse("journeys:project_update", kwargs={"public_id": project.public_id})
    response = client_as(world["member"]).post(
        url,
        {
            "title": "Nouveau titre",
            "description": "Nouveau besoin",
            "public_concerned": "Agents",
            "themes": [theme.pk],
        },
    )
    assert response.status_code == 302
    assert _presentation(project) == (
        "Nouveau titre",
        "Nouveau besoin",
        "Agents",
        [theme.pk],
        ["a modifié la présentation du projet"],
    )
    assert project.events.get().actor == world["member"]


def test_empty_title_is_refused_and_nothing_is_saved(client_as, world):
    sample_template()
    project = ProjectFactory(organisation=world["org"], title="Titre d’origine")
    before = _presentation(project)
    url = reverse("journeys:project_update", kwargs={"public_id": project.public_id})
    response = client_as(world["member"]).post(url, {"title": "", "description": "x", "public_concerned": "y"})
    assert response.status_code == 400
    # The form checks the title, but the description and the public posted with it must not be saved either.
    assert _presentation(project) == before


def test_staff_in_scope_cannot_update_the_project(client_as, world):
    sample_template()
    project = ProjectFactory(organisation=world["org"])
    before = _presentation(project)
    url = reverse("journeys:project_update", kwargs={"public_id": project.public_id})
    assert client_as(world["staff_in"]).post(url, {"title": "x", "description": "y"}).status_code == 403
    assert _presentation(project) == before
