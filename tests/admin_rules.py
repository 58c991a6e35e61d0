"""THE back-office table: every model registered in the admin, every admin URL, and what each staff role gets.

tests/test_admin_crawl.py enumerates `admin.site._registry`, each admin's `get_urls()`, its actions and its list
filters, and the site's own URLs: anything this table does not declare fails the suite.

Roles (built by `build_seed`): two collectivités, « alpha » (the one every object URL points at) and « beta »
(another région).

- superuser: national administrator (Django superuser);
- national: chargé de mission with a national scope (covers alpha and beta);
- dep_in / reg_in: départemental / régional scope covering alpha, not beta;
- dep_out: départemental scope on another département of alpha's région (covers neither);
- reg_out: régional scope on beta's région (covers beta, not alpha);
- unscoped: staff flag without any ANCT scope;
- no_second_factor: a chargé de mission covering alpha, logged in with a password only: every admin URL sends
  them to the back-office login (then to the second factor), GET or POST, and serves nothing.

A view maps each role to the status of a GET and of a POST. WRITE marks a POST the role may make (it changes
data): the crawl does not send it, the feature's own tests do. Every other POST is refused, and the crawl checks
that the database is exactly the same after it.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import models

SUPERUSER = "superuser"
NATIONAL = "national"
DEP_IN = "dep_in"
REG_IN = "reg_in"
DEP_OUT = "dep_out"
REG_OUT = "reg_out"
UNSCOPED = "unscoped"
NO_SECOND_FACTOR = "no_second_factor"

STAFF_ROLES = (SUPERUSER, NATIONAL, DEP_IN, REG_IN, DEP_OUT, REG_OUT, UNSCOPED)
ALL_ROLES = (*STAFF_ROLES, NO_SECOND_FACTOR)

# Every private string of a collectivité carries its marker; a role must never meet the marker of a collectivité
# it does not cover (body, CSV, JSON or redirect). The search term finds its rows without echoing the marker.
MARKERS = {"alpha": "Alphaqx", "beta": "Betaqx"}
SEARCH_TERMS = {"alpha": "plimplim", "beta": "zorglub"}
COVERS = {
    SUPERUSER: {"alpha", "beta"},
    NATIONAL: {"alpha", "beta"},
    DEP_IN: {"alpha"},
    REG_IN: {"alpha"},
    DEP_OUT: set(),
    REG_OUT: {"beta"},
    UNSCOPED: set(),
    NO_SECOND_FACTOR: set(),
}

WRITE = "write"


def roles(superuser, staff=None, *, in_scope=None, out_scope=None, unscoped=None) -> dict[str, int | str]:
    """Statuses by role: `staff` is the default of every chargé de mission; in/out are relative to alpha."""
    in_scope = staff if in_scope is None else in_scope
    out_scope = staff if out_scope is None else out_scope
    unscoped = staff if unscoped is None else unscoped
    table = {
        SUPERUSER: superuser,
        NATIONAL: in_scope,
        DEP_IN: in_scope,
        REG_IN: in_scope,
        DEP_OUT: out_scope,
        REG_OUT: out_scope,
        UNSCOPED: unscoped,
    }
    assert None not in table.values(), table
    return table


@dataclass(frozen=True)
class View:
    get: dict[str, int]
    post: dict[str, int | str] | None = None  # None: a page that only reads (nothing to POST)


@dataclass(frozen=True)
class ModelRule:
    """The admin of one model. `target` is the object its object URLs use (alpha's row for scoped models)."""

    target: Callable[[dict], models.Model]
    changelist: View
    add: View
    change: View
    delete: View
    history: View
    view_on_site: dict[str, int]
    history_record: View | None = None  # simple-history admins: one past version
    actions: dict[str, dict[str, int | str]] = field(default_factory=dict)  # POST on the changelist
    views: dict[str, View] = field(default_factory=dict)  # the admin's own URLs, by URL name
    scoped: bool = False  # rows belong to a collectivité: roles covering one see its rows in the list
    third_party_templates: bool = False  # templates reading unset variables (fail-on-template-vars off)


FORBIDDEN = View(get=roles(403, 403), post=roles(403, 403))


def superuser_only(
    target,
    *,
    add: bool = True,
    change: bool = True,
    delete: bool = True,
    on_site: bool = False,
    history_record: bool = False,
    actions: tuple[str, ...] = ("delete_selected",),
    views: dict[str, View] | None = None,
    third_party_templates: bool = False,
    scoped_rows: bool = False,
) -> ModelRule:
    """Reference content or accounts plumbing: superusers only (chargés de mission hold no model permission).

    `scoped_rows`: the admin's queryset is scoped too, so the history of a row out of scope « does not exist ».
    """

    def view(allowed: bool) -> View:
        return View(get=roles(200 if allowed else 403, 403), post=roles(WRITE if allowed else 403, 403))

    return ModelRule(
        target=target,
        changelist=View(get=roles(200, 403)),  # its POSTs are the actions
        add=view(add),
        change=View(get=roles(200, 403), post=roles(WRITE if change else 403, 403)),
        delete=view(delete),
        history=View(get=roles(200, in_scope=403, out_scope=302, unscoped=302) if scoped_rows else roles(200, 403)),
        history_record=View(get=roles(200, 403), post=roles(405, 403)) if history_record else None,
        view_on_site=roles(302 if on_site else 404, 404),
        actions={name: roles(WRITE, 403) for name in actions},
        views=views or {},
        third_party_templates=third_party_templates,
    )


def referential(target) -> ModelRule:
    """The territorial referential: public data, read-only for every staff member (loaded, never edited)."""
    read = View(get=roles(200, 200), post=roles(403, 403))
    return ModelRule(
        target=target,
        changelist=View(get=roles(200, 200)),
        add=FORBIDDEN,
        change=read,
        delete=FORBIDDEN,
        history=View(get=roles(200, 200)),
        view_on_site=roles(404, 404),
        actions={},
    )


# Scoped admins: the list is filtered (200 for every scoped role), an object of alpha is 200 in scope and
# « does not exist » out of scope (Django redirects to the index, 302), staff without scope get 403 (302 where
# Django looks the object up before the permission, as its history page does).
SCOPED_LIST = View(get=roles(200, 200, unscoped=403))
SCOPED_HISTORY = View(get=roles(200, in_scope=200, out_scope=302, unscoped=302))
# An action of a scoped list: in scope it works (WRITE); out of scope the selection is empty: 302, nothing changes.
SCOPED_ACTION = roles(WRITE, in_scope=WRITE, out_scope=302, unscoped=403)
# An action the role does not hold (delete_selected without the delete permission): « no action selected », 302;
# when the role holds no action at all, Django shows the list again (200). Nothing changes either way.
SUPERUSER_ACTION = roles(WRITE, 302, unscoped=403)
ONLY_ACTION = roles(WRITE, 200, unscoped=403)
READ_ONLY_IN_SCOPE = View(
    get=roles(200, in_scope=200, out_scope=302, unscoped=403),
    post=roles(WRITE, in_scope=403, out_scope=403, unscoped=403),
)
SUPERUSER_WRITES = View(get=roles(200, 403), post=roles(WRITE, 403))

ADMIN_MODELS: dict[str, ModelRule] = {
    # Django and third-party plumbing
    "auth.Group": superuser_only(lambda s: s["group"]),
    "account.EmailAddress": superuser_only(
        lambda s: s["alpha_referent"].emailaddress_set.first(), actions=("delete_selected", "make_verified")
    ),
    "mfa.Authenticator": superuser_only(lambda s: s["authenticator"], add=False, change=False),
    "dsfr.DsfrConfig": superuser_only(lambda s: s["dsfr_config"]),
    # territories: the referential (read-only) and the national programmes (superusers)
    "territories.Region": referential(lambda s: s["alpha"].region),
    "territories.Departement": referential(lambda s: s["alpha"].departement),
    "territories.Epci": referential(lambda s: s["epci"]),
    "territories.Commune": referential(lambda s: s["alpha"].commune),
    "territories.Programme": superuser_only(
        lambda s: s["programme"],
        on_site=True,
        views={"territories_programme_import": SUPERUSER_WRITES},
    ),
    # accounts
    "accounts.Organisation": ModelRule(
        target=lambda s: s["alpha"],
        changelist=SCOPED_LIST,
        add=SUPERUSER_WRITES,
        # In scope, a chargé de mission renames a collectivité; its territory stays read-only
        # (tests/accounts/test_admin_organisation_territory.py).
        change=View(
            get=roles(200, in_scope=200, out_scope=302, unscoped=403),
            post=roles(WRITE, in_scope=WRITE, out_scope=302, unscoped=403),
        ),
        delete=SUPERUSER_WRITES,
        history=SCOPED_HISTORY,
        view_on_site=roles(404, 404),
        actions={
            "delete_selected": SUPERUSER_ACTION,
            "confirm_organisations": SCOPED_ACTION,
            "reject_organisations": SCOPED_ACTION,
        },
        scoped=True,
    ),
    "accounts.Membership": ModelRule(
        target=lambda s: s["alpha_membership"],
        changelist=SCOPED_LIST,
        add=SUPERUSER_WRITES,
        change=READ_ONLY_IN_SCOPE,  # chargés de mission change roles on the site's member pages
        delete=SUPERUSER_WRITES,
        history=SCOPED_HISTORY,
        view_on_site=roles(404, 404),
        actions={"delete_selected": ONLY_ACTION},
        scoped=True,
    ),
    "accounts.JoinRequest": ModelRule(
        target=lambda s: s["alpha_join_request"],
        changelist=SCOPED_LIST,
        add=SUPERUSER_WRITES,
        change=READ_ONLY_IN_SCOPE,  # decided through the actions only
        delete=SUPERUSER_WRITES,
        history=SCOPED_HISTORY,
        view_on_site=roles(404, 404),
        actions={"delete_selected": SUPERUSER_ACTION, "approve": SCOPED_ACTION, "refuse": SCOPED_ACTION},
        scoped=True,
    ),
    "accounts.User": ModelRule(
        target=lambda s: s["alpha_referent"],
        changelist=SCOPED_LIST,
        add=SUPERUSER_WRITES,
        change=READ_ONLY_IN_SCOPE,
        delete=SUPERUSER_WRITES,
        history=SCOPED_HISTORY,
        view_on_site=roles(404, 404),
        actions={"delete_selected": ONLY_ACTION},
        views={"auth_user_password_change": SUPERUSER_WRITES},
        scoped=True,
    ),
    "accounts.StaffScope": superuser_only(lambda s: s["scope"]),
    # assistance: the experts directory is reference content (superusers); chargés de mission read it in the espace
    "assistance.Expert": superuser_only(lambda s: s["expert"]),
    # catalogue: reference content (superusers), adoptions and messages of collectivités (superusers)
    "catalogue.Service": superuser_only(
        lambda s: s["service"],
        on_site=True,
        views={
            "catalogue_service_import": SUPERUSER_WRITES,
            # POST only; the crawl's prepared file does not exist: asked again (302), nothing imported.
            "catalogue_service_process_import": View(get=roles(405, 405), post=roles(302, 403)),
            "catalogue_service_export": View(get=roles(200, 403), post=roles(200, 403)),  # the file
        },
        third_party_templates=True,
    ),
    "catalogue.Publisher": superuser_only(lambda s: s["service"].publisher),
    "catalogue.Theme": superuser_only(lambda s: s["theme"]),
    "catalogue.Adoption": superuser_only(lambda s: s["alpha_adoption"], scoped_rows=True),
    "catalogue.AdopterMessage": superuser_only(
        lambda s: s["alpha_message"], add=False, change=False, scoped_rows=True
    ),
    # initiatives: national administrators moderate the public gallery; nobody adds a case study here
    "initiatives.Initiative": superuser_only(
        lambda s: s["alpha_initiative"], add=False, on_site=True, scoped_rows=True
    ),
    "initiatives.InitiativeMessage": superuser_only(
        lambda s: s["alpha_initiative_message"], add=False, change=False, scoped_rows=True
    ),
    # journeys: versioned content (a published version is frozen: no change, no delete, no revert)
    "journeys.JourneyTemplate": superuser_only(
        lambda s: s["template"],
        change=False,
        delete=False,
        history_record=True,
        actions=("delete_selected", "create_new_version", "publish"),
    ),
    "journeys.Stage": superuser_only(lambda s: s["stage"], change=False, delete=False, history_record=True),
    "journeys.Diagnostic": superuser_only(
        lambda s: s["diagnostic"],
        change=False,
        delete=False,
        history_record=True,
        actions=("delete_selected", "create_new_version", "publish"),
    ),
    "journeys.Dimension": superuser_only(lambda s: s["dimension"], change=False),
    "journeys.Project": ModelRule(
        target=lambda s: s["alpha_project"],
        changelist=SCOPED_LIST,
        add=FORBIDDEN,  # projects are created by their collectivité, on the site
        change=READ_ONLY_IN_SCOPE,
        delete=SUPERUSER_WRITES,
        history=View(get=roles(200, in_scope=200, out_scope=404, unscoped=403)),
        history_record=View(
            get=roles(200, in_scope=200, out_scope=404, unscoped=403),
            post=roles(405, in_scope=405, out_scope=404, unscoped=403),
        ),
        view_on_site=roles(302, in_scope=302, out_scope=404, unscoped=404),
        actions={"delete_selected": SUPERUSER_ACTION, "export_selection_csv": roles(200, 200, unscoped=403)},
        views={"journeys_project_export_csv": View(get=roles(200, 200, unscoped=403))},
        scoped=True,
    ),
    # reports: read-only for everyone (made by the workers, retried from the project page), scoped like projects
    "reports.Report": ModelRule(
        target=lambda s: s["alpha_report"],
        changelist=SCOPED_LIST,
        add=FORBIDDEN,
        change=View(get=READ_ONLY_IN_SCOPE.get, post=roles(403, 403)),
        delete=FORBIDDEN,
        history=SCOPED_HISTORY,
        view_on_site=roles(404, 404),
        scoped=True,
    ),
    "reports.ReportDelivery": ModelRule(
        target=lambda s: s["alpha_delivery"],
        changelist=SCOPED_LIST,
        add=FORBIDDEN,
        change=View(get=READ_ONLY_IN_SCOPE.get, post=roles(403, 403)),
        delete=FORBIDDEN,
        history=SCOPED_HISTORY,
        view_on_site=roles(404, 404),
        scoped=True,
    ),
    # resources: national content
    "resources.Resource": superuser_only(lambda s: s["resource"], on_site=True),
}

# The admin site's own URLs (model URLs are declared above). `view_on_site` is checked per model.
ADMIN_SITE_URLS: dict[str, View | None] = {
    "admin:index": View(get=roles(200, 200)),
    "admin:login": View(get=roles(302, 302), post=roles(302, 302)),  # already in: sent on to the index
    "admin:logout": None,  # ends the session: GET answers 405 (checked once), a POST logs out (Django's own)
    "admin:password_change": View(get=roles(200, 200), post=roles(200, 200)),  # wrong current password: form again
    "admin:password_change_done": View(get=roles(200, 200)),
    "admin:autocomplete": View(get=roles(403, 403)),  # without its parameters; with them: per model, below
    "admin:jsi18n": View(get=roles(200, 200)),
    "admin:view_on_site": None,  # per model: ModelRule.view_on_site
    "admin:app_list": None,  # per application: APP_LISTS
}

# /admin/<app_label>/: 404 when the role sees no model of the application.
APP_LISTS: dict[str, dict[str, int]] = {
    "auth": roles(200, 404),
    "account": roles(200, 404),
    "mfa": roles(200, 404),
    "dsfr": roles(200, 404),
    "territories": roles(200, 200),
    "accounts": roles(200, 200, unscoped=404),
    "catalogue": roles(200, 404),
    "journeys": roles(200, 200, unscoped=404),
    "resources": roles(200, 404),
    "assistance": roles(200, 404),
    "reports": roles(200, 200, unscoped=404),
    "initiatives": roles(200, 404),
}
