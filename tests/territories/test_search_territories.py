import pytest

from territories.models import Commune, Epci
from territories.selectors import get_territory, search_territories, territory_hit
from tests.territories.factories import CommuneFactory


def labels(query, **kwargs):
    return [hit.label for hit in search_territories(query, **kwargs)]


@pytest.mark.usefixtures("small_referential")
class TestSearchOnRealNames:
    @pytest.mark.parametrize("query", ["saint etienne", "st-etienne", "ST ETIENNE", "Saint-Étienne", "st etienne"])
    def test_visitor_finds_saint_etienne_however_typed(self, query):
        assert labels(query)[0] == "Saint-Étienne (42) — commune"

    def test_exact_name_comes_before_longer_names(self):
        assert labels("saint etienne")[:2] == ["Saint-Étienne (42) — commune", "Saint-Étienne Métropole (42) — EPCI"]

    def test_word_inside_a_name_is_found_after_prefix_matches(self):
        assert labels("lyon")[:2] == ["Lyon (69) — commune", "Métropole de Lyon (69) — EPCI"]

    def test_departement_and_region_are_labelled(self):
        assert "Loire (42) — département" in labels("loire")
        assert labels("auvergne") == ["Auvergne-Rhône-Alpes — région"]

    def test_postcode_finds_the_commune(self):
        assert labels("42100") == ["Saint-Étienne (42) — commune"]

    def test_partial_postcode_finds_communes_by_population(self):
        assert labels("420")[0] == "Saint-Étienne (42) — commune"

    def test_insee_code_finds_the_commune(self):
        assert labels("69123") == ["Lyon (69) — commune"]

    def test_siren_finds_the_epci_or_the_commune(self):
        assert labels("200046977") == ["Métropole de Lyon (69) — EPCI"]
        assert labels("214202186") == ["Saint-Étienne (42) — commune"]

    def test_departement_code_finds_the_departement(self):
        assert labels("42") == ["Loire (42) — département"]

    def test_kinds_restrict_the_results(self):
        assert labels("saint etienne", kinds=["epci"]) == ["Saint-Étienne Métropole (42) — EPCI"]
        assert labels("saint etienne", kinds="commune") == ["Saint-Étienne (42) — commune"]
        assert labels("saint etienne", kinds=["inconnu"]) == []

    def test_label_typed_back_finds_that_territory_first(self):
        assert labels("Saint-Étienne Métropole (42) — EPCI")[0] == "Saint-Étienne Métropole (42) — EPCI"

    def test_hit_carries_codes_and_population(self):
        hit = search_territories("villeurbanne")[0]

        assert (hit.kind, hit.code, hit.name, hit.departement) == ("commune", "69266", "Villeurbanne", "69")
        assert hit.population > 100_000
        assert hit.value == f"commune:{Commune.objects.get(insee_code='69266').pk}"

    def test_inactive_territories_are_not_found(self):
        Commune.objects.filter(insee_code="42187").update(is_active=False)
        Epci.objects.filter(siren="200046977").update(is_active=False)

        assert labels("roanne") == []
        assert labels("200046977") == []

    def test_picker_value_designates_the_territory(self):
        hit = search_territories("brest", kinds="commune")[0]
        commune = get_territory(hit.value)

        assert commune.insee_code == "29019"
        assert territory_hit(commune).label == "Brest (29) — commune"


def test_population_breaks_ties_between_homonyms():
    CommuneFactory(name="Saint-Denis", search_name="saint denis", population=8_000, departement__code="11")
    CommuneFactory(name="Saint-Denis", search_name="saint denis", population=150_000, departement__code="974")

    assert labels("saint denis") == ["Saint-Denis (974) — commune", "Saint-Denis (11) — commune"]
    assert labels("saint denis 11") == ["Saint-Denis (11) — commune"]


@pytest.mark.parametrize("query", ["", " ", "a", "é", "--", "()", "'"])
def test_too_short_queries_give_nothing(query):
    CommuneFactory(name="Ay")

    assert search_territories(query) == []


@pytest.mark.parametrize("value", ["", "commune", "commune:", "commune:abc", "ville:1", "commune:999999", ":1"])
def test_bad_picker_values_designate_nothing(value):
    assert get_territory(value) is None


@pytest.mark.usefixtures("small_referential")
def test_trailing_number_that_matches_nothing_is_ignored():
    assert labels("lyon 15")[0] == "Lyon (69) — commune"
