"""Reads of the catalogue: the faceted list, a service page and what it shows (adopters, similar services)."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.contrib.postgres.expressions import ArraySubquery
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import BooleanField, Count, ExpressionWrapper, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Collate
from django.urls import reverse

from accounts.models import Organisation
from accounts.permissions import organisations_of
from catalogue.enums import AdoptionStatus, CollectiviteKind, CollectiviteSize, Maturity
from catalogue.filters import AI_CHOICES, FACETS, HOSTING_CHOICES, ServiceFilter, facet_condition
from catalogue.licences import SPDX_LICENCES
from catalogue.models import Adoption, Service, Theme
from catalogue.search import condition_of, ranked, search_values, uses_postgres
from common.facets import Facet, FacetValue, all_of
from common.fragments import version_token
from common.precompiled import Markers, precompiled, precompiled_sql
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
class FacetCounts:
    total: int
    fixed: dict[str, list[int]]  # facet name → count of each of its FIXED_FACETS choices, in order
    licences: dict[str, int]
    themes: dict[int, int]  # theme id → count
    programmes: dict[int, int]  # programme id → count


@dataclass(frozen=True)
class ServiceCard:
    """What a result card shows, read as plain values (no model instance, no method called by the template)."""

    url: str
    name: str
    pitch: str
    themes: list[str]
    uses_ai: bool
    maturity: str  # label
    publisher: str
    licence: str
    adopter_count: int


@dataclass
class CataloguePage:
    page: Page
    cards: list[ServiceCard]  # the services of the page
    facets: list[Facet]
    total: int
    terms: str
    sort: str
    counts: FacetCounts  # reusable (cache) for another page or sort of the same search and facets


@dataclass(frozen=True)
class FacetOption:
    pk: int
    slug: str
    name: str


def facet_options() -> dict[str, list[FacetOption]]:
    """The values of the theme and programme facets, in display order (two queries; cacheable: plain values)."""
    themes = Theme.objects.order_by("position", "name").values_list("pk", "slug", "name")
    programmes = Programme.objects.order_by("name").values_list("pk", "slug", "name")
    return {
        "theme": [FacetOption(*row) for row in themes],
        "programme": [FacetOption(*row) for row in programmes],
    }


class _Rows:
    """The ordered results as the paginator slices them: a slice is one execution of the precompiled query."""

    def __init__(self, fetch: Callable[[slice], list[dict]]) -> None:
        self.fetch = fetch

    def __getitem__(self, window: slice) -> list[dict]:
        return self.fetch(window)


# The facets filtered through a link table, by id rather than by slug: PostgreSQL then knows from its statistics how
# many services an option has (through a join on slug it guessed 914 services of a programme for 3,654 and chose
# nested loops twice slower). An unknown slug has no id: 0 matches nothing, as the slug did.
LINKED_FACETS = {
    "theme": (Service.themes.through, "theme_id"),
    "programme": (Service.adopter_programmes.through, "programme_id"),
}
# Facets whose chosen values travel as query parameters (their number is part of the query's shape); the chosen
# values of the other fixed facets write the SQL itself (a few combinations each).
PARAMETER_FACETS = frozenset({"maturite", "hebergement", "licence"})


@dataclass(frozen=True)
class _Selection:
    """The active facets of a request as the precompiled queries take them (common.precompiled): `shape` names
    the SQL (which facets, how many values, or which values), `values` the parameters by marker name."""

    shape: tuple
    values: dict

    def conditions(self, markers: Markers) -> dict[str, Q]:
        """One Q on Service per active facet, with markers in place of the parameters."""
        result = {}
        for name, chosen in self.shape:
            if name in LINKED_FACETS:
                through, column = LINKED_FACETS[name]
                ids = [markers.integer(f"{name}.{index}") for index in range(chosen)]
                result[name] = Q(pk__in=through.objects.filter(**{f"{column}__in": ids}).values("service_id"))
            elif name in PARAMETER_FACETS:
                result[name] = facet_condition(name, [markers.text(f"{name}.{index}") for index in range(chosen)])
            else:
                result[name] = facet_condition(name, list(chosen))
        return result


def _selection(filterset: ServiceFilter, options: dict[str, list[FacetOption]]) -> _Selection:
    shape, values = [], {}
    for name, _label in FACETS:
        # Without repeats (?licence=MIT&licence=MIT): the same condition, and no new shape.
        chosen = list(dict.fromkeys(filterset.selected(name)))
        if not chosen:
            continue
        parameters: list[int] | list[str] = chosen
        if name in LINKED_FACETS:
            wanted = set(chosen)
            parameters = [option.pk for option in options[name] if option.slug in wanted] or [0]
        if name in LINKED_FACETS or name in PARAMETER_FACETS:
            shape.append((name, len(parameters)))
            values.update({f"{name}.{index}": value for index, value in enumerate(parameters)})
        else:
            shape.append((name, tuple(chosen)))
    return _Selection(shape=tuple(shape), values=values)


def _search_markers(markers: Markers, count: int) -> list[str]:
    return [markers.text(f"search.{index}") for index in range(count)]


def _searched(search: list[str]) -> QuerySet:
    """The published services matching search_values() (markers in their place)."""
    searched = Service.objects.published()
    return searched.filter(condition_of(search)) if search else searched


def catalogue_page(
    filterset: ServiceFilter,
    *,
    page_number: str | int | None,
    counts: FacetCounts | None = None,
    options: dict[str, list[FacetOption]] | None = None,
) -> CataloguePage:
    """The published services matching the query string, one page of them, and every facet with its counts.

    A fixed number of queries whatever the data size: every facet count and the total (one query, see
    `_facet_counts`, skipped when `counts` of the same search and facets are given), the themes and the programmes
    (`facet_options`, skipped when `options` are given), the page and the themes of the page.
    """
    terms = filterset.search_terms()
    if options is None:
        options = facet_options()
    search = search_values(terms)
    selection = _selection(filterset, options)
    sort = filterset.sort()
    values = {**{f"search.{index}": value for index, value in enumerate(search)}, **selection.values}
    if counts is None:
        counts = _facet_counts(len(search), selection, values)
    # The search is a tsvector match on PostgreSQL, word patterns elsewhere: the shape says which.
    key = ("catalogue.results", uses_postgres(), sort, len(search), selection.shape)

    def build(markers: Markers) -> QuerySet:
        searched_markers = _search_markers(markers, len(search))
        results = _searched(searched_markers).filter(all_of(selection.conditions(markers).values()))
        results = _ordered(ranked(results, searched_markers), sort, has_terms=bool(search))
        if uses_postgres():
            # The page's theme names in the same statement (evaluated after the LIMIT): one round trip less.
            results = results.annotate(theme_names=ArraySubquery(_theme_names.filter(service_id=OuterRef("pk"))))
            return results.values(*CARD_FIELDS, "theme_names")
        return results.values(*CARD_FIELDS)

    def rows(window: slice) -> list[dict]:
        start, stop = window.start or 0, window.stop
        if stop <= start:
            return []
        return precompiled(key, build, window=(start, stop - start), **values)

    paginator: Paginator = Paginator(_Rows(rows), PAGE_SIZE)
    paginator.count = counts.total  # already counted with the facets: one query less
    page = paginator.get_page(page_number)
    page.object_list = list(page.object_list)

    facets_by_name = {
        "theme": _option_facet("theme", options["theme"], counts.themes, filterset.selected("theme")),
        "programme": _option_facet(
            "programme", options["programme"], counts.programmes, filterset.selected("programme")
        ),
        "licence": _licence_facet(counts.licences, filterset.selected("licence")),
    }
    for name, choices in FIXED_FACETS.items():
        selected = filterset.selected(name)
        facets_by_name[name] = Facet(
            name=name,
            label="",
            values=[
                FacetValue(value=value, label=label, count=counts.fixed[name][index], selected=value in selected)
                for index, (value, label) in enumerate(choices)
            ],
        )
    facets = []
    for name, label in FACETS:
        facet = facets_by_name[name]
        facet.label = label
        facets.append(facet)
    return CataloguePage(
        page=page,
        cards=_cards(page.object_list),
        facets=facets,
        total=paginator.count,
        terms=terms,
        sort=sort,
        counts=counts,
    )


# What a result card shows: read with values(), cheaper than model instances with prefetched themes.
CARD_FIELDS = ["id", "name", "slug", "pitch", "licence", "maturity", "uses_ai", "adopter_count", "publisher__name"]
MATURITY_LABELS = dict(Maturity.choices)


_theme_names = Service.themes.through.objects.order_by("theme__position", "theme__name").values("theme__name")


def _cards(rows: list[dict]) -> list[ServiceCard]:
    """Cards of the page's services, with their theme names (read with the rows on PostgreSQL, else one query)."""
    themes: dict[int, list[str]] = {}
    if rows and "theme_names" in rows[0]:
        themes = {row["id"]: row["theme_names"] for row in rows}
    else:
        links = (
            Service.themes.through.objects.filter(service_id__in=[row["id"] for row in rows])
            .order_by("theme__position", "theme__name")
            .values_list("service_id", "theme__name")
        )
        for service_id, name in links:
            themes.setdefault(service_id, []).append(name)
    # One reverse for the page, not one per card: a slug needs no quoting in a path.
    url = reverse("catalogue:service_detail", kwargs={"slug": "slug"})
    return [
        ServiceCard(
            url=url.replace("/slug/", f"/{row['slug']}/"),
            name=row["name"],
            pitch=row["pitch"],
            themes=themes.get(row["id"], []),
            uses_ai=row["uses_ai"],
            maturity=MATURITY_LABELS.get(row["maturity"], row["maturity"]),
            publisher=row["publisher__name"],
            licence=row["licence"],
            adopter_count=row["adopter_count"],
        )
        for row in rows
    ]


# The token of the catalogue's cached pages (search results, service pages) for the writes that catalogue_version()
# does not see: themes, publishers, organisation and programme names, services deleted, a service's themes
# (moved by catalogue.signals).
CATALOGUE_PAGES = "catalogue:pages"


def pages_version() -> str:
    """The version of every cached catalogue page: catalogue_version() and the CATALOGUE_PAGES token."""
    return f"{catalogue_version()}|{version_token(CATALOGUE_PAGES)}"


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


def _facet_counts(search_count: int, selection: _Selection, parameters: dict) -> FacetCounts:
    """The total and the counts of every facet value, in one query over the searched services.

    A facet's counts apply every *other* active facet (OR inside a facet). The inner query, built by the ORM once
    per shape of request (common.precompiled), reads each searched service once and turns every active facet
    condition and every fixed facet value into a boolean column (the theme and programme subqueries are hashed
    once). The outer statement only combines those columns: per licence (licence facet, and partial sums of the
    total and of the fixed facets), and through the theme and programme link tables. As a CTE read three times,
    PostgreSQL computes it once. Composing the counts as ORM aggregates instead cost more Python time than the SQL
    itself (≈ 15 ms); building the inner query at each request, two thirds of the time of a new search's counts.
    """
    conditions = [name for name, _chosen in selection.shape]

    def build(markers: Markers) -> QuerySet:
        columns = {
            f"match_{name}": ExpressionWrapper(condition, output_field=BooleanField())
            for name, condition in selection.conditions(markers).items()
        }
        for name, choices in FIXED_FACETS.items():
            for index, (value, _label) in enumerate(choices):
                columns[f"value_{name}_{index}"] = ExpressionWrapper(
                    facet_condition(name, [value]), output_field=BooleanField()
                )
        searched = _searched(_search_markers(markers, search_count))
        return searched.order_by().annotate(**columns).values("id", "licence", *columns)

    inner_sql, params = precompiled_sql(
        ("catalogue.facet_counts", uses_postgres(), search_count, selection.shape), build, **parameters
    )

    quote = connection.ops.quote_name
    flags = {name: quote(f"match_{name}") for name in conditions}

    def count(excluded: str | None = None, *extra: str) -> str:
        """SQL counting the rows that match every active facet but `excluded`, and the `extra` columns."""
        wanted = [flag for name, flag in flags.items() if name != excluded] + list(extra)
        if not wanted:
            return "COUNT(*)"
        if connection.features.supports_aggregate_filter_clause:
            return f"COUNT(*) FILTER (WHERE {' AND '.join(wanted)})"  # a little faster than CASE on PostgreSQL
        return f"COUNT(CASE WHEN {' AND '.join(wanted)} THEN 1 END)"

    fixed_columns = [
        count(name, quote(f"value_{name}_{index}"))
        for name, choices in FIXED_FACETS.items()
        for index, _choice in enumerate(choices)
    ]
    zeros = ", ".join("0" for _column in fixed_columns)
    links = {
        "theme": (Service.themes.through, "theme_id"),
        "programme": (Service.adopter_programmes.through, "programme_id"),
    }
    parts = [
        f"SELECT 'licence', licence, CAST(NULL AS BIGINT), {count('licence')}, {count()}, {', '.join(fixed_columns)} "  # noqa: S608
        "FROM flagged GROUP BY licence"
    ]
    for name, (through, column) in links.items():
        parts.append(
            f"SELECT '{name}', NULL, link.{column}, {count(name)}, 0, {zeros} "  # noqa: S608
            f"FROM flagged INNER JOIN {quote(through._meta.db_table)} link ON link.service_id = flagged.id "
            f"GROUP BY link.{column}"
        )
    sql = f"WITH flagged AS ({inner_sql}) " + " UNION ALL ".join(parts)

    counts = FacetCounts(
        total=0,
        fixed={name: [0] * len(choices) for name, choices in FIXED_FACETS.items()},
        licences={},
        themes={},
        programmes={},
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)  # identifiers and ORM-compiled SQL only; values travel as parameters
        rows = cursor.fetchall()
    for kind, licence, option_id, n, total, *fixed in rows:
        if kind == "licence":
            counts.licences[licence] = n
            counts.total += total
            values = iter(fixed)
            for facet_counts in counts.fixed.values():
                for index in range(len(facet_counts)):
                    facet_counts[index] += next(values)
        elif kind == "theme":
            counts.themes[option_id] = n
        else:
            counts.programmes[option_id] = n
    return counts


def _option_facet(name: str, options: list, counts: dict[int, int], selected: list[str]) -> Facet:
    """Every option (theme, programme) with its count."""
    return Facet(
        name=name,
        label="",
        values=[
            FacetValue(item.slug, item.name, counts.get(item.pk, 0), selected=item.slug in selected)
            for item in options
        ],
    )


def _licence_facet(counts: dict[str, int], selected: list[str]) -> Facet:
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
class Adopter:
    organisation_id: int
    name: str
    status_label: str


@dataclass(frozen=True)
class AdopterGroup:
    label: str
    adopters: list[Adopter]


ADOPTERS_SHOWN = 500


def adopters_by_departement(service: Service) -> list[AdopterGroup]:
    """Confirmed organisations that declared the service, grouped by département (names and statuses, no person).

    A collectivité not confirmed by ANCT (pending or refused) is never listed, whoever looks. Plain values, not
    model instances: the most adopted services list hundreds.
    """
    rows = (
        Adoption.objects.public()
        .filter(service=service)
        .order_by("organisation__departement__code", "organisation__name")
        .values_list(
            "organisation_id",
            "organisation__name",
            "status",
            "organisation__departement__code",
            "organisation__departement__name",
        )[:ADOPTERS_SHOWN]
    )
    labels = dict(AdoptionStatus.choices)
    groups: dict[str, list[Adopter]] = {}
    for organisation_id, name, status, code, departement in rows:
        label = f"{departement} ({code})" if code else "Régions"  # Departement.__str__
        groups.setdefault(label, []).append(Adopter(organisation_id, name, labels.get(status, status)))
    return [AdopterGroup(label=label, adopters=items) for label, items in groups.items()]


def has_other_adopters(service: Service, *, excluding: set[int]) -> bool:
    """Whether a confirmed organisation other than `excluding` (ids) declared the service: someone to write to."""
    return Adoption.objects.public().filter(service=service).exclude(organisation_id__in=excluding).exists()


def similar_services(service: Service, *, limit: int = 4) -> list[Service]:
    """Other published services sharing the most themes with `service` (themes must be prefetched)."""
    theme_ids = [theme.pk for theme in service.themes.all()]
    if not theme_ids:
        return []
    return list(
        Service.objects.published()
        .exclude(pk=service.pk)
        .filter(themes__in=theme_ids)
        # Only what the cards show: the grouping otherwise carries every wide column (description, search vector)
        # of the thousands of services sharing a theme.
        .only("name", "slug", "pitch", "adopter_count")
        .annotate(shared=Count("themes"))
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


# Extension point: apps that know who shortlisted a service register here (journeys does, from its AppConfig.ready):
# catalogue sits below journeys and never imports it.
ShortlistingProvider = Callable[[Service, object], Iterable]
_shortlisting_providers: list[ShortlistingProvider] = []


def register_shortlisting_provider(provider: ShortlistingProvider) -> None:
    """Register `provider(service, user)`: the projects `user` may see whose shortlist contains `service`."""
    if provider not in _shortlisting_providers:
        _shortlisting_providers.append(provider)


def shortlisting_projects(service: Service, user) -> list:
    """Projects visible to `user` that shortlisted `service`, from the registered providers."""
    if user is None or not user.is_authenticated:
        return []
    return [project for provider in _shortlisting_providers for project in provider(service, user)]
