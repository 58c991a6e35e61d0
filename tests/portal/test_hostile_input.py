"""Hostile input never costs a 500: every query parameter and form field the site reads, given a NUL byte,
a Unicode digit or a huge number, answers a page, a redirect or a 4xx.

The sweep runs without the backstop middleware that refuses NUL bytes, so the views themselves (their forms)
must hold on PostgreSQL, where a NUL byte in a query parameter is an error; then the backstop is checked alone.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import reverse

from accounts.enums import Role
from catalogue.enums import AdoptionStatus
from journeys.models import DiagnosticResponse, EthicsCheck, ProjectShortlist, StepAnswer
from tests.accounts.factories import MembershipFactory
from tests.catalogue.factories import AdoptionFactory, ServiceFactory
from tests.journeys.factories import ProjectFactory, move_to, sample_diagnostic, sample_template, step

HUGE = str(10**30)
NUL = "a\x00b"
# Every field gets these; territory pickers also get the ids they parse ("kind:pk").
HOSTILE = [NUL, "²", HUGE]
TERRITORY_VALUES = ["commune:²", "commune:①", f"commune:{HUGE}", "commune:١٢"]


@dataclass
class Probe:
    name: str
    role: str
    method: str
    url: str
    fields: list[str]
    base: dict = field(default_factory=dict)
    # Run before each request, so a save of an earlier request does not make the next one stale.
    reset: Callable[[], object] = lambda: None


@pytest.fixture
def site(world) -> dict:
    """A project at the solution stage with every kind of step, a service adopted by the collectivité."""
    cache.clear()
    sample_template()
    sample_diagnostic()
    project = move_to(ProjectFactory(organisation=world["org"], created_by=world["member"]), "solution")
    service = ServiceFactory()
    AdoptionFactory(service=service, organisation=world["org"], status=AdoptionStatus.USES)
    AdoptionFactory(service=service, organisation=world["other_org"], status=AdoptionStatus.USES)
    item = ProjectShortlist.objects.create(project=project, service=service, added_by=world["member"])
    MembershipFactory(organisation=world["org"], role=Role.AGENT)
    return {**world, "project": project, "service": service, "item": item}


def probes(site: dict) -> list[Probe]:
    project, service, org = site["project"], site["service"], site["org"]
    member_pk = project.organisation.memberships.get(user=site["member"]).pk
    pid = {"public_id": project.public_id}

    def url(name, **kwargs):
        return reverse(name, kwargs=kwargs or None)

    def step_url(key):
        return url("journeys:step_save", public_id=project.public_id, step_id=step(project, key).pk)

    def no_answers():
        StepAnswer.objects.filter(project=project).delete()
        DiagnosticResponse.objects.filter(project=project).delete()
        EthicsCheck.objects.filter(project=project).delete()

    def no_shortlist():
        ProjectShortlist.objects.filter(project=project).delete()

    return [
        # Anonymous: allauth pages.
        Probe("login", "anonymous", "post", url("account_login"), ["login", "password", "next"]),
        Probe(
            "signup",
            "anonymous",
            "post",
            url("account_signup"),
            ["email", "password1", "password2", "first_name", "last_name", "job_title"],
        ),
        Probe("password reset", "anonymous", "post", url("account_reset_password"), ["email"]),
        Probe("login page", "anonymous", "get", url("account_login"), ["next"]),
        # Public pages.
        Probe(
            "catalogue",
            "anonymous",
            "get",
            url("catalogue:service_list"),
            ["q", "theme", "ia", "type", "taille", "programme", "maturite", "hebergement", "licence", "tri", "page"],
        ),
        Probe("resources", "anonymous", "get", url("resources:index"), ["q", "type", "theme", "public", "page"]),
        Probe(
            "territory search", "anonymous", "get", url("territories:territory_search"), ["q", "territory", "choice"]
        ),
        Probe("autocomplete", "anonymous", "get", url("territories:autocomplete"), ["q", "types"]),
        # Onboarding.
        Probe("onboarding", "outsider", "get", url("accounts:onboarding"), ["q"]),
        Probe("onboarding confirm", "outsider", "get", url("accounts:onboarding_confirm"), ["territory"]),
        Probe("organisation create", "outsider", "post", url("accounts:organisation_create"), ["territory"]),
        Probe(
            "join request",
            "outsider",
            "post",
            url("accounts:join_request_create"),
            ["territory", "role", "message"],
            {"territory": f"commune:{org.commune_id}", "role": "agent"},
        ),
        # « Mon compte ».
        Probe("notifications", "member", "post", url("accounts:notifications_update"), ["wants_notifications"]),
        Probe("account delete", "member", "post", url("accounts:account_delete"), ["confirmation"]),
        Probe(
            "member role",
            "referent",
            "post",
            url("accounts:member_role_update", public_id=org.public_id, user_public_id=site["member"].public_id),
            [f"m{member_pk}-role"],
        ),
        # Catalogue forms.
        Probe(
            "adoption declare",
            "member",
            "post",
            url("catalogue:adoption_declare", slug=service.slug),
            ["organisation", "status"],
            {"organisation": str(org.public_id), "status": AdoptionStatus.USES},
        ),
        Probe(
            "adoption withdraw",
            "member",
            "post",
            url("catalogue:adoption_withdraw", slug=service.slug),
            ["organisation"],
        ),
        Probe(
            "contact adopters",
            "member",
            "post",
            url("catalogue:adopters_contact", slug=service.slug),
            ["organisation", "subject", "body", "share_email"],
            {"organisation": str(org.public_id), "subject": "Bonjour", "body": "Une question sur ce service."},
        ),
        # Projects.
        Probe("project list", "member", "get", url("journeys:project_list"), ["etape", "thematique", "page"]),
        Probe(
            "project create",
            "member",
            "post",
            url("journeys:project_create"),
            ["organisation", "title", "description", "public_concerned", "themes"],
            {"organisation": org.pk, "title": "Un projet", "description": "Un besoin."},
        ),
        Probe(
            "project update",
            "member",
            "post",
            url("journeys:project_update", **pid),
            ["title", "description", "public_concerned", "themes"],
            {"title": "Un projet", "description": "Un besoin."},
        ),
        Probe("project page", "member", "get", url("journeys:project_detail", **pid), ["etape", "service_q"]),
        Probe("project history", "member", "get", url("journeys:project_history", **pid), ["page"]),
        Probe("text step", "member", "post", step_url("besoin"), ["text", "version"], reset=no_answers),
        Probe("single choice step", "member", "post", step_url("porteur"), ["choice"], reset=no_answers),
        Probe("multiple choice step", "member", "post", step_url("publics"), ["choices"], reset=no_answers),
        Probe(
            "checklist step", "member", "post", step_url("portage-politique"), ["checked", "note"], reset=no_answers
        ),
        Probe("deliverable step", "member", "post", step_url("note-cadrage"), ["note"], reset=no_answers),
        Probe("stage advance", "member", "post", url("journeys:stage_advance", **pid), ["stage"]),
        Probe("stage back", "member", "post", url("journeys:stage_back", **pid), ["stage", "reason"]),
        Probe("comment", "member", "post", url("journeys:comment_create", **pid), ["body"]),
        Probe(
            "diagnostic",
            "member",
            "post",
            url("journeys:diagnostic_form", **pid),
            ["strategie-1", "version"],
            reset=no_answers,
        ),
        Probe(
            "ethics",
            "member",
            "post",
            url("journeys:ethics_form", **pid),
            ["dp_categories", "version"],
            reset=no_answers,
        ),
        Probe(
            "shortlist add",
            "member",
            "post",
            url("journeys:shortlist_add", **pid),
            ["service", "note"],
            {"service": service.pk},
            reset=no_shortlist,
        ),
    ]


def _send(client: Client, probe: Probe, data: dict):
    cache.clear()  # no login throttling between attempts
    probe.reset()
    # A savepoint: on PostgreSQL a failed query would otherwise break the rest of the test.
    with transaction.atomic():
        return getattr(client, probe.method)(probe.url, data)


def _clients(site: dict) -> dict:
    clients = {}
    for role in ("anonymous", "outsider", "member", "referent"):
        clients[role] = Client()
        if site[role] is not None:
            clients[role].force_login(site[role])
    return clients


def test_the_views_answer_hostile_values_in_every_field_without_a_500(site, settings):
    """Without the backstop: each view's own forms hold."""
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if m != "portal.middleware.RefuseNulBytesMiddleware"]
    settings.DEBUG_PROPAGATE_EXCEPTIONS = True  # the exception itself, not the 500 page, names the failure
    clients = _clients(site)
    failures = []
    sent = 0
    for probe in probes(site):
        client = clients[probe.role]
        for name in probe.fields:
            extra = TERRITORY_VALUES if name in {"territory", "choice"} else []
            for value in [*HOSTILE, *extra]:
                sent += 1
                try:
                    status = _send(client, probe, {**probe.base, name: value}).status_code
                except Exception as error:  # the test client re-raises the view’s exception
                    client.exc_info = None  # else the client raises it again on the next request
                    failures.append(f"{probe.name}: {name}={value[:20]!r} → {type(error).__name__}: {error}"[:300])
                else:
                    if status >= 500:
                        failures.append(f"{probe.name}: {name}={value[:20]!r} → {status}")
    assert sent > 250
    assert not failures, "\n".join(failures)


def test_the_backstop_answers_a_nul_byte_in_any_field_with_a_french_400(site):
    clients = _clients(site)
    wrong = []
    for probe in probes(site):
        for name in probe.fields:
            response = _send(clients[probe.role], probe, {**probe.base, name: NUL})
            if response.status_code != 400 or "caractère nul" not in response.text:
                wrong.append(f"{probe.name}: {name} → {response.status_code}")
    assert not wrong, "\n".join(wrong)
