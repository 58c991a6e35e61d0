"""The shipped content of the resource library, read from `resources/content/ressources/*.md` (one Markdown file
per resource, its fields in a YAML front matter) through the one loader, common.datafiles.

Written for the portal from the facts of shared/CONTENT_FACTS.md: our own words, sources cited as references.
Figures reported only by the press are said to be so; a date not confirmed is marked « sous réserve ».
The files are checked against `ressources.schema.json` by the tests. Authors write plain spaces: the loader adds
French typography. A body may insert a shared text by its marker (`{{ ai_act.calendrier }}`), so that the AI Act
calendar is written once (common/content/ai_act.yaml).

Editing a file and re-running `manage.py bootstrap` updates the pages that nobody edited in the administration;
a resource edited there keeps its edits (resources.services: each row remembers the hash of the version shipped).
"""

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from common import ai_act, datafiles
from common.typography import french_typography

FOLDER = Path(__file__).resolve().parent / "content" / "ressources"

# Fields whose value is an identifier, a URL or a choice: never retouched by `french_typography`.
RAW_FIELDS = {"slug", "kind", "audience", "source_url", "source_status"}

# Shared texts a body inserts by marker, each written once elsewhere.
INSERTS: dict[str, Callable[[], str]] = {
    "{{ ai_act.calendrier }}": ai_act.calendar_markdown,
    "{{ ai_act.maitrise }}": ai_act.literacy,
}

# Order of the library's sections; within one, the files' order.
KIND_ORDER = ["cadre", "cas-usage", "guide", "bibliographie"]


def _insert_shared_texts(text: str) -> str:
    for marker, text_of in INSERTS.items():
        if marker in text:
            text = text.replace(marker, text_of())
    return text


def entry(path: Path) -> dict[str, Any]:
    """The resource a file describes, as `resources.services.load_resources` takes it (slug = file name)."""
    data = dict(datafiles.load(path))
    body = _insert_shared_texts(data.pop("body", "").strip("\n"))
    fields = {"slug": path.stem, **data, **({"body": body} if body else {})}
    fields["updated_on"] = date.fromisoformat(fields["updated_on"])
    fields.setdefault("sizes", [])  # no size: every size of collectivité
    fields.setdefault("is_published", True)
    return {
        name: french_typography(value) if isinstance(value, str) and name not in RAW_FIELDS else value
        for name, value in fields.items()
    }


def load_entries(folder: Path = FOLDER) -> list[dict[str, Any]]:
    paths = sorted(folder.glob("*.md"))
    entries = [entry(path) for path in paths]
    return sorted(entries, key=lambda item: KIND_ORDER.index(item["kind"]))


RESOURCES: list[dict[str, Any]] = load_entries()
