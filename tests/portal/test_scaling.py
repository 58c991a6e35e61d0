"""Scale by configuration: gunicorn's and Celery's concurrency come from the environment."""

import runpy
from pathlib import Path

import pytest

from tests.portal.test_configuration import GOOD_PRODUCTION, run_manage

ROOT = Path(__file__).resolve().parents[2]
ENVIRONMENT_KEYS = (
    "WEB_CONCURRENCY",
    "GUNICORN_THREADS",
    "TRUSTED_PROXIES",
    "LOG_FORMAT",
    "GUNICORN_BIND",
    "GUNICORN_MAX_REQUESTS",
    "GUNICORN_PRELOAD",
)


@pytest.fixture
def gunicorn_settings(monkeypatch):
    def load(**env: str) -> dict:
        for key in ENVIRONMENT_KEYS:
            monkeypatch.delenv(key, raising=False)
        for key, value in env.items():
            monkeypatch.setenv(key, value)
        return runpy.run_path(str(ROOT / "gunicorn.conf.py"))

    return load


def test_gunicorn_workers_threads_and_trusted_proxy_come_from_the_environment(gunicorn_settings):
    conf = gunicorn_settings(WEB_CONCURRENCY="5", GUNICORN_THREADS="4", TRUSTED_PROXIES="172.30.72.10")
    assert conf["workers"] == 5
    assert conf["threads"] == 4
    assert conf["forwarded_allow_ips"] == "172.30.72.10"
    assert conf["bind"] == "0.0.0.0:8000"
    assert conf["accesslog"] is None  # the JSON request line replaces it


def test_gunicorn_trusts_no_forwarded_header_without_a_proxy(gunicorn_settings):
    conf = gunicorn_settings()
    assert conf["forwarded_allow_ips"] == ""
    assert conf["workers"] == 3
    assert conf["logconfig_dict"]["handlers"]["console"]["formatter"] == "json"


def test_celery_concurrency_comes_from_the_environment(tmp_path):
    script = (
        "from django.conf import settings as s; print(s.CELERY_WORKER_CONCURRENCY, s.CELERY_WORKER_HIJACK_ROOT_LOGGER)"
    )
    result = run_manage("shell", "-c", script, env={**GOOD_PRODUCTION, "CELERY_CONCURRENCY": "6"}, tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "6 False"


def test_production_logs_are_json_lines(tmp_path):
    script = "import logging; logging.getLogger('portal').warning('attention')"
    result = run_manage("shell", "-c", script, env=GOOD_PRODUCTION, tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert '"message": "attention"' in result.stdout
    assert '"level": "WARNING"' in result.stdout


def test_gunicorn_workers_are_forked_loaded_and_recycled_apart(gunicorn_settings):
    """A recycled worker is missing about a second: forked from the loaded master, rarely, never both together."""
    conf = gunicorn_settings()
    assert conf["preload_app"] is True
    assert conf["max_requests"] >= 10_000
    assert conf["max_requests_jitter"] >= conf["max_requests"] // 2
    assert conf["control_socket_disable"] is True  # nothing written under $HOME, no asyncio thread to fork from


def test_gunicorn_forked_worker_shares_no_connection_with_the_master(gunicorn_settings, monkeypatch):
    from types import SimpleNamespace

    from django.core.cache import caches
    from django.db import connections

    closed = []
    monkeypatch.setattr(connections, "close_all", lambda: closed.append("db"))
    monkeypatch.setattr(caches, "close_all", lambda: closed.append("cache"))
    conf = gunicorn_settings()

    conf["post_fork"](SimpleNamespace(cfg=SimpleNamespace(preload_app=True)), None)

    assert closed == ["db", "cache"]
