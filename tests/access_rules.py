"""THE authorization table: every URL pattern of the project, and who may reach it.

tests/test_url_access.py enumerates the resolver: a pattern missing here fails the suite.

- ``access`` is what an anonymous visitor meets: PUBLIC (served), LOGIN (redirected to the
  login page), STAFF (redirected to the back-office login).
- ``kwargs(world)`` builds real URL arguments from the role world (tests/conftest.py::world);
  without it, placeholder values are used (enough for the anonymous check).
- ``expect`` maps a role of the world (tests/conftest.py::world) to the status code that role must
  get; ``method`` is the HTTP method the rule is checked with. Every rule lists the five roles
  (outsider, member, referent, staff_out, staff_in); every private rule also lists the staff of org's
  territory without second factor (NO_SECOND_FACTOR); the rules on an organisation's data list every
  role of ROLES, through ``roles()``.
- A POST that a role is refused (4xx, or sent to log in) must change nothing: test_url_access.py
  compares the world's organisations, memberships, join requests and projects before and after.
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


FIVE = ("outsider", "member", "referent", "staff_out", "staff_in")
# Staff covering org's territory whose session did not pass the second factor (no TOTP, or TOTP not entered).
NO_SECOND_FACTOR = ("staff_in_no_totp", "staff_in_password_only")
# No is_staff: a superuser flag alone, or a demoted chargé de mission who kept a StaffScope row.
NO_STAFF_FLAG = ("superuser_not_staff", "staff_demoted")
# Cover org's territory with the second factor passed: national, régional (org's région), superuser.
COVERING = ("staff_national", "staff_regional", "superuser")
ROLES = (*FIVE, *NO_SECOND_FACTOR, *NO_STAFF_FLAG, *COVERING, "inactive_member")


def roles(
    *,
    outsider: int,
    member: int,
    referent: int,
    staff_out: int,
    staff_in: int,
    no_second_factor: int,
    no_staff_flag: int | None = None,
    covering: int | None = None,
    inactive: int = 302,
) -> dict[str, int]:
    """The status of every role of ROLES.

    no_second_factor: staff of org's territory with a password alone, who get what an ordinary person with
    no collectivité gets; no_staff_flag defaults to the same; covering (national, régional, superuser) to
    staff_in's; an inactive member is sent to the login page.
    """
    expect = {
        "outsider": outsider,
        "member": member,
        "referent": referent,
        "staff_out": staff_out,
        "staff_in": staff_in,
        "inactive_member": inactive,
    }
    expect |= dict.fromkeys(NO_SECOND_FACTOR, no_second_factor)
    expect |= dict.fromkeys(NO_STAFF_FLAG, no_second_factor if no_staff_flag is None else no_staff_flag)
    expect |= dict.fromkeys(COVERING, staff_in if covering is None else covering)
    return expect


def everyone(status: int, **exceptions: int) -> dict[str, int]:
    """A page about one's own account: the five roles and the staff without second factor get `status`."""
    return {**dict.fromkeys((*FIVE, *NO_SECOND_FACTOR), status), **exceptions}


def all_roles(status: int, **exceptions: int) -> dict[str, int]:
    """Every role of ROLES gets `status` (an inactive member is sent to log in), but for the exceptions."""
    return {**roles(**dict.fromkeys(FIVE, status), no_second_factor=status), **exceptions}


PUBLIC = Rule(Access.PUBLIC, expect=dict.fromkeys(FIVE, 200))


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


def _email_confirmation_key(world: dict) -> str:
    """A signed confirmation key for an unverified address of the outsider (allauth rules)."""
    from allauth.account.models import EmailAddress, EmailConfirmationHMAC

    address = EmailAddress.objects.create(user=world["outsider"], email="nouvelle@mairie.example.fr")
    return EmailConfirmationHMAC(address).key


def _ready_report(world: dict):
    """A ready report (with its stored PDF) of the world's project (reports rules)."""
    from tests.reports.factories import ReportFactory

    return ReportFactory(project=journeys_world(world)["journeys_project"], ready=True)


LOGIN = Rule(Access.LOGIN, expect=everyone(200))

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
    # allauth (accounts app owns their look). Logged in, the login and sign-up pages send you on.
    "account_signup": Rule(Access.PUBLIC, expect=dict.fromkeys(FIVE, 302)),
    "account_login": Rule(Access.PUBLIC, expect=dict.fromkeys(FIVE, 302)),
    "account_logout": PUBLIC,
    "account_reauthenticate": LOGIN,
    "account_change_password": LOGIN,
    "account_set_password": Rule(
        Access.LOGIN, expect=everyone(302)
    ),  # every account has a password: sent to change it
    "account_inactive": PUBLIC,
    "account_email": LOGIN,
    "account_email_verification_sent": PUBLIC,
    "account_confirm_email": Rule(
        Access.PUBLIC, kwargs=lambda w: {"key": _email_confirmation_key(w)}, expect=dict.fromkeys(FIVE, 200)
    ),
    "account_reset_password": PUBLIC,
    "account_reset_password_done": PUBLIC,
    "account_reset_password_from_key": Rule(
        Access.PUBLIC, kwargs=lambda w: {"uidb36": "zz", "key": "cle-invalide"}, expect=dict.fromkeys(FIVE, 200)
    ),
    "account_reset_password_from_key_done": PUBLIC,
    "account_confirm_login_code": Rule(Access.LOGIN, expect=everyone(302)),  # login by code is off
    "mfa_index": LOGIN,
    "mfa_authenticate": Rule(Access.LOGIN, expect=everyone(302)),  # only during a login that awaits its second factor
    # Without TOTP: allauth asks to confirm access (302); staff also prove their mailbox first (accounts rules).
    "mfa_reauthenticate": Rule(
        Access.LOGIN, expect=everyone(302, staff_out=200, staff_in=200, staff_in_password_only=200)
    ),
    "mfa_activate_totp": Rule(Access.LOGIN, expect=everyone(302)),
    "mfa_deactivate_totp": Rule(
        Access.LOGIN, expect=everyone(404, staff_out=302, staff_in=302, staff_in_password_only=302)
    ),
    "mfa_view_recovery_codes": Rule(Access.LOGIN, expect=everyone(404)),
    "mfa_generate_recovery_codes": Rule(Access.LOGIN, expect=everyone(302)),
    "mfa_download_recovery_codes": Rule(Access.LOGIN, expect=everyone(404)),
    # accounts
    "accounts:profile": LOGIN,
    "accounts:onboarding": LOGIN,
    "accounts:onboarding_confirm": Rule(
        Access.LOGIN, data=lambda w: {"territory": f"commune:{w['org'].commune_id}"}, expect=everyone(200)
    ),
    "accounts:organisation_create": Rule(
        Access.LOGIN,
        method="post",
        data=lambda w: {"territory": f"commune:{w['org'].commune_id}"},
        expect=all_roles(200),  # already registered: the page says so, nothing is created
    ),
    "accounts:join_request_create": Rule(
        Access.LOGIN,
        method="post",
        data=lambda w: {"territory": f"commune:{w['org'].commune_id}", "role": "agent"},
        # Members are told they already are; anyone else sends a request to the référents.
        expect=all_roles(302, member=200, referent=200),
    ),
    "accounts:join_request_cancel": Rule(
        Access.LOGIN,
        method="post",
        kwargs=lambda w: {"public_id": _join_request(w).public_id},
        expect=all_roles(404),  # only the requester cancels
    ),
    "accounts:join_request_approve": Rule(
        Access.LOGIN,
        method="post",
        kwargs=lambda w: {"public_id": _join_request(w).public_id},
        expect=roles(outsider=404, member=403, referent=302, staff_out=404, staff_in=302, no_second_factor=404),
    ),
    "accounts:join_request_refuse": Rule(
        Access.LOGIN,
        method="post",
        kwargs=lambda w: {"public_id": _join_request(w).public_id},
        expect=roles(outsider=404, member=403, referent=302, staff_out=404, staff_in=302, no_second_factor=404),
    ),
    "accounts:member_list": Rule(
        Access.LOGIN,
        kwargs=lambda w: {"public_id": w["org"].public_id},
        expect=roles(outsider=404, member=403, referent=200, staff_out=404, staff_in=200, no_second_factor=404),
    ),
    "accounts:member_role_update": Rule(
        Access.LOGIN,
        method="post",
        kwargs=lambda w: {"public_id": w["org"].public_id, "user_public_id": w["member"].public_id},
        data=lambda w: {},
        expect=roles(outsider=404, member=403, referent=302, staff_out=404, staff_in=302, no_second_factor=404),
    ),
    "accounts:member_remove": Rule(
        Access.LOGIN,
        method="post",
        kwargs=lambda w: {"public_id": w["org"].public_id, "user_public_id": w["referent"].public_id},
        # The last référent stays: référent and staff get a redirect with an error, nothing changes (tests/accounts).
        expect=roles(outsider=404, member=403, referent=302, staff_out=404, staff_in=302, no_second_factor=404),
    ),
    # GET is the confirmation page; the POST (tests/accounts/test_membership_leave.py) leaves or explains why not.
    "accounts:membership_leave": Rule(
        Access.LOGIN,
        kwargs=lambda w: {"public_id": w["org"].public_id},
        expect=roles(outsider=404, member=200, referent=200, staff_out=404, staff_in=404, no_second_factor=404),
    ),
    "accounts:notifications_update": Rule(Access.LOGIN, method="post", expect=all_roles(302)),
    "accounts:data_export": LOGIN,
    "accounts:account_delete": LOGIN,
    "accounts:session_extend": Rule(Access.LOGIN, method="post", expect=all_roles(200)),
    # Only staff without TOTP prove their mailbox here; everyone else is sent on (activation or MFA index).
    "accounts:second_factor_email_code": Rule(Access.LOGIN, expect=everyone(302, staff_in_no_totp=200)),
    # territories
    "territories:autocomplete": PUBLIC,
    "territories:territory_search": PUBLIC,
    "territories:programme_list": PUBLIC,
    "territories:programme_detail": Rule(
        Access.PUBLIC,
        kwargs=lambda w: {"slug": ProgrammeFactory(slug="petites-villes-de-demain").slug},
        expect=dict.fromkeys(FIVE, 200),
    ),
    # catalogue
    "catalogue:service_list": PUBLIC,
    "catalogue:service_detail": Rule(
        Access.PUBLIC, kwargs=lambda w: {"slug": _catalogue_service_slug(w)}, expect=dict.fromkeys(FIVE, 200)
    ),
    # Declarations: only members of the organisation; everyone else gets 403 and nothing changes.
    "catalogue:adoption_declare": Rule(
        Access.LOGIN,
        method="post",
        kwargs=lambda w: {"slug": _catalogue_service_slug(w)},
        data=lambda w: {"organisation": str(w["org"].public_id), "status": "interesse"},
        expect=roles(outsider=403, member=302, referent=302, staff_out=403, staff_in=403, no_second_factor=403),
    ),
    "catalogue:adoption_withdraw": Rule(
        Access.LOGIN,
        method="post",
        kwargs=lambda w: {"slug": _catalogue_service_slug(w, adopted_by_org=True)},
        data=lambda w: {"organisation": str(w["org"].public_id)},
        expect=roles(outsider=403, member=302, referent=302, staff_out=403, staff_in=403, no_second_factor=403),
    ),
    # Writing to the other adopters: members of an adopting organisation (empty message: the form is shown again).
    # other_org adopts the service too, so the outsider is one of them.
    "catalogue:adopters_contact": Rule(
        Access.LOGIN,
        method="post",
        kwargs=lambda w: {"slug": _catalogue_service_slug(w, adopted_by_org=True)},
        data=lambda w: {"organisation": str(w["org"].public_id), "subject": "", "body": ""},
        expect=roles(outsider=200, member=200, referent=200, staff_out=403, staff_in=403, no_second_factor=403),
    ),
    # journeys: members work on the project, staff in scope read/comment/validate, everyone else gets 404
    "journeys:project_list": LOGIN,
    "journeys:project_create": Rule(
        Access.LOGIN,
        expect=roles(outsider=200, member=200, referent=200, staff_out=403, staff_in=403, no_second_factor=403),
    ),
    "journeys:project_detail": Rule(
        Access.LOGIN,
        kwargs=lambda w: {"public_id": journeys_world(w)["journeys_project"].public_id},
        expect=roles(outsider=404, member=200, referent=200, staff_out=404, staff_in=200, no_second_factor=404),
    ),
    "journeys:project_update": Rule(
        Access.LOGIN,
        kwargs=lambda w: {"public_id": journeys_world(w)["journeys_project"].public_id},
        expect=roles(outsider=404, member=200, referent=200, staff_out=404, staff_in=403, no_second_factor=404),
    ),
    "journeys:project_history": Rule(
        Access.LOGIN,
        kwargs=lambda w: {"public_id": journeys_world(w)["journeys_project"].public_id},
        expect=roles(outsider=404, member=200, referent=200, staff_out=404, staff_in=200, no_second_factor=404),
    ),
    "journeys:step_save": Rule(
        Access.LOGIN,
        method="post",
        kwargs=lambda w: {
            "public_id": journeys_world(w)["journeys_project"].public_id,
            "step_id": w["journeys_text_step"].pk,
        },
        data=lambda w: {"version": "0", "text": "Réduire le délai de réponse"},
        expect=roles(outsider=404, member=302, referent=302, staff_out=404, staff_in=403, no_second_factor=404),
    ),
    "journeys:deliverable_download": Rule(
        Access.LOGIN,
        kwargs=lambda w: {
            "public_id": journeys_world(w)["journeys_project"].public_id,
            "step_id": journeys_world(w)["journeys_project"].answers.get(step__key="note-cadrage").step_id,
        },
        expect=roles(outsider=404, member=200, referent=200, staff_out=404, staff_in=200, no_second_factor=404),
    ),
    "journeys:stage_advance": Rule(
        Access.LOGIN,
        method="post",
        kwargs=lambda w: {"public_id": journeys_world(w)["journeys_project"].public_id},
        expect=roles(outsider=404, member=302, referent=302, staff_out=404, staff_in=403, no_second_factor=404),
    ),
    "journeys:stage_back": Rule(
        Access.LOGIN,
        method="post",
        kwargs=lambda w: {"public_id": journeys_world(w)["journeys_project"].public_id},
        data=lambda w: {
            "stage": str(journeys_world(w)["journeys_project"].template.stages.get(order=1).pk),
            "reason": "Revoir le besoin",
        },
        expect=roles(outsider=404, member=302, referent=302, staff_out=404, staff_in=403, no_second_factor=404),
    ),
    "journeys:stage_validate": Rule(
        Access.LOGIN,
        method="post",
        kwargs=lambda w: {
            "public_id": journeys_world(w)["journeys_project"].public_id,
            "stage_id": journeys_world(w)["journeys_project"].current_stage_id,
        },
        expect=roles(outsider=404, member=403, referent=403, staff_out=404, staff_in=302, no_second_factor=404),
    ),
    "journeys:comment_create": Rule(
        Access.LOGIN,
        method="post",
        kwargs=lambda w: {"public_id": journeys_world(w)["journeys_project"].public_id},
        data=lambda w: {"body": "Une question sur le calendrier."},
        expect=roles(outsider=404, member=302, referent=302, staff_out=404, staff_in=302, no_second_factor=404),
    ),
    "journeys:diagnostic_form": Rule(
        Access.LOGIN,
        kwargs=lambda w: {"public_id": journeys_world(w)["journeys_project"].public_id},
        expect=roles(outsider=404, member=200, referent=200, staff_out=404, staff_in=200, no_second_factor=404),
    ),
    "journeys:diagnostic_result": Rule(
        Access.LOGIN,
        kwargs=lambda w: {"public_id": journeys_world(w)["journeys_project"].public_id},
        expect=roles(outsider=404, member=200, referent=200, staff_out=404, staff_in=200, no_second_factor=404),
    ),
    "journeys:ethics_form": Rule(
        Access.LOGIN,
        kwargs=lambda w: {"public_id": journeys_world(w)["journeys_project"].public_id},
        expect=roles(outsider=404, member=200, referent=200, staff_out=404, staff_in=200, no_second_factor=404),
    ),
    "journeys:shortlist_add": Rule(
        Access.LOGIN,
        method="post",
        kwargs=lambda w: {"public_id": journeys_world(w)["journeys_project"].public_id},
        data=lambda w: {"service": "999999"},
        expect=roles(outsider=404, member=302, referent=302, staff_out=404, staff_in=403, no_second_factor=404),
    ),
    "journeys:shortlist_choose": Rule(
        Access.LOGIN,
        method="post",
        kwargs=lambda w: {"public_id": journeys_world(w)["journeys_project"].public_id, "item_id": 999999},
        expect=roles(outsider=404, member=302, referent=302, staff_out=404, staff_in=403, no_second_factor=404),
    ),
    "journeys:shortlist_remove": Rule(
        Access.LOGIN,
        method="post",
        kwargs=lambda w: {"public_id": journeys_world(w)["journeys_project"].public_id, "item_id": 999999},
        expect=roles(outsider=404, member=302, referent=302, staff_out=404, staff_in=403, no_second_factor=404),
    ),
    # reports: generated by members, read by whoever sees the project; outsiders never learn a report exists
    "reports:report_generate": Rule(
        Access.LOGIN,
        method="post",
        kwargs=lambda w: {"public_id": journeys_world(w)["journeys_project"].public_id},
        expect=roles(outsider=404, member=302, referent=302, staff_out=404, staff_in=403, no_second_factor=404),
    ),
    "reports:report_status": Rule(
        Access.LOGIN,
        kwargs=lambda w: {"public_id": journeys_world(w)["journeys_project"].public_id},
        expect=roles(outsider=404, member=200, referent=200, staff_out=404, staff_in=200, no_second_factor=404),
    ),
    "reports:report_download": Rule(
        Access.LOGIN,
        kwargs=lambda w: {"public_id": _ready_report(w).public_id},
        expect=roles(outsider=404, member=200, referent=200, staff_out=404, staff_in=200, no_second_factor=404),
    ),
    # resources
    "resources:index": PUBLIC,
    "resources:resource_detail": Rule(
        Access.PUBLIC, kwargs=lambda w: {"slug": _published_resource().slug}, expect=dict.fromkeys(FIVE, 200)
    ),
    # awareness: glossary, literacy modules, debate kit and charter are public pages; recording that one followed a
    # module needs an account (anyone signed in: the record is about the person, shown to their collectivités).
    "awareness:glossary": PUBLIC,
    "awareness:module_list": PUBLIC,
    "awareness:module_detail": Rule(
        Access.PUBLIC, kwargs=lambda w: {"slug": "ce-qu-est-l-ia"}, expect=dict.fromkeys(FIVE, 200)
    ),
    "awareness:module_complete": Rule(
        Access.LOGIN, method="post", kwargs=lambda w: {"slug": "ce-qu-est-l-ia"}, expect=all_roles(302)
    ),
    "awareness:debate_kit": PUBLIC,
    # Open to everyone (nothing is stored); an empty post shows the form again with its errors.
    "awareness:charter_form": PUBLIC,
}


# assistance ---------------------------------------------------------------------------------------------------


def _assistance(world: dict):
    """A request of the world's organisation, with an attachment, cached in the world (assistance rules)."""
    if "assistance_request" not in world:
        from assistance.models import RequestAttachment
        from tests.assistance.factories import AssistanceRequestFactory, pdf_upload

        request = AssistanceRequestFactory(project=journeys_world(world)["journeys_project"])
        attachment = RequestAttachment(request=request, file_name="note.pdf", file_type="application/pdf", size=10)
        attachment.file.save("piece-jointe.pdf", pdf_upload(), save=True)
        world["assistance_request"] = request
        world["assistance_attachment"] = attachment
    return world["assistance_request"]


def _accepted_assistance(world: dict):
    """An accepted request of the world's organisation and an expert to mobilise on it (assistance rules)."""
    from tests.assistance.factories import AssistanceRequestFactory, ExpertFactory

    world["assistance_expert"] = ExpertFactory()
    return AssistanceRequestFactory(project=journeys_world(world)["journeys_project"], accepted=True)


def _pending_organisation(world: dict):
    """A collectivité awaiting confirmation in the world's département (assistance rules)."""
    from tests.accounts.factories import OrganisationFactory

    return OrganisationFactory(pending=True, commune__departement=world["org"].departement)


def _request_kwargs(world: dict) -> dict:
    return {"public_id": _assistance(world).public_id}


# Members of the collectivité ask and write; staff covering it read and work from the espace ANCT.
MEMBERS_READ = roles(outsider=404, member=200, referent=200, staff_out=404, staff_in=200, no_second_factor=404)
MEMBERS_WRITE = roles(outsider=404, member=302, referent=302, staff_out=404, staff_in=403, no_second_factor=404)
# The espace ANCT: refused (403) to anyone the permission helpers give no ANCT scope; a page of the scope is 200.
ESPACE_PAGE = roles(outsider=403, member=403, referent=403, staff_out=200, staff_in=200, no_second_factor=403)
# An object outside the scope is a 404 for staff; an action in the scope redirects (302) once done.
ESPACE_OBJECT = roles(outsider=403, member=403, referent=403, staff_out=404, staff_in=200, no_second_factor=403)
ESPACE_ACTION = roles(outsider=403, member=403, referent=403, staff_out=404, staff_in=302, no_second_factor=403)

ASSISTANCE_RULES: dict[str, Rule] = {
    "assistance:request_list": Rule(Access.LOGIN, expect=all_roles(200)),
    "assistance:request_create": Rule(
        Access.LOGIN,
        kwargs=lambda w: {"public_id": journeys_world(w)["journeys_project"].public_id},
        expect=roles(outsider=404, member=200, referent=200, staff_out=404, staff_in=403, no_second_factor=404),
    ),
    "assistance:request_detail": Rule(Access.LOGIN, kwargs=_request_kwargs, expect=MEMBERS_READ),
    "assistance:message_create": Rule(
        Access.LOGIN, method="post", kwargs=_request_kwargs, data=lambda w: {"body": "Bonjour"}, expect=MEMBERS_WRITE
    ),
    # The request is not closed yet: the member is told so (redirect with a message), nothing is recorded.
    "assistance:satisfaction_create": Rule(
        Access.LOGIN,
        method="post",
        kwargs=_request_kwargs,
        data=lambda w: {"usefulness": "oui", "what_changed": "", "would_recommend": "oui"},
        expect=MEMBERS_WRITE,
    ),
    "assistance:attachment_download": Rule(
        Access.LOGIN,
        kwargs=lambda w: {"public_id": _assistance(w).public_id, "attachment_id": w["assistance_attachment"].pk},
        expect=MEMBERS_READ,
    ),
    "espace:home": Rule(Access.LOGIN, expect=ESPACE_PAGE),
    "espace:request_list": Rule(Access.LOGIN, expect=ESPACE_PAGE),
    "espace:request_export": Rule(Access.LOGIN, expect=ESPACE_PAGE),
    "espace:organisation_list": Rule(Access.LOGIN, expect=ESPACE_PAGE),
    "espace:organisation_export": Rule(Access.LOGIN, expect=ESPACE_PAGE),
    "espace:project_list": Rule(Access.LOGIN, expect=ESPACE_PAGE),
    "espace:project_export": Rule(Access.LOGIN, expect=ESPACE_PAGE),
    "espace:expert_list": Rule(Access.LOGIN, expect=ESPACE_PAGE),
    "espace:request_detail": Rule(Access.LOGIN, kwargs=_request_kwargs, expect=ESPACE_OBJECT),
    "espace:request_status": Rule(
        Access.LOGIN,
        method="post",
        kwargs=_request_kwargs,
        data=lambda w: {"status": "instruction"},
        expect=ESPACE_ACTION,
    ),
    "espace:request_assign": Rule(
        Access.LOGIN, method="post", kwargs=_request_kwargs, data=lambda w: {"assignee": ""}, expect=ESPACE_ACTION
    ),
    "espace:request_mobilise": Rule(
        Access.LOGIN,
        method="post",
        kwargs=lambda w: {"public_id": _accepted_assistance(w).public_id},
        data=lambda w: {"expert": str(w["assistance_expert"].pk), "reason": "Spécialiste des données publiques."},
        expect=ESPACE_ACTION,
    ),
    "espace:request_message": Rule(
        Access.LOGIN, method="post", kwargs=_request_kwargs, data=lambda w: {"body": "Bonjour"}, expect=ESPACE_ACTION
    ),
    "espace:request_waiting": Rule(
        Access.LOGIN,
        method="post",
        kwargs=_request_kwargs,
        data=lambda w: {"waiting_for": "L’avis du DPO"},
        expect=ESPACE_ACTION,
    ),
    "espace:request_follow": Rule(
        Access.LOGIN, method="post", kwargs=_request_kwargs, data=lambda w: {"follow": "1"}, expect=ESPACE_ACTION
    ),
    "espace:organisation_detail": Rule(
        Access.LOGIN, kwargs=lambda w: {"public_id": w["org"].public_id}, expect=ESPACE_OBJECT
    ),
    "espace:organisation_confirm": Rule(
        Access.LOGIN,
        method="post",
        kwargs=lambda w: {"public_id": _pending_organisation(w).public_id},
        expect=ESPACE_ACTION,
    ),
    "espace:organisation_reject": Rule(
        Access.LOGIN,
        method="post",
        kwargs=lambda w: {"public_id": _pending_organisation(w).public_id},
        data=lambda w: {"reason": "Personne inconnue de la mairie."},
        expect=ESPACE_ACTION,
    ),
    "espace:organisation_programmes": Rule(
        Access.LOGIN,
        method="post",
        kwargs=lambda w: {"public_id": w["org"].public_id},
        data=lambda w: {"programmes": [str(ProgrammeFactory(slug="villages-d-avenir").pk)]},
        expect=ESPACE_ACTION,
    ),
    "espace:project_follow": Rule(
        Access.LOGIN,
        method="post",
        kwargs=lambda w: {"public_id": journeys_world(w)["journeys_project"].public_id},
        data=lambda w: {"follow": "1"},
        expect=ESPACE_ACTION,
    ),
    "espace:project_waiting": Rule(
        Access.LOGIN,
        method="post",
        kwargs=lambda w: {"public_id": journeys_world(w)["journeys_project"].public_id},
        data=lambda w: {"waiting_for": "Le compte rendu du conseil municipal"},
        expect=ESPACE_ACTION,
    ),
}
RULES.update(ASSISTANCE_RULES)


def _initiative(world: dict):
    """A published initiative of the world's project (initiatives rules)."""
    from tests.initiatives.factories import world_initiative

    return world_initiative(world)


# initiatives: the gallery, the map and the départements' pages are public; only the référents of the collectivité
# publish or withdraw its projects (members 403, ANCT too); a withdrawn initiative is not found by anyone.
INITIATIVE_PUBLISHING = roles(
    outsider=404, member=403, referent=200, staff_out=404, staff_in=403, no_second_factor=404
)
RULES.update(
    {
        "initiatives:gallery": PUBLIC,
        "initiatives:map": PUBLIC,
        "initiatives:departement": Rule(
            Access.PUBLIC, kwargs=lambda w: {"code": w["org"].departement_id}, expect=dict.fromkeys(FIVE, 200)
        ),
        "initiatives:detail": Rule(
            Access.PUBLIC, kwargs=lambda w: {"public_id": _initiative(w).public_id}, expect=dict.fromkeys(FIVE, 200)
        ),
        # Anyone logged in writes through the relay (an empty message: the form is shown again with its errors).
        "initiatives:contact": Rule(
            Access.LOGIN,
            method="post",
            kwargs=lambda w: {"public_id": _initiative(w).public_id},
            data=lambda w: {"subject": "", "body": ""},
            expect=all_roles(400),
        ),
        "initiatives:publish": Rule(
            Access.LOGIN,
            kwargs=lambda w: {"public_id": journeys_world(w)["journeys_project"].public_id},
            expect=INITIATIVE_PUBLISHING,
        ),
        "initiatives:withdraw": Rule(
            Access.LOGIN,
            method="post",
            kwargs=lambda w: {"public_id": _initiative(w).project.public_id},
            expect={**INITIATIVE_PUBLISHING, "referent": 302},
        ),
    }
)
