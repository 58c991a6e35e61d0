import pytest
from django.urls import reverse

from tests.resources.factories import ResourceFactory


@pytest.mark.parametrize("role", ["anonymous", "outsider", "member", "staff_in"])
def test_everyone_reads_the_library_without_logging_in(role, world, client_as):
    resource = ResourceFactory(title="Guide ouvert à tous")
    client = client_as(world[role])

    listing = client.get(reverse("resources:index"))
    detail = client.get(resource.get_absolute_url())

    assert listing.status_code == 200
    assert detail.status_code == 200
    assert "Guide ouvert à tous" in listing.text


@pytest.mark.parametrize("role", ["anonymous", "member", "staff_in"])
def test_unpublished_resource_is_hidden_from_everyone_on_the_site(role, world, client_as):
    draft = ResourceFactory(title="Brouillon", unpublished=True)
    client = client_as(world[role])

    assert client.get(draft.get_absolute_url()).status_code == 404
    assert "Brouillon" not in client.get(reverse("resources:index")).text


def test_the_library_only_answers_safe_methods(client):
    resource = ResourceFactory()

    assert client.post(reverse("resources:index")).status_code == 405
    assert client.post(resource.get_absolute_url()).status_code == 405
