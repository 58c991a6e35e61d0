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
    "accounts:profile": LOGIN,
    # territories
    "territories:programme_list": PUBLIC,
    "territories:programme_detail": PUBLIC,
    # catalogue
    "catalogue:service_list": PUBLIC,
    # journeys
    "journeys:project_list": LOGIN,
    # resources
    "resources:index": PUBLIC,
}
