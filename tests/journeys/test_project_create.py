from django.urls import reverse

from journeys.enums import EventKind
from journeys.models import Project
from tests.journeys.factories import ThemeFactory, sample_template


def test_member_creates_a_project_at_the_first_stage(client_as, world):
    sample_template()
    theme = ThemeFactory(slug="donnees")
    client = client_as(world["member"])
    response = client.post(
        reverse("journeys:project_create"),
        {
            "organisation": world["org"].pk,
            "title": "Chatbot de l’accueil",
            "description": "Répondre aux questions fréquentes.",
            "public_concerned": "Habitants",
            "themes": [theme.pk],
        },
    )
    project = Project.objects.get()
    assert response.status_code == 302
    assert response["Location"] == project.get_absolute_url()
    assert project.current_stage.key == "agenda"
    assert project.organisation == world["org"]
    assert list(project.themes.all()) == [theme]
    assert project.events.filter(kind=EventKind.CREATED, actor=world["member"]).exists()
    assert project.transitions.count() == 1


def test_member_cannot_create_a_project_for_another_organisation(client_as, world):
    sample_template()
    response = client_as(world["member"]).post(
        reverse("journeys:project_create"),
        {"organisation": world["other_org"].pk, "title": "Intrus", "description": "x"},
    )
    assert response.status_code == 400
    assert not Project.objects.exists()


def test_member_sees_a_clear_message_when_no_journey_is_published(client_as, world):
    response = client_as(world["member"]).post(
        reverse("journeys:project_create"),
        {"organisation": world["org"].pk, "title": "Projet", "description": "Un besoin."},
    )
    assert response.status_code == 400
    assert "Aucun parcours n’est publié" in response.content.decode()
    assert not Project.objects.exists()


def test_staff_without_organisation_gets_403_on_create(client_as, world):
    assert client_as(world["staff_in"]).get(reverse("journeys:project_create")).status_code == 403
