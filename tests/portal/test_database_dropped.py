"""PostgreSQL drops the web process's connection: during a request, the visitor gets the clear error page and the
next request succeeds; between two requests, nobody notices (CONN_HEALTH_CHECKS reconnects).

The portal runs in a real gunicorn (one sync worker, persistent connections as in production) on the test
database; the test kills that worker's own PostgreSQL backend with pg_terminate_backend, never anyone else's.
"""

import os
import shutil
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from tests.conftest import skip_or_fail
from tests.reports.workers import database_url, free_port

ROOT = Path(__file__).resolve().parents[2]
ERROR_PAGE = "Vos données déjà enregistrées ne sont pas perdues."

pytestmark = pytest.mark.django_db(transaction=True)


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (loopback)
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@pytest.fixture
def web(tmp_path):
    """gunicorn serving the portal on the test database; yields (base URL, the application_name of its backend)."""
    if connection.vendor != "postgresql":
        skip_or_fail("Ce test demande PostgreSQL (DATABASE_URL=postgres://…)")
    gunicorn = Path(sys.executable).with_name("gunicorn")
    if not gunicorn.exists() and shutil.which("gunicorn") is None:
        skip_or_fail("gunicorn est absent")
    name = f"faults-{uuid.uuid4().hex[:8]}"
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "DJANGO_ENV": "test",
        "DEBUG": "false",
        "SECRET_KEY": "tests-only-" + "y" * 50,
        "VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"{database_url()}?application_name={name}",
        "CONN_MAX_AGE": "60",
        "REDIS_URL": "",
        "LOG_LEVEL": "CRITICAL",
    }
    log = (tmp_path / "gunicorn.log").open("w")
    server = subprocess.Popen(  # noqa: S603 (fixed command)
        [str(gunicorn), "portal.wsgi:application", "--workers=1", f"--bind=127.0.0.1:{port}", "--timeout=60"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            _get(f"{base}/sante/")
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail("gunicorn n’a pas démarré :\n" + (tmp_path / "gunicorn.log").read_text()[-2000:])
            time.sleep(0.2)
    try:
        yield base, name
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()


def _backends(name: str, *, waiting_on_a_lock: bool = False) -> list[int]:
    query = "SELECT pid FROM pg_stat_activity WHERE application_name = %s"
    if waiting_on_a_lock:
        query += " AND wait_event_type = 'Lock'"
    with connection.cursor() as cursor:
        cursor.execute(query, [name])
        return [row[0] for row in cursor.fetchall()]


def _terminate(pids: list[int]) -> None:
    with connection.cursor() as cursor:
        for pid in pids:
            cursor.execute("SELECT pg_terminate_backend(%s)", [pid])


def test_a_connection_dropped_during_a_request_gives_the_error_page_then_the_site_recovers(web):
    base, name = web
    assert _get(f"{base}/ressources/")[0] == 200
    # Hold a lock the page's query waits on: the request is in flight, inside the database, when its backend dies.
    with psycopg.connect(database_url()) as locker:
        locker.execute("LOCK TABLE resources_resource IN ACCESS EXCLUSIVE MODE")
        answer: list = []
        request = threading.Thread(target=lambda: answer.append(_get(f"{base}/ressources/")))
        request.start()
        deadline = time.monotonic() + 20
        while not (waiting := _backends(name, waiting_on_a_lock=True)):
            assert time.monotonic() < deadline, "la requête n’a jamais atteint la base"
            time.sleep(0.05)
        _terminate(waiting)
        request.join(timeout=30)
        locker.rollback()
    status, body = answer[0]
    assert status == 500
    assert "Erreur inattendue" in body
    assert ERROR_PAGE in body

    status, body = _get(f"{base}/ressources/")
    assert status == 200, body[:500]
    assert _get(f"{base}/sante/")[0] == 200


def test_a_connection_dropped_between_two_requests_goes_unnoticed(web):
    base, name = web
    assert _get(f"{base}/ressources/")[0] == 200
    idle = _backends(name)
    assert idle, "la connexion persistante du worker est introuvable"
    _terminate(idle)
    status, body = _get(f"{base}/ressources/")
    assert status == 200, body[:500]
    assert set(_backends(name)).isdisjoint(idle)  # a new connection, opened by the health check
