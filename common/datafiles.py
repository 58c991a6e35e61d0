"""The one loader of the portal's content files (YAML, or Markdown with a YAML front matter).

Content that élus read lives in data files next to the app that shows it (`<app>/content/`), not in Python.
A file `name.yaml` (or `name.md`) with a sibling `name.schema.json` is checked against that JSON Schema by
`tests/common/test_content_files.py`, so a broken edit fails the suite before it ships; at run time files are only
parsed, once per process.
"""

from functools import cache
from pathlib import Path
from typing import Any

import yaml

FRONT_MATTER = "---\n"


class ContentFileError(ValueError):
    """A content file cannot be read; the message names the file (and the line when YAML says it)."""


@cache
def load(path: Path) -> Any:
    """The parsed content of a `.yaml` file, or of a `.md` file as `{**front_matter, "body": markdown}`."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise ContentFileError(f"{path} : fichier illisible ({error.strerror})") from error
    try:
        if Path(path).suffix == ".md":
            return _markdown(text)
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise ContentFileError(f"{path} : YAML invalide — {error}") from error


def _markdown(text: str) -> dict[str, Any]:
    if not text.startswith(FRONT_MATTER):
        return {"body": text}
    header, separator, body = text[len(FRONT_MATTER) :].partition("\n" + FRONT_MATTER)
    if not separator:
        raise yaml.YAMLError("front matter sans ligne « --- » de fin")
    meta = yaml.safe_load(header) or {}
    if not isinstance(meta, dict):
        raise yaml.YAMLError("le front matter doit être un dictionnaire")
    return {**meta, "body": body.lstrip("\n")}


def schema_for(path: Path) -> Path | None:
    """The JSON Schema that describes `path` (`name.schema.json` beside it), if there is one."""
    candidate = Path(path).with_name(Path(path).name.rsplit(".", 1)[0] + ".schema.json")
    return candidate if candidate.exists() else None


def content_files(root: Path) -> list[Path]:
    """Every content data file under `root` (`*/content/**/*.yaml|md`), the virtualenv and node_modules left out."""
    found = []
    for pattern in ("*/content/**/*.yaml", "*/content/**/*.md"):
        found += [p for p in Path(root).glob(pattern) if not {".venv", "node_modules", "var"} & set(p.parts)]
    return sorted(found)
