"""Reads of the catalogue: the faceted list, a service page and what it shows (adopters, similar services)."""

import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import islice

from django.contrib.postgres.expressions import ArraySubquery
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.db.models.functions import Collate
from django.urls import reverse

from accounts.models import Organisation
from accounts.permissions import organisations_of
from catalogue.enums import AdoptionStatus, CollectiviteKind, CollectiviteSize, Hosting, Maturity
from catalogue.filters import AI_CHOICES, FACETS, HOSTING_CHOICES, ServiceFilter
from catalogue.licences import SPDX_LICENCES
from catalogue.models import KIND_FIELDS, SIZE_FIELDS, Adoption, Service, Theme
from catalogue.search import condition_of, matching_vectors, search_values, uses_postgres
from common.facets import Facet, FacetValue
from common.fragments import version_token
from common.precompiled import Markers, precompiled_sql, preparing_cursor
from territories.models import Programme

PAGE_SIZE = 20
# Facets whose values are fixed choices (their bitmaps in ServiceIndex.fixed follow this order).
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
    themes: tuple[str, ...]
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
    counts: FacetCounts


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


# --- The faceted list -----------------------------------------------------------------------------------
#
# A new search costs one query, the ids of the published services matching its terms (none without terms).
# Everything else comes from the published services kept in each worker's memory (`ServiceIndex`, under the
# catalogue's version): the facets as bitmaps (bit i = the i-th service in name order), so a facet count is an AND
# and a popcount of 5,000-bit integers, the two orders of the list, and the values the cards are written from.
# Counting in SQL (one statement with a CTE over the searched services, joined to the theme and programme links)
# took 2–3.5 ms of PostgreSQL per search and its page query 1–2 ms more; the counts in Python take about a tenth
# of a millisecond.

INDEX_SECONDS = 300  # like the catalogue's caches (catalogue.views.CACHE_SECONDS): a bound for what a version missed


@dataclass(frozen=True)
class ServiceIndex:
    """The published services of one version of the catalogue, as the faceted list reads them."""

    version: str
    built_at: float  # time.monotonic()
    ids: list[int]  # position → service id; positions follow the « nom » order
    positions: dict[int, int]  # service id → position
    by_adopters: list[int]  # the positions in the « adopteurs » order (the « pertinence » order without terms)
    adopter_counts: tuple[int, ...]  # position → adopter count
    rows: list[tuple]  # position → INDEX_FIELDS, theme ids, programme ids (a card is written from them: _card)
    everything: int  # every bit set
    fixed: dict[str, list[int]]  # FIXED_FACETS name → bitmap of each of its choices, in order
    licences: dict[str, int]  # licence → bitmap
    themes: dict[int, int]  # theme id → bitmap
    programmes: dict[int, int]  # programme id → bitmap
    options: dict[str, list[FacetOption]]
    theme_order: dict[int, int]  # theme id → its rank in the display order (a card's themes follow it)
    theme_names: dict[int, str]
    # One reverse for the catalogue, not one per card: a slug needs no quoting in a path.
    url: str = field(default_factory=lambda: reverse("catalogue:service_detail", kwargs={"slug": "slug"}))


def _bitmap(positions: Iterable[int], size: int) -> int:
    """The integer whose bits at `positions` are set (through bytes: OR-ing 5,000-bit integers is slower)."""
    bits = bytearray((size + 7) // 8)
    for position in positions:
        bits[position >> 3] |= 1 << (position & 7)
    return int.from_bytes(bits, "little")


_index: ServiceIndex | None = None
_index_lock = threading.Lock()


def forget_index() -> None:
    """Drop the worker's index (tests: versions may repeat across tests' data)."""
    global _index
    _index = None


def service_index(version: str) -> ServiceIndex:
    """The index of the published services at `version` (pages_version()), built when the version moved."""
    global _index
    index = _index
    if index is not None and index.version == version and time.monotonic() - index.built_at < INDEX_SECONDS:
        return index
    with _index_lock:
        index = _index
        if index is None or index.version != version or time.monotonic() - index.built_at >= INDEX_SECONDS:
            index = _index = _build_index(version)
    return index


# What a card shows and what the facets test, read for every published service when the version moves.
INDEX_FIELDS = [
    "id",
    "name",
    "slug",
    "pitch",
    "licence",
    "maturity",
    "hosting",
    "uses_ai",
    "adopter_count",
    "publisher__name",
    *KIND_FIELDS.values(),
    *SIZE_FIELDS.values(),
]
MATURITY_LABELS = dict(Maturity.choices)


def _links(through, column: str) -> dict[int, list[int]]:
    linked: dict[int, list[int]] = {}
    for service_id, option_id in through.objects.filter(service__is_published=True).values_list("service_id", column):
        linked.setdefault(service_id, []).append(option_id)
    return linked


def _build_index(version: str) -> ServiceIndex:
    """One query on PostgreSQL (the links as arrays), three elsewhere, plus the theme and programme lists."""
    options = facet_options()
    services = _ordered(Service.objects.published(), "nom", has_terms=False)
    themes_through, programmes_through = Service.themes.through, Service.adopter_programmes.through
    if uses_postgres():
        rows = list(
            services.annotate(
                theme_ids=ArraySubquery(themes_through.objects.filter(service_id=OuterRef("pk")).values("theme_id")),
                programme_ids=ArraySubquery(
                    programmes_through.objects.filter(service_id=OuterRef("pk")).values("programme_id")
                ),
            ).values_list(*INDEX_FIELDS, "theme_ids", "programme_ids")
        )
    else:
        theme_links, programme_links = _links(themes_through, "theme_id"), _links(programmes_through, "programme_id")
        rows = [
            (*row, theme_links.get(row[0], []), programme_links.get(row[0], []))
            for row in services.values_list(*INDEX_FIELDS)
        ]
    size = len(rows)
    # Column by column: a comprehension per facet costs less than a loop over the services filling them all.
    column = dict(
        zip([*INDEX_FIELDS, "theme_ids", "programme_ids"], zip(*rows, strict=True) if rows else [], strict=False)
    )
    empty: tuple = ()

    def where(name: str, test=bool) -> int:
        return _bitmap((position for position, value in enumerate(column.get(name, empty)) if test(value)), size)

    def grouped(name: str, *, many: bool = False) -> dict:
        positions: dict = {}
        for position, value in enumerate(column.get(name, empty)):
            for key in value or () if many else (value,):
                positions.setdefault(key, []).append(position)
        return {key: _bitmap(found, size) for key, found in positions.items()}

    everything = (1 << size) - 1
    uses_ai = where("uses_ai")
    hosting = grouped("hosting")
    maturity = grouped("maturity")
    # The same conditions as catalogue.filters.facet_condition (a service offered both ways is hosted either way).
    choice_bitmaps = {
        "ia": {"oui": uses_ai, "non": everything ^ uses_ai},
        "type": {kind.value: where(attribute) for kind, attribute in KIND_FIELDS.items()},
        "taille": {choice.value: where(attribute) for choice, attribute in SIZE_FIELDS.items()},
        "maturite": maturity,
        "hebergement": {
            value: hosting.get(value, 0) | hosting.get(Hosting.BOTH.value, 0) for value, _label in HOSTING_CHOICES
        },
    }
    adopter_counts = column.get("adopter_count", empty)
    ids = list(column.get("id", empty))
    return ServiceIndex(
        version=version,
        built_at=time.monotonic(),
        ids=ids,
        positions={service_id: position for position, service_id in enumerate(ids)},
        by_adopters=sorted(range(size), key=lambda position: (-adopter_counts[position], position)),
        adopter_counts=tuple(adopter_counts),
        rows=rows,
        everything=everything,
        fixed={
            facet: [choice_bitmaps[facet].get(value, 0) for value, _label in choices]
            for facet, choices in FIXED_FACETS.items()
        },
        licences=grouped("licence"),
        themes=grouped("theme_ids", many=True),
        programmes=grouped("programme_ids", many=True),
        options=options,
        theme_order={option.pk: index for index, option in enumerate(options["theme"])},
        theme_names={option.pk: option.name for option in options["theme"]},
    )


def _card(index: ServiceIndex, position: int) -> ServiceCard:
    row = index.rows[position]
    _id, name, slug, pitch, licence, maturity, _hosting, uses_ai, adopter_count, publisher = row[:10]
    order, names = index.theme_order, index.theme_names
    themes = sorted((pk for pk in row[-2] or () if pk in names), key=order.__getitem__)
    return ServiceCard(
        url=index.url.replace("/slug/", f"/{slug}/"),
        name=name,
        pitch=pitch,
        themes=tuple(names[pk] for pk in themes),
        uses_ai=uses_ai,
        maturity=MATURITY_LABELS.get(maturity, maturity),
        publisher=publisher,
        licence=licence,
        adopter_count=adopter_count,
    )


def _chosen_bitmaps(filterset: ServiceFilter, index: ServiceIndex) -> dict[str, int]:
    """Active facet → the services matching any of its ticked values (OR inside a facet)."""
    chosen: dict[str, int] = {}
    for name, _label in FACETS:
        values = filterset.selected(name)
        if not values:
            continue
        bits = 0
        if name in ("theme", "programme"):
            # An unknown slug matches nothing.
            wanted = set(values)
            maps = index.themes if name == "theme" else index.programmes
            for option in index.options[name]:
                if option.slug in wanted:
                    bits |= maps.get(option.pk, 0)
        elif name == "licence":
            for value in values:
                bits |= index.licences.get(value, 0)
        else:
            choice_bits = dict(zip((value for value, _label in FIXED_FACETS[name]), index.fixed[name], strict=True))
            for value in values:
                bits |= choice_bits.get(value, 0)
        chosen[name] = bits
    return chosen


def _matches(search: list[str], *, by_relevance: bool) -> list[tuple[int, float]]:
    """The services matching search_values(), as (id, rank), unpublished ones included (the caller keeps those of
    its index): the rank is PostgreSQL's ts_rank for a search by relevance there (0 otherwise), in no order. The
    « pertinence » order (rank, then as _ordered) is sorted by the caller from the worker's index: sorting in
    PostgreSQL cost the query a third of its time (ICU comparisons of the names)."""
    postgres = uses_postgres()

    def build(markers: Markers) -> QuerySet:
        searched = _search_markers(markers, len(search))
        if postgres:
            return matching_vectors(searched, with_rank=by_relevance)
        return Service.objects.filter(condition_of(searched)).order_by().values_list("id")

    values = {f"search.{index}": value for index, value in enumerate(search)}
    key = ("catalogue.matches", postgres, by_relevance, len(search))
    sql, params = precompiled_sql(key, build, **values)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)  # ORM-compiled SQL; the terms travel as parameters
        if by_relevance:
            return cursor.fetchall()
        return [(row[0], 0.0) for row in cursor.fetchall()]


def _search_markers(markers: Markers, count: int) -> list[str]:
    return [markers.text(f"search.{index}") for index in range(count)]


class _Positions:
    """The ordered results as the paginator slices them: only the page's window is walked."""

    def __init__(self, order: Iterable[int], kept: int | None, size: int) -> None:
        self.order = order  # (not `ordered`: the paginator reads that name as a queryset's)
        self.kept = None if kept is None else kept.to_bytes((size + 7) // 8, "little")

    def __getitem__(self, window: slice) -> list[int]:
        kept = self.kept
        ordered = self.order
        if kept is not None:
            ordered = (position for position in ordered if kept[position >> 3] >> (position & 7) & 1)
        return list(islice(ordered, window.start or 0, window.stop))


def catalogue_page(
    filterset: ServiceFilter, *, page_number: str | int | None, version: str | None = None
) -> CataloguePage:
    """The published services matching the query string, one page of them, and every facet with its counts.

    One query for a search with terms (the matching ids), none without (`version`: pages_version(), read when not
    given): the rest comes from the worker's ServiceIndex of that version. A facet's counts apply every *other*
    active facet (OR inside a facet).
    """
    index = service_index(pages_version() if version is None else version)
    terms = filterset.search_terms()
    search = search_values(terms)
    sort = filterset.sort()
    chosen = _chosen_bitmaps(filterset, index)

    relevance: list[int] | None = None  # positions, in the relevance order
    if search:
        by_relevance = sort == "pertinence" and uses_postgres()
        positions = index.positions
        # A service published since the index was read is left out until the version moves.
        ranks = {positions[pk]: rank for pk, rank in _matches(search, by_relevance=by_relevance) if pk in positions}
        searched = _bitmap(ranks, len(index.ids))
        if by_relevance:
            # As _ordered's « pertinence »: rank, adopters, then the name order that positions follow.
            adopters = index.adopter_counts
            keys = sorted((-rank, -adopters[position], position) for position, rank in ranks.items())
            relevance = [position for _rank, _adopters, position in keys]
    else:
        searched = index.everything

    def matching(excluded: str | None = None) -> int:
        bits = searched
        for name, chosen_bits in chosen.items():
            if name != excluded:
                bits &= chosen_bits
        return bits

    every = matching()
    counts = FacetCounts(
        total=every.bit_count(),
        fixed={},
        licences={},
        themes={},
        programmes={},
    )
    for name in FIXED_FACETS:
        base = matching(name) if name in chosen else every
        counts.fixed[name] = [(base & bits).bit_count() for bits in index.fixed[name]]
    linked: list[tuple[str, dict, dict]] = [
        ("licence", index.licences, counts.licences),
        ("theme", index.themes, counts.themes),
        ("programme", index.programmes, counts.programmes),
    ]
    for name, maps, found in linked:
        base = matching(name) if name in chosen else every
        for key, bits in maps.items():
            if count := (base & bits).bit_count():
                found[key] = count

    if relevance is not None:
        ordered: Iterable[int] = relevance
    elif sort == "nom":
        ordered = range(len(index.ids))  # positions follow the name order
    else:
        ordered = index.by_adopters
    # The order's positions outside the result are skipped (the relevance order holds the searched ones only).
    walked = searched if relevance is not None else index.everything
    kept = None if every == walked else every
    paginator: Paginator = Paginator(_Positions(ordered, kept, len(index.ids)), PAGE_SIZE)
    paginator.count = counts.total
    page = paginator.get_page(page_number)
    page.object_list = list(page.object_list)
    cards = [_card(index, position) for position in page.object_list]

    options = index.options
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
        cards=cards,
        facets=facets,
        total=counts.total,
        terms=terms,
        sort=sort,
        counts=counts,
    )


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
    then live until their expiry. Every catalogue page asks it: prepared, it is not planned again at each request
    (0.6 → 0.3 ms).
    """
    service_table = Service._meta.db_table
    adoption_table = Adoption._meta.db_table
    with preparing_cursor(connection) as cursor:
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
