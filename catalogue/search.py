"""French full-text search: PostgreSQL tsvector with an accent-free configuration, accent-folded LIKE on SQLite."""

import re
import unicodedata

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, Q, QuerySet, Value

from catalogue.models import ServiceSearchVector

SEARCH_CONFIG = "french_unaccent"  # created by migration catalogue.0002_french_search


def fold(text: str) -> str:
    """Lower-case and strip accents and ligatures: "Données École Œuvre" → "donnees ecole oeuvre"."""
    text = (text or "").lower().replace("œ", "oe").replace("æ", "ae").replace("’", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def uses_postgres() -> bool:
    return connection.vendor == "postgresql"


def search_vector_expression():
    """The stored vector (catalogue.models.ServiceSearchVector), computed on Service: the name weighs most, then the
    pitch, then everything else (description, themes…)."""
    return (
        SearchVector("name", weight="A", config=Value(SEARCH_CONFIG))
        + SearchVector("pitch", weight="B", config=Value(SEARCH_CONFIG))
        + SearchVector("search_text", weight="C", config=Value(SEARCH_CONFIG))
    )


def search_values(terms: str) -> list[str]:
    """What the search condition of `terms` is made of, as query parameters ([] when there is nothing to search):
    the terms on PostgreSQL, one pattern per accent-folded word elsewhere."""
    terms = (terms or "").strip()[:200]
    if not terms:
        return []
    if uses_postgres():
        return [terms]
    # At the start of a word, as PostgreSQL's lexemes do: « ia » must not match « social » or « media ».
    return [rf"(^|[^a-z0-9]){re.escape(word)}" for word in fold(terms).split()]


def search_condition(terms: str) -> Q | None:
    """The Q on Service matching `terms` (None when there is nothing to search)."""
    values = search_values(terms)
    return condition_of(values) if values else None


def condition_of(values: list[str]) -> Q:
    """The Q on Service of search_values() (or of markers in their place: see catalogue.selectors)."""
    if uses_postgres():
        return Q(search_entry__vector=_query(values[0]))
    condition = Q()
    for pattern in values:
        condition &= Q(search_text__regex=pattern)
    return condition


def _query(terms: str) -> SearchQuery:
    return SearchQuery(terms, config=Value(SEARCH_CONFIG), search_type="websearch")


def with_rank(queryset: QuerySet, terms: str) -> QuerySet:
    """Annotate `rank` (PostgreSQL with terms only) for the « pertinence » sort of an ORM query of services."""
    values = search_values(terms)
    if not values or not uses_postgres():
        return queryset
    return queryset.annotate(rank=SearchRank(F("search_entry__vector"), _query(values[0])))


def matching_vectors(values: list[str], *, with_rank: bool) -> QuerySet:
    """The (service id[, rank]) of the vectors matching search_values() (PostgreSQL), read from their own table
    alone: published or not (the caller keeps the services it lists)."""
    query = _query(values[0])
    vectors = ServiceSearchVector.objects.filter(vector=query).order_by()
    if with_rank:
        return vectors.annotate(rank=SearchRank(F("vector"), query)).values_list("service_id", "rank")
    return vectors.values_list("service_id")
