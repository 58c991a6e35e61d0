"""The app layers hold: import-linter checks the contracts of pyproject.toml ([tool.importlinter]).

portal on top, then the domain apps (assistance → reports → journeys → catalogue, resources → catalogue), accounts,
territories, and common at the bottom; no import cycle between the modules of one app, even through an import
hidden in a function. A lower app that needs something from a higher one offers a registration instead (see
catalogue.selectors.register_shortlisting_provider, accounts.rgpd.register_exporter).
"""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
APPS = [
    "common",
    "territories",
    "accounts",
    "catalogue",
    "journeys",
    "resources",
    "assistance",
    "reports",
    "awareness",
    "initiatives",
    "portal",
]


def test_import_contracts_are_kept():
    result = subprocess.run(  # noqa: S603 (fixed command)
        [str(LINT_IMPORTS), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_app_of_the_project_is_under_contract():
    """A new app left out of root_packages would escape every contract."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    local_apps = sorted(path.parent.name for path in ROOT.glob("*/apps.py"))
    assert set(local_apps) <= set(config["root_packages"])
    assert set(local_apps) <= set(APPS)


def test_no_app_is_imported_by_name_at_run_time():
    """import_module("journeys…") would get round the contracts unseen: register an extension point instead."""
    pattern = re.compile(r"import_module\(\s*[\"'](?:%s)\b" % "|".join(APPS))  # noqa: UP031
    offenders = [
        str(path.relative_to(ROOT))
        for app in APPS
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.parts and pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
