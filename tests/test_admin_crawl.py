"""Every back-office page, for every staff role, behaves as tests/admin_rules.py declares.

For each model registered in `admin.site` and each URL it exposes (list, each list filter choice, search,
raw-id lookup popup, add, change, delete, history, past versions, « view on site », autocomplete, the admin's
own views and every action), as each staff role: the declared status, no marker of a collectivité the role
does not cover anywhere in the answer, and a refused POST leaves the database exactly as it was.
One database set-up per role; failures are gathered and reported together.
"""

import json
import logging
from contextlib import contextmanager
from datetime import date, datetime

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, models
from django.db.models.fields.files import FieldFile
from django.forms.models import model_to_dict
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, reverse
from django.utils.http import urlencode
from simple_history.admin import SimpleHistoryAdmin

from accounts.enums import Role, ScopeLevel
from accounts.models import Organisation, StaffScope, User
from journeys.admin import HistoryAdmin
from tests.admin_rules import (
    ADMIN_MODELS,
    ADMIN_SITE_URLS,
    ALL_ROLES,
    APP_LISTS,
    COVERS,
    MARKERS,
    NO_SECOND_FACTOR,
    SEARCH_TERMS,
    STAFF_ROLES,
    SUPERUSER,
    WRITE,
    ModelRule,
    View,
)

PASSWORD = "motdepasse-de-test-solide"
STANDARD_VIEWS = ("changelist", "add", "change", "delete", "history")
# The admin's unnamed patterns: `<id>/` redirects to `<id>/change/`, and the final catch-all.
UNNAMED_CATCH_ALL = "/admin/inconnu/"
IGNORED_TABLES = {"django_session"}  # sessions change on every request (messages, login records)


def _sent_to_second_factor(location: str) -> bool:
    """A session without the second factor goes to the back-office login (which sends it on to TOTP), to the TOTP
    pages themselves, or to the index (Django's logout view, for a session the admin does not accept)."""
    login, activate, reauthenticate = (
        reverse("admin:login"),
        reverse("mfa_activate_totp"),
        reverse("mfa_reauthenticate"),
    )
    return location.startswith((f"{login}?", activate, reauthenticate)) or location == reverse("admin:index")


def _label(model) -> str:
    return model._meta.label


def _registry() -> dict[str, admin.ModelAdmin]:
    return {_label(model): model_admin for model, model_admin in admin.site._registry.items()}


def _model_url_names(model_admin) -> set[str]:
    return {url.name for url in model_admin.get_urls() if isinstance(url, URLPattern) and url.name}


def _declared_url_names(label: str, rule: ModelRule, model_admin) -> set[str]:
    prefix = f"{model_admin.opts.app_label}_{model_admin.opts.model_name}"
    names = {f"{prefix}_{view}" for view in STANDARD_VIEWS} | set(rule.views)
    if rule.history_record is not None:
        names.add(f"{prefix}_simple_history")
    return names


def _superuser() -> User:
    return User(email="table@anct.gouv.fr", is_staff=True, is_superuser=True, is_active=True)


def _superuser_request(seed: dict):
    request = RequestFactory().get("/admin/")
    request.user = seed["users"][SUPERUSER]
    return request


# --- The table covers everything the admin exposes ---------------------------------------------------------------


def test_every_registered_model_is_declared():
    registered = set(_registry())
    assert not registered - set(ADMIN_MODELS), (
        f"Admin non déclaré dans tests/admin_rules.py : {registered - set(ADMIN_MODELS)}"
    )
    assert not set(ADMIN_MODELS) - registered, f"Règles pour des admins absents : {set(ADMIN_MODELS) - registered}"


@pytest.mark.parametrize("label", sorted(ADMIN_MODELS))
def test_every_url_of_each_admin_is_declared(label):
    model_admin = _registry()[label]
    exposed = _model_url_names(model_admin)
    declared = _declared_url_names(label, ADMIN_MODELS[label], model_admin)
    assert exposed == declared, f"{label} : non déclarées {exposed - declared}, en trop {declared - exposed}"


@pytest.mark.parametrize("label", sorted(ADMIN_MODELS))
def test_every_action_of_each_admin_is_declared(label, rf):
    request = rf.get("/admin/")
    request.user = _superuser()
    actions = set(_registry()[label].get_actions(request))
    assert actions == set(ADMIN_MODELS[label].actions), label


def test_every_url_of_the_admin_site_is_declared():
    names = {f"admin:{url.name}" for url in admin.site.get_urls() if isinstance(url, URLPattern) and url.name}
    assert names == set(ADMIN_SITE_URLS)
    app_labels = {model._meta.app_label for model in admin.site._registry}
    assert app_labels == set(APP_LISTS)
    # Beside its own patterns, the site includes the model admins' URLs and nothing else the crawl would miss.
    included = [url for url in admin.site.get_urls() if isinstance(url, URLResolver)]
    assert len(included) == len(admin.site._registry)


def test_every_history_admin_is_the_scoped_read_only_one():
    """simple-history's own admin reads out of scope and reverts on POST: only journeys' HistoryAdmin is allowed."""
    loose = [
        label
        for label, ma in _registry().items()
        if isinstance(ma, SimpleHistoryAdmin) and not isinstance(ma, HistoryAdmin)
    ]
    assert not loose
    for label, model_admin in _registry().items():
        assert isinstance(model_admin, HistoryAdmin) == (ADMIN_MODELS[label].history_record is not None), label


def test_every_role_is_declared_in_every_rule():
    def check(where: str, table: dict) -> None:
        assert set(table) == set(STAFF_ROLES), f"{where} : {sorted(set(STAFF_ROLES) ^ set(table))}"

    for label, rule in ADMIN_MODELS.items():
        views = {view: getattr(rule, view) for view in STANDARD_VIEWS} | rule.views
        if rule.history_record is not None:
            views["history_record"] = rule.history_record
        for name, view in views.items():
            check(f"{label} {name} GET", view.get)
            if view.post is not None:
                check(f"{label} {name} POST", view.post)
        check(f"{label} view_on_site", rule.view_on_site)
        for action, table in rule.actions.items():
            check(f"{label} action {action}", table)
    for name, view in ADMIN_SITE_URLS.items():
        if view is not None:
            check(name, view.get)
            if view.post is not None:
                check(name, view.post)
    for app_label, table in APP_LISTS.items():
        check(app_label, table)


# --- The role world ----------------------------------------------------------------------------------------------


def _regional(region) -> User:
    from tests.accounts.factories import StaffUserFactory

    staff = StaffUserFactory(scope_departements=None)
    StaffScope.objects.filter(user=staff).update(level=ScopeLevel.REGIONAL, region=region)
    return staff


def build_seed() -> dict:
    """Two collectivités (alpha, beta) in two régions, each with people, requests, a project and its history."""
    from allauth.mfa.models import Authenticator
    from django.contrib.auth.models import Group
    from dsfr.models import DsfrConfig

    from catalogue.models import AdopterMessage
    from initiatives.models import InitiativeMessage
    from journeys.models import Comment
    from reports.models import ReportDelivery
    from tests.accounts.factories import (
        JoinRequestFactory,
        MembershipFactory,
        OrganisationFactory,
        StaffUserFactory,
        UserFactory,
        activate_totp,
    )
    from tests.assistance.factories import ExpertFactory
    from tests.catalogue.factories import AdoptionFactory, ServiceFactory
    from tests.initiatives.factories import InitiativeFactory
    from tests.journeys.factories import ProjectFactory, ThemeFactory, sample_diagnostic, sample_template
    from tests.reports.factories import ReportFactory
    from tests.resources.factories import ResourceFactory
    from tests.territories.factories import (
        CommuneFactory,
        DepartementFactory,
        EpciFactory,
        ProgrammeFactory,
        RegionFactory,
    )

    region_a, region_b = RegionFactory(), RegionFactory()
    dep_a, dep_c = DepartementFactory(region=region_a), DepartementFactory(region=region_a)
    dep_b = DepartementFactory(region=region_b)
    seed: dict = {"epci": EpciFactory(departement=dep_a)}
    theme = ThemeFactory(slug="donnees")
    service = ServiceFactory()
    template, diagnostic = sample_template(), sample_diagnostic()
    for key, departement in (("alpha", dep_a), ("beta", dep_b)):
        marker, term = MARKERS[key], SEARCH_TERMS[key]
        organisation = OrganisationFactory(
            commune=CommuneFactory(departement=departement), name=f"{marker} {term.capitalize()}", pending=True
        )
        referent = UserFactory(
            first_name=term.capitalize(), last_name=marker, email=f"referent.{marker.lower()}@mairie.example.fr"
        )
        membership = MembershipFactory(user=referent, organisation=organisation, role=Role.REFERENT)
        requester = UserFactory(
            first_name=term.capitalize(), last_name=f"{marker}-demande", email=f"demande.{marker.lower()}@example.fr"
        )
        join_request = JoinRequestFactory(user=requester, organisation=organisation, message=f"Message {marker}")
        project = ProjectFactory(
            organisation=organisation, title=f"Projet {marker}", description=term, created_by=referent
        )
        project.title = f"Projet {marker} renommé"
        project.save()  # a second version in its history
        project.themes.add(theme)
        Comment.objects.create(
            project=project, author=referent, body=f"Avis {marker}", body_html=f"<p>Avis {marker}</p>"
        )
        adoption = AdoptionFactory(service=service, organisation=organisation, declared_by=referent)
        message = AdopterMessage.objects.create(
            service=service, sender=referent, organisation=organisation, subject=f"Objet {marker}", body=term
        )
        report = ReportFactory(project=project, failed=True, error=f"Échec {marker}")
        delivery = ReportDelivery.objects.create(report=report, email=referent.email, error=f"Refus {marker}")
        initiative = InitiativeFactory(project=project, title=f"Initiative {marker}", summary=term)
        initiative_message = InitiativeMessage.objects.create(
            initiative=initiative, sender=requester, subject=f"Question {marker}", body=term
        )
        seed |= {
            key: organisation,
            f"{key}_referent": referent,
            f"{key}_membership": membership,
            f"{key}_join_request": join_request,
            f"{key}_project": project,
            f"{key}_adoption": adoption,
            f"{key}_message": message,
            f"{key}_report": report,
            f"{key}_delivery": delivery,
            f"{key}_initiative": initiative,
            f"{key}_initiative_message": initiative_message,
        }
    programme = ProgrammeFactory()
    programme.communes.add(seed["alpha"].commune)
    national = StaffUserFactory(scope_departements=None)
    StaffScope.objects.filter(user=national).update(level=ScopeLevel.NATIONAL)
    users = {
        SUPERUSER: UserFactory(is_staff=True, is_superuser=True, email="administration@anct.gouv.fr"),
        "national": national,
        "dep_in": StaffUserFactory(scope_departements=[dep_a]),
        "reg_in": _regional(region_a),
        "dep_out": StaffUserFactory(scope_departements=[dep_c]),
        "reg_out": _regional(region_b),
        "unscoped": UserFactory(is_staff=True, email="equipe@anct.gouv.fr"),
        NO_SECOND_FACTOR: StaffUserFactory(scope_departements=[dep_a]),  # no TOTP: logs in with a password
    }
    activate_totp(users[SUPERUSER])
    return seed | {
        "users": users,
        "theme": theme,
        "service": service,
        "programme": programme,
        "resource": ResourceFactory(),
        "template": template,
        "stage": template.stages.filter(requires_validation=True).first(),
        "diagnostic": diagnostic,
        "dimension": diagnostic.dimensions.first(),
        "group": Group.objects.create(name="Équipe nationale"),
        "dsfr_config": DsfrConfig.objects.create(site_title="Territoires IA"),
        "authenticator": Authenticator.objects.get(user=users[SUPERUSER]),
        "scope": StaffScope.objects.get(user=users["dep_in"]),
        "expert": ExpertFactory(name="Expertise données publiques"),
    }


def _log_in(client, role: str, seed: dict) -> None:
    from tests.accounts.factories import login_with_second_factor

    user = seed["users"][role]
    if role == NO_SECOND_FACTOR:
        response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
        assert response.status_code == 302, "connexion par mot de passe"
        assert client.session.get("_auth_user_id") == str(user.pk)
    else:
        login_with_second_factor(client, user)


# --- What the crawl checks ---------------------------------------------------------------------------------------


def database_state() -> list:
    """A fingerprint of every table (one query on PostgreSQL): equal before and after means nothing changed."""
    tables = sorted({model._meta.db_table for model in apps.get_models(include_auto_created=True)} - IGNORED_TABLES)
    quote_name = connection.ops.quote_name
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            fingerprint = "SELECT %s, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM {} t"
            # Table names come from the models, quoted; the query reads every table in one round trip.
            cursor.execute(" UNION ALL ".join(fingerprint.format(quote_name(table)) for table in tables), tables)
            # UNION ALL promises no order (PostgreSQL may run its branches in parallel): compare sorted rows.
            return sorted(cursor.fetchall())
        state = []
        for table in tables:
            cursor.execute(f"SELECT * FROM {quote_name(table)}")  # noqa: S608 (table names from the models)
            state.append((table, sorted(map(repr, cursor.fetchall()))))
        return state


def test_the_database_fingerprint_sees_a_changed_field():
    from tests.accounts.factories import OrganisationFactory

    organisation = OrganisationFactory(name="Avant")
    before = database_state()
    Organisation.objects.filter(pk=organisation.pk).update(departement=None)
    assert database_state() != before


@contextmanager
def lenient_templates(enabled: bool):
    """django-import-export's templates read variables they do not set: let them, for these pages only."""
    invalid = settings.TEMPLATES[0]["OPTIONS"].get("string_if_invalid")
    previous = getattr(invalid, "fail", None)
    if enabled and previous is not None:
        invalid.fail = False
    try:
        yield
    finally:
        if previous is not None:
            invalid.fail = previous


def _body(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8", errors="replace") + "\n" + response.get("Location", "")


class Crawl:
    """One role's walk through the admin; failures are collected, then reported together."""

    def __init__(self, client, role: str, seed: dict):
        self.client, self.role, self.seed = client, role, seed
        self.hidden = [MARKERS[key] for key in MARKERS if key not in COVERS[role]]
        self.failures: list[str] = []
        self.requests = 0
        self.lenient = False
        self.state = None  # database fingerprint, taken before the first POST

    def check(self, method: str, url: str, table: dict, data=None, *, shows: tuple[str, ...] = ()) -> str | None:
        """Send one request and check it; returns the body (None when the role may write: nothing is sent)."""
        expected = 302 if self.role == NO_SECOND_FACTOR else table[self.role]
        if expected == WRITE:
            return None
        if method == "post" and self.state is None:
            self.state = database_state()
        with lenient_templates(self.lenient):
            response = getattr(self.client, method)(url, data if data is not None else {})
        self.requests += 1
        where = f"{self.role} {method.upper()} {url}"
        body = _body(response)
        if response.status_code != expected:
            self.failures.append(f"{where} : {response.status_code}, attendu {expected}")
        if self.role == NO_SECOND_FACTOR and not _sent_to_second_factor(response.get("Location", "")):
            self.failures.append(f"{where} : servi sans double authentification ({response.get('Location')})")
        for marker in self.hidden:
            if marker.lower() in body.lower():
                self.failures.append(f"{where} : « {marker} » (collectivité hors périmètre) dans la réponse")
        for marker in shows:
            if response.status_code == 200 and marker.lower() not in body.lower():
                self.failures.append(f"{where} : « {marker} » (dans le périmètre) absent de la liste")
        if method == "post":
            # Pages read, never write: the state after the previous refused POST is the state before this one.
            after = database_state()
            if after != self.state:
                self.failures.append(f"{where} : la base a changé après un POST refusé")
                self.state = after
        return body

    def view(self, url: str, view: View, data=None) -> None:
        self.check("get", url, view.get)
        if view.post is not None:
            self.check("post", url, view.post, data)


def _value(value):
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, list | tuple | set):
        return [_value(item) for item in value]
    if isinstance(value, dict):
        return json.dumps(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    if value is None or isinstance(value, FieldFile):  # files are left out
        return ""
    return value


def attack_payload(obj: models.Model, seed: dict) -> dict:
    """The object's own form data, moved into beta (the collectivité out of alpha's scope)."""
    data = {}
    for name, value in model_to_dict(obj).items():
        field = obj._meta.get_field(name)
        if field.is_relation and field.related_model is Organisation:
            value = seed["beta"].pk
        data[name] = _value(value)
    return {key: value for key, value in data.items() if value not in ("", False)} | {"_save": "Enregistrer"}


def _filter_query_strings(model_admin, superuser, probes: tuple[str, ...]) -> list[str]:
    """Each list filter applied: its first choice, and any choice naming one of `probes` (beta's territory).

    The filters narrow the admin's own queryset: a filter never widens the scope, and the choices it offers
    are on the plain list page already. One choice per filter shows it works; the probes ask for beta's rows.
    """
    url = reverse(f"admin:{model_admin.opts.app_label}_{model_admin.opts.model_name}_changelist")
    request = RequestFactory().get(url)
    request.user = superuser
    changelist = model_admin.get_changelist_instance(request)
    query_strings: list[str] = []
    for spec in changelist.filter_specs:
        choices = [choice["query_string"] for choice in spec.choices(changelist)]
        choices = [query for query in choices if query not in ("?", "", *query_strings)]
        query_strings += [
            query for index, query in enumerate(choices) if index == 0 or any(f"={probe}" in query for probe in probes)
        ]
    return query_strings


VIEW_PAYLOADS = {
    "catalogue_service_import": lambda s: {
        "import_file": SimpleUploadedFile("services.csv", b"name,slug\nPirate,pirate\n", content_type="text/csv"),
        "format": "0",
    },
    "catalogue_service_process_import": lambda s: {
        "import_file_name": "services.csv",
        "original_file_name": "services.csv",
        "format": "0",
        "resource": "0",
    },
    "catalogue_service_export": lambda s: {"format": "0", "resource": "0"},
    "territories_programme_import": lambda s: {
        "file": SimpleUploadedFile("membres.csv", f"insee\n{s['beta'].commune.insee_code}\n".encode()),
        "replace": "on",
    },
    "auth_user_password_change": lambda s: {
        "password1": "Nouveau-mot-de-passe-42",
        "password2": "Nouveau-mot-de-passe-42",
    },
    "journeys_project_export_csv": lambda s: {},
}


# Custom views that read the list's query string: an unknown parameter is sent back to the list, never a 500.
VIEW_BAD_QUERIES = {"journeys_project_export_csv": "?inconnu=1"}


def _served_as(table: dict, status: int) -> dict:
    """The same table, with `status` where the page is served (a malformed request on a page the role reaches)."""
    return {role: status if expected == 200 else expected for role, expected in table.items()}


def crawl_model(crawl: Crawl, label: str, rule: ModelRule, model_admin) -> None:
    seed, role = crawl.seed, crawl.role
    opts = model_admin.opts
    prefix = f"admin:{opts.app_label}_{opts.model_name}"
    target = rule.target(seed)
    assert target is not None, label
    assert target.pk is not None, label
    object_id = quote(target.pk)
    crawl.lenient = rule.third_party_templates

    # The list: plain, each filter choice, a search for what the role must not find, the raw-id popup.
    changelist = reverse(f"{prefix}_changelist")
    shows = tuple(MARKERS[key] for key in sorted(COVERS[role])) if rule.scoped else ()
    crawl.check("get", changelist, rule.changelist.get, shows=shows)
    if role != NO_SECOND_FACTOR and rule.changelist.get[role] == 200:  # refused lists: nothing to filter
        beta = seed["beta"]
        probes = (beta.region_id, beta.departement_id)
        variants = _filter_query_strings(model_admin, seed["users"][SUPERUSER], probes)
        variants += [f"?q={term}" for key, term in SEARCH_TERMS.items() if key not in COVERS[role]]
        if model_admin.to_field_allowed(_superuser_request(seed), model_admin.opts.pk.attname):
            variants.append(f"?_to_field={model_admin.opts.pk.attname}&_popup=1")  # a raw-id lookup popup
    else:
        variants = []
    for query_string in variants:
        crawl.check("get", changelist + query_string, rule.changelist.get)
    # A hand-made unknown parameter: Django's « ?e=1 » redirect where the list is served, never a 500.
    crawl.check("get", changelist + "?inconnu=1", _served_as(rule.changelist.get, 302))
    refused_list = role == NO_SECOND_FACTOR or rule.changelist.get[role] == 403
    for action, table in list(rule.actions.items())[: 1 if refused_list else None]:
        # A refused list refuses any POST before it reads the action's name: one action says it.
        data = {"action": action, "_selected_action": [target.pk], "index": "0"}
        crawl.check("post", changelist, table, data)

    payload = attack_payload(target, seed)
    crawl.view(reverse(f"{prefix}_add"), rule.add, payload)
    crawl.view(reverse(f"{prefix}_change", args=[object_id]), rule.change, payload)
    crawl.view(reverse(f"{prefix}_delete", args=[object_id]), rule.delete, {"post": "yes"})
    crawl.view(reverse(f"{prefix}_history", args=[object_id]), rule.history)
    if rule.history_record is not None:
        versions = list(target.history.order_by("history_date").values_list("history_id", flat=True))
        for index, version in enumerate(versions):  # each past version; the first one is also posted back
            url = reverse(f"{prefix}_simple_history", args=[object_id, version])
            crawl.view(url, rule.history_record if index == 0 else View(get=rule.history_record.get), payload)
        crawl.check(
            "get",
            reverse(f"{prefix}_simple_history", args=[object_id, "abc"]),
            _served_as(rule.history_record.get, 404),
        )
    content_type = ContentType.objects.get_for_model(target)
    crawl.check("get", reverse("admin:view_on_site", args=[content_type.pk, object_id]), rule.view_on_site)
    for name, view in rule.views.items():
        kwargs = {}
        url_pattern = next(url for url in model_admin.get_urls() if getattr(url, "name", None) == name)
        for argument in url_pattern.pattern.regex.groupindex:
            kwargs[argument] = object_id
        crawl.view(reverse(f"admin:{name}", kwargs=kwargs), view, VIEW_PAYLOADS[name](seed))
        if name in VIEW_BAD_QUERIES:
            url = reverse(f"admin:{name}", kwargs=kwargs) + VIEW_BAD_QUERIES[name]
            crawl.check("get", url, _served_as(view.get, 302))
    crawl.lenient = False


def autocomplete_sources() -> list[tuple[models.Model, models.Field]]:
    """A relation towards each registered admin with a search (one per target column): what autocomplete answers.

    The answer depends on the admin of the target (its queryset, its permission) and on the target column;
    any model's relation may be named in the query string, so one per (admin, column) covers them all.
    """
    superuser_request = RequestFactory().get("/admin/")
    superuser_request.user = _superuser()
    sources = {}
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.get_fields():
            if not (field.is_relation and field.concrete and field.remote_field):
                continue
            remote_admin = admin.site._registry.get(field.remote_field.model)
            if remote_admin is not None and remote_admin.get_search_fields(superuser_request):
                column = getattr(field.remote_field, "field_name", None) or "pk"
                sources.setdefault((_label(field.remote_field.model), column), (model, field))
    return list(sources.values())  # an admin no relation points to has no autocomplete to ask


def crawl_site(crawl: Crawl) -> None:
    for name, view in ADMIN_SITE_URLS.items():
        if view is None:
            continue
        data = {"old_password": "pas-le-bon", "new_password1": "x", "new_password2": "y"}
        crawl.view(reverse(name), view, data if name == "admin:password_change" else None)
    crawl.check("get", reverse("admin:logout"), dict.fromkeys(ALL_ROLES, 405))
    for app_label, table in APP_LISTS.items():
        crawl.check("get", reverse("admin:app_list", args=[app_label]), table)
    crawl.check("get", UNNAMED_CATCH_ALL, dict.fromkeys(ALL_ROLES, 404))
    # Each admin's unnamed `<id>/` pattern redirects to `<id>/change/` (Django's RedirectView, no data).
    project = crawl.seed["alpha_project"]
    crawl.check("get", f"/admin/journeys/project/{project.pk}/", dict.fromkeys(ALL_ROLES, 302))
    for model, field in autocomplete_sources():
        remote = ADMIN_MODELS[_label(field.remote_field.model)]
        query = {
            "app_label": model._meta.app_label,
            "model_name": model._meta.model_name,
            "field_name": field.name,
            "term": "",
        }
        crawl.check(
            "get",
            reverse("admin:autocomplete") + "?" + urlencode(query),
            remote.changelist.get,
        )


@pytest.fixture
def quiet_refusals():
    """Django logs every 403 and 404 with its traceback: thousands of them here. Server errors still log."""
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.ERROR)
    yield
    logger.setLevel(level)


@pytest.mark.parametrize("role", ALL_ROLES)
def test_each_staff_role_gets_what_the_table_declares(client, role, quiet_refusals):
    seed = build_seed()
    _log_in(client, role, seed)
    crawl = Crawl(client, role, seed)
    registry = _registry()
    for label, rule in ADMIN_MODELS.items():
        crawl_model(crawl, label, rule, registry[label])
    crawl_site(crawl)
    assert not crawl.failures, f"{len(crawl.failures)} écart(s) sur {crawl.requests} requêtes :\n" + "\n".join(
        crawl.failures
    )
