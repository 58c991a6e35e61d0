"""The rendered pages are valid HTML (RGAA 8.2), checked offline by html-validate (package.json, `npm ci`)."""

import json
import shutil
import subprocess
from pathlib import Path

from tests.conftest import skip_or_fail
from tests.html_pages import sample_pages

ROOT = Path(__file__).resolve().parents[2]
VALIDATOR = ROOT / "node_modules" / ".bin" / "html-validate"


def validate(pages: dict[str, str], directory: Path) -> list[str]:
    """html-validate's errors on the given pages, one line each, with the page's name."""
    files = {}
    for index, (name, html) in enumerate(pages.items()):
        path = directory / f"page-{index}.html"
        path.write_text(html, encoding="utf-8")
        files[str(path)] = name
    report = directory / "report.json"
    run = subprocess.run(  # noqa: S603 (our own tool, our own files)
        # To a file: node may exit before a large piped stdout is flushed.
        [str(VALIDATOR), "--config", str(ROOT / ".htmlvalidate.json"), "--formatter", f"json={report}", *files],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if run.returncode not in {0, 1} or not report.exists():
        raise AssertionError(f"html-validate failed to run: {run.stderr[-2000:]}")
    problems = []
    for result in json.loads(report.read_text(encoding="utf-8") or "[]"):
        for message in result["messages"]:
            line = Path(result["filePath"]).read_text(encoding="utf-8").splitlines()[message["line"] - 1].strip()
            problems.append(
                f"{files[result['filePath']]}: {message['ruleId']} — {message['message']} (ligne « {line[:120]} »)"
            )
    return problems


def test_rendered_pages_are_valid_html(world, client_as, tmp_path):
    if not VALIDATOR.exists() or shutil.which("node") is None:
        skip_or_fail("html-validate is not installed: run `npm ci` (make test-system-deps does it).")
    problems = validate(sample_pages(world, client_as), tmp_path)
    assert not problems, f"{len(problems)} erreur(s) HTML :\n" + "\n".join(problems)


def test_the_validator_catches_a_list_in_a_label(tmp_path):
    if not VALIDATOR.exists() or shutil.which("node") is None:
        skip_or_fail("html-validate is not installed: run `npm ci` (make test-system-deps does it).")
    page = (
        '<!DOCTYPE html><html lang="fr"><head><title>T</title></head><body><main>'
        '<label for="a">Nom <ul><li>aide</li></ul></label><input id="a" name="a"></main></body></html>'
    )
    assert validate({"essai": page}, tmp_path)
