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


def _project_files(pattern: str) -> list[Path]:
    skipped = {".venv", ".venv-own", "node_modules", "var", "mutants", "staticfiles", "migrations"}
    return sorted(path for path in ROOT.glob(pattern) if not skipped & set(path.relative_to(ROOT).parts))


def test_templates_pass_djlint():
    """djlint's template rules ([tool.djlint] in pyproject.toml), as the pre-commit hook runs them."""
    templates = [str(path) for path in _project_files("**/templates/**/*.html")]
    assert templates
    djlint = Path(sys.executable).with_name("djlint")
    result = subprocess.run(  # noqa: S603 (fixed command)
        [str(djlint), "--lint", *templates], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_code_uses_the_idioms_of_django_5_2(tmp_path):
    """django-upgrade rewrites in place: it runs on a copy, and any file it would rewrite is named."""
    copies = []
    for path in _project_files("**/*.py"):
        copy = tmp_path / path.relative_to(ROOT)
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_bytes(path.read_bytes())
        copies.append(str(copy))
    upgrade = Path(sys.executable).with_name("django-upgrade")
    result = subprocess.run(  # noqa: S603 (fixed command)
        [str(upgrade), "--target-version", "5.2", *copies], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
