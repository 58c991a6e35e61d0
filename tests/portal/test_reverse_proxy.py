"""The reverse proxy's own configuration (deploy/Caddyfile) in front of gunicorn running production settings.

Both run for real on loopback: Debian's caddy (scripts/system-deps.sh test installs it) with a certificate from
its local CA (CADDY_TLS=internal, the staging option), gunicorn with gunicorn.conf.py and TRUSTED_PROXIES=127.0.0.1.
A client "outside" reaches gunicorn straight from 127.0.0.2: Django must not believe its X-Forwarded-Proto.
"""

import http.client
import json
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from tests.conftest import skip_or_fail

ROOT = Path(__file__).resolve().parents[2]
CADDYFILE = ROOT / "deploy" / "Caddyfile"
SECRET = "pr0xy-t3st-" + "abcdefghijklmnopqrstuvwxyz0123456789" * 2


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for_port(port: int, process: subprocess.Popen, log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"Le processus s’est arrêté : {log.read_text()[-3000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"Le port {port} n’a pas ouvert : {log.read_text()[-3000:]}")


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class Stack:
    """What the tests talk to: the proxy over HTTPS, gunicorn directly, and gunicorn's log lines."""

    def __init__(self, https_port: int, http_port: int, gunicorn_port: int, ca_file: Path, gunicorn_log: Path):
        self.https_port, self.http_port, self.gunicorn_port = https_port, http_port, gunicorn_port
        self.context = ssl.create_default_context(cafile=str(ca_file))
        self.gunicorn_log = gunicorn_log

    def via_proxy(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
        conn = http.client.HTTPSConnection("localhost", self.https_port, context=self.context, timeout=30)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            response = conn.getresponse()
            return response.status, response.headers, response.read()
        finally:
            conn.close()

    def straight_to_gunicorn(self, path: str, headers: dict, source: str):
        conn = http.client.HTTPConnection("127.0.0.1", self.gunicorn_port, timeout=30, source_address=(source, 0))
        try:
            conn.request("GET", path, headers={"Host": "localhost", **headers})
            response = conn.getresponse()
            return response.status, response.headers, response.read()
        finally:
            conn.close()

    def request_lines(self) -> list[dict]:
        lines = []
        for raw in self.gunicorn_log.read_text().splitlines():
            try:
                line = json.loads(raw)
            except json.JSONDecodeError:
                continue
            if line.get("logger") == "portal.requests":
                lines.append(line)
        return lines

    def line_for(self, request_id: str) -> dict:
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            for line in self.request_lines():
                if line.get("request_id") == request_id:
                    return line
            time.sleep(0.1)
        pytest.fail(f"Aucune ligne de journal pour la requête {request_id}")


@pytest.fixture(scope="module")
def static_root(tmp_path_factory, django_db_setup, django_db_blocker) -> Path:
    """collectstatic with production settings (manifest of hashed names). Whitenoise's compression, 80 s of
    CPU for the DSFR assets, is left out: the proxy compresses on the fly."""
    root = tmp_path_factory.mktemp("static")
    script = (
        "import django; django.setup()\n"
        "from django.conf import settings\n"
        "settings.STORAGES['staticfiles']['BACKEND'] = "
        "'django.contrib.staticfiles.storage.ManifestStaticFilesStorage'\n"
        "from django.core.management import call_command\n"
        "call_command('collectstatic', interactive=False, verbosity=0)\n"
    )
    env = {**_production_env(root), "DJANGO_SETTINGS_MODULE": "portal.settings"}
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return root


def _database_url() -> str:
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _production_env(static_root: Path) -> dict[str, str]:
    keep = {key: value for key, value in os.environ.items() if key in {"PATH", "HOME", "LANG", "LC_ALL"}}
    return {
        **keep,
        "DJANGO_ENV": "production",
        "DEBUG": "false",
        "SECRET_KEY": SECRET,
        "ALLOWED_HOSTS": "localhost",
        "DATABASE_URL": _database_url(),
        "REDIS_URL": os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15"),
        "EMAIL_URL": "smtp://127.0.0.1:1025",
        "STATIC_ROOT": str(static_root),
        "VAR_DIR": str(static_root.parent / "var"),
    }


@pytest.fixture(scope="module")
def stack(tmp_path_factory, static_root, redis_url) -> Stack:
    caddy = shutil.which("caddy")
    if caddy is None:
        skip_or_fail("caddy est absent : bash scripts/system-deps.sh test (apt-get install caddy)")
    if connection.vendor != "postgresql":
        skip_or_fail("Les réglages de production exigent PostgreSQL : DATABASE_URL=postgres://…")
    work = tmp_path_factory.mktemp("proxy")
    gunicorn_port, https_port, http_port = _free_port(), _free_port(), _free_port()

    gunicorn_log = work / "gunicorn.log"
    gunicorn_env = {
        **_production_env(static_root),
        "GUNICORN_BIND": f"127.0.0.1:{gunicorn_port}",
        "WEB_CONCURRENCY": "1",
        "GUNICORN_THREADS": "4",
        "TRUSTED_PROXIES": "127.0.0.1",
    }
    with gunicorn_log.open("w") as out:
        gunicorn = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "portal.wsgi:application", "--config", "gunicorn.conf.py"],
            cwd=ROOT,
            env=gunicorn_env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    caddy_log = work / "caddy.log"
    caddy_env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(work),
        "XDG_DATA_HOME": str(work / "data"),
        "XDG_CONFIG_HOME": str(work / "config"),
        "SITE_HOST": "localhost",
        "CADDY_TLS": "internal",
        "HTTP_PORT": str(http_port),
        "HTTPS_PORT": str(https_port),
        "UPSTREAM": f"127.0.0.1:{gunicorn_port}",
        "STATIC_ROOT": str(static_root),
    }
    with caddy_log.open("w") as out:
        proxy = subprocess.Popen(  # noqa: S603
            [caddy, "run", "--config", str(CADDYFILE), "--adapter", "caddyfile"],
            cwd=work,
            env=caddy_env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_for_port(gunicorn_port, gunicorn, gunicorn_log)
        _wait_for_port(https_port, proxy, caddy_log)
        ca_file = work / "data" / "caddy" / "pki" / "authorities" / "local" / "root.crt"
        deadline = time.monotonic() + 30
        while not ca_file.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        yield Stack(https_port, http_port, gunicorn_port, ca_file, gunicorn_log)
    finally:
        _stop(proxy)
        _stop(gunicorn)


def test_pages_arrive_over_tls_with_the_security_headers(stack):
    status, headers, body = stack.via_proxy("GET", "/", headers={"Accept-Encoding": "gzip"})
    assert status == 200, body[:500]
    assert headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert "script-src 'self' 'nonce-" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert headers["Content-Encoding"] == "gzip"
    assert "Server" not in headers
    _, headers, _ = stack.via_proxy("GET", "/", headers={"Accept-Encoding": "zstd, gzip"})
    assert headers["Content-Encoding"] == "zstd"


def test_plain_http_is_redirected_to_https(stack):
    conn = http.client.HTTPConnection("localhost", stack.http_port, timeout=10)
    conn.request("GET", "/catalogue/")
    response = conn.getresponse()
    assert response.status in {301, 308}
    assert response.headers["Location"].startswith("https://localhost")


def test_the_request_line_names_the_request_id_the_client_and_the_duration(stack):
    status, headers, _ = stack.via_proxy(
        "GET", "/catalogue/", headers={"X-Forwarded-For": "203.0.113.9", "X-Request-ID": "forged-by-the-client"}
    )
    assert status == 200
    request_id = headers["X-Request-ID"]
    assert request_id != "forged-by-the-client"
    line = stack.line_for(request_id)
    # The proxy sets X-Forwarded-For from the connection: the client's own header is not believed.
    assert line["ip"] == "127.0.0.1"
    assert line["status"] == 200
    assert line["route"] == "catalogue/"
    assert isinstance(line["duration_ms"], float)


def test_a_forged_forwarded_proto_straight_to_gunicorn_is_not_trusted(stack):
    # From the proxy's address the header is believed (no redirect): the setting works...
    status, _, _ = stack.straight_to_gunicorn("/catalogue/", {"X-Forwarded-Proto": "https"}, "127.0.0.1")
    assert status == 200
    # ... from anyone else it is dropped: Django sees plain HTTP and redirects to HTTPS.
    status, headers, _ = stack.straight_to_gunicorn("/catalogue/", {"X-Forwarded-Proto": "https"}, "127.0.0.2")
    assert status == 301
    assert headers["Location"] == "https://localhost/catalogue/"
    status, headers, _ = stack.straight_to_gunicorn(
        "/catalogue/", {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.9"}, "127.0.0.2"
    )
    assert stack.line_for(headers["X-Request-ID"])["ip"] == "127.0.0.2"


def test_a_body_over_the_upload_cap_is_refused_by_the_proxy_before_django(stack):
    path = "/compte/login/"
    posts_before = [line for line in stack.request_lines() if line["method"] == "POST"]
    # Only the headers are sent: the proxy answers on the announced length, before reading any of the body.
    conn = http.client.HTTPSConnection("localhost", stack.https_port, context=stack.context, timeout=30)
    conn.putrequest("POST", path)
    conn.putheader("Content-Type", "multipart/form-data; boundary=x")
    conn.putheader("Content-Length", str(settings.REQUEST_BODY_MAX_BYTES + 1))
    conn.endheaders()
    response = conn.getresponse()
    assert response.status == 413
    conn.close()
    # A body of unknown length is refused too.
    status, _, _ = stack.via_proxy("POST", path, body=iter([b"a=1"]), headers={"Transfer-Encoding": "chunked"})
    assert status == 411
    # A body under the cap reaches Django (refused there for its missing CSRF token): one POST logged, this one.
    status, headers, _ = stack.via_proxy(
        "POST", path, body=b"x" * 1024, headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert status == 403
    posts_after = [line for line in stack.request_lines() if line["method"] == "POST"]
    assert len(posts_after) == len(posts_before) + 1
    assert posts_after[-1]["request_id"] == headers["X-Request-ID"]


def test_the_proxy_cap_is_the_settings_cap():
    # The Caddyfile's default and the settings must say the same; the cap covers a full assistance form.
    defaults = set(re.findall(r"\{\$MAX_REQUEST_BODY:(\d+)\}", CADDYFILE.read_text()))
    assert defaults == {str(settings.REQUEST_BODY_MAX_BYTES)}
    assert settings.REQUEST_BODY_MAX_BYTES > settings.UPLOAD_MAX_BYTES * settings.UPLOAD_MAX_FILES


def test_static_files_carry_long_cache_headers_and_are_compressed(stack, static_root):
    manifest = json.loads((static_root / "staticfiles.json").read_text())["paths"]
    css = next(hashed for name, hashed in manifest.items() if name.endswith(".css") and name.startswith("dsfr"))
    status, headers, _ = stack.via_proxy("GET", f"/static/{css}", headers={"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert headers["Content-Encoding"] == "gzip"
    assert headers["Content-Type"].startswith("text/css")
    # An unhashed name (never linked by the templates) is cached for an hour only.
    original = next(name for name in manifest if name.endswith(".css") and name.startswith("dsfr"))
    status, headers, _ = stack.via_proxy("GET", f"/static/{original}")
    assert status == 200
    assert headers["Cache-Control"] == "public, max-age=3600"
