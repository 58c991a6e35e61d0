"""Map the Socle interministériel de logiciels libres (SILL, Etalab open data) to the catalogue import format.

The product does not depend on the file: an administrator may download it and convert it here, then import the
result through the ordinary import (catalogue.services.import_services). Entries without an identifiable licence
are left out and listed, because the catalogue only holds open-source services with a known SPDX licence.
"""

import json
from dataclasses import dataclass, field

import tablib
from django.utils.text import slugify

from catalogue.licences import first_licence
from catalogue.service_io import ServiceResource

# SILL status → maturity: R = recommandé, O = en observation, FR = « fin de recommandation ».
MATURITY = {"R": "generalise", "O": "experimentation", "FR": "deploiement"}
# SILL layer (« se ») → catalogue theme.
THEMES = {"Données et contenu": "donnees", "Sécurité": "securite-numerique"}
PUBLISHER = "Éditeur non renseigné (SILL)"


@dataclass
class SillConversion:
    dataset: tablib.Dataset
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (name, reason)


def _url(value) -> str:
    text = str(value or "").strip()
    return text if text.startswith(("https://", "http://")) else ""


def convert_sill_json(content: str) -> SillConversion:
    """Convert the SILL JSON (list of records with short keys) into a Dataset of catalogue columns."""
    records = json.loads(content)
    headers = ServiceResource.Meta.fields
    dataset = tablib.Dataset(headers=headers)
    skipped = []
    seen_slugs: set[str] = set()
    for record in records:
        name = str(record.get("i") or "").strip()
        licence = first_licence(str(record.get("l") or ""))
        if licence is None:
            skipped.append((name, f"licence « {record.get('l') or ''} » non identifiable"))
            continue
        slug = slugify(name)[:150] or f"sill-{record.get('id')}"
        if slug in seen_slugs:
            slug = f"{slug}-{record.get('id')}"
        seen_slugs.add(slug)
        function = str(record.get("f") or "").strip()
        description = str(record.get("fr-desc") or "").strip()
        usage = str(record.get("u") or "").strip()
        years = str(record.get("y") or "").strip()
        text = "\n\n".join(
            part
            for part in (
                description,
                f"Contexte d’usage : {usage}" if usage else "",
                f"Référencé au Socle interministériel de logiciels libres ({years})." if years else "",
            )
            if part
        )
        row = {
            "name": name[:150],
            "slug": slug,
            "pitch": (function or description or name)[:300],
            "description": text,
            "publisher": PUBLISHER,
            "publisher_kind": "autre",
            "licence": licence,
            "source_code_url": _url(record.get("sources"))[:300],
            "website": _url(record.get("website"))[:300],
            "maturity": MATURITY.get(str(record.get("st") or "").strip(), "deploiement"),
            "hosting": "auto-heberge",
            "themes": THEMES.get(str(record.get("se") or "").strip(), "administration"),
            "kinds": "commune;epci;departement;region",
            "sizes": "moins-3500;3500-20000;20000-100000;plus-100000",
            "uses_ai": "non",
            "ai_description": "",
            "processes_personal_data": "non",
            "accessibility": "non-evalue",
            "cost_model": "gratuit-hebergement",
            "cost_note": "",
            "contact_url": "",
            "contact_email": "",
            "is_published": "oui",
        }
        dataset.append([row[header] for header in headers])
    return SillConversion(dataset=dataset, skipped=skipped)
