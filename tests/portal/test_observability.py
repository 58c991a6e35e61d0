"""Logs are JSON lines with request id, user id and duration, never an email or a token; errors go to a
Sentry-compatible service only when SENTRY_DSN is set."""

import gzip
import json
import logging
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import brotli
import pytest

from portal.jsonlog import JsonFormatter
from tests.portal.test_configuration import GOOD_PRODUCTION

ROOT = Path(__file__).resolve().parents[2]


def request_lines(caplog) -> list[dict]:
    formatter = JsonFormatter()
    return [json.loads(formatter.format(record)) for record in caplog.records if record.name == "portal.requests"]


def test_each_request_is_one_json_line_with_its_id_the_user_id_and_the_duration(world, client_as, caplog):
    member = world["member"]
    client = client_as(member)
    with caplog.at_level(logging.INFO, logger="portal.requests"):
        response = client.get("/catalogue/")
    assert response.status_code == 200
    (line,) = request_lines(caplog)
    assert line["request_id"] == response["X-Request-ID"]
    assert line["user_id"] == member.pk
    assert line["method"] == "GET"
    assert line["route"] == "catalogue/"
    assert line["status"] == 200
    assert line["duration_ms"] >= 0
    assert member.email not in json.dumps(line)


def test_a_token_in_the_path_is_never_logged(client, caplog):
    token = "3-c8h2k1-9f0e0f4b1a2b3c4d5e6f"
    with caplog.at_level(logging.INFO, logger="portal.requests"):
        client.get(f"/compte/password/reset/key/{token}/")
    (line,) = request_lines(caplog)
    assert "password/reset/key" in line["route"]
    assert token not in json.dumps(line)
    assert "c8h2k1" not in json.dumps(line)


def test_a_request_id_is_taken_from_the_trusted_proxy_only(client, settings, caplog):
    settings.TRUSTED_PROXIES = ["10.0.0.2"]
    response = client.get("/catalogue/", HTTP_X_REQUEST_ID="0b2e6f6e-proxy-given-id")
    assert response["X-Request-ID"] != "0b2e6f6e-proxy-given-id"
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="portal.requests"):
        response = client.get(
            "/catalogue/",
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_REQUEST_ID="0b2e6f6e-proxy-given-id",
            HTTP_X_FORWARDED_FOR="198.51.100.7",
        )
    assert response["X-Request-ID"] == "0b2e6f6e-proxy-given-id"
    (line,) = request_lines(caplog)
    assert line["ip"] == "198.51.100.7"


def test_a_passing_health_probe_is_not_logged_at_info(client, caplog):
    with caplog.at_level(logging.INFO, logger="portal.requests"):
        response = client.get("/sante/")
    assert response.status_code == 200
    assert request_lines(caplog) == []


def test_lines_logged_during_a_request_carry_its_id_and_a_traceback_is_one_field():
    from portal.jsonlog import request_id_var

    token = request_id_var.set("abc123abc123")
    try:
        raise ValueError("boom")
    except ValueError:
        record = logging.getLogger("x").makeRecord("x", logging.ERROR, __file__, 1, "échec", None, sys.exc_info())
    finally:
        request_id_var.reset(token)
        formatted_outside = JsonFormatter().format(logging.makeLogRecord({"msg": "après"}))
    token = request_id_var.set("abc123abc123")
    line = json.loads(JsonFormatter().format(record))
    request_id_var.reset(token)
    assert line["request_id"] == "abc123abc123"
    assert line["message"] == "échec"
    assert "ValueError: boom" in line["exception"]
    assert "\n" not in JsonFormatter().format(record)
    assert "request_id" not in json.loads(formatted_outside)


class _Collector(BaseHTTPRequestHandler):
    received: list[tuple[str, bytes]]

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        encoding = self.headers.get("Content-Encoding", "")
        if encoding == "br":
            body = brotli.decompress(body)
        elif encoding == "gzip":
            body = gzip.decompress(body)
        self.server.received.append((self.path, body))
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def sentry_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Collector)
    server.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


REPORT_AN_ERROR = """
import logging, sys
try:
    raise RuntimeError("panne de test")
except RuntimeError:
    logging.getLogger("reports.tasks").error("Erreur sur jeanne.martin@example.fr", exc_info=True)
loaded = "sentry_sdk" in sys.modules
if loaded:
    import sentry_sdk
    sentry_sdk.flush(timeout=10)
print("SDK", loaded)
"""


def run_with(env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess:
    keep = {key: value for key, value in os.environ.items() if key in {"PATH", "HOME", "LANG"}}
    full = {**keep, **GOOD_PRODUCTION, "VAR_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "portal.settings", **env}
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "shell", "-c", REPORT_AN_ERROR],
        cwd=ROOT,
        env=full,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_errors_are_sent_to_the_service_named_by_sentry_dsn(sentry_server, tmp_path):
    port = sentry_server.server_address[1]
    result = run_with({"SENTRY_DSN": f"http://cle-publique@127.0.0.1:{port}/42"}, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "SDK True" in result.stdout
    envelopes = [body for path, body in sentry_server.received if path == "/api/42/envelope/"]
    assert envelopes, sentry_server.received
    sent = b"".join(envelopes).decode()
    assert "panne de test" in sent
    assert '"user":{}' in sent.replace(" ", "")
    # The JSON log line of the same error went to stdout, traceback included.
    logged = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert any("RuntimeError: panne de test" in line.get("exception", "") for line in logged)


def test_without_sentry_dsn_nothing_is_sent_and_the_sdk_is_not_loaded(sentry_server, tmp_path):
    result = run_with({"SENTRY_DSN": ""}, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "SDK False" in result.stdout
    assert sentry_server.received == []


def test_events_carry_ids_not_personal_data():
    from portal.error_reporting import _before_send
    from portal.jsonlog import request_id_var, user_id_var

    tokens = (request_id_var.set("req-1234abcd"), user_id_var.set(7))
    try:
        event = _before_send(
            {
                "request": {
                    "url": "https://x/compte/",
                    "cookies": {"sessionid": "s3cr3t"},
                    "data": {"password": "hunter2hunter2"},
                    "headers": {"Cookie": "sessionid=s3cr3t", "User-Agent": "Firefox", "Authorization": "Bearer t"},
                },
                "user": {"email": "jeanne.martin@example.fr", "ip_address": "198.51.100.7"},
            },
            {},
        )
    finally:
        request_id_var.reset(tokens[0])
        user_id_var.reset(tokens[1])
    assert event["user"] == {"id": "7"}
    assert event["tags"]["request_id"] == "req-1234abcd"
    text = json.dumps(event)
    for secret in ("s3cr3t", "hunter2hunter2", "jeanne.martin", "198.51.100.7", "Bearer"):
        assert secret not in text
