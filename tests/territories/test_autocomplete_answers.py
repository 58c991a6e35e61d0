"""The pickers' answers kept in the worker's memory: no query for a repeated search, and never an answer older
than the referential (a load, a territory saved, another worker's load within VERSION_CHECK_SECONDS)."""

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse

from territories import selectors
from territories.models import Commune
from tests.territories.paths import DATA

URL = reverse("territories:autocomplete")


def _names(client, query: str) -> list[str]:
    return [hit["name"] for hit in client.get(URL, {"q": query}).json()["results"]]


@pytest.mark.usefixtures("small_referential")
def test_a_repeated_search_runs_no_query(client, django_assert_num_queries):
    first = client.get(URL, {"q": "saint"})
    with django_assert_num_queries(0):
        again = client.get(URL, {"q": "saint"})

    assert again.content == first.content
    assert again["Content-Type"] == "application/json"
    assert again["Cache-Control"] == "public, max-age=300"


@pytest.mark.usefixtures("small_referential")
def test_other_parameters_are_other_answers(client):
    assert _names(client, "saint etienne")[0] == "Saint-Étienne"
    epci = client.get(URL, {"q": "saint etienne", "types": "epci"}).json()["results"]
    assert [hit["kind"] for hit in epci] == ["epci"]


def test_a_new_release_of_the_referential_shows_at_once(client):
    call_command("load_territoires", source=str(DATA / "v1"), stdout=None)
    assert "Roanne" in _names(client, "roanne")

    call_command("load_territoires", source=str(DATA / "v2"), stdout=None)  # Roanne is no longer active

    assert "Roanne" not in _names(client, "roanne")


@pytest.mark.usefixtures("small_referential")
def test_a_territory_saved_one_by_one_shows_at_once(client):
    assert _names(client, "firminy") == ["Firminy"]
    commune = Commune.objects.get(name="Firminy")
    commune.is_active = False
    commune.save()

    assert _names(client, "firminy") == []


@pytest.mark.usefixtures("small_referential")
def test_a_load_by_another_worker_shows_within_the_check_delay(client, monkeypatch):
    monkeypatch.setattr(selectors, "VERSION_CHECK_SECONDS", 3600)
    assert _names(client, "firminy") == ["Firminy"]
    # Another process loads a release: its rows change and the shared version moves, this worker's memory stays.
    Commune.objects.filter(name="Firminy").update(is_active=False)
    cache.set(selectors.REFERENTIAL_VERSION_KEY, "another-release", timeout=None)
    assert _names(client, "firminy") == ["Firminy"], "within the delay, the worker answers from its memory"

    monkeypatch.setattr(selectors, "VERSION_CHECK_SECONDS", 0)

    assert _names(client, "firminy") == []
