"""The catalogue's shipped content, read from `catalogue/content/` through the one loader (common.datafiles).

`themes.yaml` holds the themes (the vocabulary shared with journeys and resources) and the words a reader types
for them; `services.yaml` the publishers and the real open-source public digital services `bootstrap` creates.
Names, addresses, licences and publishers are facts checked against each project's page and repository
(docs/content-verification.md); every description is written for this portal. Both files are validated by their
JSON Schema in the tests; the cross-references (a service's publisher and themes) are checked here, on load.
"""

from pathlib import Path
from typing import Any

from common import datafiles
from common.typography import french_typography

CONTENT = Path(__file__).resolve().parent / "content"

# Identifiers, addresses and choices: never retouched by `french_typography`.
RAW_FIELDS = {
    "slug",
    "licence",
    "source_code_url",
    "website",
    "maturity",
    "hosting",
    "accessibility",
    "cost_model",
    "contact_url",
    "contact_email",
}


def _typeset(service: dict[str, Any]) -> dict[str, Any]:
    return {
        name: french_typography(value) if isinstance(value, str) and name not in RAW_FIELDS else value
        for name, value in service.items()
    }


def _load() -> tuple[list[tuple[str, str]], dict[str, str], dict[str, tuple[str, str]], list[dict[str, Any]]]:
    theme_rows = datafiles.load(CONTENT / "themes.yaml")["themes"]
    data = datafiles.load(CONTENT / "services.yaml")
    themes = [(row["slug"], row["name"]) for row in theme_rows]
    keywords = {row["slug"]: row["keywords"] for row in theme_rows if row.get("keywords")}
    publishers = {row["name"]: (row["kind"], row["website"]) for row in data["publishers"]}
    services = [_typeset(service) for service in data["services"]]
    known_themes = {slug for slug, _name in themes}
    for service in services:
        if service["publisher"] not in publishers:
            raise datafiles.ContentFileError(f"services.yaml : éditeur inconnu « {service['publisher']} »")
        if unknown := sorted(set(service["themes"]) - known_themes):
            raise datafiles.ContentFileError(f"services.yaml : {service['slug']}, thématique inconnue {unknown}")
    return themes, keywords, publishers, services


# Shared with journeys and their content (see docs/catalogue.md): slug → label, in display order.
THEMES: list[tuple[str, str]]
# Words a reader types for a theme without using its name (acronyms, synonyms): searched with the theme's services.
THEME_KEYWORDS: dict[str, str]
# Publisher name → (kind, website).
PUBLISHERS: dict[str, tuple[str, str]]
SERVICES: list[dict[str, Any]]
THEMES, THEME_KEYWORDS, PUBLISHERS, SERVICES = _load()
