"""Who may do what with ingénierie requests and in the espace ANCT, built on the shared helpers of
accounts.permissions only (scopes and, once a staff power needs it, the second factor are decided there)."""

from django.db.models import Q

from accounts.permissions import (
    can_edit_organisation_work,
    can_view_organisation,
    is_member,
    staff_covers,
    staff_organisation_filter,
)
from assistance.models import AssistanceRequest
from journeys.models import Project


def can_request_assistance(user, project: Project) -> bool:
    """Members of the project's collectivité ask for ingénierie; ANCT staff do not ask themselves."""
    return can_edit_organisation_work(user, project.organisation)


def can_view_request(user, request: AssistanceRequest) -> bool:
    """Members of the collectivité and ANCT staff whose scope covers it."""
    return can_view_organisation(user, request.organisation)


def can_write_as_collectivite(user, request: AssistanceRequest) -> bool:
    """Members answer in the thread, add documents and give their opinion at closure."""
    return is_member(user, request.organisation)


def can_triage_request(user, request: AssistanceRequest) -> bool:
    """ANCT staff covering the collectivité change the status, assign, mobilise experts and write as ANCT."""
    return staff_covers(user, request.organisation)


def can_wait_on_project(user, project: Project) -> bool:
    """ANCT staff covering the collectivité wait on it about a project (reminders until a member acts)."""
    return staff_covers(user, project.organisation)


def espace_scope(user, prefix: str = "") -> Q | None:
    """The espace ANCT's filter on Organisation (through `prefix`) for a staff user; None: no espace for them."""
    return staff_organisation_filter(user, prefix=prefix)


def can_use_espace(user) -> bool:
    """ANCT staff with a territorial scope (or a superuser) use the espace ANCT."""
    return espace_scope(user) is not None
