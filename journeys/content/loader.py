"""Load the shipped journey template and diagnostic (data files beside this module) into the database,
idempotently; read the ethics check and its rules table. Every file goes through common/datafiles.py.

Each load records a hash of the source data. Loading the same data again does nothing; loading changed data
creates a new published version that supersedes the last one (running projects keep theirs, see models) —
unless an editor published a version in the administration since (no source hash), or has a draft in progress:
bootstrap runs on every deploy and never supersedes nor overtakes an editor's version, new projects stay on it.
"""

import hashlib
import json
import re
from functools import cache
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from common import ai_act, datafiles
from common.typography import french_typography
from journeys import ethics
from journeys.enums import StepKind, TemplateStatus
from journeys.models import (
    Diagnostic,
    Dimension,
    EthicsCheck,
    JourneyTemplate,
    Question,
    Recommendation,
    Stage,
    Step,
)
from journeys.page_versions import every_project_page_changed
from territories.models import TerritoryKind

CONTENT_DIR = Path(__file__).parent
TEMPLATE_FILE = CONTENT_DIR / "parcours_ia_donnees.yaml"
DIAGNOSTIC_FILE = CONTENT_DIR / "diagnostic_maturite.yaml"
ETHICS_FILE = CONTENT_DIR / "cadrage_ethique.yaml"
ETHICS_RULES_FILE = CONTENT_DIR / "cadrage_ethique_regles.yaml"

# Texts of common/ai_act.py a content file inserts by marker (`{{ ai_act.maitrise }}`, as the resources do), so
# that the AI Act calendar and article 4 are written once.
AI_ACT_TEXTS = {
    "maitrise": ai_act.literacy,
    "maitrise_courte": ai_act.literacy_short,
    "premiere_et_derniere_annee": ai_act.years_span,
    "dates_haut_risque": ai_act.high_risk_dates,
    "calendrier_resume": ai_act.calendar_text,
}
PLACEHOLDER = re.compile(r"\{\{\s*ai_act\.(\w+)\s*\}\}")

CHOICE_KINDS = {StepKind.SINGLE_CHOICE, StepKind.MULTIPLE_CHOICE}


class ContentError(Exception):
    """The content data does not follow the shared format."""


def _hash(data: dict) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def validate_template_data(data: dict) -> None:
    """Raise ContentError listing every problem of a TEMPLATE dict."""
    problems = []
    keys: set[str] = set()
    if not data.get("slug") or not data.get("name"):
        problems.append("slug et name sont obligatoires")
    stages = data.get("stages") or []
    if not stages:
        problems.append("aucune étape")
    for stage in stages:
        if not stage.get("steps"):
            problems.append(f"étape {stage.get('key')} sans action")
        for step in stage.get("steps", []):
            key = step.get("key", "")
            if key in keys:
                problems.append(f"action {key} en double")
            keys.add(key)
            if step.get("kind") not in StepKind.values:
                problems.append(f"action {key} : type inconnu {step.get('kind')!r}")
            if step.get("kind") in CHOICE_KINDS and len(step.get("choices") or []) < 2:
                problems.append(f"action {key} : au moins deux choix attendus")
            for choice, kinds in (step.get("choices_for") or {}).items():
                if choice not in (step.get("choices") or []):
                    problems.append(f"action {key} : choix réservé inconnu {choice!r}")
                if not kinds or any(kind not in TerritoryKind.values for kind in kinds):
                    problems.append(f"action {key} : types de collectivité inconnus pour {choice!r}")
            if step.get("kind") == StepKind.LINK and not (step.get("link") or {}).get("url"):
                problems.append(f"action {key} : lien sans adresse")
    if problems:
        raise ContentError("Parcours invalide : " + " ; ".join(problems))


def validate_diagnostic_data(data: dict) -> None:
    """Raise ContentError listing every problem of a DIAGNOSTIC dict."""
    problems = []
    dimension_keys = {dimension["key"] for dimension in data.get("dimensions", [])}
    if not dimension_keys:
        problems.append("aucune dimension")
    seen: set[str] = set()
    for question in data.get("questions", []):
        key = question.get("key", "")
        if key in seen:
            problems.append(f"question {key} en double")
        seen.add(key)
        if question.get("dimension") not in dimension_keys:
            problems.append(f"question {key} : dimension inconnue {question.get('dimension')!r}")
        # A choice without a score is a « non concerné » answer (at most one), left out of the scores.
        choices = question.get("choices", [])
        scores = [choice.get("score") for choice in choices if choice.get("score") is not None]
        if len(scores) < 2 or any(not isinstance(score, int) or not 0 <= score <= 3 for score in scores):
            problems.append(f"question {key} : réponses notées de 0 à 3 attendues")
        if len(choices) - len(scores) > 1:
            problems.append(f"question {key} : une seule réponse « non concerné » possible")
    if problems:
        raise ContentError("Diagnostic invalide : " + " ; ".join(problems))


@transaction.atomic
def load_template(data: dict) -> tuple[JourneyTemplate, bool]:
    """Create (and publish) the template from data unless this exact data was already loaded."""
    validate_template_data(data)
    digest = _hash(data)
    existing = JourneyTemplate.objects.filter(slug=data["slug"], source_hash=digest).first()
    if existing:
        return existing, False
    if kept := _editors_version(JourneyTemplate, data["slug"]):
        return kept, False
    previous = JourneyTemplate.objects.filter(slug=data["slug"]).order_by("-version").first()
    template = JourneyTemplate.objects.create(
        slug=data["slug"],
        name=data["name"],
        description=data.get("description", ""),
        version_note=data.get("version_note", "")[:300],
        version=(previous.version + 1) if previous else 1,
        supersedes=previous,
        status=TemplateStatus.PUBLISHED,
        published_at=timezone.now(),
        source_hash=digest,
    )
    for stage_order, stage_data in enumerate(data["stages"], start=1):
        stage = Stage.objects.create(
            template=template,
            order=stage_order,
            key=stage_data["key"],
            name=stage_data["name"],
            summary=stage_data.get("summary", ""),
            requires_validation=bool(stage_data.get("requires_validation", False)),
        )
        Step.objects.bulk_create(
            Step(
                stage=stage,
                order=order,
                key=step["key"],
                kind=step["kind"],
                title=step["title"],
                help=step.get("help", ""),
                required=bool(step.get("required", True)),
                choices=list(step.get("choices") or []),
                choice_kinds=dict(step.get("choices_for") or {}),
                link=dict(step.get("link") or {}),
                deliverable_hint=step.get("deliverable_hint", "")[:200],
            )
            for order, step in enumerate(stage_data["steps"], start=1)
        )
    return template, True


@transaction.atomic
def load_diagnostic(data: dict) -> tuple[Diagnostic, bool]:
    """Create (and publish) the diagnostic from data unless this exact data was already loaded."""
    validate_diagnostic_data(data)
    digest = _hash(data)
    existing = Diagnostic.objects.filter(slug=data["slug"], source_hash=digest).first()
    if existing:
        return existing, False
    if kept := _editors_version(Diagnostic, data["slug"]):
        return kept, False
    previous = Diagnostic.objects.filter(slug=data["slug"]).order_by("-version").first()
    diagnostic = Diagnostic.objects.create(
        slug=data["slug"],
        name=data["name"],
        description=data.get("description", ""),
        version=(previous.version + 1) if previous else 1,
        supersedes=previous,
        status=TemplateStatus.PUBLISHED,
        published_at=timezone.now(),
        source_hash=digest,
    )
    dimensions = {}
    for order, dimension_data in enumerate(data["dimensions"], start=1):
        dimension = Dimension.objects.create(
            diagnostic=diagnostic,
            order=order,
            key=dimension_data["key"],
            name=dimension_data["name"],
            description=dimension_data.get("description", ""),
        )
        dimensions[dimension.key] = dimension
        Recommendation.objects.bulk_create(
            Recommendation(
                dimension=dimension,
                order=position,
                below=int(item["below"]),
                title=item["title"],
                text=item["text"],
                links=list(item.get("links") or []),
            )
            for position, item in enumerate(dimension_data.get("recommendations", []), start=1)
        )
    Question.objects.bulk_create(
        Question(
            diagnostic=diagnostic,
            dimension=dimensions[question["dimension"]],
            order=order,
            key=question["key"],
            text=question["text"],
            help=question.get("help", ""),
            weight=int(question.get("weight", 1)),
            choices=list(question["choices"]),
        )
        for order, question in enumerate(data["questions"], start=1)
    )
    return diagnostic, True


def _editors_version(model, slug: str):
    """The version bootstrap must leave current, if an editor is at work in the administration: their latest
    published version (no source hash: bootstrap only publishes with one), or, while a draft newer than every
    published version is in progress, the published version it will replace — publishing the draft must win."""
    latest = model.objects.filter(slug=slug).order_by("-version").first()
    if latest is not None and latest.status == TemplateStatus.DRAFT:
        return model.objects.latest_published(slug)
    return latest if latest is not None and not latest.source_hash else None


def _state(model, obj, created: bool) -> str:
    if created:
        return "chargé"
    if model.objects.filter(slug=obj.slug, status=TemplateStatus.DRAFT, version__gt=obj.version).exists():
        return "brouillon en cours dans l’administration, versions publiées laissées telles quelles"
    if not obj.source_hash:
        return "version publiée dans l’administration, conservée"
    return "déjà à jour"


def _filled_in(value, path: Path):
    """`value` with every {{ ai_act.marker }} replaced by its text (AI_ACT_TEXTS), in French typography: authors
    type plain spaces, the non-breaking ones before « : ; ! ? » and inside guillemets are added here."""
    if isinstance(value, str):
        return french_typography(PLACEHOLDER.sub(lambda match: _ai_act_text(match.group(1), path), value))
    if isinstance(value, list):
        return [_filled_in(item, path) for item in value]
    if isinstance(value, dict):
        return {key: _filled_in(item, path) for key, item in value.items()}
    return value


def _ai_act_text(name: str, path: Path) -> str:
    if name not in AI_ACT_TEXTS:
        raise ContentError(f"{path.name} : texte {{{{ ai_act.{name} }}}} inconnu ({', '.join(AI_ACT_TEXTS)})")
    return AI_ACT_TEXTS[name]()


@cache
def _shipped(path: Path) -> dict | None:
    """A shipped content file with its AI Act texts filled in, read once per process; None when it is absent."""
    if not path.exists():
        return None
    return _filled_in(datafiles.load(path), path)


def shipped_template() -> dict | None:
    """The journey template « Parcours IA & données » (parcours_ia_donnees.yaml)."""
    return _shipped(TEMPLATE_FILE)


def shipped_diagnostic() -> dict | None:
    """The maturity diagnostic (diagnostic_maturite.yaml)."""
    return _shipped(DIAGNOSTIC_FILE)


def shipped_ethics_check() -> dict | None:
    """The ethics check questionnaire, AIPD criteria, AI Act levels and guidance texts (cadrage_ethique.yaml)."""
    return _shipped(ETHICS_FILE)


def load_default_content(stdout=None) -> None:
    """Load « Parcours IA & données » and the maturity diagnostic from the content files (idempotent)."""
    for path, model, loader, label in (
        (TEMPLATE_FILE, JourneyTemplate, load_template, "parcours"),
        (DIAGNOSTIC_FILE, Diagnostic, load_diagnostic, "diagnostic"),
    ):
        data = _shipped(path)
        if data is None:
            if stdout:
                stdout.write(f"Contenu absent ({path.name}) : {label} non chargé.\n")
            continue
        obj, created = loader(data)
        if stdout:
            stdout.write(f"{obj} : {_state(model, obj, created)}.\n")
    refreshed = refresh_ethics_results()
    if stdout and refreshed:
        stdout.write(f"Cadrages éthiques réévalués avec les règles en vigueur : {refreshed}.\n")


@cache
def ethics_rules() -> dict:
    """The rules table of the ethics check (cadrage_ethique_regles.yaml), read once per process."""
    return datafiles.load(ETHICS_RULES_FILE)


def ethics_content() -> dict:
    """The ethics check questionnaire (cadrage_ethique.yaml) with its rules table under "rules"."""
    content = shipped_ethics_check() or {
        "questions": [],
        "aipd_criteria": [],
        "ai_act_levels": {},
        "guidance": {},
    }
    return {**content, "rules": ethics_rules()}


def refresh_ethics_results() -> int:
    """Re-evaluate the saved ethics checks whose result differs under the current rules and texts (deploys)."""
    content = ethics_content()
    changed = []
    for check in EthicsCheck.objects.only("pk", "answers", "result").iterator():
        result = ethics.evaluate(content, check.answers or {})
        if result != check.result:
            check.result = result
            changed.append(check)
    EthicsCheck.objects.bulk_update(changed, ["result"], batch_size=500)
    if changed:  # no signal from bulk_update: the project pages show these results
        every_project_page_changed()
    return len(changed)
