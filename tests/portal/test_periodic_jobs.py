"""Periodic jobs run on a real Celery worker through Redis."""

import time
from datetime import timedelta

import pytest
from celery.result import EagerResult
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone

from portal import tasks


def _session(expire_in: timedelta) -> str:
    store = SessionStore()
    store["who"] = "élu"
    store.create()
    Session.objects.filter(session_key=store.session_key).update(expire_date=timezone.now() + expire_in)
    return store.session_key


def test_clear_expired_sessions_is_scheduled():
    schedule = settings.CELERY_BEAT_SCHEDULE["clear-expired-sessions"]
    assert schedule["task"] == "portal.tasks.clear_expired_sessions"


def test_clear_expired_sessions_keeps_live_sessions():
    expired, live = _session(timedelta(days=-1)), _session(timedelta(days=1))
    assert tasks.clear_expired_sessions() == 1
    assert list(Session.objects.values_list("session_key", flat=True)) == [live]
    assert expired != live


@pytest.mark.django_db(transaction=True)
def test_worker_clears_expired_sessions_from_the_queue(celery_worker):
    _session(timedelta(days=-1))
    result = tasks.clear_expired_sessions.delay()
    assert not isinstance(result, EagerResult)  # really sent through Redis
    deadline = time.monotonic() + 10
    while Session.objects.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not Session.objects.exists()
