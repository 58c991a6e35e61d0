"""Scale by configuration: gunicorn's and Celery's concurrency come from the environment."""

import runpy
from pathlib import Path

import pytest

from tests.portal.test_configuration import GOOD_PRODUCTION, run_manage

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def gunicorn_settings(monkeypatch):
    def load(**env: str) -> dict:
        for key in ("WEB_CONCURRENCY", "GUNICORN_THREADS", "TRUSTED_PROXIES", "LOG_FORMAT", "GUNICORN_BIND"):
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
