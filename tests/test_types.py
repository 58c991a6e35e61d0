"""The modules that hold the rules type-check: mypy with django-stubs ([tool.mypy] in pyproject.toml) on every
services, selectors, permissions and tasks module. Its cache lives under var/, so a run after the first takes a few
seconds."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MYPY = Path(sys.executable).with_name("mypy")


def test_services_selectors_permissions_and_tasks_type_check():
    result = subprocess.run(  # noqa: S603 (fixed command)
        [str(MYPY)], cwd=ROOT, capture_output=True, text=True, timeout=240
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_rule_module_is_checked():
    """A services or selectors module turned into a package, or a new app, stays under the check."""
    import tomllib

    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]["files"]
    checked = {path for pattern in patterns for path in ROOT.glob(pattern)}
    expected = {
        path
        for app in ROOT.glob("*/apps.py")
        for name in ("services", "selectors", "permissions", "tasks")
        for path in (app.parent / f"{name}.py", app.parent / name)
        if path.exists()
    }
    assert expected <= checked
