"""Reads of the espace ANCT. Every QuerySet is filtered by the staff user's scope (accounts.permissions), so a
chargé de mission never reads a row outside the territory they cover, whatever the URL or filter.

Pages ask a fixed number of queries whatever the volume: lists are paginated with their joins done and their
counts annotated; the home page asks one aggregate per kind of row and a short list per section.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Count, Exists, F, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from accounts.enums import JoinRequestStatus, OrganisationStatus, Role, ScopeLevel
from accounts.models import JoinRequest, Membership, Organisation, User
from accounts.permissions import staff_covering, staff_scope_of
from accounts.selectors import members_of, pending_join_requests_for
from assistance.enums import OPEN_STATUSES, Recommendation, RequestKind, RequestStatus, Usefulness
from assistance.models import AssistanceRequest, Expert, Follow, Satisfaction, ValidationNotice
from assistance.permissions import espace_scope
from journeys.models import Project, StageValidation, Step, StepAnswer
from journeys.selectors import with_progress
from territories.models import Programme

HOME_LIST_SIZE = 8


def _scoped(queryset: QuerySet, user, prefix: str) -> QuerySet:
    condition = espace_scope(user, prefix=prefix)
    if condition is None:
        return queryset.none()
    return queryset.filter(condition)


# --- Conditions shared by the home page and the filters --------------------------------------------------------


def overdue_condition(now: datetime) -> Q:
    """Requests still without ANCT's first answer past ASSISTANCE_FIRST_ANSWER_DAYS."""
    limit = now - timedelta(days=settings.ASSISTANCE_FIRST_ANSWER_DAYS)
    return Q(status=RequestStatus.SUBMITTED, first_answered_at__isnull=True, created_at__lte=limit)


def escalated_condition() -> Q:
    return Q(escalated_at__isnull=False, first_answered_at__isnull=True, status=RequestStatus.SUBMITTED)


def inactive_since(now: datetime) -> datetime:
    return now - timedelta(days=settings.ASSISTANCE_INACTIVE_PROJECT_DAYS)


def awaiting_validation_condition() -> Q:
    """Projects whose current stage requires an ANCT validation it does not have (yet, or any more), and projects
    with a validation voided by a later change and not given again."""
    validated = StageValidation.objects.active().filter(project=OuterRef("pk"), stage=OuterRef("current_stage"))
    revalidated = StageValidation.objects.active().filter(project=OuterRef("project"), stage=OuterRef("stage"))
    voided = StageValidation.objects.voided().filter(project=OuterRef("pk")).filter(~Exists(revalidated))
    return (Q(current_stage__requires_validation=True) & ~Q(Exists(validated))) | Q(Exists(voided))


def with_stage_progress(projects: QuerySet[Project]) -> QuerySet[Project]:
    """Annotate stage_required and stage_done: the required steps of the current stage, and those done."""
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
    return projects.annotate(
        stage_required=Coalesce(Subquery(required, output_field=IntegerField()), 0),
        stage_done=Coalesce(Subquery(done, output_field=IntegerField()), 0),
    )


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
    """What a row of the requests list shows, joined."""
    return queryset.select_related("project", "organisation", "assigned_to")


def organisation_rows(queryset: QuerySet[Organisation]) -> QuerySet[Organisation]:
    """Collectivités with their counts of members, projects and open requests (one query for a page)."""

    def count(model, **lookups):
        rows = model.objects.filter(organisation=OuterRef("pk"), **lookups).order_by().values("organisation")
        return Coalesce(Subquery(rows.annotate(n=Count("pk")).values("n"), output_field=IntegerField()), 0)

    return queryset.select_related("departement", "region").annotate(
        member_count=count(Membership),
        project_count=count(Project),
        open_request_count=count(AssistanceRequest, status__in=OPEN_STATUSES),
    )


def project_rows(queryset: QuerySet[Project]) -> QuerySet[Project]:
    """Projects with their collectivité, stage, progress and open requests (one query for a page, plus themes)."""
    open_requests = (
        AssistanceRequest.objects.filter(project=OuterRef("pk"), status__in=OPEN_STATUSES)
        .order_by()
        .values("project")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return with_progress(queryset.select_related("organisation", "current_stage").prefetch_related("themes")).annotate(
        open_request_count=Coalesce(Subquery(open_requests, output_field=IntegerField()), 0)
    )


def with_followed(projects: QuerySet[Project], user) -> QuerySet[Project]:
    """Annotate is_followed: whether the user follows each project (« Je suis ce projet »)."""
    return projects.annotate(is_followed=Exists(Follow.objects.filter(user=user, project=OuterRef("pk"))))


def request_for_espace(user, public_id) -> AssistanceRequest:
    """A request in the user's scope with what the triage page shows; raises AssistanceRequest.DoesNotExist."""
    return (
        requests_in_scope(user)
        .select_related(
            "project__current_stage",
            "organisation__departement",
            "organisation__region",
            "assigned_to",
            "submitted_by",
        )
        .prefetch_related("themes")
        .get(public_id=public_id)
    )


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


@dataclass
class Section:
    """One block of the home page: a count, the first rows, and the list that shows them all."""

    key: str
    title: str
    count: int
    rows: list
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


def is_wide_scope(user) -> bool:
    """Regional and national staff (and superusers) see escalated requests on their home."""
    if user.is_superuser:
        return True
    scope = staff_scope_of(user)
    return scope is not None and scope.level in (ScopeLevel.REGIONAL, ScopeLevel.NATIONAL)


def _request_counts(requests: QuerySet[AssistanceRequest], now: datetime) -> dict:
    """The home's counts of requests in one query: per section, and per status (« status:<value> »)."""
    per_status = {f"status:{status}": Count("pk", filter=Q(status=status)) for status in RequestStatus.values}
    return requests.aggregate(
        **per_status,
        new=Count("pk", filter=Q(status=RequestStatus.SUBMITTED)),
        overdue=Count("pk", filter=overdue_condition(now)),
        escalated=Count("pk", filter=escalated_condition()),
        no_reaction=Count("pk", filter=Q(waiting_since__isnull=False, reminders_sent__gt=0)),
        opinions=Count("pk", filter=Q(kind=RequestKind.CADRAGE_OPINION, status__in=OPEN_STATUSES)),
        total=Count("pk"),
    )


def _project_counts(projects: QuerySet[Project], now: datetime) -> dict:
    return projects.aggregate(
        awaiting=Count("pk", filter=awaiting_validation_condition()),
        inactive=Count("pk", filter=Q(last_activity_at__lte=inactive_since(now))),
    )


def escalated_join_requests(user, now: datetime) -> QuerySet[JoinRequest]:
    """Pending join requests of the scope that nobody at the collectivité can decide (no référent left, so they
    were sent to ANCT) or that wait past the first-answer deadline."""
    referents = Membership.objects.filter(organisation=OuterRef("organisation"), role=Role.REFERENT)
    limit = now - timedelta(days=settings.ASSISTANCE_FIRST_ANSWER_DAYS)
    return (
        _scoped(JoinRequest.objects.filter(status=JoinRequestStatus.PENDING), user, "organisation__")
        .filter(~Q(Exists(referents)) | Q(created_at__lte=limit))
        .select_related("organisation", "user")
        .order_by("created_at")
    )


def home_for(user, *, previous_visit: datetime | None, urls: dict[str, str]) -> Home:
    """Everything the espace home shows for the user's scope, in a fixed number of queries."""
    now = timezone.now()
    requests = requests_in_scope(user)
    projects = projects_in_scope(user)
    organisations = organisations_in_scope(user)
    wide = is_wide_scope(user)
    counts = _request_counts(requests, now)
    project_counts = _project_counts(projects, now)
    rows = request_rows(requests)

    def first(queryset) -> list:
        return list(queryset[:HOME_LIST_SIZE])

    pending = (
        organisations.filter(status=OrganisationStatus.PENDING).select_related("departement").order_by("created_at")
    )
    join_requests = escalated_join_requests(user, now)
    sections = [
        Section(
            "new",
            "Nouvelles demandes",
            counts["new"],
            first(rows.filter(status=RequestStatus.SUBMITTED).order_by("created_at")),
            urls["new"],
            "Aucune nouvelle demande.",
        ),
        Section(
            "overdue",
            f"Sans réponse depuis plus de {settings.ASSISTANCE_FIRST_ANSWER_DAYS} jours",
            counts["overdue"],
            first(rows.filter(overdue_condition(now)).order_by("created_at")),
            urls["overdue"],
            "Aucune demande en retard.",
        ),
    ]
    if wide:
        sections.append(
            Section(
                "escalated",
                f"Signalées aux niveaux régional et national (plus de {settings.ASSISTANCE_ESCALATION_DAYS} jours)",
                counts["escalated"],
                first(rows.filter(escalated_condition()).order_by("created_at")),
                urls["escalated"],
                "Aucune demande signalée.",
            )
        )
    sections += [
        Section(
            "opinions",
            "Avis sur le cadrage demandés",
            counts["opinions"],
            first(rows.filter(kind=RequestKind.CADRAGE_OPINION, status__in=OPEN_STATUSES).order_by("created_at")),
            urls["opinions"],
            "Aucun avis demandé.",
        ),
        Section(
            "no_reaction",
            "Collectivités relancées qui n’ont pas répondu",
            counts["no_reaction"],
            first(rows.filter(waiting_since__isnull=False, reminders_sent__gt=0).order_by("waiting_since")),
            urls["no_reaction"],
            "Aucune collectivité relancée sans réponse.",
        ),
        Section(
            "pending",
            "Collectivités à confirmer",
            pending.count(),
            first(pending),
            urls["pending"],
            "Aucune collectivité en attente de confirmation.",
        ),
        Section(
            "join_requests",
            "Demandes de rattachement à traiter par l’ANCT",
            join_requests.count(),
            first(join_requests),
            "",
            "Aucune demande de rattachement en souffrance.",
        ),
        Section(
            "validation",
            "Étapes en attente de validation ANCT",
            project_counts["awaiting"],
            first(
                with_stage_progress(projects.filter(awaiting_validation_condition()))
                .select_related("organisation", "current_stage")
                .order_by("last_activity_at")
            ),
            urls["validation"],
            "Aucune étape en attente de validation.",
        ),
        Section(
            "inactive",
            f"Projets sans activité depuis {settings.ASSISTANCE_INACTIVE_PROJECT_DAYS} jours",
            project_counts["inactive"],
            first(
                projects.filter(last_activity_at__lte=inactive_since(now))
                .select_related("organisation", "current_stage")
                .order_by("last_activity_at")
            ),
            urls["inactive"],
            "Aucun projet inactif.",
        ),
    ]
    by_status = [
        {"status": status, "label": label, "count": counts[f"status:{status}"]}
        for status, label in RequestStatus.choices
    ]
    return Home(
        sections=sections,
        by_status=by_status,
        by_departement=_by_departement(requests, now),
        satisfaction=satisfaction_by_departement(user),
        followed=followed_by(user, previous_visit),
        previous_visit=previous_visit,
        is_wide_scope=wide,
        totals={"requests": counts["total"]},
    )


def _by_departement(requests: QuerySet[AssistanceRequest], now: datetime) -> list[dict]:
    rows = (
        requests.order_by()
        .values("organisation__departement_id", "organisation__departement__name")
        .annotate(
            total=Count("pk"),
            open=Count("pk", filter=Q(status__in=OPEN_STATUSES)),
            new=Count("pk", filter=Q(status=RequestStatus.SUBMITTED)),
            overdue=Count("pk", filter=overdue_condition(now)),
        )
        .order_by("organisation__departement_id")
    )
    return [
        {
            "code": row["organisation__departement_id"] or "—",
            "name": row["organisation__departement__name"] or "Collectivités régionales",
            "total": row["total"],
            "open": row["open"],
            "new": row["new"],
            "overdue": row["overdue"],
        }
        for row in rows
    ]


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
    follows = (
        Follow.objects.filter(user=user)
        .filter(
            Q(project__in=projects_in_scope(user).values("pk")) | Q(request__in=requests_in_scope(user).values("pk"))
        )
        .select_related("project__organisation", "project__current_stage", "request__organisation", "request__project")
        .order_by("-created_at")
    )
    items = []
    for follow in follows:
        if follow.project_id:
            changed_at = follow.project.last_activity_at
            items.append({"follow": follow, "project": follow.project, "request": None, "changed_at": changed_at})
        else:
            changed_at = follow.request.updated_at
            items.append({"follow": follow, "project": None, "request": follow.request, "changed_at": changed_at})
        items[-1]["changed"] = since is None or changed_at > since
    return items


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
