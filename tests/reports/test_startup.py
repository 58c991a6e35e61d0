"""Processes that never render (web with a broker, management commands) do not load WeasyPrint (~0.7 s, ~40 Mo)."""

import os
import subprocess
import sys

from tests.reports.workers import ROOT


def test_django_start_up_does_not_load_the_pdf_engine():
    script = "import sys, django; django.setup(); import reports.tasks; print('weasyprint' in sys.modules)"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings", "DJANGO_ENV": "test"}
    result = subprocess.run(  # noqa: S603 (our own interpreter)
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "False"
