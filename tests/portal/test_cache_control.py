"""Private pages are never kept by a browser or proxy cache (`Cache-Control: private, no-store`); public pages
seen anonymously stay cacheable."""

import pytest
from django.urls import reverse

from tests.journeys.factories import ProjectFactory, sample_template

PRIVATE = "private, no-store"


@pytest.fixture
def project(world):
    sample_template()
    return ProjectFactory(organisation=world["org"])


@pytest.mark.parametrize(
    "url_name", ["accounts:profile", "journeys:project_list", "accounts:onboarding", "mfa_index", "account_email"]
)
def test_a_private_page_is_not_stored_by_any_cache(client_as, world, url_name):
    response = client_as(world["member"]).get(reverse(url_name))
    assert response.status_code == 200
    assert response["Cache-Control"] == PRIVATE


def test_a_project_page_is_not_stored_by_any_cache(client_as, world, project):
    response = client_as(world["member"]).get(project.get_absolute_url())
    assert response["Cache-Control"] == PRIVATE


@pytest.mark.parametrize("url_name", ["portal:home", "catalogue:service_list", "resources:index"])
def test_a_public_page_seen_by_a_logged_in_person_is_private_too(client_as, world, url_name):
    # The header shows their name and the page may show their collectivité's declarations.
    assert client_as(world["member"]).get(reverse(url_name))["Cache-Control"] == PRIVATE


def test_the_redirect_to_log_in_of_a_private_page_is_not_stored(client):
    response = client.get(reverse("accounts:profile"))
    assert response.status_code == 302
    assert response["Cache-Control"] == PRIVATE


@pytest.mark.parametrize(
    "url_name", ["portal:home", "catalogue:service_list", "resources:index", "territories:programme_list"]
)
def test_a_public_page_seen_anonymously_stays_cacheable(client, url_name):
    response = client.get(reverse(url_name))
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")
    assert "private" not in response.get("Cache-Control", "")


def test_the_territory_autocomplete_stays_publicly_cacheable_for_anonymous_visitors(client):
    assert client.get(reverse("territories:autocomplete"), {"q": "pa"})["Cache-Control"] == "public, max-age=300"


def test_a_view_that_sets_its_own_no_store_keeps_it(client_as, world):
    response = client_as(world["member"]).get(reverse("accounts:data_export"))
    assert response["Cache-Control"] == "no-store"
    response = client_as(None).get(reverse("portal:health"))
    assert "no-store" in response["Cache-Control"]
    assert "max-age=0" in response["Cache-Control"]
