import time

import pytest
from django.db import OperationalError


def test_health_is_ok_when_database_and_inline_broker_answer(client, settings):
    settings.REDIS_URL = ""
    response = client.get("/sante/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"]["ok"] is True
    assert body["checks"]["broker"]["mode"] == "inline"


def test_health_is_ok_with_a_real_redis(client, settings, redis_url):
    settings.REDIS_URL = redis_url
    response = client.get("/sante/")
    assert response.status_code == 200
    assert response.json()["checks"]["broker"] == {
        "ok": True,
        "mode": "redis",
        "latency_ms": pytest.approx(0, abs=500),
    }


def test_health_names_the_broker_and_answers_fast_when_redis_is_unreachable(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    started = time.monotonic()
    response = client.get("/sante/")
    elapsed = time.monotonic() - started
    assert response.status_code == 503
    assert response.json()["failing"] == ["broker"]
    assert elapsed < 2


def test_health_names_the_database_when_it_fails(client, settings, monkeypatch):
    settings.REDIS_URL = ""

    def broken_cursor(*args, **kwargs):
        raise OperationalError("connexion refusée")

    monkeypatch.setattr("portal.health.connection.cursor", broken_cursor)
    response = client.get("/sante/")
    assert response.status_code == 503
    assert response.json()["failing"] == ["database"]
    assert response.json()["checks"]["database"]["error"] == "OperationalError"


def test_health_is_never_cached(client):
    response = client.get("/sante/")
    assert "no-cache" in response["Cache-Control"]
