"""Health probes for /sante/: each answers quickly, even when its service is down."""

import time

import redis
from django.conf import settings
from django.db import connection


def check_database() -> dict:
    started = time.monotonic()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any driver error means "down"; the message names it
        return {"ok": False, "error": exc.__class__.__name__}
    return {"ok": True, "latency_ms": round((time.monotonic() - started) * 1000, 1)}


def check_broker() -> dict:
    if not settings.REDIS_URL:
        return {"ok": True, "mode": "inline", "detail": "pas de broker : les tâches s’exécutent dans le processus web"}
    started = time.monotonic()
    client = redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=0.8, socket_timeout=0.8)
    try:
        client.ping()
    except redis.RedisError as exc:
        return {"ok": False, "mode": "redis", "error": exc.__class__.__name__}
    finally:
        client.close()
    return {"ok": True, "mode": "redis", "latency_ms": round((time.monotonic() - started) * 1000, 1)}


def health_report() -> tuple[bool, dict]:
    """Return (all ok, report) with one entry per dependency."""
    checks = {"database": check_database(), "broker": check_broker()}
    healthy = all(check["ok"] for check in checks.values())
    failing = [name for name, check in checks.items() if not check["ok"]]
    return healthy, {"status": "ok" if healthy else "error", "failing": failing, "checks": checks}
