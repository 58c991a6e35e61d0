"""Reads scoped by permission. Every QuerySet here already selects or prefetches what its page shows."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from django.db.models import Count, IntegerField, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils.safestring import SafeString

from accounts.models import Membership, User
from accounts.permissions import organisations_visible_to, remember_membership
from catalogue.models import Service
from catalogue.search import search_condition
from common.dates import french_datetime
from common.precompiled import Markers, precompiled_objects
from journeys.enums import TemplateStatus
from journeys.models import (
    Diagnostic,
    JourneyTemplate,
    Project,
    ProjectShortlist,
    Stage,
    StageValidation,
    Step,
    StepAnswer,
)

T = TypeVar("T")

DEFAULT_TEMPLATE_SLUG = "parcours-ia-donnees"
DEFAULT_DIAGNOSTIC_SLUG = "maturite-ia-donnees"


def projects_visible_to(user) -> QuerySet[Project]:
    """Projects of the user's organisations plus, for ANCT staff, those of the territory they cover."""
    return Project.objects.filter(organisation__in=organisations_visible_to(user).values("pk"))


def required_done() -> Subquery:
    """The project's required steps done (a subquery on the project's pk)."""
    done = (
        StepAnswer.objects.filter(project=OuterRef("pk"), done=True, step__required=True)
        .order_by()
        .values("project")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(done, output_field=IntegerField()), 0)


def with_progress(projects: QuerySet[Project]) -> QuerySet[Project]:
    """Annotate required_total and required_done (required steps of the pinned template, and those done)."""
    total = (
        Step.objects.filter(stage__template=OuterRef("template"), required=True)
        .order_by()
        .values("stage__template")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return projects.annotate(
        required_total=Coalesce(Subquery(total, output_field=IntegerField()), 0), required_done=required_done()
    )


PAGE_RELATIONS = ("organisation", "template", "current_stage")


def _member_project_query(related: tuple[str, ...]) -> Callable[[Markers], QuerySet[Project]]:
    def build(markers: Markers) -> QuerySet[Project]:
        # A stand-in member with the marker as id: the permission helper builds its own rule (projects of the
        # user's organisations), the marker taking the place of the id in the compiled query.
        user_id = markers.integer("user")
        member = User(pk=user_id, is_active=True)
        membership = Membership.objects.filter(organisation=OuterRef("organisation"), user_id=user_id)
        return (
            projects_visible_to(member)
            .select_related(*related)
            .annotate(
                membership_pk=Subquery(membership.values("pk")[:1]),
                membership_role=Subquery(membership.values("role")[:1]),
            )
            .filter(public_id=markers.uuid("project"))[:1]
        )

    return build


def member_project(user, public_id, related: tuple[str, ...] = ("organisation",)) -> Project | None:
    """project_for_page for an ordinary member, in a precompiled query that also reads the member's membership of
    the organisation (accounts.permissions.membership_of then asks nothing): building and compiling the ORM query
    cost the project page about a millisecond. None for staff (their territory makes the query's shape) and when
    no project is visible: the caller then asks project_for_page, which answers either case."""
    if not user.is_authenticated or user.is_staff:
        return None
    found = precompiled_objects(
        ("journeys.member_project", related), _member_project_query(related), user=user.pk, project=public_id
    )
    if not found:
        return None
    project = found[0]
    membership = Membership.from_db(
        None,
        ["id", "user_id", "organisation_id", "role"],
        (project.membership_pk, user.pk, project.organisation_id, project.membership_role),
    )
    remember_membership(user, project.organisation_id, membership)
    return project


def project_for_page(user, public_id, related: tuple[str, ...] = PAGE_RELATIONS) -> Project:
    """The project (visible to user) with what its pages need; raises Project.DoesNotExist otherwise.
    Its themes are not prefetched: only the project page shows them (it prefetches them itself). Its author is not
    joined either: no page reached through here shows it (a whole user row to read on every project page). A page
    that needs less passes `related` (the diagnostic results show the organisation only)."""
    return projects_visible_to(user).select_related(*related).get(public_id=public_id)


def stages_with_steps(template: JourneyTemplate) -> list[Stage]:
    return list(template.stages.prefetch_related(Prefetch("steps", queryset=Step.objects.order_by("order"))))


# A published version is frozen (models.VersionedContent): what its pages read of it never changes, so each worker
# keeps it instead of querying and building it on every request. The key holds the row's creation time so that a
# reused primary key (a test database rolled back) never returns another version's structure.
_FROZEN_STRUCTURES: dict[tuple, object] = {}
_FROZEN_STRUCTURES_MAX = 32


def _frozen_structure(kind: str, content, build: Callable[[], T]) -> T:
    if not content.is_frozen:
        return build()
    key = (kind, content.pk, content.created_at, content.published_at)
    structure = _FROZEN_STRUCTURES.get(key)
    if structure is None:
        if len(_FROZEN_STRUCTURES) >= _FROZEN_STRUCTURES_MAX:
            _FROZEN_STRUCTURES.clear()
        structure = _FROZEN_STRUCTURES[key] = build()
    return structure


def page_stages(template: JourneyTemplate) -> list[Stage]:
    """stages_with_steps for the project page: kept per worker when the template version is published.
    The stages and steps are shared between requests: read them, never change them."""
    return list(_frozen_structure("stages", template, lambda: stages_with_steps(template)))


def required_step_count(template: JourneyTemplate) -> int:
    """The required steps of a template version (kept per worker once published, like page_stages)."""
    return sum(1 for stage in page_stages(template) for step in stage.steps.all() if step.required)


def validated_and_voided_stage_ids(project: Project) -> tuple[set[int], set[int]]:
    """Stages of the project with a standing ANCT validation, and stages whose validation a change voided."""
    validated: set[int] = set()
    voided: set[int] = set()
    for stage_id, voided_at in project.validations.values_list("stage_id", "voided_at"):
        (voided if voided_at else validated).add(stage_id)
    return validated, voided


def validations_of(project: Project) -> QuerySet[StageValidation]:
    """Every ANCT validation of the project, voided ones included (who, when, why), oldest first."""
    return project.validations.select_related("stage", "validated_by", "voided_by").order_by("validated_at", "pk")


def answers_by_step(project: Project) -> dict[int, StepAnswer]:
    return {answer.step_id: answer for answer in project.answers.select_related("updated_by")}


# What a person's name needs (User.__str__): the rest of the row is never shown next to an event or a comment.
_PERSON = ("first_name", "last_name", "email")


@dataclass(frozen=True, slots=True)
class EventRow:
    """What the project page shows of an event: plain values, so that its 15 rows render cheaply."""

    actor: str
    message: str
    at: str


@dataclass(frozen=True, slots=True)
class CommentRow:
    """What the project page shows of a comment (its 50 rows are a large part of the page)."""

    author: str
    at: str
    body_html: SafeString


def _person(first_name: str | None, last_name: str | None, email: str | None) -> str:
    """User.__str__ from its columns (full name, else e-mail); "" for a deleted account."""
    return f"{first_name or ''} {last_name or ''}".strip() or email or ""


def recent_event_rows(project: Project, limit: int = 15) -> list[EventRow]:
    """The latest events of the project with their actor's name, as the project page shows them (plain values)."""
    rows = project.events.values_list("message", "at", *(f"actor__{name}" for name in _PERSON))[:limit]
    return [
        EventRow(actor=_person(first, last, email), message=message, at=french_datetime(at))
        for message, at, first, last, email in rows
    ]


def comment_rows(project: Project) -> list[CommentRow]:
    """The project's comments, oldest first, with their author's name, as the project page shows them (plain
    values). body_html was sanitised when the comment was saved (journeys.markup): it is shown as it is."""
    rows = project.comments.values_list("body_html", "created_at", *(f"author__{name}" for name in _PERSON))
    return [
        CommentRow(author=_person(first, last, email), at=french_datetime(at), body_html=SafeString(body))
        for body, at, first, last, email in rows
    ]


def current_template(slug: str = DEFAULT_TEMPLATE_SLUG) -> JourneyTemplate | None:
    """The latest published version of a template (what new projects start on); falls back to any published one."""
    template = JourneyTemplate.objects.latest_published(slug)
    if template is None:
        template = JourneyTemplate.objects.published().order_by("-published_at", "-pk").first()
    return template


def current_diagnostic(slug: str = DEFAULT_DIAGNOSTIC_SLUG) -> Diagnostic | None:
    """The latest published diagnostic version; falls back to any published one."""
    diagnostic = Diagnostic.objects.latest_published(slug)
    if diagnostic is None:
        diagnostic = (
            Diagnostic.objects.filter(status=TemplateStatus.PUBLISHED).order_by("-published_at", "-pk").first()
        )
    return diagnostic


def diagnostic_with_questions(diagnostic: Diagnostic) -> Diagnostic:
    """The diagnostic with its dimensions, questions and recommendations prefetched."""
    return Diagnostic.objects.prefetch_related("dimensions__questions", "dimensions__recommendations").get(
        pk=diagnostic.pk
    )


def page_diagnostic(diagnostic: Diagnostic) -> Diagnostic:
    """diagnostic_with_questions for the diagnostic pages: kept per worker when the version is published.
    The instance is shared between requests: read it, never change it."""
    return _frozen_structure("diagnostic", diagnostic, lambda: diagnostic_with_questions(diagnostic))


def projects_shortlisting(service, user) -> QuerySet[Project]:
    """Projects visible to the user that shortlisted this catalogue service (for the service page)."""
    return (
        projects_visible_to(user)
        .filter(shortlist__service=service)
        .select_related("organisation", "current_stage")
        .distinct()
        .order_by("title")
    )


def shortlist_of(project: Project) -> QuerySet[ProjectShortlist]:
    return project.shortlist.select_related("service", "service__publisher", "added_by")


SHORTLIST_CANDIDATES = 8


def shortlist_candidates(project: Project, terms: str = "") -> list[Service]:
    """Catalogue services a project may add to its shortlist: those matching `terms` (full-text search of the
    catalogue) or, without terms, those sharing the project's themes (any service when it has none); most
    adopted first, at most 8, never one already shortlisted. The page never lists the whole catalogue."""
    services = Service.objects.published().exclude(pk__in=project.shortlist.values("service_id"))
    condition = search_condition(terms)
    if condition is not None:
        services = services.filter(condition)
    elif theme_ids := list(project.themes.values_list("pk", flat=True)):
        # A semi-join on known theme ids: no DISTINCT to sort away, and the planner sees the ids.
        themed = Service.themes.through.objects.filter(theme_id__in=theme_ids).values("service_id")
        services = services.filter(pk__in=themed)
    return list(services.only("pk", "name", "slug", "pitch").order_by("-adopter_count", "name")[:SHORTLIST_CANDIDATES])
