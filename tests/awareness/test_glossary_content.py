"""The glossary: at least 40 terms for élus, stable anchors, an alphabetical index, a public page."""

import re

import pytest

from awareness import content
from awareness.content import ContentError, glossary, glossary_by_slug

# Terms the issue asks for by name (slug of each).
REQUIRED = {
    "donnee-ouverte",
    "algorithme-public",
    "ia-generative",
    "apprentissage-automatique",
    "aipd",
    "systeme-a-haut-risque",
    "commun-numerique",
    "interoperabilite",
    "donnee-personnelle",
    "hebergement-souverain",
}


def test_glossary_has_at_least_forty_terms_including_those_the_issue_names():
    terms = glossary()
    assert len(terms) >= 40
    assert set(glossary_by_slug()) >= REQUIRED
    assert all(len(term.definition) >= 80 for term in terms)


def test_glossary_is_sorted_alphabetically_ignoring_accents():
    letters = [term.letter for term in glossary()]
    assert letters == sorted(letters)
    assert glossary_by_slug()["equite"].letter == "E"


def test_a_see_also_to_an_unknown_term_stops_the_loading(monkeypatch):
    broken = [
        {"slug": "a", "term": "A", "aliases": [], "definition": "Définition.", "see_also": ["absent"]},
    ]
    monkeypatch.setattr(content, "_read", lambda name: broken)
    content.glossary.cache_clear()
    try:
        with pytest.raises(ContentError, match="absent"):
            content.glossary()
    finally:
        content.glossary.cache_clear()


def test_glossary_page_lists_every_term_under_its_anchor_with_a_letter_index(client):
    response = client.get("/glossaire/")

    assert response.status_code == 200
    page = response.content.decode()
    for term in glossary():
        assert f'<dt id="{term.slug}"' in page
    index = re.search(r'aria-label="Index alphabétique">(.*?)</nav>', page, re.DOTALL).group(1)
    assert 'href="#lettre-a"' in index
    assert 'id="lettre-a"' in page
    # « Voir aussi » links stay on the page.
    assert 'href="#rgpd"' in page
