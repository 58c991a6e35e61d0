"""Shared fixtures: database marker, services, clients per role and the role "world"."""

import os
import shutil
import socket
from pathlib import Path

import pytest

from accounts.enums import ScopeLevel
from accounts.permissions import has_staff_powers
from tests.accounts.factories import (
    MembershipFactory,
    OrganisationFactory,
    StaffUserFactory,
    UserFactory,
    activate_totp,
    login_with_second_factor,
    staff_with_scope,
    with_second_factor,
)

IN_CI = os.environ.get("CI", "").lower() == "true"
E2E_DIR = Path(__file__).parent / "e2e"


def pytest_collection_modifyitems(config, items) -> None:
    """Every test gets the database; e2e tests get real transactions so the live server sees their data."""
    for item in items:
        if item.get_closest_marker("django_db"):
            continue
        if E2E_DIR in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.e2e)
            item.add_marker(pytest.mark.django_db(transaction=True))
        else:
            item.add_marker(pytest.mark.django_db)


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    """pytest-randomly shuffles the tests: the seed is printed last, even with -q, so a failure can be replayed."""
    seed = getattr(config.option, "randomly_seed", None)
    if isinstance(seed, int) and config.pluginmanager.hasplugin("randomly"):
        terminalreporter.write_line(f"Random order: replay it with --randomly-seed={seed}")


def skip_or_fail(reason: str) -> None:
    """A missing service or program may skip on a developer's machine, never in CI."""
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: a missing dependency is a failure, not a skip)")
    pytest.skip(reason)


def _port_open(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


@pytest.fixture(autouse=True)
def _forget_kept_pages() -> None:
    """Pages and answers kept in the process's memory belong to one test's data (versions may repeat across
    tests: an empty catalogue has the same version in every test)."""
    from catalogue import selectors as catalogue_selectors
    from catalogue import views as catalogue_views
    from common import shells
    from portal import pagecache
    from portal.templatetags import portal_layout
    from territories import selectors as territory_selectors

    catalogue_selectors.forget_index()
    catalogue_views.regions.clear()
    shells.shells.clear()
    pagecache.memory.clear()
    portal_layout._rendered.clear()
    territory_selectors.forget_answers()


@pytest.fixture(scope="session")
def redis_url() -> str:
    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    if not _port_open("127.0.0.1", 6379):
        skip_or_fail("Redis ne répond pas sur 127.0.0.1:6379")
    return url


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        skip_or_fail("Chromium est absent (/usr/bin/chromium) : apt-get install chromium")
    return path


@pytest.fixture
def user(db):
    return UserFactory()


# Roles of the world built on first use: most tests need only the five of the URL table.
EXTRA_ROLES = {
    # ANCT staff covering org's département whose session did not pass the second factor: an ordinary user.
    "staff_in_no_totp": lambda w: StaffUserFactory(scope_departements=[w["org"].departement]),
    "staff_in_password_only": lambda w: _enrolled(StaffUserFactory(scope_departements=[w["org"].departement])),
    "staff_national": lambda w: with_second_factor(staff_with_scope(ScopeLevel.NATIONAL)),
    "staff_regional": lambda w: with_second_factor(staff_with_scope(ScopeLevel.REGIONAL, region=w["org"].region)),
    "superuser": lambda w: with_second_factor(UserFactory(is_staff=True, is_superuser=True)),
    # A superuser flag without is_staff gives no staff power (the back-office needs is_staff too).
    "superuser_not_staff": lambda w: with_second_factor(UserFactory(is_superuser=True)),
    "inactive_member": lambda w: MembershipFactory(organisation=w["org"], role="agent", user__is_active=False).user,
    # Demoted (is_staff=False) but kept a StaffScope row on org's département: no staff power left.
    "staff_demoted": lambda w: with_second_factor(
        StaffUserFactory(is_staff=False, scope_departements=[w["org"].departement])
    ),
}


def _enrolled(user):
    """Has TOTP but the session gave the password alone (no mark): an ordinary user."""
    activate_totp(user)
    return user


class World(dict):
    """The role world; a role of EXTRA_ROLES is created the first time it is asked for."""

    def __missing__(self, key: str):
        if key not in EXTRA_ROLES:
            raise KeyError(key)
        self[key] = EXTRA_ROLES[key](self)
        return self[key]


@pytest.fixture
def world(db) -> World:
    """One person per role of the authorization matrix, around organisation `org`.

    Keys: anonymous (None), outsider (member of another organisation), member, referent,
    staff_out (ANCT, another département), staff_in (ANCT, covers org's département), org, other_org,
    and on first use the roles of EXTRA_ROLES. Staff who passed the second factor are marked so
    (tests/accounts/factories.py::with_second_factor): helpers called on them directly see what a request sees.
    org and other_org are in different régions.
    """
    org = OrganisationFactory()
    other_org = OrganisationFactory()
    member = MembershipFactory(organisation=org, role="agent").user
    referent = MembershipFactory(organisation=org, role="referent").user
    outsider = MembershipFactory(organisation=other_org, role="referent").user
    staff_in = with_second_factor(StaffUserFactory(scope_departements=[org.departement]))
    staff_out = with_second_factor(StaffUserFactory(scope_departements=[other_org.departement]))
    return World(
        anonymous=None,
        outsider=outsider,
        member=member,
        referent=referent,
        staff_out=staff_out,
        staff_in=staff_in,
        org=org,
        other_org=other_org,
    )


@pytest.fixture
def client_as(client):
    """client_as(user) logs the test client in as that user (None stays anonymous).

    Staff holding staff powers (marked by with_second_factor) get a session that passed the second factor;
    everyone else a session opened with the password alone.
    """

    def _login(person):
        client.logout()
        if person is not None and has_staff_powers(person):
            login_with_second_factor(client, person)
        elif person is not None:
            client.force_login(person)
        return client

    return _login


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server in-process (aiosmtpd); Django's SMTP backend is pointed at it.

    Yields the list of received messages (email.message.EmailMessage objects).
    """
    from email import message_from_bytes, policy

    from aiosmtpd.controller import Controller

    received = []

    class Handler:
        async def handle_DATA(self, server, session, envelope):
            message = message_from_bytes(envelope.original_content or envelope.content, policy=policy.default)
            message["X-Envelope-To"] = ", ".join(envelope.rcpt_tos)
            received.append(message)
            return "250 Message accepted for delivery"

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    try:
        yield received
    finally:
        controller.stop()


@pytest.fixture
def celery_worker(redis_url, transactional_db, settings, worker_id):
    """A real Celery worker thread consuming from Redis (for behaviour that is about the worker).

    Use with tests marked `django_db(transaction=True)`: the worker sees committed data only. Each
    pytest-xdist process has its own queue: a task must reach the worker that shares its test database.
    """
    from celery.contrib.testing.worker import start_worker

    from portal.celery import app
    from tests.celery_queues import forget_celery_queues

    keys = ("broker_url", "task_always_eager", "result_backend", "task_default_queue")
    previous = {key: app.conf[key] for key in keys}
    app.conf.update(
        broker_url=redis_url, task_always_eager=False, result_backend=None, task_default_queue=f"tests-{worker_id}"
    )
    app._after_fork()  # drop connection and producer pools opened with an earlier configuration
    forget_celery_queues(app)
    settings.CELERY_TASK_ALWAYS_EAGER = False
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10) as worker:
            yield worker
    finally:
        app.conf.update(previous)
        app._after_fork()
        forget_celery_queues(app)
