"""A chargé de mission of another département sees none of a request, by any URL or filter."""

import re

import pytest
from django.urls import reverse

from tests.assistance.factories import AssistanceRequestFactory
from tests.journeys.factories import ProjectFactory

LISTS = ["espace:request_list", "espace:organisation_list", "espace:project_list"]
EXPORTS = ["espace:request_export", "espace:organisation_export", "espace:project_export"]


@pytest.fixture
def found(world):
    project = ProjectFactory(organisation=world["org"], title="Chatbot de la mairie de Saint-Secret")
    return AssistanceRequestFactory(project=project)


@pytest.mark.parametrize("name", LISTS + EXPORTS)
def test_lists_and_exports_of_another_département_show_nothing_of_it(client_as, world, found, name):
    response = client_as(world["staff_out"]).get(reverse(name))
    content = (b"".join(response.streaming_content) if response.streaming else response.content).decode()
    assert world["org"].name not in content
    assert "Saint-Secret" not in content
    assert str(found.public_id) not in content


@pytest.mark.parametrize("name", LISTS + EXPORTS)
@pytest.mark.parametrize("field", ["departement", "region"])
def test_asking_for_a_territory_outside_the_scope_is_a_404(client_as, world, found, name, field):
    value = world["org"].departement_id if field == "departement" else world["org"].region_id
    response = client_as(world["staff_out"]).get(reverse(name), {field: value})
    assert response.status_code == 404


@pytest.mark.parametrize("name", LISTS)
def test_territorial_filters_only_offer_the_scope(client_as, world, found, name):
    page = client_as(world["staff_out"]).get(reverse(name)).content.decode()
    # Only the département filter's options: another field's option may carry the same number.
    offered = re.search(r'<select[^>]*name="departement".*?</select>', page, re.S).group(0)
    assert f'value="{world["other_org"].departement_id}"' in offered
    assert f'value="{world["org"].departement_id}"' not in offered


@pytest.mark.parametrize(
    "name",
    [
        "espace:request_detail",
        "espace:request_status",
        "espace:request_message",
        "espace:request_mobilise",
        "espace:request_assign",
        "espace:request_waiting",
        "espace:request_follow",
    ],
)
def test_every_request_url_is_a_404_outside_the_scope(client_as, world, found, name):
    client = client_as(world["staff_out"])
    url = reverse(name, kwargs={"public_id": found.public_id})
    response = client.get(url) if name == "espace:request_detail" else client.post(url, {"status": "instruction"})
    assert response.status_code == 404
    found.refresh_from_db()
    assert found.status == "deposee"
    assert not found.events.exists()


def test_the_collectivité_side_is_a_404_for_another_département_too(client_as, world, found):
    client = client_as(world["staff_out"])
    assert client.get(found.get_absolute_url()).status_code == 404
    assert (
        client.get(reverse("espace:organisation_detail", kwargs={"public_id": world["org"].public_id})).status_code
        == 404
    )


def test_the_home_of_another_département_counts_none_of_it(client_as, world, found):
    page = client_as(world["staff_out"]).get(reverse("espace:home")).content.decode()
    assert world["org"].name not in page
    assert "Aucune nouvelle demande." in page


def test_the_chargé_of_the_département_sees_it(client_as, world, found):
    client = client_as(world["staff_in"])
    assert world["org"].name in client.get(reverse("espace:home")).content.decode()
    listing = client.get(reverse("espace:request_list"), {"departement": world["org"].departement_id})
    assert listing.status_code == 200
    assert found.get_espace_url() in listing.content.decode()
