"""The rules a tool can enforce are enforced by the suite itself, so CI cannot land code that breaks them."""

import subprocess
import sys
from io import StringIO
from pathlib import Path

from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[1]
RUFF = Path(sys.executable).with_name("ruff")


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(RUFF), *args], cwd=ROOT, capture_output=True, text=True, timeout=120)  # noqa: S603


def test_ruff_finds_no_problem():
    result = run("check", ".", "--output-format", "concise")
    assert result.returncode == 0, result.stdout + result.stderr


def test_code_is_formatted():
    result = run("format", "--check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_model_change_has_its_migration():
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit as exit_:
        raise AssertionError(f"migration manquante :\n{out.getvalue()}") from exit_
