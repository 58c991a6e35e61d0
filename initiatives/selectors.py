"""Reads of the gallery: published initiatives, their filters, « Des projets comme le vôtre », a département's page."""

import math
from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Count, F, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from accounts.enums import OrganisationStatus
from accounts.models import Organisation
from catalogue.enums import AdoptionStatus
from catalogue.models import Service, Theme
from initiatives.enums import SIZE_BOUNDS
from initiatives.models import Initiative
from journeys.models import Project, ProjectShortlist
from territories.models import Commune, Departement, Epci, Programme, Region


def _population(prefix: str):
    """The population of an organisation (reached through `prefix`): that of its one territory."""
    return Coalesce(
        F(f"{prefix}commune__population"),
        F(f"{prefix}epci__population"),
        F(f"{prefix}departement_territory__population"),
        F(f"{prefix}region_territory__population"),
    )


def published_initiatives() -> QuerySet[Initiative]:
    """Published initiatives with what a card shows, in two queries whatever their number."""
    shortlist = ProjectShortlist.objects.select_related("service").order_by("-is_chosen", "added_at")
    return (
        Initiative.objects.published()
        .select_related("project__organisation", "project__current_stage", "project__template")
        .annotate(population=_population("project__organisation__"))
        .prefetch_related(
            Prefetch("project__themes", queryset=Theme.objects.order_by("position", "name")),
            Prefetch("project__shortlist", queryset=shortlist),
        )
    )


@dataclass(frozen=True)
class GalleryFilters:
    theme: str = ""
    objective: str = ""
    kind: str = ""
    size: str = ""
    programme: str = ""
    departement: str = ""


def filter_gallery(initiatives: QuerySet[Initiative], filters: GalleryFilters) -> QuerySet[Initiative]:
    if filters.theme:
        initiatives = initiatives.filter(project__themes__slug=filters.theme)
    if filters.objective:
        initiatives = initiatives.filter(objective=filters.objective)
    if filters.kind:
        initiatives = initiatives.filter(project__organisation__kind=filters.kind)
    if filters.size:
        low, high = SIZE_BOUNDS[filters.size]
        if low is not None:
            initiatives = initiatives.filter(population__gte=low)  # type: ignore[misc]  # published_initiatives()
        if high is not None:
            initiatives = initiatives.filter(population__lt=high)  # type: ignore[misc]  # annotates population
    if filters.programme:
        initiatives = initiatives.filter(
            Q(project__organisation__commune__programmes__slug=filters.programme)
            | Q(project__organisation__epci__programmes__slug=filters.programme)
        )
    if filters.departement:
        initiatives = initiatives.filter(project__organisation__departement_id=filters.departement)
    # The joins above may repeat a row (several themes or programmes match): keep each initiative once.
    return initiatives.distinct() if filters.theme or filters.programme else initiatives


def organisation_population(organisation: Organisation) -> int | None:
    for territory in ("commune", "epci", "departement_territory", "region_territory"):
        if getattr(organisation, f"{territory}_id", None):
            return getattr(organisation, territory).population
    return None


SIMILAR_LIMIT = 3
SIMILAR_CANDIDATES = 60


def _population_by_subquery(prefix: str):
    """_population as correlated subqueries: the same value, but PostgreSQL plans four one-row lookups in well under
    a millisecond where four more LEFT JOINs on an already wide join cost it ~20 ms of planning per request."""

    def of(model, field: str):
        rows = model.objects.filter(pk=OuterRef(f"{prefix}{field}")).values("population")[:1]
        return Subquery(rows, output_field=IntegerField())

    return Coalesce(
        of(Commune, "commune_id"),
        of(Epci, "epci_id"),
        of(Departement, "departement_territory_id"),
        of(Region, "region_territory_id"),
    )


def similar_initiatives(project: Project, limit: int = SIMILAR_LIMIT) -> Sequence[Initiative]:
    """Published initiatives of other collectivités sharing the project's themes, the most comparable first.

    Comparable: more themes in common, then the same kind of collectivité, then the closest population (a commune
    of 2,000 inhabitants finds the commune of 2,500 before the city of 200,000). A project without themes gets
    the collectivités of its kind. It runs on every project page: one light query ranks the candidates (ids only),
    a second reads what the list shows of them, only when there are some.
    """
    theme_ids = [theme.pk for theme in project.themes.all()]
    organisation = project.organisation
    ranked = Initiative.objects.published().exclude(project__organisation=organisation)
    if theme_ids:
        ranked = (
            ranked.filter(project__themes__in=theme_ids)
            .annotate(shared=Count("project__themes", filter=Q(project__themes__in=theme_ids)))
            .order_by("-shared", "-published_at")
            .values_list("pk", "shared")
        )
    else:
        ranked = ranked.filter(project__organisation__kind=organisation.kind).values_list("pk", Value(0))
    shared = dict(ranked[:SIMILAR_CANDIDATES])
    if not shared:
        return []
    candidates = list(
        Initiative.objects.filter(pk__in=shared)
        .select_related("project__organisation", "project__current_stage")
        .annotate(population=_population_by_subquery("project__organisation__"))
        .order_by("-published_at", "-pk")
    )
    for candidate in candidates:
        candidate.shared = shared[candidate.pk]
    population = organisation_population(organisation)  # may read the territory: only when there is a candidate

    def closeness(initiative: Initiative) -> float:
        other = initiative.population  # type: ignore[attr-defined]  # annotated above
        if not population or not other:
            return math.inf
        return abs(math.log(other / population))

    candidates.sort(
        key=lambda item: (-item.shared, item.project.organisation.kind != organisation.kind, closeness(item))
    )
    return candidates[:limit]


def initiative_of(project: Project) -> Initiative | None:
    return Initiative.objects.filter(project=project).first()


@dataclass
class DepartementPage:
    departement: Departement
    organisations: Sequence[Organisation]
    initiatives: list[Initiative]
    programmes: list[Programme]
    services: list[Service]
    project_count: int


def departement_page(departement: Departement) -> DepartementPage:
    """A département's public page: engaged collectivités (confirmed, with a project), published initiatives,
    the national programmes present, the catalogue services its collectivités use or chose. Six queries."""
    code = departement.code
    organisations = list(
        Organisation.objects.filter(departement_id=code, status=OrganisationStatus.CONFIRMED)
        .annotate(project_count=Count("projects"))
        .filter(project_count__gt=0)
        .order_by("name")
    )
    initiatives = list(published_initiatives().filter(project__organisation__departement_id=code)[:50])
    programmes = list(
        Programme.objects.filter(Q(communes__departement_id=code) | Q(epcis__departement_id=code))
        .distinct()
        .order_by("name")
    )
    used = Q(
        adoptions__organisation__departement_id=code,
        adoptions__organisation__status=OrganisationStatus.CONFIRMED,
        adoptions__status=AdoptionStatus.USES,
    ) | Q(
        shortlisted_by__is_chosen=True,
        shortlisted_by__project__organisation__departement_id=code,
        shortlisted_by__project__organisation__status=OrganisationStatus.CONFIRMED,
    )
    services = list(Service.objects.published().filter(used).distinct().order_by("name")[:50])
    return DepartementPage(
        departement=departement,
        organisations=organisations,
        initiatives=initiatives,
        programmes=programmes,
        services=services,
        project_count=sum(organisation.project_count for organisation in organisations),
    )
