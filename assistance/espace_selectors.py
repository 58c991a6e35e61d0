"""Reads of the espace ANCT. Every QuerySet is filtered by the staff user's scope (accounts.permissions), so a
chargé de mission never reads a row outside the territory they cover, whatever the URL or filter.

Pages ask a fixed number of queries whatever the volume: lists are paginated with their joins done and their
counts annotated; the home page asks one aggregate per kind of row and a short list per section.
"""

import hashlib
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cache

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection
from django.db.models import (
    CharField,
    Count,
    Exists,
    F,
    IntegerField,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    Window,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from accounts.enums import JoinRequestStatus, OrganisationStatus, Role, ScopeLevel
from accounts.models import JoinRequest, Membership, Organisation, User
from accounts.permissions import staff_covering, staff_scope_of
from accounts.selectors import members_of, pending_join_requests_for
from assistance import espace_rows
from assistance.enums import OPEN_STATUSES, Recommendation, RequestKind, RequestStatus, Usefulness
from assistance.models import AssistanceRequest, Expert, Follow, ProjectWait, Satisfaction, ValidationNotice
from assistance.permissions import espace_scope
from assistance.section_versions import STATS_VERSION
from catalogue.models import Theme
from common.fragments import cached_at_version_until
from common.precompiled import Markers, parametrised, precompiled, precompiled_objects
from journeys.models import Project, ProjectEvent, Stage, StageValidation, Step, StepAnswer
from journeys.selectors import with_progress
from territories.models import Departement, Programme, Region
from territories.selectors import referential_version

HOME_LIST_SIZE = 8


def _scoped(queryset: QuerySet, user, prefix: str) -> QuerySet:
    condition = espace_scope(user, prefix=prefix)
    if condition is None:
        return queryset.none()
    return queryset.filter(condition)


# --- Conditions shared by the home page and the filters --------------------------------------------------------


def overdue_limit(now: datetime) -> datetime:
    return now - timedelta(days=settings.ASSISTANCE_FIRST_ANSWER_DAYS)


def overdue_before(limit: datetime) -> Q:
    return Q(status=RequestStatus.SUBMITTED, first_answered_at__isnull=True, created_at__lte=limit)


def overdue_condition(now: datetime) -> Q:
    """Requests still without ANCT's first answer past ASSISTANCE_FIRST_ANSWER_DAYS."""
    return overdue_before(overdue_limit(now))


def escalated_condition() -> Q:
    return Q(escalated_at__isnull=False, first_answered_at__isnull=True, status=RequestStatus.SUBMITTED)


def inactive_since(now: datetime) -> datetime:
    return now - timedelta(days=settings.ASSISTANCE_INACTIVE_PROJECT_DAYS)


# The cached builders of this module take no argument and Django copies an expression when a query resolves it, so
# each is built once per process: building one cost ~0.5–1 ms on every page that used it.


@cache
def awaiting_validation_condition() -> Q:
    """Projects whose current stage requires an ANCT validation it does not have (yet, or any more), and projects
    with a validation voided by a later change and not given again."""
    validated = StageValidation.objects.active().filter(project=OuterRef("pk"), stage=OuterRef("current_stage"))
    revalidated = StageValidation.objects.active().filter(project=OuterRef("project"), stage=OuterRef("stage"))
    voided = StageValidation.objects.voided().filter(project=OuterRef("pk")).filter(~Exists(revalidated))
    return (Q(current_stage__requires_validation=True) & ~Q(Exists(validated))) | Q(Exists(voided))


@cache
def project_answered_condition() -> Q:
    """On ProjectWait: a member of the project's collectivité acted on the project (comment, step, stage…) since
    ANCT began to wait: that is their answer. ANCT's own activity is none."""
    member_acted = ProjectEvent.objects.filter(
        project=OuterRef("project"),
        at__gte=OuterRef("waiting_since"),
        actor__memberships__organisation=OuterRef("project__organisation"),
    )
    return Q(Exists(member_acted))


def unanswered_project_waits() -> QuerySet[ProjectWait]:
    """Projects on which ANCT still waits for the collectivité (nothing done by a member since)."""
    return ProjectWait.objects.filter(waiting_since__isnull=False).exclude(project_answered_condition())


@cache
def _stage_progress() -> dict:
    required = (
        Step.objects.filter(stage=OuterRef("current_stage"), required=True)
        .order_by()
        .values("stage")
        .annotate(n=Count("pk"))
        .values("n")
    )
    done = (
        StepAnswer.objects.filter(
            project=OuterRef("pk"), step__stage=OuterRef("current_stage"), step__required=True, done=True
        )
        .order_by()
        .values("project")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return {
        "stage_required": Coalesce(Subquery(required, output_field=IntegerField()), 0),
        "stage_done": Coalesce(Subquery(done, output_field=IntegerField()), 0),
    }


def with_stage_progress(projects: QuerySet[Project]) -> QuerySet[Project]:
    """Annotate stage_required and stage_done: the required steps of the current stage, and those done."""
    return projects.annotate(**_stage_progress())


# --- Scoped querysets ------------------------------------------------------------------------------------------


def requests_in_scope(user) -> QuerySet[AssistanceRequest]:
    """Requests of the collectivités the staff user covers."""
    return _scoped(AssistanceRequest.objects.all(), user, "organisation__")


def organisations_in_scope(user) -> QuerySet[Organisation]:
    """Collectivités the staff user covers."""
    return _scoped(Organisation.objects.all(), user, "")


def projects_in_scope(user) -> QuerySet[Project]:
    """Projects of the collectivités the staff user covers."""
    return _scoped(Project.objects.all(), user, "organisation__")


def request_rows(queryset: QuerySet[AssistanceRequest]) -> QuerySet[AssistanceRequest]:
    """What a row of the requests export and of a collectivité's page shows, joined."""
    return queryset.select_related("project", "organisation", "assigned_to")


def with_organisation_counts(queryset: QuerySet[Organisation]) -> QuerySet[Organisation]:
    """Annotate member_count, project_count and open_request_count (a correlated count each, per row read)."""

    def count(model, **lookups):
        rows = model.objects.filter(organisation=OuterRef("pk"), **lookups).order_by().values("organisation")
        return Coalesce(Subquery(rows.annotate(n=Count("pk")).values("n"), output_field=IntegerField()), 0)

    return queryset.annotate(
        member_count=count(Membership),
        project_count=count(Project),
        open_request_count=count(AssistanceRequest, status__in=OPEN_STATUSES),
    )


def organisation_rows(queryset: QuerySet[Organisation]) -> QuerySet[Organisation]:
    """Collectivités with their counts of members, projects and open requests (one query for a page)."""
    return with_organisation_counts(queryset.select_related("departement", "region"))


@cache
def _open_request_count() -> Coalesce:
    open_requests = (
        AssistanceRequest.objects.filter(project=OuterRef("pk"), status__in=OPEN_STATUSES)
        .order_by()
        .values("project")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(open_requests, output_field=IntegerField()), 0)


def with_open_requests(projects: QuerySet[Project]) -> QuerySet[Project]:
    """Annotate open_request_count: the project's requests ANCT still has to act on."""
    return projects.annotate(open_request_count=_open_request_count())


def project_rows(queryset: QuerySet[Project]) -> QuerySet[Project]:
    """Projects with their collectivité, stage, progress and open requests (one query for a page, plus themes)."""
    return with_open_requests(
        with_progress(queryset.select_related("organisation", "current_stage").prefetch_related("themes"))
    )


# The lists' pages read values (espace_rows formats them): one query a page, no model instance.


def request_list_values(page: QuerySet[AssistanceRequest]) -> QuerySet:
    """The requests list's rows as values (espace_rows.request_rows). `page` is the ordered slice of the page.
    Beyond the first page its ids are chosen in a subquery on the requests alone and only its rows are joined:
    joined first, a page far in the list joined every row before it, then skipped them (the first page reads
    its rows in index order, joined as it goes)."""
    if not page.query.low_mark:
        return page.values(*espace_rows.REQUEST_FIELDS)
    ordering = page.query.order_by or AssistanceRequest._meta.ordering
    rows = AssistanceRequest.objects.filter(pk__in=page.values("pk")).order_by(*ordering)
    return rows.values(*espace_rows.REQUEST_FIELDS)


def request_export_values(queryset: QuerySet[AssistanceRequest]) -> QuerySet:
    """The requests export's rows as values (espace_rows.request_export_rows), dates already in the site's time zone:
    model instances and a time zone conversion per date were most of the export's time."""
    zone = timezone.get_current_timezone()
    return queryset.values_list(
        *espace_rows.REQUEST_EXPORT_FIELDS,
        TruncDate("created_at", tzinfo=zone),
        TruncDate("first_answered_at", tzinfo=zone),
        TruncDate("closed_at", tzinfo=zone),
    )


def _page_rows(name: str, page: QuerySet, build: Callable[[Markers, int], QuerySet], **values) -> list[dict]:
    """The rows of a list page's ids (read first from the ordered slice `page`) through `build(markers, size)`,
    precompiled per page size with markers `<name>.0`…, put back in the page's order."""
    ids = list(page.values_list("pk", flat=True))
    if not ids:
        return []
    rows = precompiled(
        (f"assistance.{name}_rows", len(ids)),
        lambda markers: build(markers, len(ids)),
        **values,
        **{f"{name}.{index}": pk for index, pk in enumerate(ids)},
    )
    position = {pk: index for index, pk in enumerate(ids)}
    return sorted(rows, key=lambda row: position[row["pk"]])


def _organisation_rows_query(markers: Markers, size: int) -> QuerySet:
    organisations = Organisation.objects.filter(
        pk__in=[markers.integer(f"organisation.{index}") for index in range(size)]
    )
    return with_organisation_counts(organisations).values(*espace_rows.ORGANISATION_FIELDS)


def organisation_list_values(page: QuerySet[Organisation]) -> list[dict]:
    """The collectivités list's rows as values, with their counts (espace_rows.organisation_rows). `page` is the
    ordered slice of the page: its ids are read first, then their rows and counts (for these ids only) in a query
    precompiled per page size, put back in the page's order."""
    return _page_rows("organisation", page, _organisation_rows_query)


@cache
def _waiting_reminders() -> Subquery:
    return Subquery(unanswered_project_waits().filter(project=OuterRef("pk")).values("reminders_sent")[:1])


def with_waiting(projects: QuerySet[Project]) -> QuerySet[Project]:
    """Annotate waiting_reminders: the reminders sent while ANCT waits on the collectivité, None when it does not."""
    return projects.annotate(waiting_reminders=_waiting_reminders())


_THEME_NAMES = Project.themes.through.objects.order_by("theme__position", "theme__name").values("theme__name")


def _project_rows_query(markers: Markers, size: int) -> QuerySet:
    projects = Project.objects.filter(pk__in=[markers.integer(f"project.{index}") for index in range(size)])
    followed = Exists(Follow.objects.filter(user=markers.integer("user"), project=OuterRef("pk")))
    rows = with_waiting(with_open_requests(with_progress(projects)).annotate(is_followed=followed))
    if connection.vendor == "postgresql":
        # The theme names in the same statement (an array per row): one round trip less than theme_names().
        rows = rows.annotate(theme_names=ArraySubquery(_THEME_NAMES.filter(project_id=OuterRef("pk"))))
        return rows.values(*espace_rows.PROJECT_FIELDS, "theme_names")
    return rows.values(*espace_rows.PROJECT_FIELDS)


def project_list_values(page: QuerySet[Project], user) -> list[dict]:
    """The projects list's rows as values, with progress, open requests, follow and wait (espace_rows.project_rows).

    `page` is the ordered slice of the page: its ids are read first, then their rows in a query precompiled per
    page size (four correlated subqueries: compiling them was the costliest part of the page). Each row has
    "theme_names", read in the same query on PostgreSQL, else in one more (theme_names)."""
    rows = _page_rows("project", page, _project_rows_query, user=user.pk)
    if rows and "theme_names" not in rows[0]:
        names = theme_names([row["pk"] for row in rows])
        for row in rows:
            row["theme_names"] = names.get(row["pk"], [])
    return rows


def theme_names(project_ids: list[int]) -> dict[int, list[str]]:
    """The names of each project's themes, in the themes' order (one query for a page)."""
    names: dict[int, list[str]] = {}
    links = (
        Project.themes.through.objects.filter(project_id__in=project_ids)
        .order_by("theme__position", "theme__name")
        .values_list("project_id", "theme__name")
    )
    for project_id, name in links:
        names.setdefault(project_id, []).append(name)
    return names


def _filter_choices_query(scope: Q) -> QuerySet:
    organisations = Organisation.objects.filter(scope)
    parts = [
        Departement.objects.filter(Exists(organisations.filter(departement_id=OuterRef("code")))).values_list(
            "code", "name", Value("departement"), Value(0)
        ),
        Region.objects.filter(Exists(organisations.filter(region_id=OuterRef("code")))).values_list(
            "code", "name", Value("region"), Value(0)
        ),
        Programme.objects.values_list("slug", "name", Value("programme"), Value(0)),
        Theme.objects.values_list("slug", "name", Value("theme"), "position"),
    ]
    # Unordered parts (filter_choices sorts the rows): SQLite refuses ORDER BY inside a UNION, and the models'
    # default orderings put one in each part.
    return parts[0].order_by().union(*(part.order_by() for part in parts[1:]), all=True)


def filter_choices(user) -> dict[str, list[tuple[str, str]]]:
    """The (value, label) choices of the lists' filters, in one UNION ALL on small tables: "departement" and
    "region" where the user's scope has collectivités (an index probe per territory, not a pass over every
    collectivité), "programme" and "theme" (every one). Precompiled: building it was a millisecond a page."""
    scope = espace_scope(user)
    found: dict[str, list] = {"departement": [], "region": [], "programme": [], "theme": []}
    if scope is not None:
        shape, values, marked = parametrised(scope)
        rows = precompiled(
            ("assistance.filter_choices", shape), lambda markers: _filter_choices_query(marked(markers)), **values
        )
        for value, label, kind, position in (tuple(row.values()) for row in rows):
            found[kind].append((position, label, value))
    return {
        "departement": [
            (code, f"{code} — {name}")
            for _position, name, code in sorted(found["departement"], key=lambda row: row[2])
        ],
        "region": [(code, name) for _position, name, code in sorted(found["region"])],
        "programme": [(slug, name) for _position, name, slug in sorted(found["programme"])],
        "theme": [(slug, name) for _position, name, slug in sorted(found["theme"])],
    }


def _request_detail_query(markers: Markers, scope: Q) -> QuerySet:
    return (
        AssistanceRequest.objects.filter(scope, public_id=markers.uuid("public_id"))
        # Only what the page shows: PostgreSQL plans a join of eight tables or more in several milliseconds (this
        # query, planned on every request, took longer than all the page's other queries together); the stage and
        # the région were joined and never read.
        .select_related("project", "organisation__departement", "assigned_to", "submitted_by", "satisfaction")
        .annotate(is_followed=Exists(Follow.objects.filter(user=markers.integer("user"), request=OuterRef("pk"))))
        .annotate(**_request_theme_names())
        .order_by()[:2]
    )


_REQUEST_THEME_NAMES = AssistanceRequest.themes.through.objects.order_by("theme__position", "theme__name").values(
    "theme__name"
)


def _request_theme_names() -> dict:
    """On PostgreSQL, the request's theme names in its own query (an array): one round trip less."""
    if connection.vendor != "postgresql":
        return {}
    return {"theme_names": ArraySubquery(_REQUEST_THEME_NAMES.filter(assistancerequest_id=OuterRef("pk")))}


def request_for_espace(user, public_id) -> AssistanceRequest:
    """A request in the user's scope with what the triage page shows (its collectivité's answers at closure,
    `is_followed`: whether the user follows it, `theme_names`); raises AssistanceRequest.DoesNotExist.
    Precompiled: with its joined tables, building the query cost more than the rest of the page's queries."""
    try:
        public_id = uuid.UUID(str(public_id))
    except ValueError as error:
        raise AssistanceRequest.DoesNotExist from error
    condition = espace_scope(user, prefix="organisation__")
    if condition is None:
        raise AssistanceRequest.DoesNotExist
    shape, values, marked = parametrised(condition)
    found = precompiled_objects(
        ("assistance.request_detail", shape),
        lambda markers: _request_detail_query(markers, marked(markers)),
        public_id=public_id,
        user=user.pk,
        **values,
    )
    if len(found) != 1:
        raise AssistanceRequest.DoesNotExist if not found else AssistanceRequest.MultipleObjectsReturned
    if not hasattr(found[0], "theme_names"):
        prefetch_related_objects(found, "themes")
        found[0].theme_names = [theme.name for theme in found[0].themes.all()]
    return found[0]


def organisation_for_espace(user, public_id) -> Organisation:
    """A collectivité in the user's scope; raises Organisation.DoesNotExist."""
    return (
        organisations_in_scope(user)
        .select_related("departement", "region", "commune", "epci", "rejected_by", "confirmed_by")
        .get(public_id=public_id)
    )


def project_in_scope(user, public_id) -> Project:
    """A project of the user's scope; raises Project.DoesNotExist."""
    return projects_in_scope(user).get(public_id=public_id)


def assignable_staff(request: AssistanceRequest) -> QuerySet[User]:
    """Chargés de mission who may handle the request: those covering its collectivité."""
    return staff_covering(request.organisation).order_by("last_name", "first_name", "email")


def experts_for(request: AssistanceRequest) -> QuerySet[Expert]:
    """Active experts who work where the collectivité is (national ones, its région or its département)."""
    organisation = request.organisation
    where = Q(is_national=True) | Q(regions__code=organisation.region_id)
    if organisation.departement_id:
        where |= Q(departements__code=organisation.departement_id)
    matching = Expert.objects.filter(where, is_active=True).values("pk")
    return Expert.objects.filter(pk__in=matching).order_by("name")


# --- The home page ---------------------------------------------------------------------------------------------
# Sections read plain values (espace_rows formats them): the request sections in one UNION ALL, each other
# section with its count in a window over the same query, the counts by status and by département in one
# grouped query.

NO_REACTION = Q(waiting_since__isnull=False, reminders_sent__gt=0)


@dataclass
class Section:
    """One block of the home page: a count, the first rows (url, label, detail), and the list that shows them all."""

    key: str
    title: str
    count: int
    rows: list[dict]
    url: str
    empty: str


@dataclass
class Home:
    sections: list[Section]
    by_status: list[dict]
    by_departement: list[dict]
    satisfaction: list[dict]
    followed: list[dict]
    previous_visit: datetime | None
    is_wide_scope: bool
    totals: dict = field(default_factory=dict)

    # The page's blocks and tables, written from the values above (espace_rows) when the template prints them.
    @property
    def sections_html(self) -> str:
        return espace_rows.home_sections_html(self.sections)

    @property
    def by_status_rows(self) -> str:
        return espace_rows.status_table_rows(self.by_status)

    @property
    def by_departement_rows(self) -> str:
        return espace_rows.departement_table_rows(self.by_departement)


def is_wide_scope(user) -> bool:
    """Regional and national staff (and superusers) see escalated requests on their home."""
    if user.is_superuser:
        return True
    scope = staff_scope_of(user)
    return scope is not None and scope.level in (ScopeLevel.REGIONAL, ScopeLevel.NATIONAL)


def _scoped_rows(name: str, user, prefix: str, build, **values) -> list[dict]:
    """The rows of the values query `build(markers, scope)`, precompiled (common.precompiled) per shape of the
    user's scope (`scope`: the condition on Organisation through `prefix`, with markers); [] without a scope.

    The home asks the same queries on every visit: building and compiling them was most of its time."""
    condition = espace_scope(user, prefix=prefix)
    if condition is None:
        return []
    shape, scope_values, marked = parametrised(condition)
    return precompiled(
        ("assistance.espace", name, shape, *values.pop("shape", ())),
        lambda markers: build(markers, marked(markers)),
        **scope_values,
        **values,
    )


def _request_groups(markers: Markers, scope: Q) -> QuerySet:
    limit = markers.datetime("overdue_limit")
    return (
        AssistanceRequest.objects.filter(scope)
        .order_by()
        .values("organisation__departement_id", "organisation__departement__name", "status")
        .annotate(
            total=Count("pk"),
            overdue=Count("pk", filter=overdue_before(limit)),
            escalated=Count("pk", filter=escalated_condition()),
            no_reaction=Count("pk", filter=NO_REACTION),
            opinions=Count("pk", filter=Q(kind=RequestKind.CADRAGE_OPINION)),
            # The oldest request not yet late that will be: when it is, the overdue counts change.
            next_overdue=Min(
                "created_at",
                filter=Q(status=RequestStatus.SUBMITTED, first_answered_at__isnull=True, created_at__gt=limit),
            ),
        )
    )


# The grouped counts are kept in the cache per scope (not per user: two chargés of the same territory share them)
# under a token every write of a request or of a collectivité moves (assistance.section_versions), and only until
# the next request becomes late: the overdue counts depend on the time, and the entry knows when they change.
STATS_SECONDS = 3600


def _stats_key(condition: Q) -> str:
    shape, values, _marked = parametrised(condition)
    # The referential's version: the territories' import renames départements in bulk, without signals.
    raw = repr((shape, sorted(values.items()), settings.ASSISTANCE_FIRST_ANSWER_DAYS, referential_version()))
    return "assistance:espace-stats:v2:" + hashlib.sha256(raw.encode()).hexdigest()


def _stats_of(groups: list[dict]) -> dict:
    """The home's counts from the rows of _request_groups: per section, per status (`by_status`) and per
    département (`by_departement`, collectivités without département last)."""
    counts = dict.fromkeys(("new", "overdue", "escalated", "no_reaction", "opinions", "total"), 0)
    by_status = dict.fromkeys(RequestStatus.values, 0)
    departements: dict[str | None, dict] = {}
    for group in groups:
        status, total, is_open = group["status"], group["total"], group["status"] in OPEN_STATUSES
        counts["total"] += total
        counts["new"] += total if status == RequestStatus.SUBMITTED else 0
        counts["overdue"] += group["overdue"]
        counts["escalated"] += group["escalated"]
        counts["no_reaction"] += group["no_reaction"]
        counts["opinions"] += group["opinions"] if is_open else 0
        by_status[status] = by_status.get(status, 0) + total
        code = group["organisation__departement_id"]
        row = departements.setdefault(
            code,
            {
                "code": code or "—",
                "name": group["organisation__departement__name"] or "Collectivités régionales",
                "total": 0,
                "open": 0,
                "new": 0,
                "overdue": 0,
            },
        )
        row["total"] += total
        row["open"] += total if is_open else 0
        row["new"] += total if status == RequestStatus.SUBMITTED else 0
        row["overdue"] += group["overdue"]
    counts["by_status"] = by_status
    counts["by_departement"] = [departements[code] for code in sorted(departements, key=lambda c: (c is None, c))]
    return counts


def request_stats(user, now: datetime) -> dict:
    """The home's counts of requests (_stats_of) for the user's scope, from one grouped query (by département and
    status). Kept in the cache, already counted (a national scope has some 700 groups for 100 départements), while
    no write moved STATS_VERSION and no request became late since they were counted."""
    condition = espace_scope(user, prefix="organisation__")
    if condition is None:
        return _stats_of([])

    def build() -> tuple[dict, datetime | None]:
        groups = _scoped_rows(
            "request_groups", user, "organisation__", _request_groups, overdue_limit=overdue_limit(now)
        )
        next_overdue = min((group["next_overdue"] for group in groups if group["next_overdue"]), default=None)
        turns_late = next_overdue + timedelta(days=settings.ASSISTANCE_FIRST_ANSWER_DAYS) if next_overdue else None
        return _stats_of(groups), turns_late

    return cached_at_version_until(_stats_key(condition), STATS_VERSION, build, now, STATS_SECONDS)


def _limited(queryset: QuerySet, size: int, select: Callable[[QuerySet], QuerySet]) -> QuerySet:
    """`select(queryset)[:size]`, to be a part of a UNION ALL. SQLite (the embedded default) refuses LIMIT and
    ORDER BY inside a compound statement: there the part selects the rows whose key is in the limited query (the
    callers order the merged rows themselves)."""
    if connection.features.supports_slicing_ordering_in_compound:
        return select(queryset)[:size]
    return select(queryset.model.objects.filter(pk__in=queryset.values("pk")[:size]).order_by())


# The home's probes and its two always-shown short lists share one UNION ALL, each row as HOME_ROW_FIELDS: the
# section's key, then a public id, a label, a date, two details, a key to order by and the section's count (null
# for a probe). The short lists come first: PostgreSQL types a UNION's NULL columns from the parts before them.
HOME_ROW_FIELDS = ("row_section", "row_id", "row_label", "row_at", "row_a", "row_b", "row_pk", "row_total")


def _count_of(queryset: QuerySet) -> Coalesce:
    """How many rows `queryset` has, as a scalar subquery (asked once per statement: it is not correlated)."""
    counted = queryset.order_by().annotate(row_one=Value(1)).values("row_one").annotate(n=Count("*")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def _home_list(key: str, queryset: QuerySet, order: str, *columns: str) -> QuerySet:
    public_id, label, at, detail_a, detail_b = columns
    return _limited(
        queryset.order_by(order, "pk"),
        HOME_LIST_SIZE,
        lambda rows: rows.values(
            row_section=Value(key, output_field=CharField()),
            row_id=F(public_id),
            row_label=F(label),
            row_at=F(at),
            row_a=F(detail_a),
            row_b=F(detail_b),
            row_pk=F("pk"),
            row_total=_count_of(queryset),
        ),
    )


def _probe(key: str, queryset: QuerySet) -> QuerySet:
    nothing = {name: Value(None, output_field=CharField()) for name in HOME_ROW_FIELDS[1:]}
    return _limited(
        queryset.order_by(), 1, lambda rows: rows.values(row_section=Value(key, output_field=CharField()), **nothing)
    )


def _home_rows_query(markers: Markers, on_organisation: Q, on_project: Q) -> QuerySet:
    parts = [
        _home_list(
            "pending",
            Organisation.objects.filter(on_organisation, status=OrganisationStatus.PENDING),
            "created_at",
            *("public_id", "name", "created_at", "departement_id", "region_id"),
        ),
        _home_list(
            "inactive",
            Project.objects.filter(on_project, last_activity_at__lte=markers.datetime("inactive_since")),
            "last_activity_at",
            *("public_id", "title", "last_activity_at", "organisation__name", "current_stage__name"),
        ),
        # Sections whose rows exist anywhere (any territory), LIMIT 1 each. Their own queries are the costliest of
        # the page and most often find nothing (no stage of the default journey requires a validation, for
        # instance): a section absent here is not asked for at all.
        _probe("validation", Stage.objects.filter(requires_validation=True)),
        _probe("validation", StageValidation.objects.voided()),
        _probe("projects_no_reaction", ProjectWait.objects.filter(waiting_since__isnull=False, reminders_sent__gt=0)),
        _probe("join_requests", JoinRequest.objects.filter(status=JoinRequestStatus.PENDING)),
        _probe("satisfaction", Satisfaction.objects.all()),
        _probe("followed", Follow.objects.filter(user=markers.integer("user"))),
    ]
    return parts[0].union(*parts[1:], all=True)


@dataclass
class _HomeRows:
    present: set[str]
    pending: tuple[int, list[dict]]
    inactive: tuple[int, list[dict]]


def _home_rows(user, now: datetime) -> _HomeRows:
    """The home's probes, collectivités to confirm and inactive projects, in one query (precompiled per shape of
    the user's scope); nothing without a scope."""
    on_organisation, on_project = espace_scope(user), espace_scope(user, prefix="organisation__")
    if on_organisation is None or on_project is None:
        return _HomeRows(set(), (0, []), (0, []))
    organisation_shape, organisation_values, organisation_marked = parametrised(on_organisation)
    project_shape, project_values, project_marked = parametrised(on_project)
    rows = precompiled(
        ("assistance.espace.home_rows", organisation_shape, project_shape),
        lambda markers: _home_rows_query(markers, organisation_marked(markers), project_marked(markers)),
        user=user.pk,
        inactive_since=inactive_since(now),
        **organisation_values,
        **project_values,
    )
    present, lists = set(), {"pending": [], "inactive": []}
    for row in rows:
        present.add(row["row_section"])
        if row["row_section"] in lists:
            lists[row["row_section"]].append(row)

    def counted(key: str, *names: str) -> tuple[int, list[dict]]:
        found = sorted(lists[key], key=lambda row: (row["row_at"], row["row_pk"]))
        values = [dict(zip(names, (row[field] for field in HOME_ROW_FIELDS[1:6]), strict=True)) for row in found]
        return (found[0]["row_total"] if found else 0), values

    return _HomeRows(
        present,
        counted("pending", "public_id", "name", "created_at", "departement_id", "region_id"),
        counted("inactive", "public_id", "title", "last_activity_at", "organisation__name", "current_stage__name"),
    )


def _first_with_count(queryset: QuerySet, *fields: str, **expressions) -> tuple[int, list[dict]]:
    """The first rows of an ordered query as values, and how many rows it has in all (a window count: one query)."""
    return _counted(list(_first_values(queryset, *fields, **expressions)))


def _first_values(queryset: QuerySet, *fields: str, **expressions) -> QuerySet:
    return queryset.values(*fields, **expressions, section_total=Window(Count("pk")))[:HOME_LIST_SIZE]


def _counted(rows: list[dict]) -> tuple[int, list[dict]]:
    return (rows[0]["section_total"] if rows else 0), rows


REQUEST_SECTION_ORDER = {
    "new": "created_at",
    "overdue": "created_at",
    "opinions": "created_at",
    "no_reaction": "waiting_since",
    "escalated": "created_at",
}


def _request_section_condition(key: str, markers: Markers) -> Q:
    if key == "overdue":
        return overdue_before(markers.datetime("overdue_limit"))
    return {
        "new": Q(status=RequestStatus.SUBMITTED),
        "opinions": Q(kind=RequestKind.CADRAGE_OPINION, status__in=OPEN_STATUSES),
        "no_reaction": NO_REACTION,
        "escalated": escalated_condition(),
    }[key]


def _request_sections(user, now: datetime, *, wide: bool, counts: dict) -> dict[str, list[dict]]:
    """The first rows of each request section, read in one UNION ALL of the sections' queries; a section the
    grouped counts found empty is not asked for (no query at all when they all are)."""
    keys = [key for key in ("new", "overdue", "opinions", "no_reaction") if counts[key]]
    if wide and counts["escalated"]:
        keys.append("escalated")
    sections: dict[str, list[dict]] = {key: [] for key in ("new", "overdue", "opinions", "no_reaction")}
    if wide:
        sections["escalated"] = []
    if not keys:
        return sections

    def build(markers: Markers, scope: Q) -> QuerySet:
        parts = [
            _limited(
                AssistanceRequest.objects.filter(scope)
                .filter(_request_section_condition(key, markers))
                .order_by(REQUEST_SECTION_ORDER[key], "pk"),
                HOME_LIST_SIZE,
                lambda rows, key=key: rows.values(
                    *espace_rows.HOME_REQUEST_FIELDS,
                    "pk",
                    section=Value(key),
                    sort_at=F(REQUEST_SECTION_ORDER[key]),
                ),
            )
            for key in keys
        ]
        return parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]

    rows = _scoped_rows(
        "request_sections", user, "organisation__", build, overdue_limit=overdue_limit(now), shape=tuple(keys)
    )
    for row in rows:
        sections[row["section"]].append(row)
    for found in sections.values():
        found.sort(key=lambda row: (row["sort_at"], row["pk"]))
    return sections


def escalated_join_requests(user, now: datetime) -> QuerySet[JoinRequest]:
    """Pending join requests of the scope that nobody at the collectivité can decide (no référent left, so they
    were sent to ANCT) or that wait past the first-answer deadline."""
    referents = Membership.objects.filter(organisation=OuterRef("organisation"), role=Role.REFERENT)
    limit = now - timedelta(days=settings.ASSISTANCE_FIRST_ANSWER_DAYS)
    return (
        _scoped(JoinRequest.objects.filter(status=JoinRequestStatus.PENDING), user, "organisation__")
        .filter(~Q(Exists(referents)) | Q(created_at__lte=limit))
        .order_by("created_at", "pk")
    )


def home_for(user, *, previous_visit: datetime | None, urls: dict[str, str]) -> Home:
    """Everything the espace home shows for the user's scope, in a fixed number of queries."""
    now = timezone.now()
    wide = is_wide_scope(user)
    stats = request_stats(user, now)
    request_sections = _request_sections(user, now, wide=wide, counts=stats)

    home_rows = _home_rows(user, now)
    present = home_rows.present

    def first_with_count(key: str, build: Callable[[], QuerySet], *fields: str, **expressions):
        # Built only when the section has rows somewhere: building these querysets (correlated subqueries) was a
        # tenth of the page's time, for sections that are most often empty.
        return _first_with_count(build(), *fields, **expressions) if key in present else (0, [])

    pending_count, pending = home_rows.pending
    join_count, join_requests = first_with_count(
        "join_requests", lambda: escalated_join_requests(user, now), *espace_rows.HOME_JOIN_FIELDS
    )
    validation_count, validation = first_with_count(
        "validation",
        lambda: projects_in_scope(user).filter(awaiting_validation_condition()).order_by("last_activity_at", "pk"),
        *espace_rows.HOME_PROJECT_FIELDS,
        **_stage_progress(),
    )
    silent_count, silent = first_with_count(
        "projects_no_reaction",
        lambda: (
            _scoped(unanswered_project_waits(), user, "project__organisation__")
            .filter(reminders_sent__gt=0)
            .order_by("waiting_since", "pk")
        ),
        *espace_rows.HOME_WAIT_FIELDS,
    )
    inactive_count, inactive = home_rows.inactive

    def requests_section(key: str, title: str, empty: str) -> Section:
        rows = espace_rows.home_request_rows(request_sections[key])
        return Section(key, title, stats[key], rows, urls[key], empty)

    sections = [
        requests_section("new", "Nouvelles demandes", "Aucune nouvelle demande."),
        requests_section(
            "overdue",
            f"Sans réponse depuis plus de {settings.ASSISTANCE_FIRST_ANSWER_DAYS} jours",
            "Aucune demande en retard.",
        ),
    ]
    if wide:
        sections.append(
            requests_section(
                "escalated",
                f"Signalées aux niveaux régional et national (plus de {settings.ASSISTANCE_ESCALATION_DAYS} jours)",
                "Aucune demande signalée.",
            )
        )
    sections += [
        requests_section("opinions", "Avis sur le cadrage demandés", "Aucun avis demandé."),
        requests_section(
            "no_reaction",
            "Collectivités relancées qui n’ont pas répondu",
            "Aucune collectivité relancée sans réponse.",
        ),
        Section(
            "projects_no_reaction",
            "Projets : collectivités relancées qui n’ont pas répondu",
            silent_count,
            espace_rows.home_wait_rows(silent),
            urls["projects_no_reaction"],
            "Aucune collectivité relancée sans réponse sur un projet.",
        ),
        Section(
            "pending",
            "Collectivités à confirmer",
            pending_count,
            espace_rows.home_organisation_rows(pending),
            urls["pending"],
            "Aucune collectivité en attente de confirmation.",
        ),
        Section(
            "join_requests",
            "Demandes de rattachement à traiter par l’ANCT",
            join_count,
            espace_rows.home_join_rows(join_requests),
            "",
            "Aucune demande de rattachement en souffrance.",
        ),
        Section(
            "validation",
            "Étapes en attente de validation ANCT",
            validation_count,
            espace_rows.home_validation_rows(validation),
            urls["validation"],
            "Aucune étape en attente de validation.",
        ),
        Section(
            "inactive",
            f"Projets sans activité depuis {settings.ASSISTANCE_INACTIVE_PROJECT_DAYS} jours",
            inactive_count,
            espace_rows.home_inactive_rows(inactive),
            urls["inactive"],
            "Aucun projet inactif.",
        ),
    ]
    list_url = urls["list"]
    by_status = [
        {
            "url": f"{list_url}?statut={status}",
            "label": label[:1].upper() + label[1:],
            "count": stats["by_status"].get(status, 0),
        }
        for status, label in RequestStatus.choices
    ]
    by_departement = [
        {**row, "url": f"{list_url}?departement={row['code']}" if row["code"] != "—" else ""}
        for row in stats["by_departement"]
    ]
    return Home(
        sections=sections,
        by_status=by_status,
        by_departement=by_departement,
        satisfaction=satisfaction_by_departement(user) if "satisfaction" in present else [],
        followed=followed_by(user, previous_visit) if "followed" in present else [],
        previous_visit=previous_visit,
        is_wide_scope=wide,
        totals={"requests": stats["total"]},
    )


def satisfaction_by_departement(user) -> list[dict]:
    """The closure answers of the scope by département: how many, how useful, how many would recommend."""
    rows = (
        _scoped(Satisfaction.objects.all(), user, "request__organisation__")
        .order_by()
        .values("request__organisation__departement_id", "request__organisation__departement__name")
        .annotate(
            answers=Count("pk"),
            useful=Count("pk", filter=Q(usefulness=Usefulness.YES)),
            partly=Count("pk", filter=Q(usefulness=Usefulness.PARTLY)),
            recommend=Count("pk", filter=Q(would_recommend=Recommendation.YES)),
        )
        .order_by("request__organisation__departement_id")
    )
    return [
        {
            "code": row["request__organisation__departement_id"] or "—",
            "name": row["request__organisation__departement__name"] or "Collectivités régionales",
            "answers": row["answers"],
            "useful_percent": round(100 * row["useful"] / row["answers"]),
            "partly_percent": round(100 * row["partly"] / row["answers"]),
            "recommend_percent": round(100 * row["recommend"] / row["answers"]),
        }
        for row in rows
    ]


def followed_by(user, since: datetime | None) -> list[dict]:
    """What the user follows (still in their scope), and whether it changed since `since` (their previous visit)."""
    on_project = espace_scope(user, prefix="project__organisation__")
    on_request = espace_scope(user, prefix="request__organisation__")
    if on_project is None or on_request is None:
        return []
    in_scope = (Q(project__isnull=False) & on_project) | (Q(request__isnull=False) & on_request)
    follows = Follow.objects.filter(in_scope, user=user).order_by("-created_at").values(*espace_rows.FOLLOW_FIELDS)
    return espace_rows.followed_rows(follows, since)


def organisation_page(organisation: Organisation) -> dict:
    """The collectivité's members, pending join requests, projects, requests and programmes, for its espace page."""
    if organisation.commune_id:
        member_of = Programme.objects.filter(communes=organisation.commune_id)
    elif organisation.epci_id:
        member_of = Programme.objects.filter(epcis=organisation.epci_id)
    else:
        member_of = Programme.objects.none()
    return {
        "members": list(members_of(organisation)),
        "join_requests": list(pending_join_requests_for(organisation)),
        "projects": list(
            with_progress(organisation.projects.select_related("current_stage")).order_by("-last_activity_at")
        ),
        "requests": list(request_rows(organisation.assistance_requests.all()).order_by("-created_at")),
        "programmes": list(member_of.order_by("name")),
    }


def experts_in_scope(user) -> QuerySet[Expert]:
    """Active experts who work in the user's scope: national ones and those of its régions or départements."""
    organisations = organisations_in_scope(user)
    matching = Expert.objects.filter(
        Q(is_national=True)
        | Q(regions__code__in=organisations.values("region_id"))
        | Q(departements__code__in=organisations.values("departement_id")),
        is_active=True,
    ).values("pk")
    return Expert.objects.filter(pk__in=matching).prefetch_related("themes").order_by("name")


def projects_ready_for_validation() -> QuerySet[Project]:
    """Projects (every territory) whose current stage requires an ANCT validation, with its required actions done,
    that the covering chargés de mission were not told about yet."""
    notified = ValidationNotice.objects.filter(project=OuterRef("pk"), stage=OuterRef("current_stage"))
    return (
        with_stage_progress(Project.objects.filter(awaiting_validation_condition()).exclude(Exists(notified)))
        .filter(stage_done__gte=F("stage_required"))
        .select_related("organisation", "current_stage")
        .order_by("pk")
    )
