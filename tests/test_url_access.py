"""Every URL pattern is declared in tests/access_rules.py and behaves as declared."""

import uuid

import pytest
from django.apps import apps
from django.conf import settings
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

from tests.access_rules import ADMIN_NAMESPACE, ADMIN_PUBLIC, FIVE, NO_SECOND_FACTOR, ROLES, RULES, Access, Rule

# What a refused POST could touch: the world's collectivités, people's ties to them, projects and their work.
SNAPSHOT_MODELS = [
    "accounts.Organisation",
    "accounts.Membership",
    "accounts.JoinRequest",
    "journeys.Project",
    "journeys.StepAnswer",
    "journeys.StageValidation",
    "journeys.StageTransition",
    "journeys.ProjectEvent",
    "journeys.Comment",
    "journeys.ProjectShortlist",
    "catalogue.Adoption",
    "initiatives.Initiative",
    "initiatives.InitiativeMessage",
]

PLACEHOLDERS = {
    "int": 999999,
    "uuid": uuid.UUID("00000000-0000-4000-8000-000000000000"),
    "slug": "inconnu",
    "str": "inconnu",
    "path": "inconnu",
}


def _walk(resolver: URLResolver, namespace: str = ""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = entry.namespace
            child = f"{namespace}:{ns}" if namespace and ns else (ns or namespace)
            yield from _walk(entry, child)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if namespace and entry.name else entry.name
            yield name, entry, namespace


def project_url_names() -> list[str]:
    """Names of every pattern. Unnamed patterns cannot be declared: only the admin's own are tolerated."""
    names = set()
    for name, _pattern, _namespace in _walk(get_resolver()):
        if name:
            names.add(name)
    return sorted(names)


def test_every_url_pattern_has_a_name():
    # The admin's own redirects and catch-all are unnamed; they sit behind the staff login.
    unnamed = [
        str(pattern.pattern) for name, pattern, ns in _walk(get_resolver()) if not name and ns != ADMIN_NAMESPACE
    ]
    assert unnamed == [], f"URL sans nom (impossible à déclarer) : {unnamed}"


def rule_for(name: str) -> Rule | None:
    if name in RULES:
        return RULES[name]
    if name.split(":")[0] == ADMIN_NAMESPACE:
        return Rule(Access.PUBLIC) if name in ADMIN_PUBLIC else Rule(Access.STAFF)
    return None


def placeholder_url(name: str) -> str:
    """Reverse a URL name with placeholder arguments taken from its converters (or regex groups)."""
    pattern = next(p for n, p, _ns in _walk(get_resolver()) if n == name)
    converters = pattern.pattern.converters
    kwargs = {}
    for key in pattern.pattern.regex.groupindex:
        kind = type(converters[key]).__name__.replace("Converter", "").lower() if key in converters else "str"
        kwargs[key] = PLACEHOLDERS.get(kind, "inconnu")
    if key_choices := [k for k in kwargs if k not in converters]:
        # re_path groups: try a few shapes until one matches the regex.
        for candidate in ("inconnu", "auth", "0-inconnu"):
            try:
                return reverse(name, kwargs={**kwargs, **dict.fromkeys(key_choices, candidate)})
            except NoReverseMatch:
                continue
    return reverse(name, kwargs=kwargs or None)


def test_every_url_pattern_is_declared_in_the_access_table():
    missing = [name for name in project_url_names() if rule_for(name) is None]
    assert not missing, "URL sans règle d’accès dans tests/access_rules.py : " + ", ".join(missing)


def test_access_table_has_no_stale_entries():
    names = set(project_url_names())
    stale = sorted(set(RULES) - names)
    assert not stale, f"Règles pour des URL qui n’existent plus : {stale}"


@pytest.mark.parametrize("name", project_url_names())
def test_anonymous_visitor_meets_the_declared_access(name, client, world):
    rule = rule_for(name)
    assert rule is not None
    url = reverse(name, kwargs=rule.kwargs(world)) if rule.kwargs else placeholder_url(name)
    data = rule.data(world) if rule.data else {}
    response = getattr(client, rule.method)(url, data)
    if rule.access is Access.PUBLIC:
        assert response.status_code < 500, f"{name}: {response.status_code}"
        login = reverse(settings.LOGIN_URL)
        assert not (response.status_code == 302 and response["Location"].startswith(login)), (
            f"{name} exige une connexion"
        )
    elif rule.access is Access.LOGIN:
        assert response.status_code == 302, f"{name}: {response.status_code}"
        assert response["Location"].startswith(reverse(settings.LOGIN_URL)), response["Location"]
    else:
        assert response.status_code == 302, f"{name}: {response.status_code}"
        # The back-office login goes through the site login (allauth: throttling, second factor).
        assert response["Location"].startswith((reverse("admin:login"), reverse(settings.LOGIN_URL))), response[
            "Location"
        ]


def test_every_rule_lists_every_role():
    """The five roles everywhere; on a private page also the staff without second factor; on an organisation's
    data (a URL with arguments, or a POST) every role of the world."""
    required = {
        name: FIVE
        if rule.access is Access.PUBLIC
        else ROLES
        if rule.kwargs or rule.method == "post"
        else (*FIVE, *NO_SECOND_FACTOR)
        for name, rule in RULES.items()
    }
    incomplete = {name: sorted(set(required[name]) - set(RULES[name].expect)) for name in RULES}
    incomplete = {name: missing for name, missing in incomplete.items() if missing}
    assert not incomplete, f"Rôles sans statut attendu : {incomplete}"
    unknown = {
        name: sorted(set(rule.expect) - set(ROLES)) for name, rule in RULES.items() if set(rule.expect) - set(ROLES)
    }
    assert not unknown, f"Rôles inconnus du monde : {unknown}"


def _snapshot() -> dict[str, list[dict]]:
    return {label: list(apps.get_model(label).objects.order_by("pk").values()) for label in SNAPSHOT_MODELS}


def _refused(response) -> bool:
    """An error, a form shown again or the login page: such a POST must have changed nothing."""
    return response.status_code != 302 or response["Location"].startswith(reverse(settings.LOGIN_URL))


ROLE_CASES = [(name, role, status) for name, rule in sorted(RULES.items()) for role, status in rule.expect.items()]


@pytest.mark.parametrize(("name", "role", "status"), ROLE_CASES or [pytest.param("-", "-", 0, marks=pytest.mark.skip)])
def test_each_role_gets_the_declared_status(name, role, status, client_as, world):
    rule = RULES[name]
    url = reverse(name, kwargs=rule.kwargs(world)) if rule.kwargs else reverse(name)
    data = rule.data(world) if rule.data else {}
    client = client_as(world[role])
    before = _snapshot() if rule.method == "post" else None
    response = getattr(client, rule.method)(url, data)
    assert response.status_code == status, f"{name} as {role}: {response.status_code}, expected {status}"
    if before is not None and _refused(response):
        assert _snapshot() == before, f"{name} as {role}: refused ({status}) but the data changed"
