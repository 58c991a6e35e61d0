"""What the journeys app holds about a person, for the RGPD export (accounts.rgpd).

Each section gives what the person themselves wrote: projects they created, comments, step answers, files
(listed: name, size, date, project; never their content), diagnostic and ethics answers. The answers come from
the history tables, version by version, so another member's later edit neither hides the person's answer nor
shows up in their export.

An export must not tell what happened in an organisation after the person left it (or for ANCT staff, in a
project they no longer follow): for a project of an organisation they are not a member of today, the project's
title is the one it had when the person acted (from the project's history), never today's.
"""

from collections import defaultdict
from datetime import datetime

from django.db.models import Q

from accounts.models import Organisation
from accounts.permissions import organisations_of
from accounts.rgpd import iso, register_exporter
from journeys.content.loader import ethics_content
from journeys.enums import StepKind
from journeys.models import Comment, DiagnosticResponse, EthicsCheck, Project, Question, StepAnswer
from journeys.services import stored_answer

ANSWER_LABELS = {"text": "texte", "choice": "choix", "choices": "choix", "checked": "coche", "note": "precisions"}
QUESTIONNAIRE_KINDS = (StepKind.DIAGNOSTIC, StepKind.ETHICS_CHECK)
YES_NO = [{"key": "oui", "label": "Oui"}, {"key": "non", "label": "Non"}]


class _Projects:
    """Titles and organisations of projects as the person may see them (see the module docstring)."""

    def __init__(self, user, project_ids) -> None:
        self.member_of = set(organisations_of(user).values_list("pk", flat=True))
        self.current = {
            p.pk: p for p in Project.objects.filter(pk__in=set(project_ids)).select_related("organisation")
        }
        self.history = defaultdict(list)
        for record in Project.history.filter(id__in=set(project_ids)).order_by("history_date", "history_id"):
            self.history[record.id].append(record)
        organisation_ids = {records[-1].organisation_id for records in self.history.values()}
        self.organisations = dict(Organisation.objects.filter(pk__in=organisation_ids).values_list("pk", "name"))

    def _record_at(self, project_id: int, at: datetime):
        records = self.history.get(project_id, [])
        earlier = [record for record in records if record.history_date <= at]
        # The first record is written a moment after the project's creation date: it is the title as created.
        return earlier[-1] if earlier else (records[0] if records else None)

    def describe(self, project_id: int, at: datetime) -> dict:
        """{"projet": title, "collectivite": name} of the project as the person may know it at `at`."""
        project = self.current.get(project_id)
        record = self._record_at(project_id, at)
        organisation_id = project.organisation_id if project else (record.organisation_id if record else None)
        if project is not None and organisation_id in self.member_of:
            title = project.title
        else:
            title = record.title if record else ""
        return {"projet": title, "collectivite": self.organisations.get(organisation_id, "")}


def _own_versions(history, user):
    """History rows saved by `user` (their own edits; a back-office revert by someone else is not theirs)."""
    return (
        history.filter(updated_by=user)
        .exclude(history_type="-")
        .filter(Q(history_user__isnull=True) | Q(history_user=user))
        .order_by("history_date", "history_id")
    )


def _readable(value: dict) -> dict:
    return {ANSWER_LABELS.get(key, key): item for key, item in (value or {}).items()}


@register_exporter
def projets_crees(user) -> list[dict]:
    projects = list(Project.objects.filter(created_by=user).order_by("created_at"))
    described = _Projects(user, [project.pk for project in projects])
    return [
        {**described.describe(project.pk, project.created_at), "le": iso(project.created_at)} for project in projects
    ]


@register_exporter
def commentaires(user) -> list[dict]:
    comments = list(Comment.objects.filter(author=user).order_by("created_at"))
    described = _Projects(user, [comment.project_id for comment in comments])
    return [
        {
            **described.describe(comment.project_id, comment.created_at),
            "texte": comment.body,
            "le": iso(comment.created_at),
        }
        for comment in comments
    ]


@register_exporter
def reponses_aux_actions(user) -> list[dict]:
    """Every version of a step answer the person saved (questionnaires have their own sections)."""
    versions = list(
        _own_versions(StepAnswer.history, user)
        .exclude(step__kind__in=QUESTIONNAIRE_KINDS)
        .select_related("step__stage")
    )
    described = _Projects(user, [version.project_id for version in versions])
    return [
        {
            **described.describe(version.project_id, version.history_date),
            "etape": version.step.stage.name,
            "action": version.step.title,
            "reponse": _readable(version.value),
            "fait": version.done,
            "le": iso(version.history_date),
        }
        for version in versions
    ]


@register_exporter
def fichiers_deposes(user) -> list[dict]:
    """The files the person uploaded (a version whose file differs from the one before), without their content."""
    own = dict(_own_versions(StepAnswer.history, user).exclude(file="").values_list("history_id", "id"))
    uploads = []
    previous: dict[int, str] = {}
    rows = StepAnswer.history.filter(id__in=set(own.values())).select_related("step")
    for row in rows.order_by("id", "history_date", "history_id"):
        if row.file and row.file != previous.get(row.id) and row.history_id in own:
            uploads.append(row)
        previous[row.id] = row.file
    described = _Projects(user, [row.project_id for row in uploads])
    return [
        {
            "nom": row.file_name,
            "taille_octets": row.file_size,
            "le": iso(row.history_date),
            **described.describe(row.project_id, row.history_date),
            "action": row.step.title,
        }
        for row in sorted(uploads, key=lambda row: row.history_date)
    ]


def _changed_by(history, user) -> list[tuple]:
    """(version, answers that version changed) for each version of a questionnaire the person saved."""
    own = dict(_own_versions(history, user).values_list("history_id", "id"))
    changes = []
    previous: dict[int, dict] = {}
    for row in history.filter(id__in=set(own.values())).order_by("id", "history_date", "history_id"):
        before = previous.get(row.id, {})
        if row.history_id in own:
            changed = {key: value for key, value in (row.answers or {}).items() if before.get(key) != value}
            if changed:
                changes.append((row, changed))
        previous[row.id] = row.answers or {}
    return sorted(changes, key=lambda change: change[0].history_date)


@register_exporter
def reponses_au_diagnostic(user) -> list[dict]:
    """The diagnostic answers the person chose (the question and the answer's label), answer by answer."""
    changes = _changed_by(DiagnosticResponse.history, user)
    diagnostic_ids = {row.diagnostic_id for row, _changed in changes}
    questions = {
        (question.diagnostic_id, question.key): question
        for question in Question.objects.filter(diagnostic_id__in=diagnostic_ids)
    }
    described = _Projects(user, [row.project_id for row, _changed in changes])
    result = []
    for row, changed in changes:
        for key, score in changed.items():
            question = questions.get((row.diagnostic_id, key))
            labels = {stored_answer(choice): choice["label"] for choice in question.choices} if question else {}
            result.append(
                {
                    **described.describe(row.project_id, row.history_date),
                    "question": question.text if question else key,
                    "reponse": labels.get(score, score),
                    "le": iso(row.history_date),
                }
            )
    return result


@register_exporter
def reponses_au_cadrage_ethique(user) -> list[dict]:
    """The ethics and legal check answers the person chose, answer by answer."""
    changes = _changed_by(EthicsCheck.history, user)
    questions = {question["key"]: question for question in ethics_content().get("questions", [])}
    described = _Projects(user, [row.project_id for row, _changed in changes])
    result = []
    for row, changed in changes:
        for key, value in changed.items():
            question = questions.get(key, {})
            choices = question.get("choices") or (YES_NO if question.get("kind", "yes_no") == "yes_no" else [])
            labels = {choice["key"]: choice.get("label", choice["key"]) for choice in choices}
            chosen = value if isinstance(value, list) else [value]
            result.append(
                {
                    **described.describe(row.project_id, row.history_date),
                    "question": question.get("text", key),
                    "reponse": ", ".join(str(labels.get(item, item)) for item in chosen),
                    "le": iso(row.history_date),
                }
            )
    return result
