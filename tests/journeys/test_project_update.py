from django.urls import reverse

from tests.journeys.factories import ProjectFactory, ThemeFactory, sample_template


def test_member_updates_the_project_presentation(client_as, world):
    sample_template()
    project = ProjectFactory(organisation=world["org"])
    theme = ThemeFactory(slug="mobilite", name="Mobilités")
    url = reverse("journeys:project_update", kwargs={"public_id": project.public_id})
    response = client_as(world["member"]).post(
        url, {"title": "Nouveau titre", "description": "Nouveau besoin", "public_concerned": "", "themes": [theme.pk]}
    )
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.title == "Nouveau titre"
    assert list(project.themes.all()) == [theme]
    assert project.events.filter(message__contains="modifié la présentation").exists()


def test_empty_title_is_refused(client_as, world):
    sample_template()
    project = ProjectFactory(organisation=world["org"], title="Titre d’origine")
    url = reverse("journeys:project_update", kwargs={"public_id": project.public_id})
    response = client_as(world["member"]).post(url, {"title": "", "description": "x"})
    assert response.status_code == 400
    project.refresh_from_db()
    assert project.title == "Titre d’origine"


def test_staff_in_scope_cannot_update_the_project(client_as, world):
    sample_template()
    project = ProjectFactory(organisation=world["org"])
    url = reverse("journeys:project_update", kwargs={"public_id": project.public_id})
    assert client_as(world["staff_in"]).post(url, {"title": "x", "description": "y"}).status_code == 403
