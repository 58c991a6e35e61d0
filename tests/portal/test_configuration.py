"""The process refuses an unsafe production configuration; the embedded defaults need nothing."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD_PRODUCTION = {
    "DJANGO_ENV": "production",
    "DEBUG": "false",
    "SECRET_KEY": "p" * 20 + "r0duct10n-s3cr3t-k3y-th4t-1s-l0ng-3n0ugh-" + "z" * 10,
    "ALLOWED_HOSTS": "territoires-ia.example.fr",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/postgres",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "EMAIL_URL": "smtp://127.0.0.1:1025",
}


def run_manage(*args: str, env: dict[str, str | None], tmp_path: Path) -> subprocess.CompletedProcess:
    clean = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO", "DATABASE", "REDIS", "EMAIL", "SECRET"))
    }
    clean.update({"VAR_DIR": str(tmp_path / "var"), "DJANGO_SETTINGS_MODULE": "portal.settings", **env})
    clean = {key: value for key, value in clean.items() if value is not None}  # None: the variable is absent
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=120
    )


def test_production_with_proper_variables_passes_check_deploy(tmp_path):
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=GOOD_PRODUCTION, tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr + result.stdout


@pytest.mark.parametrize(
    ("override", "message"),
    [
        ({"DEBUG": "true"}, "DEBUG est activé"),
        ({"SECRET_KEY": ""}, "SECRET_KEY"),
        ({"SECRET_KEY": "django-insecure-" + "a" * 50}, "SECRET_KEY"),
        ({"SECRET_KEY": "ab" * 40}, "SECRET_KEY"),
        ({"ALLOWED_HOSTS": ""}, "ALLOWED_HOSTS"),
        ({"ALLOWED_HOSTS": "*"}, "ALLOWED_HOSTS"),
        ({"DATABASE_URL": "sqlite:///tmp/x.sqlite3"}, "SQLite"),
        ({"DATABASE_URL": None}, "DATABASE_URL est absente"),
        ({"DATABASE_URL": ""}, "DATABASE_URL est absente"),
        ({"REDIS_URL": None}, "REDIS_URL est absente"),
        ({"EMAIL_URL": None}, "EMAIL_URL est absente"),
    ],
)
def test_production_refuses_to_start_on_an_unsafe_setting(tmp_path, override, message):
    result = run_manage("check", env={**GOOD_PRODUCTION, **override}, tmp_path=tmp_path)
    assert result.returncode != 0
    assert "Configuration de production refusée" in result.stderr
    assert message in result.stderr


def test_embedded_defaults_need_no_service_and_keep_their_secret(tmp_path):
    script = (
        "from django.conf import settings as s;"
        "print(s.DATABASES['default']['ENGINE'], s.CELERY_TASK_ALWAYS_EAGER, s.EMAIL_BACKEND, s.SECRET_KEY)"
    )
    first = run_manage("shell", "-c", script, env={}, tmp_path=tmp_path)
    second = run_manage("shell", "-c", script, env={}, tmp_path=tmp_path)
    assert first.returncode == 0, first.stderr
    engine, eager, backend, secret = first.stdout.strip().splitlines()[-1].split()
    assert engine == "django.db.backends.sqlite3"
    assert eager == "True"
    assert backend == "portal.mail.EmlFileBackend"
    assert (tmp_path / "var" / "secret_key").read_text() == secret
    assert second.stdout.strip().splitlines()[-1].split()[3] == secret


def test_an_unknown_environment_name_is_refused(tmp_path):
    result = run_manage("check", env={"DJANGO_ENV": "prod"}, tmp_path=tmp_path)
    assert result.returncode != 0
    assert "DJANGO_ENV doit valoir" in result.stderr


def test_every_missing_service_is_named_at_once(tmp_path):
    env = {**GOOD_PRODUCTION, "DATABASE_URL": None, "REDIS_URL": None, "EMAIL_URL": None}
    result = run_manage("check", env=env, tmp_path=tmp_path)
    assert result.returncode != 0
    for variable in ("DATABASE_URL", "REDIS_URL", "EMAIL_URL"):
        assert f"{variable} est absente" in result.stderr


def test_production_reads_the_email_url_and_the_previous_secret_keys(tmp_path):
    old_key = "0ld-" + "k3y-w1th-m4ny-d1ff3r3nt-ch4r4ct3rs-" * 2
    env = {
        **GOOD_PRODUCTION,
        "EMAIL_URL": "smtp+tls://portail:m0t@smtp.example.fr:587",
        "SECRET_KEY_FALLBACKS": old_key,
    }
    script = (
        "from django.conf import settings as s;"
        "print(s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_USE_TLS, s.EMAIL_HOST_USER, s.SECRET_KEY_FALLBACKS[0][:4])"
    )
    result = run_manage("shell", "-c", script, env=env, tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "smtp.example.fr 587 True portail 0ld-"
