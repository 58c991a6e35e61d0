"""French full-text search: PostgreSQL tsvector with an accent-free configuration, accent-folded LIKE on SQLite."""

import re
import unicodedata

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, Q, QuerySet, Value

SEARCH_CONFIG = "french_unaccent"  # created by migration catalogue.0002_french_search


def fold(text: str) -> str:
    """Lower-case and strip accents and ligatures: "Données École Œuvre" → "donnees ecole oeuvre"."""
    text = (text or "").lower().replace("œ", "oe").replace("æ", "ae").replace("’", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def uses_postgres() -> bool:
    return connection.vendor == "postgresql"


def search_vector_expression():
    """The stored vector: the name weighs most, then the pitch, then everything else (description, themes…)."""
    return (
        SearchVector("name", weight="A", config=Value(SEARCH_CONFIG))
        + SearchVector("pitch", weight="B", config=Value(SEARCH_CONFIG))
        + SearchVector("search_text", weight="C", config=Value(SEARCH_CONFIG))
    )


def search_condition(terms: str) -> Q | None:
    """The Q on Service matching `terms` (None when there is nothing to search)."""
    terms = (terms or "").strip()[:200]
    if not terms:
        return None
    if uses_postgres():
        return Q(search_vector=_query(terms))
    condition = Q()
    for word in fold(terms).split():
        # At the start of a word, as PostgreSQL's lexemes do: « ia » must not match « social » or « media ».
        condition &= Q(search_text__regex=rf"(^|[^a-z0-9]){re.escape(word)}")
    return condition


def _query(terms: str) -> SearchQuery:
    return SearchQuery(terms, config=Value(SEARCH_CONFIG), search_type="websearch")


def with_rank(queryset: QuerySet, terms: str) -> QuerySet:
    """Annotate `rank` (PostgreSQL with terms only) for the « pertinence » sort."""
    terms = (terms or "").strip()[:200]
    if not terms or not uses_postgres():
        return queryset
    return queryset.annotate(rank=SearchRank(F("search_vector"), _query(terms)))
