"""Reads of the catalogue: the faceted list, a service page and what it shows (adopters, similar services)."""

import importlib
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import BooleanField, Count, ExpressionWrapper, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Collate

from accounts.models import Organisation
from accounts.permissions import organisations_of
from catalogue.enums import CollectiviteKind, CollectiviteSize, Maturity
from catalogue.facets import Facet, FacetValue
from catalogue.filters import AI_CHOICES, FACETS, HOSTING_CHOICES, ServiceFilter, facet_condition
from catalogue.licences import SPDX_LICENCES
from catalogue.models import Adoption, Service, Theme
from catalogue.search import search_condition, uses_postgres, with_rank
from territories.models import Programme

PAGE_SIZE = 20
# Facets whose values are fixed choices: their counts come from one aggregate query.
FIXED_FACETS = {
    "ia": AI_CHOICES,
    "type": CollectiviteKind.choices,
    "taille": CollectiviteSize.choices,
    "maturite": Maturity.choices,
    "hebergement": HOSTING_CHOICES,
}


@dataclass
class CataloguePage:
    page: Page
    facets: list[Facet]
    total: int
    terms: str
    sort: str


def _and(conditions: Iterable[Q]) -> Q:
    result = Q()
    for condition in conditions:
        result &= condition
    return result


def catalogue_page(filterset: ServiceFilter, *, page_number: str | int | None) -> CataloguePage:
    """The published services matching the query string, one page of them, and every facet with its counts.

    A fixed number of queries whatever the data size: the fixed facets and the total (one aggregate), the page,
    the themes of the page, themes and their counts, programmes and their counts, licences with their counts.
    """
    terms = filterset.search_terms()
    conditions = filterset.conditions()
    searched = Service.objects.published()
    if (text := search_condition(terms)) is not None:
        searched = searched.filter(text)

    def others(excluded: str) -> Q:
        """Every active facet but one: a facet's counts ignore its own selection (OR inside a facet)."""
        return _and(q for name, q in conditions.items() if name != excluded)

    results = searched.filter(_and(conditions.values()))
    results = _ordered(with_rank(results, terms), filterset.sort(), has_terms=bool(terms))
    results = results.select_related("publisher").prefetch_related("themes").defer(*LIST_DEFERRED)
    counts = _fixed_counts(searched, conditions)
    paginator = Paginator(results, PAGE_SIZE)
    paginator.count = counts["__total"]  # already counted with the facets: one query less
    page = paginator.get_page(page_number)

    facets_by_name = {
        "theme": _m2m_facet(
            "theme",
            Theme.objects.order_by("position", "name"),
            Service.themes.through,
            "theme_id",
            searched.filter(others("theme")),
            filterset.selected("theme"),
        ),
        "programme": _m2m_facet(
            "programme",
            Programme.objects.order_by("name").only("pk", "slug", "name"),
            Service.adopter_programmes.through,
            "programme_id",
            searched.filter(others("programme")),
            filterset.selected("programme"),
        ),
        "licence": _licence_facet(searched.filter(others("licence")), filterset.selected("licence")),
    }
    for name, choices in FIXED_FACETS.items():
        selected = filterset.selected(name)
        facets_by_name[name] = Facet(
            name=name,
            label="",
            values=[
                FacetValue(value=value, label=label, count=counts[f"{name}__{index}"], selected=value in selected)
                for index, (value, label) in enumerate(choices)
            ],
        )
    facets = []
    for name, label in FACETS:
        facet = facets_by_name[name]
        facet.label = label
        facets.append(facet)
    return CataloguePage(page=page, facets=facets, total=paginator.count, terms=terms, sort=filterset.sort())


# Long columns a result card never shows.
LIST_DEFERRED = ["description", "ai_description", "search_text", "search_vector", "cost_note"]


def catalogue_version() -> str:
    """A token that changes whenever a service or a declaration changes, for cache keys (one indexed query).

    Every write path of the catalogue moves one of these timestamps (declarations also move the service's
    `adopters_changed_at` through services.refresh_adopter_counts). Deleting a service does not: cached pages
    then live until their expiry.
    """
    service_table = Service._meta.db_table
    adoption_table = Adoption._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT (SELECT MAX(updated_at) FROM {service_table}), "  # noqa: S608 (table names, no user input)
            f"(SELECT MAX(adopters_changed_at) FROM {service_table}), "
            f"(SELECT MAX(updated_at) FROM {adoption_table})"
        )
        return "|".join(str(value) for value in cursor.fetchone())


def _ordered(queryset: QuerySet, sort: str, *, has_terms: bool) -> QuerySet:
    # « École » must sort among the E: French ICU collation on PostgreSQL (see STACK_NOTES); on SQLite the
    # accent-folded search text, which starts with the folded name.
    name = Collate("name", "fr-FR-x-icu") if uses_postgres() else "search_text"
    if sort == "nom":
        return queryset.order_by(name, "pk")
    if sort == "adopteurs":
        return queryset.order_by("-adopter_count", name, "pk")
    if has_terms and uses_postgres():
        return queryset.order_by("-rank", "-adopter_count", name, "pk")
    return queryset.order_by("-adopter_count", name, "pk")


def _fixed_counts(searched: QuerySet, conditions: dict[str, Q]) -> dict[str, int]:
    """Counts of every value of the fixed-choice facets, in one aggregate query.

    Each facet condition becomes one boolean column of an inner query, computed once per row (the theme and
    programme subqueries are hashed once); the slice keeps PostgreSQL from inlining the inner query, which
    would repeat every condition in each of the ~20 counts.
    """
    flagged = searched.order_by()
    flags = {}
    for name, condition in conditions.items():
        flagged = flagged.annotate(**{f"match_{name}": ExpressionWrapper(condition, output_field=BooleanField())})
        flags[name] = Q(**{f"match_{name}": True})
    aggregates = {"__total": Count("pk", filter=_and(flags.values()))}
    for name, choices in FIXED_FACETS.items():
        others = _and(flag for other, flag in flags.items() if other != name)
        for index, (value, _label) in enumerate(choices):
            aggregates[f"{name}__{index}"] = Count("pk", filter=others & facet_condition(name, [value]))
    return flagged[:UNBOUNDED].aggregate(**aggregates)


UNBOUNDED = 10**9


def _m2m_facet(name: str, options: QuerySet, through, column: str, services: QuerySet, selected: list[str]) -> Facet:
    """Every option (theme, programme) with the number of `services` linked to it: two small queries.

    A single query with a correlated count per option looks cheaper but its cost estimate wakes PostgreSQL's
    JIT compiler (about 100 ms measured), whereas grouping the link table stays far below that threshold.
    """
    rows = through.objects.filter(service_id__in=services.values("pk")).order_by().values(column)
    counts = {row[column]: row["n"] for row in rows.annotate(n=Count("pk"))}
    return Facet(
        name=name,
        label="",
        values=[
            FacetValue(item.slug, item.name, counts.get(item.pk, 0), selected=item.slug in selected)
            for item in options
        ],
    )


def _licence_facet(services: QuerySet, selected: list[str]) -> Facet:
    rows = services.order_by().values("licence").annotate(n=Count("pk"))
    counts = {row["licence"]: row["n"] for row in rows}
    # Only licences present in the result (or ticked) are listed: the full SPDX list would drown the form.
    values = [
        FacetValue(value=key, label=key, count=counts.get(key, 0), selected=key in selected)
        for key in SPDX_LICENCES
        if counts.get(key) or key in selected
    ]
    values.sort(key=lambda value: (-value.count, value.value))
    return Facet(name="licence", label="", values=values)


# --- The service page ---------------------------------------------------------------------------------


def published_services() -> QuerySet[Service]:
    """Published services with what a page shows about each (publisher, themes)."""
    return Service.objects.published().select_related("publisher").prefetch_related("themes")


@dataclass(frozen=True)
class AdopterGroup:
    label: str
    adopters: list[Adoption]


ADOPTERS_SHOWN = 500


def adopters_by_departement(service: Service) -> list[AdopterGroup]:
    """Organisations that declared the service, grouped by département (names and statuses only, no person)."""
    adoptions = (
        Adoption.objects.filter(service=service)
        .select_related("organisation__departement")
        .only("status", "organisation__name", "organisation__kind", "organisation__departement")
        .order_by("organisation__departement__code", "organisation__name")[:ADOPTERS_SHOWN]
    )
    groups: dict[str, list[Adoption]] = {}
    for adoption in adoptions:
        departement = adoption.organisation.departement
        label = str(departement) if departement else "Régions"
        groups.setdefault(label, []).append(adoption)
    return [AdopterGroup(label=label, adopters=items) for label, items in groups.items()]


def similar_services(service: Service, *, limit: int = 4) -> list[Service]:
    """Other published services sharing the most themes with `service` (themes must be prefetched)."""
    theme_ids = [theme.pk for theme in service.themes.all()]
    if not theme_ids:
        return []
    return list(
        Service.objects.published()
        .exclude(pk=service.pk)
        .filter(themes__in=theme_ids)
        .annotate(shared=Count("themes"))
        .select_related("publisher")
        .order_by("-shared", "-adopter_count", "name")[:limit]
    )


@dataclass
class DeclarableOrganisation:
    organisation: Organisation
    status: str | None  # the current declaration of this organisation for the service, if any
    declare_form: object = None  # set by the view
    withdraw_form: object = None


def declarable_organisations(user, service: Service) -> list[DeclarableOrganisation]:
    """The user's organisations, each with its current declaration about the service (one query)."""
    status = Adoption.objects.filter(service=service, organisation=OuterRef("pk")).values("status")[:1]
    organisations = organisations_of(user).annotate(current_status=Subquery(status)).order_by("name")
    return [DeclarableOrganisation(organisation=org, status=org.current_status) for org in organisations]


def shortlisting_projects(service: Service, user) -> list:
    """Projects visible to `user` that shortlisted `service`, provided by journeys when it offers the selector.

    HOOK for the journeys app: `journeys.selectors.projects_shortlisting(service, user)` returns the projects the
    user may see whose shortlist contains the service. Imported lazily: catalogue must not depend on journeys.
    """
    if user is None or not user.is_authenticated:
        return []
    try:
        module = importlib.import_module("journeys.selectors")
    except ModuleNotFoundError as error:
        if error.name != "journeys.selectors" and error.name != "journeys":
            raise
        return []
    selector = getattr(module, "projects_shortlisting", None)
    if selector is None:
        return []
    return list(selector(service, user))
