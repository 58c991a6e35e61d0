"""What the two questionnaire pages show (maturity diagnostic, ethics check): their form's questions grouped as the
page lists them, each with its legend, its error and, after a save refused as someone else's edit (409), both
answers where they differ. The views only route the request; the forms (journeys.questionnaire_forms) validate."""

from django.forms import BoundField

from journeys import ethics, services
from journeys.models import Diagnostic, DiagnosticResponse, EthicsCheck, Project
from journeys.questionnaire_forms import DiagnosticForm, EthicsForm
from journeys.questionnaire_render import field_errors, fieldset_error_id

SECTION_LABELS = {
    "donnees_personnelles": "Données personnelles",
    "aipd": "Analyse d’impact (AIPD)",
    "ai_act": "Règlement européen sur l’IA (AI Act)",
    "transparence": "Transparence envers les usagers",
    "controle_humain": "Contrôle humain",
    "environnement": "Empreinte environnementale",
}
NO_ANSWER = "Sans réponse"


def _entry(question, field: BoundField, conflict: dict | None) -> dict:
    """One question of a page: its fieldset's legend, choices, error and 409 comparison."""
    return {
        "question": question,
        "field": field,
        "conflict": conflict,
        "errors": field_errors(field),
        "error_id": fieldset_error_id(field) if field.errors else "",
    }


# --- Diagnostic ---------------------------------------------------------------------------------------------------


def diagnostic_form_for(
    diagnostic: Diagnostic, response: DiagnosticResponse | None, *, editable: bool, data=None
) -> DiagnosticForm:
    """The form of the diagnostic as saved (`response`), bound to `data` when posted."""
    return DiagnosticForm(
        diagnostic,
        data,
        answers=dict(response.answers) if response else {},
        version=response.version if response else 0,
        editable=editable,
    )


def _diagnostic_rows(form: DiagnosticForm, *, theirs: dict | None, mine: dict | None) -> list[dict]:
    """Form rows per dimension; on a stale edit, each question where their saved answer differs from mine
    carries both labels (`conflict`). A blank answer of mine keeps theirs, so it is not a difference."""
    groups = []
    for dimension in form.diagnostic.dimensions.all():
        questions = []
        for q in dimension.questions.all():
            conflict = None
            their, my = str((theirs or {}).get(q.key, "")), str((mine or {}).get(q.key, ""))
            if theirs is not None and their and my and their != my:
                labels = {services.choice_value(choice): choice["label"] for choice in q.choices}
                conflict = {"theirs": labels.get(their, their), "mine": labels.get(my, my)}
            field = form[q.key]
            entry = _entry(q, field, conflict)
            entry["answer"] = field.value() or ""
            questions.append(entry)
        groups.append({"dimension": dimension, "questions": questions})
    return groups


def diagnostic_page(
    *,
    project: Project,
    form: DiagnosticForm,
    response: DiagnosticResponse | None,
    can_edit: bool,
    stale_error: str = "",
    theirs: dict | None = None,
) -> dict:
    """The diagnostic page's context; after a 409, `stale_error` and their saved answers (`theirs`)."""
    mine = None
    if theirs is not None and form.is_valid():  # it is: only valid answers reach the save that was refused
        mine = {key: value for key, value in form.answers().items() if value not in (None, "")}
    dimensions = _diagnostic_rows(form, theirs=theirs, mine=mine)
    return {
        "project": project,
        "diagnostic": form.diagnostic,
        "form": form,
        "dimensions": dimensions,
        "conflicts": [q for group in dimensions for q in group["questions"] if q["conflict"]],
        # Once started, the questions still without an answer, each linked (the saved count said how many only).
        "unanswered": [q["question"] for group in dimensions for q in group["questions"] if not q["answer"]]
        if response and response.answers
        else [],
        "stale": bool(stale_error),
        "can_edit": can_edit,
        "error": stale_error,
        "response": response,
    }


def diagnostic_saved_message(diagnostic: Diagnostic, response: DiagnosticResponse) -> str:
    """What a partial save says: how many questions are left."""
    missing = sum(1 for d in diagnostic.dimensions.all() for q in d.questions.all() if q.key not in response.answers)
    return f"Réponses enregistrées. Il reste {missing} question(s) sans réponse."


# --- Ethics check -------------------------------------------------------------------------------------------------


def ethics_form_for(content: dict, check: EthicsCheck | None, *, editable: bool, data=None) -> EthicsForm:
    """The form of the ethics check as saved (`check`), bound to `data` when posted."""
    return EthicsForm(
        content,
        data,
        answers=dict(check.answers) if check else {},
        version=check.version if check else 0,
        editable=editable,
    )


def _selected(value) -> list[str]:
    if isinstance(value, list):
        return [item for item in value if item]
    return [value] if value else []


def _labels(choices: list[dict], keys: list[str]) -> str:
    labels = {choice["key"]: choice.get("label", choice["key"]) for choice in choices}
    return ", ".join(labels.get(key, key) for key in keys) or NO_ANSWER


def _ethics_sections(form: EthicsForm, *, theirs: dict | None) -> list[dict]:
    """Form rows per section; on a stale edit, each question where their saved answer differs from the form's
    (mine, which replaces the whole questionnaire when saved) carries both labels (`conflict`)."""
    sections: dict[str, list] = {}
    for question in form.content.get("questions", []):
        field = form[question["key"]]
        conflict = None
        if theirs is not None:
            selected, their = _selected(field.value()), _selected(theirs.get(question["key"]))
            if sorted(their) != sorted(selected):
                choices = ethics.offered_choices(question)
                conflict = {"theirs": _labels(choices, their), "mine": _labels(choices, selected)}
        entry = _entry(question, field, conflict)
        sections.setdefault(question.get("section", ""), []).append(entry)
    return [{"key": key, "label": SECTION_LABELS.get(key, key), "items": items} for key, items in sections.items()]


def ethics_page(
    *,
    project: Project,
    form: EthicsForm,
    check: EthicsCheck | None,
    can_edit: bool,
    stale_error: str = "",
    theirs: dict | None = None,
) -> dict:
    """The ethics check page's context; after a 409, `stale_error` and their saved answers (`theirs`)."""
    sections = _ethics_sections(form, theirs=theirs)
    return {
        "project": project,
        "form": form,
        "sections": sections,
        "conflicts": [item for section in sections for item in section["items"] if item["conflict"]],
        "stale": bool(stale_error),
        "check": check,
        "can_edit": can_edit,
        "error": stale_error,
    }
