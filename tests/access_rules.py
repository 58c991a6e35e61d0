"""THE authorization table: every URL pattern of the project, and who may reach it.

tests/test_url_access.py enumerates the resolver: a pattern missing here fails the suite.

- ``access`` is what an anonymous visitor meets: PUBLIC (served), LOGIN (redirected to the
  login page), STAFF (redirected to the back-office login).
- ``kwargs(world)`` builds real URL arguments from the role world (tests/conftest.py::world);
  without it, placeholder values are used (enough for the anonymous check).
- ``expect`` maps a role of the world (outsider, member, referent, staff_out, staff_in) to the
  status code that role must get; ``method`` is the HTTP method the rule is checked with.
  A POST rule must change nothing for a role that is refused (the service's own tests prove it).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from tests.journeys.factories import journeys_world
from tests.territories.factories import ProgrammeFactory


class Access(StrEnum):
    PUBLIC = "public"
    LOGIN = "login"
    STAFF = "staff"


@dataclass(frozen=True)
class Rule:
    access: Access
    method: str = "get"
    kwargs: Callable[[dict], dict] | None = None
    expect: dict[str, int] = field(default_factory=dict)
    data: Callable[[dict], dict] | None = None


PUBLIC = Rule(Access.PUBLIC)


def _join_request(world: dict):
    """A pending join request to the world's organisation, from someone outside it (accounts rules)."""
    from tests.accounts.factories import JoinRequestFactory

    return JoinRequestFactory(organisation=world["org"])


def _published_resource():
    """A published page of the resource library (resources rules)."""
    from tests.resources.factories import ResourceFactory

    return ResourceFactory(slug="ressource-publique")


def _catalogue_service_slug(world: dict, *, adopted_by_org: bool = False) -> str:
    """A published catalogue service, declared by the world's organisation when asked (catalogue rules)."""
    from tests.catalogue.factories import AdoptionFactory, ServiceFactory

    service = ServiceFactory()
    if adopted_by_org:
        AdoptionFactory(service=service, organisation=world["org"])
        AdoptionFactory(service=service, organisation=world["other_org"])
    return service.slug


def _ready_report(world: dict):
    """A ready report (with its stored PDF) of the world's project (reports rules)."""
    from tests.reports.factories import ReportFactory

    return ReportFactory(project=journeys_world(world)["journeys_project"], ready=True)


LOGIN = Rule(Access.LOGIN)

# The back-office: Django admin behind staff login (and a second factor, see accounts).
ADMIN_NAMESPACE = "admin"
ADMIN_PUBLIC = {"admin:login"}

RULES: dict[str, Rule] = {
    # portal: site pages
    "portal:home": PUBLIC,
    "portal:legal_notice": PUBLIC,
    "portal:accessibility": PUBLIC,
    "portal:privacy": PUBLIC,
    "portal:site_map": PUBLIC,
    "portal:health": PUBLIC,
    # allauth (accounts app owns their look)
    "account_signup": PUBLIC,
    "account_login": PUBLIC,
    "account_logout": PUBLIC,
    "account_reauthenticate": LOGIN,
    "account_change_password": LOGIN,
    "account_set_password": LOGIN,
    "account_inactive": PUBLIC,
    "account_email": LOGIN,
    "account_email_verification_sent": PUBLIC,
    "account_confirm_email": PUBLIC,
    "account_reset_password": PUBLIC,
    "account_reset_password_done": PUBLIC,
    "account_reset_password_from_key": PUBLIC,
    "account_reset_password_from_key_done": PUBLIC,
    "account_confirm_login_code": LOGIN,  # login by code is off: redirects to the login page
    "mfa_index": LOGIN,
    "mfa_authenticate": LOGIN,  # only during a login that awaits its second factor
    "mfa_reauthenticate": LOGIN,
    "mfa_activate_totp": LOGIN,
    "mfa_deactivate_totp": LOGIN,
    "mfa_view_recovery_codes": LOGIN,
    "mfa_generate_recovery_codes": LOGIN,
    "mfa_download_recovery_codes": LOGIN,
    # accounts
    "accounts:profile": Rule(
        Access.LOGIN, expect={"outsider": 200, "member": 200, "referent": 200, "staff_out": 200, "staff_in": 200}
    ),
    "accounts:onboarding": Rule(Access.LOGIN, expect={"outsider": 200, "member": 200, "staff_in": 200}),
    "accounts:onboarding_confirm": Rule(
        Access.LOGIN,
        data=lambda w: {"territory": f"commune:{w['org'].commune_id}"},
        expect={"outsider": 200, "member": 200, "referent": 200},
    ),
    "accounts:organisation_create": Rule(
        Access.LOGIN,
        method="post",
        data=lambda w: {"territory": f"commune:{w['org'].commune_id}"},
        expect={"outsider": 200, "member": 200},  # already registered: the page says so, nothing is created
    ),
    "accounts:join_request_create": Rule(
        Access.LOGIN,
        method="post",
        data=lambda w: {"territory": f"commune:{w['org'].commune_id}", "role": "agent"},
        expect={"member": 200},  # already a member: the page says so
    ),
    "accounts:join_request_cancel": Rule(
        Access.LOGIN,
        method="post",
        kwargs=lambda w: {"public_id": _join_request(w).public_id},
        expect={"outsider": 404, "member": 404, "referent": 404, "staff_out": 404, "staff_in": 404},
    ),
    "accounts:join_request_approve": Rule(
        Access.LOGIN,
        method="post",
        kwargs=lambda w: {"public_id": _join_request(w).public_id},
        expect={"outsider": 404, "member": 403, "referent": 302, "staff_out": 404, "staff_in": 302},
    ),
    "accounts:join_request_refuse": Rule(
        Access.LOGIN,
        method="post",
        kwargs=lambda w: {"public_id": _join_request(w).public_id},
        expect={"outsider": 404, "member": 403, "referent": 302, "staff_out": 404, "staff_in": 302},
    ),
    "accounts:member_list": Rule(
        Access.LOGIN,
        kwargs=lambda w: {"public_id": w["org"].public_id},
        expect={"outsider": 404, "member": 403, "referent": 200, "staff_out": 404, "staff_in": 200},
    ),
    "accounts:member_role_update": Rule(
        Access.LOGIN,
        method="post",
        kwargs=lambda w: {"public_id": w["org"].public_id, "user_public_id": w["member"].public_id},
        data=lambda w: {},
        expect={"outsider": 404, "member": 403, "referent": 302, "staff_out": 404, "staff_in": 302},
    ),
    "accounts:member_remove": Rule(
        Access.LOGIN,
        method="post",
        kwargs=lambda w: {"public_id": w["org"].public_id, "user_public_id": w["referent"].public_id},
        # The last référent stays: référent and staff get a redirect with an error, nothing changes (tests/accounts).
        expect={"outsider": 404, "member": 403, "referent": 302, "staff_out": 404, "staff_in": 302},
    ),
    # GET is the confirmation page; the POST (tests/accounts/test_membership_leave.py) leaves or explains why not.
    "accounts:membership_leave": Rule(
        Access.LOGIN,
        kwargs=lambda w: {"public_id": w["org"].public_id},
        expect={"outsider": 404, "member": 200, "referent": 200, "staff_out": 404, "staff_in": 404},
    ),
    "accounts:notifications_update": Rule(Access.LOGIN, method="post", expect={"member": 302, "outsider": 302}),
    "accounts:data_export": Rule(Access.LOGIN, expect={"outsider": 200, "member": 200, "staff_in": 200}),
    "accounts:account_delete": Rule(Access.LOGIN, expect={"outsider": 200, "member": 200, "referent": 200}),
    # territories
    "territories:autocomplete": PUBLIC,
    "territories:territory_search": PUBLIC,
    "territories:programme_list": PUBLIC,
    "territories:programme_detail": Rule(
        Access.PUBLIC,
        kwargs=lambda w: {"slug": ProgrammeFactory(slug="petites-villes-de-demain").slug},
        expect={"outsider": 200, "member": 200, "referent": 200, "staff_out": 200, "staff_in": 200},
    ),
    # catalogue
    "catalogue:service_list": PUBLIC,
    "catalogue:service_detail": Rule(
        Access.PUBLIC,
        kwargs=lambda w: {"slug": _catalogue_service_slug(w)},
        expect={"outsider": 200, "member": 200, "staff_in": 200},
    ),
    # Declarations: only members of the organisation; everyone else gets 403 and nothing changes.
    "catalogue:adoption_declare": Rule(
        Access.LOGIN,
        method="post",
        kwargs=lambda w: {"slug": _catalogue_service_slug(w)},
        data=lambda w: {"organisation": str(w["org"].public_id), "status": "interesse"},
        expect={"outsider": 403, "member": 302, "referent": 302, "staff_in": 403, "staff_out": 403},
    ),
    "catalogue:adoption_withdraw": Rule(
        Access.LOGIN,
        method="post",
        kwargs=lambda w: {"slug": _catalogue_service_slug(w, adopted_by_org=True)},
        data=lambda w: {"organisation": str(w["org"].public_id)},
        expect={"outsider": 403, "member": 302, "staff_in": 403, "staff_out": 403},
    ),
    # Writing to the other adopters: members of an adopting organisation (empty message: the form is shown again).
    "catalogue:adopters_contact": Rule(
        Access.LOGIN,
        method="post",
        kwargs=lambda w: {"slug": _catalogue_service_slug(w, adopted_by_org=True)},
        data=lambda w: {"organisation": str(w["org"].public_id), "subject": "", "body": ""},
        expect={"member": 200, "referent": 200, "staff_in": 403, "staff_out": 403},
    ),
    # journeys: members work on the project, staff in scope read/comment/validate, everyone else gets 404
    "journeys:project_list": Rule(
        Access.LOGIN, expect={"outsider": 200, "member": 200, "referent": 200, "staff_out": 200, "staff_in": 200}
    ),
    "journeys:project_create": Rule(
        Access.LOGIN, expect={"outsider": 200, "member": 200, "referent": 200, "staff_out": 403, "staff_in": 403}
    ),
    "journeys:project_detail": Rule(
        Access.LOGIN,
        kwargs=lambda w: {"public_id": journeys_world(w)["journeys_project"].public_id},
        expect={"outsider": 404, "member": 200, "referent": 200, "staff_out": 404, "staff_in": 200},
    ),
    "journeys:project_update": Rule(
        Access.LOGIN,
        kwargs=lambda w: {"public_id": journeys_world(w)["journeys_project"].public_id},
        expect={"outsider": 404, "member": 200, "referent": 200, "staff_out": 404, "staff_in": 403},
    ),
    "journeys:project_history": Rule(
        Access.LOGIN,
        kwargs=lambda w: {"public_id": journeys_world(w)["journeys_project"].public_id},
        expect={"outsider": 404, "member": 200, "referent": 200, "staff_out": 404, "staff_in": 200},
    ),
    "journeys:step_save": Rule(
        Access.LOGIN,
        method="post",
        kwargs=lambda w: {
            "public_id": journeys_world(w)["journeys_project"].public_id,
            "step_id": w["journeys_text_step"].pk,
        },
        data=lambda w: {"version": "0", "text": "Réduire le délai de réponse"},
        expect={"outsider": 404, "member": 302, "referent": 302, "staff_out": 404, "staff_in": 403},
    ),
    "journeys:deliverable_download": Rule(
        Access.LOGIN,
        kwargs=lambda w: {
            "public_id": journeys_world(w)["journeys_project"].public_id,
            "step_id": journeys_world(w)["journeys_project"].answers.get(step__key="note-cadrage").step_id,
        },
        expect={"outsider": 404, "member": 200, "referent": 200, "staff_out": 404, "staff_in": 200},
    ),
    "journeys:stage_advance": Rule(
        Access.LOGIN,
        method="post",
        kwargs=lambda w: {"public_id": journeys_world(w)["journeys_project"].public_id},
        expect={"outsider": 404, "member": 302, "referent": 302, "staff_out": 404, "staff_in": 403},
    ),
    "journeys:stage_back": Rule(
        Access.LOGIN,
        method="post",
        kwargs=lambda w: {"public_id": journeys_world(w)["journeys_project"].public_id},
        data=lambda w: {
            "stage": str(journeys_world(w)["journeys_project"].template.stages.get(order=1).pk),
            "reason": "Revoir le besoin",
        },
        expect={"outsider": 404, "member": 302, "referent": 302, "staff_out": 404, "staff_in": 403},
    ),
    "journeys:stage_validate": Rule(
        Access.LOGIN,
        method="post",
        kwargs=lambda w: {
            "public_id": journeys_world(w)["journeys_project"].public_id,
            "stage_id": journeys_world(w)["journeys_project"].current_stage_id,
        },
        expect={"outsider": 404, "member": 403, "referent": 403, "staff_out": 404, "staff_in": 302},
    ),
    "journeys:comment_create": Rule(
        Access.LOGIN,
        method="post",
        kwargs=lambda w: {"public_id": journeys_world(w)["journeys_project"].public_id},
        data=lambda w: {"body": "Une question sur le calendrier."},
        expect={"outsider": 404, "member": 302, "referent": 302, "staff_out": 404, "staff_in": 302},
    ),
    "journeys:diagnostic_form": Rule(
        Access.LOGIN,
        kwargs=lambda w: {"public_id": journeys_world(w)["journeys_project"].public_id},
        expect={"outsider": 404, "member": 200, "referent": 200, "staff_out": 404, "staff_in": 200},
    ),
    "journeys:diagnostic_result": Rule(
        Access.LOGIN,
        kwargs=lambda w: {"public_id": journeys_world(w)["journeys_project"].public_id},
        expect={"outsider": 404, "member": 200, "referent": 200, "staff_out": 404, "staff_in": 200},
    ),
    "journeys:ethics_form": Rule(
        Access.LOGIN,
        kwargs=lambda w: {"public_id": journeys_world(w)["journeys_project"].public_id},
        expect={"outsider": 404, "member": 200, "referent": 200, "staff_out": 404, "staff_in": 200},
    ),
    "journeys:shortlist_add": Rule(
        Access.LOGIN,
        method="post",
        kwargs=lambda w: {"public_id": journeys_world(w)["journeys_project"].public_id},
        data=lambda w: {"service": "999999"},
        expect={"outsider": 404, "member": 302, "referent": 302, "staff_out": 404, "staff_in": 403},
    ),
    "journeys:shortlist_choose": Rule(
        Access.LOGIN,
        method="post",
        kwargs=lambda w: {"public_id": journeys_world(w)["journeys_project"].public_id, "item_id": 999999},
        expect={"outsider": 404, "member": 302, "referent": 302, "staff_out": 404, "staff_in": 403},
    ),
    "journeys:shortlist_remove": Rule(
        Access.LOGIN,
        method="post",
        kwargs=lambda w: {"public_id": journeys_world(w)["journeys_project"].public_id, "item_id": 999999},
        expect={"outsider": 404, "member": 302, "referent": 302, "staff_out": 404, "staff_in": 403},
    ),
    # reports: generated by members, read by whoever sees the project; outsiders never learn a report exists
    "reports:report_generate": Rule(
        Access.LOGIN,
        method="post",
        kwargs=lambda w: {"public_id": journeys_world(w)["journeys_project"].public_id},
        expect={"outsider": 404, "member": 302, "referent": 302, "staff_out": 404, "staff_in": 403},
    ),
    "reports:report_status": Rule(
        Access.LOGIN,
        kwargs=lambda w: {"public_id": journeys_world(w)["journeys_project"].public_id},
        expect={"outsider": 404, "member": 200, "referent": 200, "staff_out": 404, "staff_in": 200},
    ),
    "reports:report_download": Rule(
        Access.LOGIN,
        kwargs=lambda w: {"public_id": _ready_report(w).public_id},
        expect={"outsider": 404, "member": 200, "referent": 200, "staff_out": 404, "staff_in": 200},
    ),
    # resources
    "resources:index": Rule(Access.PUBLIC, expect={"outsider": 200, "member": 200, "staff_in": 200}),
    "resources:resource_detail": Rule(
        Access.PUBLIC,
        kwargs=lambda w: {"slug": _published_resource().slug},
        expect={"outsider": 200, "member": 200, "staff_in": 200},
    ),
}
