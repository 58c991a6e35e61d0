import pytest

from territories.search import normalize, parse_query


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Saint-Étienne", "saint etienne"),
        ("ST ETIENNE", "saint etienne"),
        ("st-etienne", "saint etienne"),
        ("Ste-Foy-lès-Lyon", "sainte foy les lyon"),
        ("Saintes", "saintes"),
        ("L'Haÿ-les-Roses", "lhay les roses"),
        ("L’Île-Saint-Denis", "lile saint denis"),
        # An elided article matches with or without its apostrophe, in both directions.
        ("L'Isle-Adam", "lisle adam"),
        ("lisle adam", "lisle adam"),
        ("l isle adam", "lisle adam"),
        ("Saint-Jean-d'Angély", "saint jean dangely"),
        ("st jean dangely", "saint jean dangely"),
        ("Lisle-sur-Tarn", "lisle sur tarn"),
        ("l'isle sur tarn", "lisle sur tarn"),
        ("Œuilly", "oeuilly"),
        ("  École  ", "ecole"),
        ("Provence-Alpes-Côte d'Azur", "provence alpes cote dazur"),
        ("cote d", "cote d"),
        ("", ""),
        ("—", ""),
    ],
)
def test_names_are_normalised_for_search(text, expected):
    assert normalize(text) == expected


def test_picker_label_is_parsed_back_into_name_departement_and_kind():
    parsed = parse_query("Saint-Étienne (42) — commune")

    assert (parsed.name, parsed.departement, parsed.kind) == ("saint etienne", "42", "commune")


def test_trailing_departement_code_narrows_homonyms():
    parsed = parse_query("saint denis 93")

    assert (parsed.name, parsed.departement) == ("saint denis", "93")


@pytest.mark.parametrize("query", ["42000", "42218", "2A004", "2a004", "214202186", "420"])
def test_codes_are_recognised(query):
    assert parse_query(query).code == query.upper()
