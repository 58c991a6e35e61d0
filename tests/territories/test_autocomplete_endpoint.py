import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

URL = reverse("territories:autocomplete")


@pytest.mark.usefixtures("small_referential")
def test_anonymous_visitor_gets_json_results(client):
    response = client.get(URL, {"q": "st etienne"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    first = response.json()["results"][0]
    assert first["kind"] == "commune"
    assert first["code"] == "42218"
    assert first["name"] == "Saint-Étienne"
    assert first["label"] == "Saint-Étienne (42) — commune"
    assert first["departement"] == "42"
    assert isinstance(first["id"], int)


@pytest.mark.usefixtures("small_referential")
def test_types_parameter_restricts_kinds(client):
    response = client.get(URL, {"q": "saint etienne", "types": "epci"})

    assert [r["label"] for r in response.json()["results"]] == ["Saint-Étienne Métropole (42) — EPCI"]


@pytest.mark.usefixtures("small_referential")
@pytest.mark.parametrize("query", ["", "s", " l "])
def test_short_query_gives_empty_results(client, query):
    response = client.get(URL, {"q": query})

    assert response.json() == {"results": []}


def test_autocomplete_refuses_post(client):
    assert client.post(URL, {"q": "lyon"}).status_code == 405


@pytest.mark.usefixtures("small_referential")
def test_autocomplete_runs_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    # One UNION ALL of every kind, then the communes matching inside the name.
    with django_assert_max_num_queries(2):
        client.get(URL, {"q": "saint"})


@pytest.mark.usefixtures("small_referential")
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    q=st.text(max_size=60)
    | st.from_regex(r"\d{1,10}", fullmatch=True)
    | st.sampled_from(["%", "_", "\\", "2A", "(42)"]),
    types=st.none() | st.text(max_size=30) | st.sampled_from(["commune,epci", "region", ",,,", "departement"]),
)
def test_autocomplete_never_fails_on_any_input(client, q, types):
    params = {"q": q}
    if types is not None:
        params["types"] = types
    response = client.get(URL, params)

    if any("\x00" in value for value in params.values()):
        # PostgreSQL refuses NUL in text: the site-wide backstop answers its French 400 page.
        assert response.status_code == 400
        return
    assert response.status_code == 200
    assert isinstance(response.json()["results"], list)
