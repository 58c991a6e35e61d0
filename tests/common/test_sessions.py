"""Sessions read from the cache and kept in the database (common.sessions), as production runs them.

The rest of the suite keeps Django's database engine (portal/settings_test.py) so that the query budgets count the
session read: the engine is switched on here.
"""

import pytest
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from common import cache as fail_safe
from common import sessions
from common.cache import redis_caches
from tests.accounts.factories import login_with_second_factor

PROFILE = "/mon-compte/"


@pytest.fixture
def cached_sessions(settings):
    settings.SESSION_ENGINE = "common.sessions"
    fail_safe.reset_circuits()
    yield settings
    fail_safe.reset_circuits()


def _get(client, url: str):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    return response, [query["sql"] for query in context.captured_queries if "django_session" in query["sql"]]


def test_a_page_reads_the_session_from_the_cache_not_the_database(cached_sessions, client, user):
    client.force_login(user)
    response, session_reads = _get(client, PROFILE)
    assert response.status_code == 200
    assert session_reads == []


def test_the_embedded_default_keeps_sessions_in_process_memory(cached_sessions, client, user):
    client.force_login(user)
    key = sessions.SessionStore.cache_key_prefix + client.session.session_key
    assert caches["default"].get(key) is not None  # LocMemCache: no Redis needed
    assert Session.objects.filter(session_key=client.session.session_key).exists()  # kept in the database too


def test_logout_ends_the_session_for_every_holder_of_the_cookie(cached_sessions, client, user):
    client.force_login(user)
    stolen = dict(client.cookies.items())
    key = client.session.session_key
    assert client.post(reverse("account_logout")).status_code == 302
    other = Client()
    other.cookies.update(stolen)
    response, _reads = _get(other, PROFILE)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert not Session.objects.filter(session_key=key).exists()
    assert caches["default"].get(sessions.SessionStore.cache_key_prefix + key) is None


def test_a_password_changed_elsewhere_ends_this_session(cached_sessions, client, user):
    client.force_login(user)
    assert client.get(PROFILE).status_code == 200
    user.set_password("un autre mot de passe solide 2026")
    user.save()
    assert client.get(PROFILE).status_code == 302


def test_a_revoked_staff_role_takes_effect_on_the_next_request(cached_sessions, client, world):
    staff = world["staff_national"]
    login_with_second_factor(client, staff)
    page = reverse("espace:expert_list")  # a staff page that also runs on SQLite
    assert client.get(page).status_code == 200
    staff.staff_scope.delete()
    assert client.get(page).status_code in (302, 403, 404)
    staff.is_staff = False
    staff.save(update_fields=["is_staff"])
    assert client.get(page).status_code in (302, 403, 404)


def test_with_redis_unreachable_sessions_go_to_the_database_never_to_process_memory(cached_sessions, client, user):
    cached_sessions.CACHES = redis_caches("redis://127.0.0.1:1/0")  # nothing listens there
    client.force_login(user)
    key = client.session.session_key
    response, session_reads = _get(client, PROFILE)
    assert response.status_code == 200
    assert len(session_reads) == 1  # from the database
    cache = caches["default"]
    assert cache._fallback.get(sessions.SessionStore.cache_key_prefix + key) is None
    stolen = dict(client.cookies.items())
    client.post(reverse("account_logout"))
    other = Client()
    other.cookies.update(stolen)
    assert other.get(PROFILE).status_code == 302


def test_a_session_stays_in_redis_five_minutes_at_most(cached_sessions, client, user, redis_url):
    cached_sessions.CACHES = redis_caches(redis_url)
    client.force_login(user)
    cache = caches["default"]
    full_key = cache.make_and_validate_key(sessions.SessionStore.cache_key_prefix + client.session.session_key)
    ttl = cache._cache.get_client(full_key).ttl(full_key)
    assert 0 < ttl <= sessions.CACHE_SECONDS
    response, session_reads = _get(client, PROFILE)
    assert response.status_code == 200
    assert session_reads == []
