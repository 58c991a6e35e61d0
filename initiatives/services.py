"""Writes of the gallery: publishing a project as a case study, withdrawing it, relaying a message to its référents."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from accounts.enums import OrganisationStatus, Role
from accounts.models import User
from accounts.permissions import is_referent
from initiatives import emails
from initiatives.enums import InitiativeStatus
from initiatives.models import Initiative, InitiativeMessage
from journeys.models import Project

# Relay limits: a person writes at most this many messages per 24 hours, and this many to one initiative.
MESSAGES_PER_USER_PER_DAY = 5
MESSAGES_PER_INITIATIVE_PER_DAY = 2


class InitiativeError(Exception):
    """A refused action, with the French message to show."""


def _check_referent(user: User, project: Project) -> None:
    if not is_referent(user, project.organisation):
        raise InitiativeError("Seul un référent de la collectivité peut publier ou retirer ce projet.")


@transaction.atomic
def publish(
    *, project: Project, user: User, title: str, summary: str, lessons: str, objective: str, accepts_messages: bool
) -> Initiative:
    """Publish (or update and re-publish) the project's case study: the référent's explicit choice."""
    _check_referent(user, project)
    if project.organisation.status != OrganisationStatus.CONFIRMED:
        raise InitiativeError(
            "Votre collectivité attend encore la confirmation de l’ANCT : vous pourrez publier ce projet ensuite."
        )
    initiative = Initiative.objects.select_for_update().filter(project=project).first() or Initiative(project=project)
    was_published = initiative.pk is not None and initiative.is_published
    initiative.title = title.strip()
    initiative.summary = summary.strip()
    initiative.lessons = lessons.strip()
    initiative.objective = objective
    initiative.accepts_messages = accepts_messages
    if not was_published:
        initiative.status = InitiativeStatus.PUBLISHED
        initiative.published_at = timezone.now()
        initiative.published_by = user
        initiative.withdrawn_at = None
        initiative.withdrawn_by = None
    initiative.save()
    return initiative


@transaction.atomic
def withdraw(*, project: Project, user: User) -> Initiative:
    """Take the case study off the public site at once (its text is kept for a later re-publication)."""
    _check_referent(user, project)
    initiative = Initiative.objects.select_for_update().filter(project=project).first()
    if initiative is None or not initiative.is_published:
        raise InitiativeError("Ce projet n’est pas publié.")
    initiative.status = InitiativeStatus.WITHDRAWN
    initiative.withdrawn_at = timezone.now()
    initiative.withdrawn_by = user
    initiative.save()
    return initiative


def referent_addresses(initiative: Initiative) -> list[str]:
    return list(
        User.objects.filter(
            is_active=True,
            memberships__organisation_id=initiative.project.organisation_id,
            memberships__role=Role.REFERENT,
        )
        .order_by("pk")
        .values_list("email", flat=True)
    )


@transaction.atomic
def contact(*, initiative: Initiative, sender: User, subject: str, body: str) -> InitiativeMessage:
    """Relay a message to the initiative's référents by email; their addresses are never shown to the sender.

    The sender's address is the Reply-To, so that a référent chooses whether to answer. Limited per day.
    """
    if not initiative.is_published or not initiative.accepts_messages:
        raise InitiativeError("Cette initiative ne reçoit pas de messages.")
    if initiative.project.organisation.memberships.filter(user=sender).exists():
        raise InitiativeError("Vous êtes membre de cette collectivité : écrivez à vos collègues directement.")
    # One person's sends are serialised: two posts at once cannot both pass the counts below.
    User.objects.select_for_update().filter(pk=sender.pk).first()
    since = timezone.now() - timedelta(days=1)
    sent = InitiativeMessage.objects.filter(sender=sender, created_at__gte=since)
    if sent.filter(initiative=initiative).count() >= MESSAGES_PER_INITIATIVE_PER_DAY:
        raise InitiativeError(
            f"Vous avez déjà écrit {MESSAGES_PER_INITIATIVE_PER_DAY} fois à cette collectivité ces dernières "
            "24 heures. Réessayez demain."
        )
    if sent.count() >= MESSAGES_PER_USER_PER_DAY:
        raise InitiativeError(
            f"Vous avez atteint la limite de {MESSAGES_PER_USER_PER_DAY} messages par 24 heures. Réessayez demain."
        )
    recipients = referent_addresses(initiative)
    if not recipients:
        raise InitiativeError("Cette collectivité n’a plus de référent pour recevoir votre message.")
    message = InitiativeMessage.objects.create(
        initiative=initiative, sender=sender, subject=subject.strip(), body=body.strip()
    )
    transaction.on_commit(lambda: emails.send_initiative_message(message=message, recipients=recipients))
    return message
