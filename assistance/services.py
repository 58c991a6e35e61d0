"""Every write of the assistance app, with its rule.

Functions run in a transaction and raise an `AssistanceError` subclass whose message is French and shown as is;
nothing is half-written when they raise. Each change of a request is recorded in its history (RequestEvent)
and emails leave on commit.
"""

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, timedelta
from functools import partial
from typing import Any, TypeVar

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, connection, transaction
from django.db.models import QuerySet
from django.utils import timezone

from accounts.models import Organisation, User
from accounts.permissions import staff_covering, staff_covers
from assistance import emails
from assistance.doctrine import cost_rule_for, organisation_population
from assistance.enums import (
    OPEN_STATUSES,
    TRANSITIONS,
    EventKind,
    LocalActor,
    LocalSupport,
    Recommendation,
    RequestKind,
    RequestStatus,
    Urgency,
    Usefulness,
)
from assistance.espace_selectors import (
    project_answered_condition,
    projects_ready_for_validation,
    unanswered_project_waits,
)
from assistance.models import (
    AssistanceRequest,
    EspaceVisit,
    Expert,
    Follow,
    Mobilisation,
    ProjectWait,
    RequestAttachment,
    RequestEvent,
    RequestMessage,
    Satisfaction,
    ValidationNotice,
    WaitingOnCollectivite,
)
from assistance.permissions import (
    can_request_assistance,
    can_triage_request,
    can_wait_on_project,
    can_write_as_collectivite,
)
from assistance.section_versions import every_assistance_section_changed, project_assistance_changed
from common.precompiled import Markers, precompiled
from journeys.markup import render_markdown
from journeys.models import Project
from journeys.services import UploadRefusedError, check_upload
from territories.models import Programme

MAX_NEED_LENGTH = 5_000
MAX_MESSAGE_LENGTH = 5_000
MAX_REASON_LENGTH = 2_000
MAX_ATTACHMENTS = settings.UPLOAD_MAX_FILES
NUL = "\x00"
MOBILISABLE_STATUSES = (RequestStatus.ACCEPTED, RequestStatus.EXPERTS_MOBILISED)


class AssistanceError(Exception):
    """A rule of the assistance app refused the change; `str(error)` is a French message for the page."""


class RequestRefusedError(AssistanceError):
    """The request cannot be submitted as is."""


class TransitionError(AssistanceError):
    """The status change is not allowed from the current status, or lacks what it needs."""


class MessageError(AssistanceError):
    pass


class AttachmentError(AssistanceError):
    pass


class MobilisationError(AssistanceError):
    pass


class SatisfactionError(AssistanceError):
    pass


class NotAllowedError(AssistanceError):
    """The person may not do this on this request (views turn it into 403/404 before it is ever raised)."""


# --- Helpers ---------------------------------------------------------------------------------------------------


def _clean_text(value: str | None, *, label: str, max_length: int, required: bool = True) -> str:
    text = (value or "").replace("\r\n", "\n").strip()
    if NUL in text:
        raise AssistanceError(f"{label} contient un caractère invalide : rien n’a été enregistré.")
    if required and not text:
        raise AssistanceError(f"{label} est obligatoire.")
    if len(text) > max_length:
        raise AssistanceError(f"{label} est trop long ({max_length:,} caractères au plus).".replace(",", "\u202f"))
    return text


def _record(
    request: AssistanceRequest,
    *,
    kind: str,
    actor: User | None,
    note: str = "",
    from_status: str = "",
    to_status: str = "",
) -> RequestEvent:
    now = timezone.now()
    AssistanceRequest.objects.filter(pk=request.pk).update(updated_at=now)
    request.updated_at = now
    return RequestEvent.objects.create(
        request=request, kind=kind, actor=actor, note=note, from_status=from_status, to_status=to_status
    )


def _check_uploads(uploads: Sequence[UploadedFile]) -> list[tuple[UploadedFile, str, str]]:
    """Each upload with its (extension, content type), checked by the deliverables' rules before anything is saved."""
    if len(uploads) > MAX_ATTACHMENTS:
        raise AttachmentError(f"Joignez au plus {MAX_ATTACHMENTS} fichiers à la fois.")
    checked = []
    for upload in uploads:
        try:
            extension, content_type = check_upload(upload)
        except UploadRefusedError as error:
            raise AttachmentError(f"« {upload.name} » : {error} Rien n’a été enregistré.") from error
        checked.append((upload, extension, content_type))
    return checked


def _store_attachments(
    request: AssistanceRequest,
    checked: list[tuple[UploadedFile, str, str]],
    *,
    user: User,
    message: RequestMessage | None = None,
) -> list[RequestAttachment]:
    stored = []
    for upload, extension, content_type in checked:
        original = (upload.name or "").replace("/", "_").replace("\\", "_").replace(NUL, "").strip()
        attachment = RequestAttachment(
            request=request,
            message=message,
            file_name=(original or f"piece-jointe.{extension}")[:200],
            file_type=content_type,
            size=upload.size or 0,
            uploaded_by=user,
        )
        # Stored under a neutral name: the user's file name is only kept as metadata (as for deliverables).
        attachment.file.save(f"piece-jointe.{extension}", upload, save=False)
        attachment.save()
        stored.append(attachment)
    return stored


def _locked(request: AssistanceRequest) -> AssistanceRequest:
    return AssistanceRequest.objects.select_for_update().select_related("organisation").get(pk=request.pk)


def _require_triage(user: User, request: AssistanceRequest) -> None:
    if not can_triage_request(user, request):
        raise NotAllowedError(
            "Seuls les chargés de mission de l’ANCT couvrant cette collectivité traitent la demande."
        )


# --- Submitting a request (collectivité) ----------------------------------------------------------------------


@transaction.atomic
def submit_request(
    *,
    project: Project,
    user: User,
    kind: str,
    need: str,
    urgency: str,
    local_support: str,
    local_actors: Iterable[str] = (),
    local_answer: str = "",
    themes: Iterable = (),
    uploads: Sequence[UploadedFile] = (),
) -> AssistanceRequest:
    """A member asks ANCT for ingénierie on their project; routed to the chargés de mission covering its territory.

    Records the intake facts (population, local ingénierie approached, whether ANCT can pay it all), stores the
    attachments (deliverables' upload rules) and emails the chargés de mission and the members on commit.
    Raises NotAllowedError for a non-member, RequestRefusedError / AttachmentError for bad input.
    """
    if not can_request_assistance(user, project):
        raise NotAllowedError("Seuls les membres de la collectivité peuvent demander un appui pour ce projet.")
    if kind not in RequestKind.values:
        raise RequestRefusedError("Choisissez le type d’appui parmi ceux proposés.")
    if urgency not in Urgency.values:
        raise RequestRefusedError("Indiquez l’urgence parmi les choix proposés.")
    if local_support not in LocalSupport.values:
        raise RequestRefusedError("Dites si vous avez sollicité l’ingénierie de votre territoire.")
    actors = [actor for actor in LocalActor.values if actor in set(local_actors)]
    if set(local_actors) - set(actors):
        raise RequestRefusedError("Un acteur local ne fait pas partie des choix proposés.")
    need = _clean_text(need, label="La description du besoin", max_length=MAX_NEED_LENGTH)
    local_answer = _clean_text(
        local_answer, label="La réponse de l’ingénierie locale", max_length=MAX_REASON_LENGTH, required=False
    )
    checked = _check_uploads(list(uploads))
    organisation = project.organisation
    if (
        kind == RequestKind.CADRAGE_OPINION
        and AssistanceRequest.objects.open().filter(project=project, kind=RequestKind.CADRAGE_OPINION).exists()
    ):
        raise RequestRefusedError(
            "Une demande d’avis sur le cadrage de ce projet est déjà en cours : suivez-la ou complétez-la "
            "par un message plutôt que d’en déposer une nouvelle."
        )
    population = organisation_population(organisation)
    request = AssistanceRequest.objects.create(
        project=project,
        organisation=organisation,
        kind=kind,
        need=need,
        urgency=urgency,
        population=population,
        local_support=local_support,
        local_actors=actors,
        local_answer=local_answer,
        cost_rule=cost_rule_for(organisation.kind, population),
        submitted_by=user,
    )
    request.themes.set(list(themes))
    _store_attachments(request, checked, user=user)
    _record(request, kind=EventKind.SUBMITTED, actor=user, to_status=RequestStatus.SUBMITTED)
    transaction.on_commit(lambda: emails.send_request_submitted(request.pk))
    return request


# --- Status workflow (ANCT) ------------------------------------------------------------------------------------


def allowed_transitions(request: AssistanceRequest) -> tuple[str, ...]:
    """Statuses a chargé de mission may move the request to now (experts mobilisés comes with a mobilisation)."""
    return tuple(status for status in TRANSITIONS[request.status] if status != RequestStatus.EXPERTS_MOBILISED)


@transaction.atomic
def change_status(
    *,
    request: AssistanceRequest,
    user: User,
    to_status: str,
    note: str = "",
    redirected_to: str = "",
    refusal_reason: str = "",
    outcome: str = "",
) -> AssistanceRequest:
    """Move the request along its workflow (déposée → en instruction → acceptée / réorientée / refusée → experts
    mobilisés → clôturée), only from the right status. Réorientée names the actor, refusée gives a reason,
    clôturée an outcome. Members and covering chargés de mission are emailed on commit.

    Raises NotAllowedError outside the scope, TransitionError otherwise (nothing changes).
    """
    _require_triage(user, request)
    locked = _locked(request)
    if to_status not in RequestStatus.values:
        raise TransitionError("Ce statut n’existe pas : rien n’a été modifié.")
    if to_status not in TRANSITIONS[locked.status]:
        raise TransitionError(
            f"Une demande « {locked.get_status_display()} » ne peut pas passer au statut "
            f"« {RequestStatus(to_status).label} » : rien n’a été modifié."
        )
    if to_status == RequestStatus.EXPERTS_MOBILISED and not locked.mobilisations.exists():
        raise TransitionError(
            "Mobilisez d’abord un expert : la demande passera alors au statut « experts mobilisés »."
        )
    note = _clean_text(note, label="La précision", max_length=MAX_REASON_LENGTH, required=False)
    if to_status == RequestStatus.REDIRECTED:
        locked.redirected_to = _clean_text(
            redirected_to, label="L’acteur vers qui la demande est réorientée", max_length=200
        )
    if to_status == RequestStatus.REFUSED:
        locked.refusal_reason = _clean_text(refusal_reason, label="Le motif du refus", max_length=MAX_REASON_LENGTH)
    if to_status == RequestStatus.CLOSED:
        locked.outcome = _clean_text(outcome, label="Le résultat de l’accompagnement", max_length=MAX_REASON_LENGTH)
    return _apply_status(locked, user=user, to_status=to_status, note=note)


def _apply_status(locked: AssistanceRequest, *, user: User, to_status: str, note: str) -> AssistanceRequest:
    now = timezone.now()
    from_status = locked.status
    locked.status = to_status
    locked.status_changed_at = now
    if locked.first_answered_at is None:
        locked.first_answered_at = now
    if to_status not in OPEN_STATUSES:
        locked.closed_at = now
        locked.waiting_since = None
        locked.waiting_for = ""
    locked.save()
    details: dict[str, str] = {
        RequestStatus.REDIRECTED: locked.redirected_to,
        RequestStatus.REFUSED: locked.refusal_reason,
        RequestStatus.CLOSED: locked.outcome,
    }
    detail = details.get(to_status, "")
    _record(
        locked,
        kind=EventKind.STATUS,
        actor=user,
        note="\n\n".join(part for part in (detail, note) if part),
        from_status=from_status,
        to_status=to_status,
    )
    request_id, actor_id = locked.pk, user.pk
    transaction.on_commit(lambda: emails.send_status_changed(request_id, actor_id=actor_id, note=note))
    return locked


@transaction.atomic
def assign_request(*, request: AssistanceRequest, user: User, assignee: User | None) -> AssistanceRequest:
    """Name the chargé de mission who handles the request (one covering the collectivité), or nobody."""
    _require_triage(user, request)
    locked = _locked(request)
    if assignee is not None and not staff_covering(locked.organisation).filter(pk=assignee.pk).exists():
        raise AssistanceError("Cette personne ne couvre pas le territoire de la collectivité.")
    if locked.assigned_to_id == (assignee.pk if assignee else None):
        return locked
    locked.assigned_to = assignee
    locked.save(update_fields=["assigned_to"])
    note = f"attribuée à {assignee.get_full_name() or 'un chargé de mission'}" if assignee else "sans attribution"
    _record(locked, kind=EventKind.ASSIGNED, actor=user, note=note)
    return locked


# --- Message thread --------------------------------------------------------------------------------------------


@transaction.atomic
def post_message(
    *, request: AssistanceRequest, author: User, body: str, uploads: Sequence[UploadedFile] = ()
) -> RequestMessage:
    """Add a message (sanitised Markdown subset) with attachments to the thread; the other party is emailed a link.

    A member's message stops the reminders (the collectivité answered). A chargé de mission's first message counts
    as ANCT's first answer. Raises NotAllowedError, MessageError or AttachmentError.
    """
    if can_write_as_collectivite(author, request):
        from_anct = False
    elif can_triage_request(author, request):
        from_anct = True
    else:
        raise NotAllowedError("Vous ne pouvez pas écrire dans cette demande.")
    try:
        body = _clean_text(body, label="Le message", max_length=MAX_MESSAGE_LENGTH)
    except AssistanceError as error:
        raise MessageError(str(error)) from error
    checked = _check_uploads(list(uploads))
    locked = _locked(request)
    message = RequestMessage.objects.create(
        request=locked, author=author, from_anct=from_anct, body=body, body_html=render_markdown(body)
    )
    _store_attachments(locked, checked, user=author, message=message)
    changed = []
    if from_anct and locked.first_answered_at is None:
        locked.first_answered_at = timezone.now()
        changed.append("first_answered_at")
    if not from_anct and locked.waiting_since is not None:
        locked.waiting_since = None
        locked.waiting_for = ""
        changed += ["waiting_since", "waiting_for"]
    if changed:
        locked.save(update_fields=changed)
    side = "ANCT" if from_anct else "collectivité"
    _record(locked, kind=EventKind.MESSAGE, actor=author, note=f"message ({side})")
    transaction.on_commit(lambda: emails.send_message_posted(message.pk))
    return message


@transaction.atomic
def wait_for_collectivite(*, request: AssistanceRequest, user: User, waiting_for: str) -> AssistanceRequest:
    """ANCT waits on the collectivité (a question, a document): members are told now, then reminded on the
    configured cadence until one of them answers in the thread. Raises TransitionError on a closed request."""
    _require_triage(user, request)
    locked = _locked(request)
    if locked.status not in OPEN_STATUSES:
        raise TransitionError("Cette demande est terminée : il n’y a plus rien à attendre de la collectivité.")
    waiting_for = _clean_text(waiting_for, label="Ce que vous attendez de la collectivité", max_length=300)
    locked.waiting_since = timezone.now()
    locked.waiting_for = waiting_for
    locked.reminders_sent = 0
    locked.last_reminder_at = None
    if locked.first_answered_at is None:
        locked.first_answered_at = locked.waiting_since
    locked.save()
    _record(locked, kind=EventKind.WAITING, actor=user, note=waiting_for)
    transaction.on_commit(lambda: emails.send_waiting(locked.pk, reminder=False))
    return locked


NOT_COVERING = "Seuls les chargés de mission de l’ANCT couvrant cette collectivité attendent sa réponse."


@transaction.atomic
def wait_on_project(*, project: Project, user: User, waiting_for: str) -> ProjectWait:
    """ANCT waits on the collectivité about a project (a question asked in a comment, a document expected): members
    are told now, then reminded on the requests' cadence until one of them acts on the project. The chargé de
    mission follows the project. Waiting again replaces what was awaited and restarts the cadence.

    Raises NotAllowedError outside the chargé's scope, AssistanceError for an empty or too long expectation."""
    if not can_wait_on_project(user, project):
        raise NotAllowedError(NOT_COVERING)
    waiting_for = _clean_text(waiting_for, label="Ce que vous attendez de la collectivité", max_length=300)
    wait, _created = ProjectWait.objects.select_for_update().get_or_create(project=project)
    wait.waiting_since = timezone.now()
    wait.waiting_for = waiting_for
    wait.reminders_sent = 0
    wait.last_reminder_at = None
    wait.answered_at = None
    wait.asked_by = user
    wait.save()
    Follow.objects.get_or_create(user=user, project=project)
    transaction.on_commit(lambda: emails.send_project_waiting(wait.pk, reminder=False))
    return wait


@transaction.atomic
def stop_waiting_on_project(*, project: Project, user: User) -> None:
    """The chargé de mission no longer waits on the collectivité about the project: no more reminders."""
    if not can_wait_on_project(user, project):
        raise NotAllowedError(NOT_COVERING)
    ProjectWait.objects.filter(project=project).update(waiting_since=None)
    project_assistance_changed(project.pk)  # an update sends no signal


def close_answered_project_waits(*, now: datetime | None = None) -> int:
    """End the waits on projects where a member acted since (their answer); returns how many ended."""
    closed = (
        ProjectWait.objects.filter(waiting_since__isnull=False)
        .filter(project_answered_condition())
        .update(waiting_since=None, answered_at=now or timezone.now())
    )
    if closed:  # an update sends no signal (the sections hide an answered wait already: kept for safety)
        every_assistance_section_changed()
    return closed


Wait = TypeVar("Wait", bound=WaitingOnCollectivite)


def _remind_due(waits: QuerySet[Wait], *, now: datetime, remind: Callable[[Wait], None]) -> int:
    """The one reminder loop of requests and projects: each wait still under the maximum is locked, checked against
    the cadence (`reminder_due`), counted and passed to `remind` (history, email on commit)."""
    model = waits.model
    candidates = waits.filter(waiting_since__isnull=False, reminders_sent__lt=settings.ASSISTANCE_REMINDER_MAX)
    reminded = 0
    for wait_id in candidates.values_list("pk", flat=True):
        with transaction.atomic():
            locked = model._default_manager.select_for_update().get(pk=wait_id)
            if not locked.reminder_due(now):
                continue
            locked.reminders_sent += 1
            locked.last_reminder_at = now
            locked.save(update_fields=["reminders_sent", "last_reminder_at"])
            remind(locked)
            reminded += 1
    return reminded


def _remind_request(locked: AssistanceRequest) -> None:
    _record(locked, kind=EventKind.REMINDER, actor=None, note=f"relance n° {locked.reminders_sent}")
    transaction.on_commit(partial(emails.send_waiting, locked.pk, reminder=True))


def _remind_project(locked: ProjectWait) -> None:
    transaction.on_commit(partial(emails.send_project_waiting, locked.pk, reminder=True))


def send_due_reminders(*, now: datetime | None = None) -> int:
    """Remind the members of every collectivité ANCT waits on (open requests, projects without a member's action
    since) for ASSISTANCE_REMINDER_DAYS since the last nudge, at most ASSISTANCE_REMINDER_MAX times. Waits on
    projects that got their answer are closed first. Returns how many requests and projects were reminded."""
    now = now or timezone.now()
    close_answered_project_waits(now=now)
    reminded = _remind_due(AssistanceRequest.objects.open(), now=now, remind=_remind_request)
    return reminded + _remind_due(unanswered_project_waits(), now=now, remind=_remind_project)


def escalate_overdue(*, now: datetime | None = None) -> int:
    """Signal to the regional and national levels each request still without an answer ASSISTANCE_ESCALATION_DAYS
    after its submission (once). Returns how many were escalated."""
    now = now or timezone.now()
    limit = now - timedelta(days=settings.ASSISTANCE_ESCALATION_DAYS)
    overdue = AssistanceRequest.objects.unanswered().filter(created_at__lte=limit, escalated_at__isnull=True)
    escalated = 0
    for request_id in overdue.values_list("pk", flat=True):
        with transaction.atomic():
            locked = AssistanceRequest.objects.select_for_update().get(pk=request_id)
            if locked.escalated_at is not None or locked.first_answered_at is not None:
                continue
            locked.escalated_at = now
            locked.save(update_fields=["escalated_at"])
            days = (now - locked.created_at).days
            _record(locked, kind=EventKind.ESCALATED, actor=None, note=f"sans réponse depuis {days} jours")
            transaction.on_commit(partial(emails.send_escalated, locked.pk))
            escalated += 1
    return escalated


# --- Experts ---------------------------------------------------------------------------------------------------


@transaction.atomic
def mobilise_expert(*, request: AssistanceRequest, user: User, expert: Expert, reason: str) -> Mobilisation:
    """Record that `user` mobilises `expert` on an accepted request, and why; the expert is emailed a summary with a
    link, and the request moves to « experts mobilisés » (members and chargés de mission are told).

    Raises NotAllowedError outside the scope, MobilisationError otherwise (nothing changes).
    """
    _require_triage(user, request)
    locked = _locked(request)
    if locked.status not in MOBILISABLE_STATUSES:
        raise MobilisationError(
            f"On mobilise des experts sur une demande acceptée ; celle-ci est « {locked.get_status_display()} »."
        )
    if not expert.is_active:
        raise MobilisationError(f"{expert.name} n’est plus mobilisable : choisissez un autre expert.")
    try:
        reason = _clean_text(reason, label="La raison de la mobilisation", max_length=MAX_REASON_LENGTH)
    except AssistanceError as error:
        raise MobilisationError(str(error)) from error
    try:
        with transaction.atomic():
            mobilisation = Mobilisation.objects.create(request=locked, expert=expert, reason=reason, mobilised_by=user)
    except IntegrityError as error:
        raise MobilisationError(f"{expert.name} est déjà mobilisé sur cette demande.") from error
    # The reason is kept on the mobilisation (shown in the espace); the collectivité reads who was mobilised.
    _record(locked, kind=EventKind.MOBILISED, actor=user, note=f"{expert.name} ({expert.organisation})")
    transaction.on_commit(lambda: emails.send_expert_mobilised(mobilisation.pk))
    if locked.status == RequestStatus.ACCEPTED:
        _apply_status(locked, user=user, to_status=RequestStatus.EXPERTS_MOBILISED, note="")
    return mobilisation


# --- Closure: the collectivité's opinion -----------------------------------------------------------------------


@transaction.atomic
def answer_satisfaction(
    *, request: AssistanceRequest, user: User, usefulness: str, what_changed: str, would_recommend: str
) -> Satisfaction:
    """A member answers the three closure questions, once per request. Raises SatisfactionError."""
    if not can_write_as_collectivite(user, request):
        raise NotAllowedError("Seuls les membres de la collectivité donnent leur avis.")
    locked = _locked(request)
    if locked.status != RequestStatus.CLOSED:
        raise SatisfactionError("Vous pourrez donner votre avis une fois la demande clôturée.")
    if usefulness not in Usefulness.values or would_recommend not in Recommendation.values:
        raise SatisfactionError("Répondez aux deux questions à choix : rien n’a été enregistré.")
    try:
        what_changed = _clean_text(what_changed, label="Ce qui a changé", max_length=MAX_REASON_LENGTH, required=False)
    except AssistanceError as error:
        raise SatisfactionError(str(error)) from error
    try:
        with transaction.atomic():
            satisfaction = Satisfaction.objects.create(
                request=locked,
                usefulness=usefulness,
                what_changed=what_changed,
                would_recommend=would_recommend,
                answered_by=user,
            )
    except IntegrityError as error:
        raise SatisfactionError("La collectivité a déjà donné son avis sur cette demande : merci !") from error
    _record(locked, kind=EventKind.SATISFACTION, actor=user, note=Usefulness(usefulness).label)
    return satisfaction


# --- Following and visits (espace ANCT) ------------------------------------------------------------------------


@transaction.atomic
def set_follow(
    *, user: User, follow: bool, project: Project | None = None, request: AssistanceRequest | None = None
) -> bool:
    """« Je suis ce projet / cette demande » on or off, idempotent. Returns whether the user now follows it."""
    if (project is None) == (request is None):
        raise AssistanceError("Suivez un projet ou une demande.")
    target: dict[str, Any] = {"project": project} if project is not None else {"request": request}
    if follow:
        Follow.objects.get_or_create(user=user, **target)
    else:
        Follow.objects.filter(user=user, **target).delete()
    return follow


# Views of the espace home this close to the last one are the same visit: they keep its « depuis votre dernière
# visite » reference (coming back to the home from a list does not clear what is new) and write nothing. A write
# waits for the disk at its commit: on a busy machine, most of a home view.
VISIT_GAP = timedelta(minutes=30)


def _visit_query(markers: Markers) -> QuerySet:
    return EspaceVisit.objects.filter(user_id=markers.integer("user")).values("last_visit_at", "previous_visit_at")


def record_espace_visit(*, user: User) -> datetime | None:
    """Note this visit of the espace home; returns when the previous one was (None for a first visit).

    Within VISIT_GAP of the last view, one read (a precompiled query) and nothing written. Otherwise one
    statement more, an upsert that returns the visit it replaces (reading then writing the row cost four round
    trips: BEGIN, SELECT, UPDATE, COMMIT). Two tabs opening the home at once each get a consistent previous visit
    (the row is locked by the update).
    """
    now = timezone.now()
    found = precompiled("assistance.espace_visit", _visit_query, user=user.pk)
    if found and now - found[0]["last_visit_at"] < VISIT_GAP:
        return found[0]["previous_visit_at"]
    quote = connection.ops.quote_name
    table = quote(EspaceVisit._meta.db_table)
    user_column = quote(EspaceVisit._meta.get_field("user").column)
    last, previous = quote("last_visit_at"), quote("previous_visit_at")
    # Names quoted from the model, values as parameters.
    sql = (
        f"INSERT INTO {table} ({user_column}, {last}, {previous}) VALUES (%s, %s, NULL) "  # noqa: S608
        f"ON CONFLICT ({user_column}) DO UPDATE SET {previous} = {table}.{last}, {last} = EXCLUDED.{last} "
        f"RETURNING {previous}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [user.pk, connection.ops.adapt_datetimefield_value(now)])
        (found_at,) = cursor.fetchone()
    if found_at is not None and not (isinstance(found_at, datetime) and timezone.is_aware(found_at)):
        found_at = connection.ops.convert_datetimefield_value(found_at, None, connection)  # type: ignore[attr-defined]  # SQLite's operations: naive UTC
    return found_at


# --- Collectivités: national programmes ------------------------------------------------------------------------


@transaction.atomic
def set_programmes(*, organisation: Organisation, user: User, programmes: Iterable[Programme]) -> list[Programme]:
    """Set the national programmes (Action Cœur de Ville, Petites Villes de Demain, Villages d’Avenir…) the
    collectivité's commune or EPCI belongs to; only a chargé de mission covering it may. Returns the programmes.

    Raises NotAllowedError outside the scope, AssistanceError for a département or a région (programmes list
    communes and EPCI).
    """
    if not staff_covers(user, organisation):
        raise NotAllowedError("Seuls les chargés de mission couvrant cette collectivité gèrent ses programmes.")
    if organisation.commune_id:
        relation, member = "communes", organisation.commune_id
    elif organisation.epci_id:
        relation, member = "epcis", organisation.epci_id
    else:
        raise AssistanceError("Les programmes nationaux réunissent des communes et des intercommunalités.")
    wanted = {programme.pk for programme in programmes}
    for programme in Programme.objects.select_for_update().order_by("pk"):
        members = getattr(programme, relation)
        if programme.pk in wanted:
            members.add(member)
        else:
            members.remove(member)
    return list(Programme.objects.filter(pk__in=wanted).order_by("name"))


# --- Stages that still require an ANCT validation --------------------------------------------------------------


def notify_pending_validations() -> int:
    """Tell the chargés de mission covering each project whose current stage waits for their validation (its
    required actions are done) — once per project and stage. Returns how many projects were notified.

    Journeys whose template keeps `requires_validation` need it; the espace home lists these projects too.
    """
    notified = 0
    for project in projects_ready_for_validation():
        with transaction.atomic():
            _notice, created = ValidationNotice.objects.get_or_create(
                project=project, stage_id=project.current_stage_id
            )
            if created:
                transaction.on_commit(partial(emails.send_validation_awaited, project.pk))
                notified += 1
    return notified
