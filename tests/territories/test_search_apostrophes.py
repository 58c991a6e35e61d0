"""The territory picker finds names typed without their apostrophe, and with one where the name has none."""

import pytest

from territories.selectors import search_territories
from tests.territories.factories import CommuneFactory


@pytest.mark.parametrize(
    ("name", "typed"),
    [
        ("L'Isle-Adam", "lisle adam"),
        ("L'Isle-Adam", "l'isle adam"),
        ("L'Isle-Adam", "l isle adam"),
        ("Saint-Jean-d'Angély", "st jean dangely"),
        ("Saint-Jean-d'Angély", "saint jean d'angely"),
        ("Lisle-sur-Tarn", "l'isle sur tarn"),
        ("Lisle-sur-Tarn", "lisle sur tarn"),
    ],
)
def test_an_elided_apostrophe_matches_with_or_without_it(db, name, typed):
    CommuneFactory(name=name)
    assert [hit.name for hit in search_territories(typed)] == [name]
