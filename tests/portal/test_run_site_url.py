"""`make run PORT=8101` puts links to port 8101 in the emails: SITE_URL follows the run target unless set."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _dry_run(**variables: str) -> str:
    if shutil.which("make") is None:
        pytest.skip("make n’est pas installé")
    env = {key: value for key, value in os.environ.items() if key != "SITE_URL"}
    args = ["make", "-n", "run", *(f"{key}={value}" for key, value in variables.items())]
    return subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, check=True).stdout  # noqa: S603


def test_site_url_follows_the_run_port():
    commands = _dry_run(PORT="8101")
    runserver = next(line for line in commands.splitlines() if "runserver" in line)
    assert "127.0.0.1:8101" in runserver
    assert 'SITE_URL="${SITE_URL:-http://127.0.0.1:8101}"' in runserver
