"""Reads of the resource library: the filtered list with its counts, a resource page and its related resources."""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Count, Max, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Collate

from catalogue.facets import Facet, FacetValue
from catalogue.models import Theme
from resources.enums import Audience, ResourceKind
from resources.filters import AUDIENCE_CHOICES, FACETS, ResourceFilter
from resources.models import Resource

PAGE_SIZE = 12
RELATED_COUNT = 3
# What a card shows (the related resources do not need the long texts).
CARD_FIELDS = [
    "slug",
    "title",
    "original_title",
    "original_language",
    "kind",
    "summary",
    "audience",
    "reading_minutes",
    "updated_on",
]


@dataclass
class ResourcePage:
    page: Page
    facets: list[Facet]
    total: int
    terms: str

    @property
    def is_filtered(self) -> bool:
        return bool(self.terms) or any(value.selected for facet in self.facets for value in facet.values)


def _and(conditions) -> Q:
    result = Q()
    for condition in conditions:
        result &= condition
    return result


def _title_order():
    # French alphabetical order on PostgreSQL (« Éthique » sorts with E); SQLite keeps its binary order.
    if connection.vendor == "postgresql":
        return Collate("title", "fr-FR-x-icu")
    return "title"


def library_version() -> str:
    """A token that changes whenever a resource is created, edited or deleted (one query), for cache keys.

    A theme renamed in the catalogue is not part of it: cached pages show the old name until they expire.
    """
    state = Resource.objects.aggregate(count=Count("pk"), last=Max("modified_at"))
    return f"{state['count']}|{state['last']}"


def published_resources() -> QuerySet[Resource]:
    return Resource.objects.published()


def resource_page(filterset: ResourceFilter, *, page_number: str | int | None) -> ResourcePage:
    """The published resources matching the query string, one page of them, and each facet value with its count.

    A value's count applies every *other* active facet, so ticking a value never hides its siblings.
    Runs a fixed number of queries whatever the data size: count, page, themes of the page, three facet counts.
    """
    conditions = filterset.conditions()
    base = published_resources()

    def others(excluded: str) -> QuerySet[Resource]:
        return base.filter(_and(q for name, q in conditions.items() if name != excluded))

    results = base.filter(_and(conditions.values())).prefetch_related("themes").order_by(_title_order(), "pk")
    page = Paginator(results, PAGE_SIZE).get_page(page_number)

    kinds = dict(
        others("type").order_by().values_list("kind").annotate(count=Count("pk")).values_list("kind", "count")
    )
    type_facet = Facet("type", "Type de ressource")
    for value, label in ResourceKind.choices:
        type_facet.values.append(FacetValue(value, label, kinds.get(value, 0), value in filterset.selected("type")))

    theme_facet = Facet("theme", "Thématique")
    theme_counts = (
        Theme.objects.filter(resources__in=others("theme"))
        .annotate(count=Count("resources", distinct=True))
        .order_by("position", "name")
        .values_list("slug", "name", "count")
    )
    for slug, name, count in theme_counts:
        theme_facet.values.append(FacetValue(slug, name, count, slug in filterset.selected("theme")))

    audiences = dict(
        others("public")
        .order_by()
        .values_list("audience")
        .annotate(count=Count("pk"))
        .values_list("audience", "count")
    )
    audience_facet = Facet("public", "Public")
    for value, label in AUDIENCE_CHOICES:
        count = audiences.get(value, 0) + audiences.get(Audience.ALL, 0)
        audience_facet.values.append(FacetValue(value, label, count, value in filterset.selected("public")))

    facets_by_name = {facet.name: facet for facet in (type_facet, theme_facet, audience_facet)}
    return ResourcePage(
        page=page,
        facets=[facets_by_name[name] for name, _label in FACETS],
        total=page.paginator.count,
        terms=filterset.search_terms(),
    )


def resource_for_page(slug: str) -> Resource | None:
    """The published resource `slug` with its themes, or None."""
    return published_resources().prefetch_related("themes").filter(slug=slug).first()


def related_resources(resource: Resource, *, limit: int = RELATED_COUNT) -> list[Resource]:
    """Other published resources sharing the most themes with `resource` (one query)."""
    theme_ids = [theme.pk for theme in resource.themes.all()]
    if not theme_ids:
        return []
    links = Resource.themes.through.objects.filter(theme_id__in=theme_ids, resource_id=OuterRef("pk"))
    # The stubs do not see an annotation of the auto-created through model: `count` is one.
    shared = links.order_by().values("resource_id").annotate(count=Count("pk")).values("count")  # type: ignore[misc]
    return list(
        published_resources()
        .exclude(pk=resource.pk)
        .annotate(shared=Subquery(shared))
        .filter(shared__gt=0)
        .only(*CARD_FIELDS)
        .order_by("-shared", "-updated_on", "title")[:limit]
    )
