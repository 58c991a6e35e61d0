"""The public figures of the home page and the map: aggregates only, computed in a constant number of queries
whatever the number of projects, cached and dropped whenever a row they count changes (see receivers.py).

initiatives sits above assistance for this one count (the ingénierie requests handled); assistance never imports it.
"""

from dataclasses import dataclass, field

from django.db.models import Count
from django.template.loader import render_to_string
from django.urls import reverse

from accounts.enums import OrganisationStatus
from assistance.enums import RequestStatus
from assistance.models import AssistanceRequest
from catalogue.models import Service
from common.fragments import bump_version, cached_at_version, version_token
from initiatives.francemap import TILES, Tile, legend, render_svg
from initiatives.models import Initiative
from journeys.models import Project
from territories.models import Departement

CACHE_KEY = "initiatives:public-figures:v3"
# The version token of the figures (a few bytes, where the figures weigh about 130 KB): the figures are kept with
# the token they were computed at, and the pages built from them under it (portal.pagecache).
VERSION = "initiatives-public-figures"
# A safety net: a change made without signals (a queryset update) shows within this delay.
CACHE_SECONDS = 10 * 60

# A request ANCT has acted upon: anything past « déposée » and « en instruction ».
HANDLED_STATUSES = (
    RequestStatus.ACCEPTED,
    RequestStatus.REDIRECTED,
    RequestStatus.REFUSED,
    RequestStatus.EXPERTS_MOBILISED,
    RequestStatus.CLOSED,
)


@dataclass
class DepartementFigures:
    code: str
    name: str
    organisations: int = 0
    projects: int = 0
    initiatives: int = 0

    @property
    def url(self) -> str:
        return reverse("initiatives:departement", kwargs={"code": self.code})


@dataclass
class PublicFigures:
    organisations: int
    projects: int
    by_stage: list[tuple[str, int]]
    services: int
    requests_handled: int
    initiatives: int
    departements: list[DepartementFigures] = field(default_factory=list)
    svg: str = ""
    # The map with its table, rendered once per change of the data: the home page's (engaged départements only)
    # and the map page's (every département).
    home_map_html: str = ""
    map_html: str = ""

    @property
    def engaged_departements(self) -> list[DepartementFigures]:
        return [item for item in self.departements if item.organisations or item.initiatives]


def compute() -> PublicFigures:
    """Six queries, whatever the number of collectivités, projects or initiatives."""
    confirmed_projects = Project.objects.filter(organisation__status=OrganisationStatus.CONFIRMED)
    by_departement = {
        row["organisation__departement_id"]: row
        for row in confirmed_projects.values("organisation__departement_id").annotate(
            projects=Count("id"), organisations=Count("organisation", distinct=True)
        )
    }
    stages = (
        confirmed_projects.values("current_stage__order", "current_stage__name")
        .annotate(count=Count("id"))
        .order_by("current_stage__order", "current_stage__name")
    )
    initiatives_by_departement = dict(
        Initiative.objects.published()
        .values_list("project__organisation__departement_id")
        .annotate(count=Count("id"))
        .values_list("project__organisation__departement_id", "count")
    )
    departements = []
    for code, name in Departement.objects.filter(is_active=True).order_by("code").values_list("code", "name"):
        row = by_departement.get(code, {})
        item = DepartementFigures(
            code=code,
            name=name,
            organisations=row.get("organisations", 0),
            projects=row.get("projects", 0),
            initiatives=initiatives_by_departement.get(code, 0),
        )
        if code in TILES or item.organisations or item.initiatives:
            departements.append(item)
    tiles = [
        Tile(code=item.code, name=item.name, organisations=item.organisations, projects=item.projects, url=item.url)
        for item in departements
        if item.code in TILES
    ]
    figures = PublicFigures(
        organisations=sum(row["organisations"] for row in by_departement.values()),
        projects=sum(row["projects"] for row in by_departement.values()),
        by_stage=[(row["current_stage__name"], row["count"]) for row in stages],
        services=Service.objects.published().count(),
        requests_handled=AssistanceRequest.objects.filter(status__in=HANDLED_STATUSES).count(),
        initiatives=sum(initiatives_by_departement.values()),
        departements=departements,
        svg=render_svg(tiles),
    )
    figures.home_map_html = _map_html(
        figures,
        figures.engaged_departements,
        "Départements où des collectivités sont engagées (les autres n’en comptent aucune)",
    )
    figures.map_html = _map_html(
        figures, figures.departements, "Collectivités engagées, projets et initiatives publiées par département"
    )
    return figures


def _map_html(figures: PublicFigures, rows: list[DepartementFigures], caption: str) -> str:
    context = {"figures": figures, "legend": legend(), "rows": rows, "table_caption": caption}
    return render_to_string("initiatives/_map.html", context)


def figures_version() -> str:
    """The version of the figures (one small cache read): it moves whenever a row they count changes."""
    return version_token(VERSION)


def public_figures() -> PublicFigures:
    """The figures, from the cache when they are there (no query at all, one cache round trip)."""
    return cached_at_version(CACHE_KEY, VERSION, compute, CACHE_SECONDS)


def invalidate(**kwargs) -> None:
    """Drop the cached figures (a signal receiver: a row they count changed), at once and again on commit."""
    bump_version(VERSION)
