"""A step's answer: the value checked against the step's kind and the choices offered to the collectivité, and the
deliverable file, saved through the one save skeleton (journeys.services.saving)."""

from collections.abc import Iterable

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from accounts.models import User
from journeys.enums import EventKind, StepKind
from journeys.models import Project, Step, StepAnswer
from journeys.services.errors import InvalidAnswerError, StepNotInProjectError
from journeys.services.gates import require_reached
from journeys.services.history import locked_project
from journeys.services.saving import save_versioned
from journeys.services.uploads import check_upload, delete_file_on_commit

MAX_TEXT_LENGTH = 10_000


def offered_choices(step: Step, collectivite_kind: str, kept: Iterable[str] = ()) -> list[str]:
    """The step's choices offered to this kind of collectivité (a grant only to those it is for), plus `kept`.

    `kept` are choices already saved: an answer saved before a choice was reserved is never lost.
    """
    reserved = step.choice_kinds or {}
    kept = set(kept)
    return [c for c in step.choices if c in kept or collectivite_kind in reserved.get(c, [collectivite_kind])]


def _clean_value(step: Step, data: dict, offered: list[str] | None = None) -> tuple[dict, bool]:
    """Validate the posted data for the step's kind; returns (value, done). Raises InvalidAnswerError."""
    kind = step.kind
    offered = step.choices if offered is None else offered
    if kind == StepKind.TEXT:
        text = (data.get("text") or "").strip()
        if len(text) > MAX_TEXT_LENGTH:
            raise InvalidAnswerError(f"La réponse est trop longue ({MAX_TEXT_LENGTH} caractères au plus).")
        return {"text": text}, bool(text)
    if kind == StepKind.SINGLE_CHOICE:
        choice = data.get("choice") or ""
        if choice and choice not in offered:
            raise InvalidAnswerError("Cette réponse ne fait pas partie des choix proposés : rien n’a été enregistré.")
        return {"choice": choice}, bool(choice)
    if kind == StepKind.MULTIPLE_CHOICE:
        choices = [c for c in data.get("choices") or [] if c]
        if any(c not in offered for c in choices):
            raise InvalidAnswerError("Une réponse ne fait pas partie des choix proposés : rien n’a été enregistré.")
        ordered = [c for c in step.choices if c in choices]
        return {"choices": ordered}, bool(ordered)
    if kind in (StepKind.CHECKLIST, StepKind.LINK):
        checked = bool(data.get("checked"))
        note = (data.get("note") or "").strip()[:MAX_TEXT_LENGTH]
        return {"checked": checked, "note": note}, checked
    if kind == StepKind.DELIVERABLE:
        note = (data.get("note") or "").strip()[:MAX_TEXT_LENGTH]
        return {"note": note}, False
    raise InvalidAnswerError("Cette action se renseigne sur sa page dédiée.")


def _step_of(project: Project, step_id: int) -> Step:
    step = Step.objects.select_related("stage").filter(pk=step_id, stage__template_id=project.template_id).first()
    if step is None:
        raise StepNotInProjectError(
            "Cette action n’appartient pas au parcours de ce projet : rien n’a été enregistré."
        )
    return step


@transaction.atomic
def save_step_answer(
    *,
    project: Project,
    step_id: int,
    user: User,
    data: dict,
    expected_version: int,
    upload: UploadedFile | None = None,
) -> StepAnswer:
    """Save one step's answer. The step must be in the project's template and in a stage already reached.

    Raises StepNotInProjectError, StageLockedError, InvalidAnswerError (incl. UploadRefusedError) or
    StaleEditError when someone saved the step since `expected_version` (nothing is overwritten).
    """
    step = _step_of(project, step_id)
    project = locked_project(project)
    require_reached(
        project,
        step.stage,
        f"L’étape « {step.stage.name} » n’est pas encore ouverte : terminez d’abord l’étape en cours. "
        "Rien n’a été enregistré.",
    )
    offered = None
    if step.kind in (StepKind.SINGLE_CHOICE, StepKind.MULTIPLE_CHOICE) and step.choice_kinds:
        saved = StepAnswer.objects.filter(project=project, step=step).values_list("value", flat=True).first() or {}
        kept = saved.get("choices") or ([saved["choice"]] if saved.get("choice") else [])
        offered = offered_choices(step, project.organisation.kind, kept)
    value, done = _clean_value(step, data, offered)
    file_info = None
    if step.kind == StepKind.DELIVERABLE and upload is not None:
        file_info = check_upload(upload)
    files = {"old": "", "new": ""}  # the file the answer pointed at, and the one it points at once edited

    def apply(answer: StepAnswer | None) -> tuple[StepAnswer, str | None]:
        if answer is None:
            answer = StepAnswer(project=project, step=step)
        files["old"] = old_file = answer.file.name or ""
        before = (answer.value if answer.pk else _clean_value(step, {})[0], answer.done, old_file)
        change = f"a modifié « {step.title} »"
        if step.kind == StepKind.DELIVERABLE:
            if file_info is not None:
                extension, content_type = file_info
                original = (upload.name or "").replace("/", "_").replace("\\", "_").strip()
                answer.file_name = (original or f"livrable.{extension}")[:200]
                answer.file_type = content_type
                answer.file_size = upload.size
                # Stored under a neutral name: the user's file name is only kept as metadata.
                answer.file.save(f"livrable.{extension}", upload, save=False)
                if old_file:
                    change = f"a remplacé le fichier de « {step.title} »"
            elif data.get("remove_file") and old_file:
                answer.file = None
                answer.file_name = answer.file_type = ""
                answer.file_size = None
                change = f"a supprimé le fichier de « {step.title} »"
        files["new"] = answer.file.name or ""
        answer.value = value
        answer.done = bool(files["new"]) if step.kind == StepKind.DELIVERABLE else done
        return answer, change if before != (answer.value, answer.done, files["new"]) else None

    answer = StepAnswer.objects.select_for_update().filter(project=project, step=step).first()
    storage = StepAnswer._meta.get_field("file").storage
    try:
        answer = save_versioned(
            project=project,
            user=user,
            saved=answer,
            expected_version=expected_version,
            subject=f"la réponse à « {step.title} »",
            pronoun="la",
            apply=apply,
            reread=lambda: StepAnswer.objects.get(project=project, step=step),
            stage=step.stage,
            event=lambda _answer: (EventKind.STEP_SAVED, f"a renseigné « {step.title} »"),
        )
    except Exception:
        if files["new"] and files["new"] != files["old"]:  # nothing refers to the file just stored
            storage.delete(files["new"])
        raise
    if files["old"] and files["old"] != files["new"]:
        # The replaced or removed file leaves the storage once the new state is committed, never before: a
        # rolled back save keeps the row pointing at it.
        delete_file_on_commit(storage, files["old"])
    return answer
