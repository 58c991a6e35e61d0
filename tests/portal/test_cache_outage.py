"""A Redis outage degrades the site instead of failing it: pages render, login throttling keeps counting in the
process's memory, emails are sent directly instead of queued, /sante/ says 503. The test runs its own redis-server
and stops it for real (never the shared one).
"""

import shutil
import signal
import socket
import subprocess
import time

import pytest
import redis
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from accounts import mailer
from accounts.adapter import THROTTLE_MESSAGE
from common.cache import redis_caches, reset_circuits
from tests.accounts.factories import OrganisationFactory, UserFactory
from tests.catalogue.factories import ServiceFactory
from tests.conftest import skip_or_fail
from tests.resources.factories import ResourceFactory

PASSWORD = "motdepasse-de-test-solide"
FAST = 2.0  # seconds: what "answers at once" means here, a frozen Redis included


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def own_redis(tmp_path):
    """A redis-server of this test alone, on a free port."""
    binary = shutil.which("redis-server")
    if binary is None:
        skip_or_fail("redis-server est absent : apt-get install redis-server")
    port = _free_port()
    server = subprocess.Popen(  # noqa: S603
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", tmp_path],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            if time.monotonic() > deadline:
                server.kill()
                pytest.fail("redis-server n’a pas démarré")
            time.sleep(0.05)
    yield server, f"redis://127.0.0.1:{port}/0"
    if server.poll() is None:
        server.send_signal(signal.SIGCONT)
        server.kill()
    server.wait(timeout=10)


@pytest.fixture
def site_on_redis(settings, own_redis):
    server, url = own_redis
    settings.REDIS_URL = url  # /sante/ pings it
    settings.CACHES = redis_caches(url)  # what settings.py builds from REDIS_URL
    reset_circuits()
    ServiceFactory(name="Decidim")
    ResourceFactory(title="Guide des données")
    yield server, url
    cache.close()
    reset_circuits()


def _timed(call):
    started = time.monotonic()
    response = call()
    return response, time.monotonic() - started


PUBLIC_PAGES = [
    ("catalogue:service_list", {}),
    ("catalogue:service_list", {"q": "decidim"}),
    ("resources:index", {}),
    ("resources:index", {"q": "données"}),
]


def _pages_and_login_hold(client) -> None:
    for name, params in PUBLIC_PAGES:
        response, elapsed = _timed(lambda name=name, params=params: client.get(reverse(name), params))
        assert response.status_code == 200, (name, params)
        assert elapsed < FAST, (name, params, elapsed)
    user = UserFactory()
    for _ in range(5):
        response, elapsed = _timed(
            lambda: client.post(reverse("account_login"), {"login": user.email, "password": "mauvais"})
        )
        assert response.status_code == 200
        assert "L’adresse électronique ou le mot de passe est incorrect." in response.text
        assert elapsed < FAST
    # The sixth attempt is refused, even with the right password: throttling still counts.
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 200
    assert THROTTLE_MESSAGE in response.text
    assert "_auth_user_id" not in client.session


def test_pages_login_and_throttling_work_with_redis_up(client, site_on_redis):
    _server, url = site_on_redis
    _pages_and_login_hold(client)
    assert redis.Redis.from_url(url).dbsize() > 0  # the pages and the throttle did use Redis
    assert client.get(reverse("portal:health")).status_code == 200


def test_a_stopped_redis_degrades_pages_and_login_instead_of_failing(client, site_on_redis):
    server, _url = site_on_redis
    assert client.get(reverse("catalogue:service_list")).status_code == 200
    server.kill()
    server.wait(timeout=10)
    _pages_and_login_hold(client)
    response = client.get(reverse("portal:health"))
    assert response.status_code == 503
    assert response.json()["failing"] == ["broker"]


def test_a_frozen_redis_costs_at_most_one_timeout(client, site_on_redis):
    server, _url = site_on_redis
    server.send_signal(signal.SIGSTOP)  # accepts connections, never answers
    _pages_and_login_hold(client)


@pytest.fixture
def broker_on_own_redis(site_on_redis, settings):
    """The Celery app queues on this test's redis-server (as in production: the broker is the cache's Redis)."""
    from portal.celery import app

    _server, url = site_on_redis
    keys = ("broker_url", "task_always_eager")
    previous = {key: app.conf[key] for key in keys}
    app.conf.update(broker_url=url, task_always_eager=False)
    app._after_fork()  # drop connection pools opened with an earlier configuration
    settings.CELERY_TASK_ALWAYS_EAGER = False
    yield site_on_redis
    app.conf.update(previous)
    app._after_fork()


def test_a_stopped_broker_sends_emails_directly_instead_of_failing_the_page(broker_on_own_redis):
    server, _url = broker_on_own_redis
    server.kill()
    server.wait(timeout=10)
    organisation = OrganisationFactory(name="Saint-Étienne")
    started = time.monotonic()
    queued = mailer.render_and_send(
        "accounts/emails/organisation_confirmed",
        to=["a@mairie.fr"],
        context={"organisation": organisation, "url": "/"},
    )
    assert time.monotonic() - started < FAST
    assert queued == 1
    assert [message.to for message in mail.outbox] == [["a@mairie.fr"]]


def test_the_redis_client_is_built_once_per_pool_not_per_operation():
    """Building a redis.Redis costs about 60 µs: every cache operation of a page paid it."""
    from common.cache import FailSafeRedisCache

    backend = FailSafeRedisCache("redis://127.0.0.1:1/0", {})

    assert backend._cache.get_client() is backend._cache.get_client()
    assert backend._cache.get_client(write=True) is backend._cache.get_client()
