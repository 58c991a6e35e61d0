import pytest
from django.urls import reverse

from territories.forms import TerritoryAutocompleteInput, TerritoryPickerForm
from territories.models import Commune, Epci

pytestmark = pytest.mark.usefixtures("small_referential")


def test_picker_without_javascript_offers_radio_choices():
    form = TerritoryPickerForm({"q": "saint etienne"})

    assert not form.is_valid()
    assert form.errors["choice"] == ["Choisissez votre collectivité dans la liste."]
    labels = [label for _value, label in form.fields["choice"].choices]
    assert labels[:2] == ["Saint-Étienne (42) — commune", "Saint-Étienne Métropole (42) — EPCI"]


def test_picker_accepts_the_radio_choice():
    commune = Commune.objects.get(insee_code="42218")
    form = TerritoryPickerForm({"q": "saint etienne", "choice": f"commune:{commune.pk}"})

    assert form.is_valid(), form.errors
    assert form.cleaned_data["territory"] == commune


def test_picker_accepts_the_value_filled_by_javascript():
    epci = Epci.objects.get(siren="200046977")
    form = TerritoryPickerForm({"q": "Métropole de Lyon (69) — EPCI", "territory": f"epci:{epci.pk}"})

    assert form.is_valid(), form.errors
    assert form.cleaned_data["territory"] == epci


def test_picker_refuses_a_kind_it_does_not_offer():
    epci = Epci.objects.get(siren="200046977")
    form = TerritoryPickerForm({"q": "lyon", "territory": f"epci:{epci.pk}"}, kinds=["commune"])

    assert not form.is_valid()
    assert "introuvable" in form.errors["q"][0]


def test_picker_explains_when_nothing_matches():
    form = TerritoryPickerForm({"q": "zzzz"})

    assert not form.is_valid()
    assert form.errors["q"][0].startswith("Aucune collectivité ne correspond à « zzzz »")


def test_widget_carries_the_autocomplete_contract():
    html = TerritoryAutocompleteInput(kinds=["commune", "epci"], select_action="/suite/").render("etape-q", "")

    assert f'data-territory-autocomplete="{reverse("territories:autocomplete")}"' in html
    assert 'data-territory-kinds="commune,epci"' in html
    assert 'data-territory-target="etape-territory"' in html
    assert 'data-territory-action="/suite/"' in html
    assert 'autocomplete="off"' in html


def test_visitor_without_javascript_reaches_a_territory_card(client):
    url = reverse("territories:territory_search")
    response = client.get(url, {"q": "st etienne"})

    assert response.status_code == 200
    content = response.content.decode()
    assert "Choisissez votre collectivité dans la liste." in content
    assert "Saint-Étienne (42) — commune" in content
    assert 'src="/static/js/territory-autocomplete.js"' in content

    commune = Commune.objects.get(insee_code="42218")
    response = client.get(url, {"q": "st etienne", "choice": f"commune:{commune.pk}"})

    content = response.content.decode()
    assert '<h2 id="fiche-titre">Saint-Étienne (42) — commune</h2>' in content
    assert "Saint-Étienne Métropole" in content
    assert "214202186" in content


def test_territory_card_runs_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    epci = Epci.objects.get(siren="244200770")
    with django_assert_max_num_queries(12):
        response = client.get(reverse("territories:territory_search"), {"q": "x", "territory": f"epci:{epci.pk}"})

    assert "Saint-Étienne Métropole (42) — EPCI" in response.content.decode()


def test_link_with_a_territory_alone_shows_its_card(client):
    commune = Commune.objects.get(insee_code="69266")

    response = client.get(reverse("territories:territory_search"), {"territory": f"commune:{commune.pk}"})

    assert "Villeurbanne (69) — commune" in response.content.decode()


@pytest.mark.parametrize("query", ["", "a"])
def test_picker_asks_for_two_characters(query):
    form = TerritoryPickerForm({"q": query})

    assert not form.is_valid()
    assert form.errors["q"] == ["Saisissez au moins deux caractères : nom, code postal, code Insee ou SIREN."]


def test_radio_choices_disappear_once_a_territory_is_chosen(client):
    commune = Commune.objects.get(insee_code="42218")

    response = client.get(
        reverse("territories:territory_search"),
        {"q": "Saint-Étienne (42) — commune", "territory": f"commune:{commune.pk}"},
    )

    content = response.content.decode()
    assert "Choisissez la collectivité" not in content
    assert "Saint-Étienne Métropole" in content
