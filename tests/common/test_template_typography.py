"""French typography in templates and emails: a non-breaking space before « : ; ? ! » and inside « ».

Only the text of a template is read: template tags, variables, comments and HTML tags are left out. The
catalogue's templates (another piece of work) and the home page are not covered here.
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = ["accounts", "assistance", "journeys", "portal", "reports", "resources", "territories"]
SKIPPED = {ROOT / "portal" / "templates" / "portal" / "home.html"}
NON_TEXT = re.compile(r"\{%.*?%\}|\{\{.*?\}\}|\{#.*?#\}|<[^>]*>", re.DOTALL)
PLAIN_SPACE = re.compile(r" [:;?!](?=\s|$)|« | »")


def templates() -> list[Path]:
    found = [
        path
        for folder in [*(ROOT / app / "templates" for app in APPS), ROOT / "templates"]
        for path in folder.rglob("*")
        if path.suffix in {".html", ".txt"} and path not in SKIPPED
    ]
    assert found
    return found


def test_templates_use_non_breaking_spaces_in_french_punctuation():
    problems = []
    for path in templates():
        text = path.read_text(encoding="utf-8")
        for segment in NON_TEXT.split(text):
            for match in PLAIN_SPACE.finditer(segment):
                around = segment[max(0, match.start() - 30) : match.end() + 10].replace("\n", " ")
                problems.append(f"{path.relative_to(ROOT)} : …{around}…")
    assert not problems, "\n".join(problems)
