"""The back-office "view on site" shortcut (/admin/r/<content type>/<id>/) stays within the staff member's scope."""

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from journeys.models import Project
from tests.accounts.factories import UserFactory, login_with_second_factor
from tests.journeys.factories import ProjectFactory, sample_template


def _shortcut(project):
    return reverse("admin:view_on_site", args=[ContentType.objects.get_for_model(Project).pk, project.pk])


def test_staff_of_another_territory_does_not_learn_a_project_address(client, world):
    sample_template()
    project = ProjectFactory(organisation=world["org"])
    login_with_second_factor(client, world["staff_out"])
    response = client.get(_shortcut(project))
    assert response.status_code == 404
    assert str(project.public_id) not in response.content.decode()
    assert str(project.public_id) not in response.get("Location", "")


def test_staff_in_scope_and_superuser_are_sent_to_the_project_page(client, world):
    sample_template()
    project = ProjectFactory(organisation=world["org"])
    for person in (world["staff_in"], UserFactory(is_staff=True, is_superuser=True)):
        login_with_second_factor(client, person)
        response = client.get(_shortcut(project))
        assert response.status_code == 302
        assert response["Location"].endswith(project.get_absolute_url())


def test_the_shortcut_refuses_a_model_the_back_office_does_not_show(client, world):
    login_with_second_factor(client, world["staff_in"])
    user_type = ContentType.objects.get_for_model(world["member"])
    assert client.get(reverse("admin:view_on_site", args=[user_type.pk, world["member"].pk])).status_code == 404
    assert client.get(reverse("admin:view_on_site", args=["inconnu", "1"])).status_code == 404
