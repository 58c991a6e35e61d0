"""The AI Act as the portal states it, from one data file (common/content/ai_act.yaml).

The journey, the diagnostic, the ethics check and the resources library all phrase the calendar and article 4
(AI literacy) through these functions, so a change in the law is one edit of the data file.
"""

from datetime import date
from functools import cache
from pathlib import Path

from common import datafiles
from common.dates import MONTHS
from common.typography import french_typography

DATA_FILE = Path(__file__).parent / "content" / "ai_act.yaml"


@cache
def facts() -> dict:
    """The data file, read once per process."""
    return datafiles.load(DATA_FILE)


def french_date(day: date) -> str:
    """« 2 août 2026 », « 1er juillet 2020 »."""
    return f"{'1er' if day.day == 1 else day.day} {MONTHS[day.month - 1]} {day.year}"


def literacy() -> str:
    """Article 4 in the one wording used everywhere: a best-effort duty of providers and deployers, no mandate."""
    return french_typography(facts()["literacy"])


def literacy_short() -> str:
    """Article 4 in a clause (lower-case start, no final stop), for help texts."""
    return french_typography(facts()["literacy_short"])


def status_note() -> str:
    """Where the « omnibus » amendments stand, dated, hedged where they could not be checked in the Journal."""
    return french_typography(facts()["status_note"])


def public_authorities() -> str:
    """The 2 August 2030 deadline of article 111(2) for high-risk systems used by public authorities."""
    return french_typography(facts()["public_authorities"])


def calendar() -> list[dict]:
    return facts()["calendar"]


def years_span() -> str:
    """« 2025 et 2030 »: the first and last years of the calendar."""
    years = [item["date"].year for item in calendar()]
    return f"{min(years)} et {max(years)}"


def calendar_markdown() -> str:
    """The calendar as a Markdown list, each date with its source, then the status of the amendments."""
    lines = [
        f"- **{french_date(item['date'])}** : {item['what']}"
        f" ({item['source']}{'' if item['verified'] else ', sous réserve'}) ;"
        for item in calendar()
    ]
    lines[-1] = lines[-1].removesuffix(" ;") + "."
    return french_typography("\n".join(lines) + "\n\n" + facts()["status_note"])


def calendar_text() -> str:
    """The calendar in one paragraph (help texts of the ethics check)."""
    as_of = facts()["as_of"]
    applied = [item for item in calendar() if item["verified"] and item["date"] <= as_of]
    postponed = [item for item in calendar() if item.get("annex")]
    text = (
        "Le règlement (UE) 2024/1689 s’applique par étapes (article 113) : "
        + " ; ".join(f"{item['what']} depuis le {french_date(item['date'])}" for item in applied)
        + ". Pour les systèmes à haut risque, le texte de 2024 retenait le 2 août 2026 (annexe III) et le "
        "2 août 2027 (annexe I) ; le règlement « omnibus numérique » sur l’IA les reporte au "
        + " et au ".join(f"{french_date(item['date'])} (annexe {item['annex']})" for item in postponed)
        + ". "
        + facts()["status_note"]
        + " "
        + facts()["public_authorities"]
    )
    return french_typography(text)


def high_risk_dates() -> str:
    """The high-risk application dates in one sentence (ethics check, « haut risque » guidance)."""
    annex_iii = next(item for item in calendar() if item.get("annex") == "III")
    return french_typography(
        "Le texte de 2024 rendait ces obligations applicables le 2 août 2026 ; le règlement « omnibus "
        f"numérique » sur l’IA les reporte au {french_date(annex_iii['date'])} (sous réserve de la vérification "
        "de sa publication, voir le calendrier). " + facts()["public_authorities"]
    )
