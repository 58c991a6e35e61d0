"""Emails of the assistance app, each built from assistance/emails/<name>_subject.txt, _body.txt and _body.html and
sent through the one mailer (accounts.mailer): one message per recipient, so nobody sees another address.

Functions take ids: services call them through `transaction.on_commit`. A message never carries the other party's
address: people are named, and every email links to the request page where the thread continues.
"""

from django.conf import settings

from accounts import mailer
from accounts.enums import ScopeLevel
from accounts.models import Organisation, User
from accounts.permissions import staff_covering
from assistance.doctrine import cost_rule_text
from assistance.models import AssistanceRequest, Mobilisation, ProjectWait, RequestMessage
from journeys.models import Project

# The most local level covering a collectivité receives its requests first (ANCT doctrine: the département).
ROUTING_ORDER = (ScopeLevel.DEPARTEMENTAL, ScopeLevel.REGIONAL, ScopeLevel.NATIONAL)


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def send(name: str, *, to: list[str], context: dict, reply_to: list[str] | None = None) -> int:
    return mailer.render_and_send(f"assistance/emails/{name}", to=to, context=context, reply_to=reply_to)


def display_name(user: User | None, *, anct: bool, organisation: Organisation | None = None) -> str:
    """How a person is named to the other party: their name, never their address."""
    name = user.get_full_name() if user is not None and user.is_active else ""
    if anct:
        return f"{name} (ANCT)" if name else "Un chargé de mission de l’ANCT"
    if name:
        return name
    return f"Un membre de {organisation.name}" if organisation is not None else "Un membre de la collectivité"


def member_addresses(organisation: Organisation, *, exclude: User | None = None) -> list[str]:
    """Active members of the collectivité who want notifications."""
    members = User.objects.filter(memberships__organisation=organisation, is_active=True, wants_notifications=True)
    if exclude is not None:
        members = members.exclude(pk=exclude.pk)
    return list(members.order_by("pk").values_list("email", flat=True).distinct())


def routed_staff(organisation: Organisation) -> list[User]:
    """The chargés de mission who receive the collectivité's requests: those of the most local level covering it."""
    covering = list(staff_covering(organisation).filter(wants_notifications=True).select_related("staff_scope"))
    for level in ROUTING_ORDER:
        chosen = [user for user in covering if user.staff_scope.level == level]
        if chosen:
            return chosen
    return []


def _staff_addresses(request: AssistanceRequest, *, exclude: User | None = None) -> list[str]:
    people = routed_staff(request.organisation)
    if request.assigned_to is not None and request.assigned_to.is_active:
        people.append(request.assigned_to)
    return list(dict.fromkeys(user.email for user in people if exclude is None or user.pk != exclude.pk))


def _load(request_id: int) -> AssistanceRequest:
    return AssistanceRequest.objects.select_related("organisation", "project", "assigned_to", "submitted_by").get(
        pk=request_id
    )


def _context(request: AssistanceRequest, **extra) -> dict:
    return {
        "assistance_request": request,
        "organisation": request.organisation,
        "project": request.project,
        "member_url": absolute(request.get_absolute_url()),
        "espace_url": absolute(request.get_espace_url()),
        **extra,
    }


def send_request_submitted(request_id: int) -> int:
    """Tell the routed chargés de mission that a request arrived, and acknowledge it to the members."""
    request = _load(request_id)
    author = display_name(request.submitted_by, anct=False, organisation=request.organisation)
    sent = send(
        "request_submitted",
        to=_staff_addresses(request),
        context=_context(request, author=author, cost_text=cost_rule_text(request.cost_rule)),
    )
    return sent + send(
        "request_received", to=member_addresses(request.organisation), context=_context(request, author=author)
    )


def send_status_changed(request_id: int, *, actor_id: int | None = None, note: str = "") -> int:
    """Tell the members and the chargés de mission covering the collectivité about a new status."""
    request = _load(request_id)
    actor = User.objects.filter(pk=actor_id).first() if actor_id else None
    context = _context(request, actor=display_name(actor, anct=True), note=note)
    sent = send("status_changed", to=member_addresses(request.organisation), context={**context, "for_anct": False})
    return sent + send(
        "status_changed", to=_staff_addresses(request, exclude=actor), context={**context, "for_anct": True}
    )


def send_message_posted(message_id: int) -> int:
    """Tell the other party that a message was posted, with a link to the thread (never the author's address)."""
    message = RequestMessage.objects.select_related("author", "request").get(pk=message_id)
    request = _load(message.request_id)
    author = display_name(message.author, anct=message.from_anct, organisation=request.organisation)
    context = _context(request, message=message, author=author, for_anct=not message.from_anct)
    if message.from_anct:
        to = member_addresses(request.organisation)
    else:
        to = _staff_addresses(request, exclude=message.author)
    return send("message_posted", to=to, context=context)


def _send_waiting(organisation: Organisation, *, reminder: bool, waiting_for: str, **about) -> int:
    """The one « l’ANCT attend votre réponse » email of requests and projects, to the collectivité's members."""
    context = {"organisation": organisation, "reminder": reminder, "waiting_for": waiting_for, **about}
    return send("waiting", to=member_addresses(organisation), context=context)


def send_waiting(request_id: int, *, reminder: bool) -> int:
    """Tell the members what ANCT waits for on a request (the first time, then as reminders)."""
    request = _load(request_id)
    title, kind = request.project.title, request.get_kind_display()
    return _send_waiting(
        request.organisation,
        reminder=reminder,
        waiting_for=request.waiting_for,
        about_subject=f"demande d’ingénierie « {title} »",
        about=f"la demande d’appui «\u00a0{kind}\u00a0» (projet «\u00a0{title}\u00a0», {request.organisation.name})",
        how_to_answer="Répondez depuis la page de la demande (un message, et si besoin un document joint)",
        answer_url=absolute(request.get_absolute_url()),
    )


def send_project_waiting(wait_id: int, *, reminder: bool) -> int:
    """Tell the members what ANCT waits for on a project (the first time, then as reminders)."""
    wait = ProjectWait.objects.select_related("project__organisation").get(pk=wait_id)
    if wait.waiting_since is None:  # answered or withdrawn before the email left
        return 0
    project = wait.project
    return _send_waiting(
        project.organisation,
        reminder=reminder,
        waiting_for=wait.waiting_for,
        about_subject=f"projet « {project.title} »",
        about=f"le projet «\u00a0{project.title}\u00a0» ({project.organisation.name})",
        how_to_answer="Répondez sur la page du projet (un commentaire, une action renseignée, un document déposé)",
        answer_url=absolute(project.get_absolute_url()),
    )


def send_escalated(request_id: int) -> int:
    """Tell the regional and national chargés de mission covering the collectivité that a request waits too long."""
    request = _load(request_id)
    people = staff_covering(request.organisation).filter(
        wants_notifications=True, staff_scope__level__in=[ScopeLevel.REGIONAL, ScopeLevel.NATIONAL]
    )
    days = settings.ASSISTANCE_ESCALATION_DAYS
    return send("escalated", to=[user.email for user in people], context=_context(request, days=days))


def send_expert_mobilised(mobilisation_id: int) -> int:
    """Send the expert a summary of the request with a link; replies go to the chargé de mission who mobilised them."""
    mobilisation = Mobilisation.objects.select_related("expert", "mobilised_by").get(pk=mobilisation_id)
    request = _load(mobilisation.request_id)
    by = mobilisation.mobilised_by
    context = _context(request, mobilisation=mobilisation, expert=mobilisation.expert, by=display_name(by, anct=True))
    reply_to = [by.email] if by is not None and by.is_active else None
    return send("expert_mobilised", to=[mobilisation.expert.email], context=context, reply_to=reply_to)


def send_validation_awaited(project_id: int) -> int:
    """Tell the chargés de mission routed for the project's collectivité that its current stage waits for them."""
    project = Project.objects.select_related("organisation", "current_stage").get(pk=project_id)
    to = [user.email for user in routed_staff(project.organisation)]
    context = {
        "project": project,
        "organisation": project.organisation,
        "stage": project.current_stage,
        "project_url": absolute(project.get_absolute_url()),
    }
    return send("validation_awaited", to=to, context=context)
