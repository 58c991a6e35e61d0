"""Every write of the journeys app, with its rule. Errors carry a French message shown as is to the user."""

import struct
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.files.storage import Storage
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import Organisation, User
from journeys import emails, ethics, signals
from journeys.content.loader import ethics_content
from journeys.enums import EventKind, StepKind, TemplateStatus, TransitionKind
from journeys.markup import render_markdown
from journeys.models import (
    Comment,
    Diagnostic,
    DiagnosticResponse,
    EthicsCheck,
    JourneyTemplate,
    Project,
    ProjectEvent,
    ProjectShortlist,
    Question,
    Recommendation,
    Stage,
    StageTransition,
    StageValidation,
    Step,
    StepAnswer,
)
from journeys.selectors import current_template

MAX_UPLOAD_BYTES = settings.UPLOAD_MAX_BYTES
MAX_TEXT_LENGTH = 10_000
MAX_COMMENT_LENGTH = 5_000
SHORTLIST_STAGE_KEY = "solution"


class JourneyError(Exception):
    """A rule of the journey refused the action; the message is French and shown to the user."""


class NoTemplateError(JourneyError):
    pass


class StepNotInProjectError(JourneyError):
    pass


class StageLockedError(JourneyError):
    pass


class InvalidAnswerError(JourneyError):
    pass


class UploadRefusedError(InvalidAnswerError):
    pass


class StageIncompleteError(JourneyError):
    pass


class SkipAheadError(JourneyError):
    pass


class StaleAnswerError(JourneyError):
    """Someone saved the step since the form was opened: `current` is their version."""

    def __init__(self, message: str, *, current: StepAnswer) -> None:
        super().__init__(message)
        self.current = current


class StaleDiagnosticError(JourneyError):
    """Someone saved the diagnostic since the form was opened: `current` is their saved response (or None)."""

    def __init__(self, message: str, *, current: DiagnosticResponse | None) -> None:
        super().__init__(message)
        self.current = current


class StaleEthicsCheckError(JourneyError):
    """Someone saved the ethics check since the form was opened: `current` is their saved check (or None)."""

    def __init__(self, message: str, *, current: EthicsCheck | None) -> None:
        super().__init__(message)
        self.current = current


# --- Progress (pure) -------------------------------------------------------------------------------------------


@dataclass
class StageProgress:
    stage: Stage
    required: int = 0
    done: int = 0
    missing: list[Step] = field(default_factory=list)
    validated: bool = False
    # ANCT had validated it, then its answers or files changed: it needs a new validation.
    revalidate: bool = False

    @property
    def steps_complete(self) -> bool:
        return not self.missing

    @property
    def complete(self) -> bool:
        return self.steps_complete and (self.validated or not self.stage.requires_validation)


def stage_progress(
    stage: Stage,
    answers: dict[int, StepAnswer],
    validated_stage_ids: Iterable[int],
    voided_stage_ids: Iterable[int] = (),
) -> StageProgress:
    """Required steps done for a stage whose steps are prefetched (no query)."""
    validated = stage.pk in set(validated_stage_ids)
    progress = StageProgress(
        stage=stage, validated=validated, revalidate=not validated and stage.pk in set(voided_stage_ids)
    )
    for step in stage.steps.all():
        if not step.required:
            continue
        progress.required += 1
        answer = answers.get(step.pk)
        if answer is not None and answer.done:
            progress.done += 1
        else:
            progress.missing.append(step)
    return progress


def _stage_progress_from_db(project: Project, stage: Stage) -> StageProgress:
    stage = Stage.objects.prefetch_related("steps").get(pk=stage.pk)
    answers = {a.step_id: a for a in project.answers.filter(step__stage=stage)}
    validated = project.validations.active().filter(stage=stage).values_list("stage_id", flat=True)
    return stage_progress(stage, answers, validated)


# --- Helpers ---------------------------------------------------------------------------------------------------


def _record(project: Project, *, kind: str, actor: User | None, message: str) -> None:
    ProjectEvent.objects.create(project=project, kind=kind, actor=actor, message=message[:300])
    Project.objects.filter(pk=project.pk).update(last_activity_at=timezone.now())


def _step_of(project: Project, step_id: int) -> Step:
    step = Step.objects.select_related("stage").filter(pk=step_id, stage__template_id=project.template_id).first()
    if step is None:
        raise StepNotInProjectError(
            "Cette action n’appartient pas au parcours de ce projet : rien n’a été enregistré."
        )
    return step


def _stage_of(project: Project, stage_id: int) -> Stage:
    stage = Stage.objects.filter(pk=stage_id, template_id=project.template_id).first()
    if stage is None:
        raise StepNotInProjectError("Cette étape n’appartient pas au parcours de ce projet.")
    return stage


def _locked_project(project: Project) -> Project:
    return Project.objects.select_for_update().select_related("current_stage").get(pk=project.pk)


def _void_validation(*, project: Project, stage: Stage, user: User, change: str) -> StageValidation | None:
    """A change to the answers or files of a stage ANCT validated voids that validation (call it under the project
    lock, once the change is known to be real). Returns the voided validation, None when there was none.

    The validation is kept, marked voided (who, when, `change`); the project history says so; the chargés de
    mission are emailed on commit. A project already past the stage is not moved back: the stage is flagged on the
    project page until ANCT validates it again (see docs/journeys.md).
    """
    validation = StageValidation.objects.select_for_update().active().filter(project=project, stage=stage).first()
    if validation is None:
        return None
    validation.voided_at = timezone.now()
    validation.voided_by = user
    validation.void_reason = change[:300]
    validation.save(update_fields=["voided_at", "voided_by", "void_reason"])
    _record(
        project,
        kind=EventKind.STAGE_VALIDATION_VOIDED,
        actor=user,
        message=f"{change} : la validation de l’étape « {stage.name} » par l’ANCT est annulée, "
        "l’étape doit être validée à nouveau",
    )
    transaction.on_commit(lambda: emails.send_validation_voided(validation_id=validation.pk))
    return validation


# --- Projects --------------------------------------------------------------------------------------------------


@transaction.atomic
def create_project(
    *,
    organisation: Organisation,
    title: str,
    description: str,
    public_concerned: str,
    themes: Iterable,
    created_by: User,
) -> Project:
    """Create a project on the latest published journey version, at its first stage. Raises NoTemplateError."""
    template = current_template()
    first_stage = template.stages.order_by("order").first() if template else None
    if first_stage is None:
        raise NoTemplateError("Aucun parcours n’est publié pour le moment : contactez l’ANCT.")
    project = Project.objects.create(
        organisation=organisation,
        title=title.strip(),
        description=description.strip(),
        public_concerned=public_concerned.strip(),
        template=template,
        current_stage=first_stage,
        created_by=created_by,
    )
    project.themes.set(list(themes))
    StageTransition.objects.create(project=project, to_stage=first_stage, kind=TransitionKind.START, by=created_by)
    _record(project, kind=EventKind.CREATED, actor=created_by, message=f"a créé le projet « {project.title} »")
    return project


@transaction.atomic
def update_project(
    *, project: Project, title: str, description: str, public_concerned: str, themes: Iterable, updated_by: User
) -> Project:
    """Update the project's presentation (title, description, public, themes) and record who did it."""
    project.title = title.strip()
    project.description = description.strip()
    project.public_concerned = public_concerned.strip()
    project.save(update_fields=["title", "description", "public_concerned", "updated_at"])
    project.themes.set(list(themes))
    _record(project, kind=EventKind.UPDATED, actor=updated_by, message="a modifié la présentation du projet")
    return project


# --- Step answers ----------------------------------------------------------------------------------------------


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


# Allowed deliverables: detected from the content (magic bytes), never from the name or the browser's type.
ALLOWED_EXTENSIONS = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv",
    "txt": "text/plain",
}
UPLOAD_REFUSED = (
    "Ce type de fichier n’est pas accepté. Formats acceptés : PDF, PNG, JPEG, ODT, ODS, DOCX, XLSX, CSV ou TXT."
)


# Office documents are zip archives. Their check reads the central directory and a bounded prefix of one entry,
# never a whole entry: a 300 KB "document" may inflate to gigabytes (zip bomb). What the archive declares is capped;
# zipfile never inflates an entry past its declared size.
MAX_ARCHIVE_ENTRIES = 2_000
MAX_ARCHIVE_INFLATED_BYTES = 100 * 1024 * 1024
MAX_CENTRAL_DIRECTORY_BYTES = 1024 * 1024
ARCHIVE_REFUSED = (
    "Ce fichier est une archive anormale : elle se décompresse en plus de 100\u00a0Mo ou contient plus de 2\u00a0000 "
    "fichiers. "
    "Enregistrez le document à nouveau depuis votre logiciel de bureautique, ou déposez-le en PDF."
)
_END_OF_CENTRAL_DIRECTORY = struct.Struct("<4s4H2LH")
_OFFICE_MIMETYPES = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
}


def _central_directory_fits(upload: UploadedFile) -> bool:
    """The archive's own end record announces a directory small enough to parse (before zipfile parses it)."""
    upload.seek(0, 2)
    size = upload.tell()
    tail_size = min(size, _END_OF_CENTRAL_DIRECTORY.size + 65_535)  # the record and its longest comment
    upload.seek(size - tail_size)
    tail = upload.read(tail_size)
    position = tail.rfind(b"PK\x05\x06")
    if position < 0 or len(tail) - position < _END_OF_CENTRAL_DIRECTORY.size:
        return True  # not a readable archive: zipfile says so
    fields = _END_OF_CENTRAL_DIRECTORY.unpack_from(tail, position)
    entries, directory_bytes = fields[4], fields[5]
    return entries <= MAX_ARCHIVE_ENTRIES and directory_bytes <= MAX_CENTRAL_DIRECTORY_BYTES


def _sniff_zip(upload: UploadedFile) -> str | None:
    """The office format of a zip archive, or None. Raises UploadRefusedError for a zip bomb."""
    if not _central_directory_fits(upload):
        raise UploadRefusedError(ARCHIVE_REFUSED)
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ARCHIVE_ENTRIES or sum(e.file_size for e in entries) > MAX_ARCHIVE_INFLATED_BYTES:
                raise UploadRefusedError(ARCHIVE_REFUSED)
            names = {entry.filename for entry in entries}
            if "mimetype" in names:
                with archive.open("mimetype") as entry:
                    mimetype = entry.read(100)  # a bounded read: at most 100 bytes are inflated
                return _OFFICE_MIMETYPES.get(mimetype.decode("ascii", "replace").strip())
            if "[Content_Types].xml" in names:
                if any(name.startswith("word/") for name in names):
                    return "docx"
                if any(name.startswith("xl/") for name in names):
                    return "xlsx"
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError, OSError, EOFError, KeyError):
        return None  # corrupt, encrypted or of an unknown compression: not an accepted document
    return None


def detect_file_type(upload: UploadedFile) -> str | None:
    """The extension matching the file's content (magic bytes), or None when it is not an allowed type."""
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(upload)
    if b"\x00" in head:
        return None
    try:
        upload.seek(0)
        sample = upload.read(64 * 1024)
        upload.seek(0)
        sample.decode("utf-8")
    except UnicodeDecodeError:
        try:
            sample.decode("cp1252")
        except UnicodeDecodeError:
            return None
    return "text"


def check_upload(upload: UploadedFile) -> tuple[str, str]:
    """(extension, content type) of an acceptable upload. Raises UploadRefusedError with a French message."""
    if upload.size is None or upload.size == 0:
        raise UploadRefusedError("Le fichier est vide.")
    if upload.size > MAX_UPLOAD_BYTES:
        raise UploadRefusedError("Le fichier dépasse la taille maximale de 10 Mo.")
    name = upload.name or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ALLOWED_EXTENSIONS:
        raise UploadRefusedError(UPLOAD_REFUSED)
    detected = detect_file_type(upload)
    compatible = detected == extension or (detected == "jpg" and extension == "jpeg")
    if detected == "text":
        compatible = extension in {"csv", "txt"}
    if not compatible:
        raise UploadRefusedError(
            "Le contenu du fichier ne correspond pas à son extension ou à un format accepté "
            "(PDF, PNG, JPEG, ODT, ODS, DOCX, XLSX, CSV ou TXT)."
        )
    return extension, ALLOWED_EXTENSIONS[extension]


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
    StaleAnswerError when someone saved the step since `expected_version` (nothing is overwritten).
    """
    step = _step_of(project, step_id)
    project = _locked_project(project)
    if step.stage.order > project.current_stage.order:
        raise StageLockedError(
            f"L’étape « {step.stage.name} » n’est pas encore ouverte : terminez d’abord l’étape en cours. "
            "Rien n’a été enregistré."
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

    answer = StepAnswer.objects.select_for_update().filter(project=project, step=step).first()
    current_version = answer.version if answer else 0
    if current_version != expected_version:
        raise StaleAnswerError(
            "Quelqu’un a enregistré cette action pendant que vous la modifiiez : comparez les deux versions "
            "et choisissez celle à garder.",
            current=answer,
        )
    if answer is None:
        answer = StepAnswer(project=project, step=step)
    old_file = answer.file.name or ""
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
        done = bool(answer.file)
    new_file = answer.file.name or ""
    try:
        if before != (value, done, new_file):
            _void_validation(project=project, stage=step.stage, user=user, change=change)
        answer.value = value
        answer.done = done
        answer.version = current_version + 1
        answer.updated_by = user
        try:
            with transaction.atomic():
                answer.save()
        except IntegrityError as error:  # created concurrently by someone else
            current = StepAnswer.objects.get(project=project, step=step)
            raise StaleAnswerError(
                "Quelqu’un a enregistré cette action au même moment : comparez les deux versions.", current=current
            ) from error
        _record(project, kind=EventKind.STEP_SAVED, actor=user, message=f"a renseigné « {step.title} »")
    except Exception:
        if new_file and new_file != old_file:  # nothing refers to the file just stored
            answer.file.storage.delete(new_file)
        raise
    if old_file and old_file != new_file:
        # The replaced or removed file leaves the storage once the new state is committed, never before: a
        # rolled back save keeps the row pointing at it.
        delete_file_on_commit(answer.file.storage, old_file)
    return answer


def delete_file_on_commit(storage: Storage, name: str) -> None:
    """Delete `name` from `storage` (the storage API, so the same on disk or on object storage) after commit."""
    transaction.on_commit(lambda: storage.delete(name))


# --- Stages ----------------------------------------------------------------------------------------------------


@transaction.atomic
def advance_stage(*, project: Project, user: User, target_stage_id: int | None = None) -> Stage:
    """Move to the next stage once the current one is complete. Raises SkipAheadError, StageIncompleteError."""
    project = _locked_project(project)
    current = project.current_stage
    next_stage = (
        Stage.objects.filter(template_id=project.template_id, order__gt=current.order).order_by("order").first()
    )
    if next_stage is None:
        raise SkipAheadError("Le projet est déjà à la dernière étape du parcours.")
    if target_stage_id is not None and target_stage_id != next_stage.pk:
        raise SkipAheadError(
            f"Impossible de sauter une étape : l’étape suivante est « {next_stage.name} ». Rien n’a été modifié."
        )
    progress = _stage_progress_from_db(project, current)
    if not progress.steps_complete:
        titles = " ; ".join(f"« {step.title} »" for step in progress.missing)
        raise StageIncompleteError(f"L’étape « {current.name} » n’est pas terminée. Reste à faire : {titles}.")
    if current.requires_validation and not progress.validated:
        raise StageIncompleteError(
            f"L’étape « {current.name} » doit être validée par un chargé de mission de l’ANCT avant de continuer."
        )
    project.current_stage = next_stage
    project.save(update_fields=["current_stage", "updated_at"])
    StageTransition.objects.create(
        project=project, from_stage=current, to_stage=next_stage, kind=TransitionKind.FORWARD, by=user
    )
    message = f"a fait passer le projet à l’étape «\u00a0{next_stage.name}\u00a0»"  # agrees with no one
    _record(project, kind=EventKind.STAGE_FORWARD, actor=user, message=message)
    return next_stage


@transaction.atomic
def go_back_to_stage(*, project: Project, user: User, stage_id: int, reason: str) -> Stage:
    """Return to an earlier stage; the reason is required and recorded. Raises JourneyError."""
    reason = (reason or "").strip()
    if not reason:
        raise JourneyError("Indiquez pourquoi vous revenez à une étape précédente.")
    project = _locked_project(project)
    stage = _stage_of(project, stage_id)
    current = project.current_stage
    if stage.order >= current.order:
        raise SkipAheadError("On ne peut revenir qu’à une étape précédente.")
    project.current_stage = stage
    project.save(update_fields=["current_stage", "updated_at"])
    StageTransition.objects.create(
        project=project, from_stage=current, to_stage=stage, kind=TransitionKind.BACK, by=user, reason=reason[:2000]
    )
    message = f"a ramené le projet à l’étape «\u00a0{stage.name}\u00a0»\u00a0: {reason}"
    _record(project, kind=EventKind.STAGE_BACK, actor=user, message=message)
    return stage


@transaction.atomic
def validate_stage(*, project: Project, user: User, stage_id: int) -> StageValidation:
    """Record an ANCT validation of a reached stage whose required steps are done. Idempotent."""
    project = _locked_project(project)
    stage = _stage_of(project, stage_id)
    if stage.order > project.current_stage.order:
        raise StageLockedError("Cette étape n’est pas encore ouverte.")
    if not stage.requires_validation:
        raise JourneyError("Cette étape ne demande pas de validation.")
    progress = _stage_progress_from_db(project, stage)
    if not progress.steps_complete:
        raise StageIncompleteError("Les actions obligatoires de cette étape ne sont pas toutes faites.")
    validation, created = StageValidation.objects.active().get_or_create(
        project=project, stage=stage, defaults={"validated_by": user}
    )
    if created:
        _record(project, kind=EventKind.STAGE_VALIDATED, actor=user, message=f"a validé l’étape « {stage.name} »")
    return validation


# --- Comments --------------------------------------------------------------------------------------------------


@transaction.atomic
def add_comment(*, project: Project, author: User, body: str) -> Comment:
    """Add a comment (Markdown subset, sanitised) and notify, after commit, the members who want it."""
    body = (body or "").strip()
    if not body:
        raise JourneyError("Le commentaire est vide.")
    if len(body) > MAX_COMMENT_LENGTH:
        raise JourneyError(f"Le commentaire est trop long ({MAX_COMMENT_LENGTH} caractères au plus).")
    comment = Comment.objects.create(project=project, author=author, body=body, body_html=render_markdown(body))
    _record(project, kind=EventKind.COMMENT, actor=author, message="a publié un commentaire")
    transaction.on_commit(lambda: emails.send_comment_notification(comment_id=comment.pk))
    return comment


# --- Diagnostic ------------------------------------------------------------------------------------------------

# The stored answer of a choice without a score (« non concerné ») : recorded, left out of the scores.
NOT_CONCERNED = "nc"


def choice_value(choice: dict) -> str:
    """The form value of a diagnostic choice: its score, or NOT_CONCERNED for a choice without one."""
    return NOT_CONCERNED if choice.get("score") is None else str(choice["score"])


def stored_answer(choice: dict) -> int | str:
    """What an answer stores: the score (int), or NOT_CONCERNED."""
    return NOT_CONCERNED if choice.get("score") is None else choice["score"]


def compute_scores(diagnostic: Diagnostic, answers: dict) -> tuple[dict[str, int | None], int | None]:
    """Scores per dimension (0–100, None when nothing answered) and overall (mean of answered dimensions).

    dimension = 100 * sum(weight * score) / sum(weight * max score) over answered questions.
    The diagnostic must have dimensions__questions prefetched.
    """
    scores: dict[str, int | None] = {}
    for dimension in diagnostic.dimensions.all():
        earned = possible = 0
        for question in dimension.questions.all():
            if question.key not in answers or answers[question.key] == NOT_CONCERNED:
                continue
            top = max(choice["score"] for choice in question.choices if choice.get("score") is not None) or 3
            earned += question.weight * int(answers[question.key])
            possible += question.weight * top
        scores[dimension.key] = round(100 * earned / possible) if possible else None
    answered = [score for score in scores.values() if score is not None]
    overall = round(sum(answered) / len(answered)) if answered else None
    return scores, overall


def recommendations_for(diagnostic: Diagnostic, scores: dict) -> list[dict]:
    """For each weak dimension, the recommendations of the tightest threshold above its score."""
    result = []
    for dimension in diagnostic.dimensions.all():
        score = scores.get(dimension.key)
        if score is None:
            continue
        applicable = [r for r in dimension.recommendations.all() if score < r.below]
        if not applicable:
            continue
        tightest = min(r.below for r in applicable)
        result.append(
            {"dimension": dimension, "score": score, "items": [r for r in applicable if r.below == tightest]}
        )
    return result


def _mark_kind_done(*, project: Project, kind: str, done: bool, user: User, value: dict) -> None:
    for step in Step.objects.filter(stage__template_id=project.template_id, kind=kind):
        answer, _created = StepAnswer.objects.get_or_create(project=project, step=step)
        answer.done = done
        answer.value = value
        answer.version += 1
        answer.updated_by = user
        answer.save()


@transaction.atomic
def save_diagnostic(
    *, project: Project, user: User, diagnostic: Diagnostic, raw_answers: dict, expected_version: int
) -> DiagnosticResponse:
    """Save the maturity answers (partial allowed), compute scores; complete when every question is answered.

    The diagnostic must be prefetched (selectors.diagnostic_with_questions). Raises InvalidAnswerError,
    StageLockedError or StaleDiagnosticError when someone saved since `expected_version` (nothing is overwritten).
    """
    project = _locked_project(project)
    diagnostic_stage = Stage.objects.filter(template_id=project.template_id, steps__kind=StepKind.DIAGNOSTIC).first()
    if diagnostic_stage is not None and diagnostic_stage.order > project.current_stage.order:
        raise StageLockedError("L’étape Diagnostic n’est pas encore ouverte : terminez d’abord l’étape en cours.")
    # Read under the project lock taken above: concurrent saves of this project are serialised.
    response = DiagnosticResponse.objects.filter(project=project).select_related("updated_by").first()
    current_version = response.version if response else 0
    if current_version != expected_version:
        raise StaleDiagnosticError(
            "Quelqu’un a enregistré le diagnostic pendant que vous le remplissiez : rien n’a été enregistré. "
            "Comparez les réponses ci-dessous, puis enregistrez à nouveau pour garder les vôtres.",
            current=response,
        )
    if response is not None and response.diagnostic_id != diagnostic.pk:
        diagnostic = _prefetched(response.diagnostic_id)  # pinned to the version it started on
    answers = dict(response.answers) if response else {}
    previous = dict(answers)
    questions = [q for dimension in diagnostic.dimensions.all() for q in dimension.questions.all()]
    for question in questions:
        raw = raw_answers.get(question.key)
        if raw in (None, ""):
            continue
        allowed = {choice_value(choice): stored_answer(choice) for choice in question.choices}
        if str(raw) not in allowed:
            raise InvalidAnswerError(
                f"Réponse non prévue à la question « {question.text} » : rien n’a été enregistré."
            )
        answers[question.key] = allowed[str(raw)]
    scores, overall = compute_scores(diagnostic, answers)
    complete = all(question.key in answers for question in questions)
    if response is None:
        response = DiagnosticResponse(project=project, diagnostic=diagnostic)
    response.answers = answers
    response.scores = scores
    response.overall = overall
    response.version = current_version + 1
    response.updated_by = user
    just_completed = complete and response.completed_at is None
    if just_completed:
        response.completed_at = timezone.now()
    response.save()
    if answers != previous and diagnostic_stage is not None:
        _void_validation(
            project=project, stage=diagnostic_stage, user=user, change="a modifié les réponses au diagnostic"
        )
    _mark_kind_done(project=project, kind=StepKind.DIAGNOSTIC, done=complete, user=user, value={"overall": overall})
    message = "a terminé le diagnostic de maturité" if complete else "a enregistré des réponses au diagnostic"
    _record(project, kind=EventKind.DIAGNOSTIC, actor=user, message=message)
    if just_completed:
        # reports listens (automatic report); in this transaction, so the report exists iff the completion does.
        signals.diagnostic_completed.send(sender=Project, project=project, user=user)
    return response


def _prefetched(diagnostic_id: int) -> Diagnostic:
    return Diagnostic.objects.prefetch_related("dimensions__questions", "dimensions__recommendations").get(
        pk=diagnostic_id
    )


# --- Ethics check ----------------------------------------------------------------------------------------------


@transaction.atomic
def save_ethics_check(*, project: Project, user: User, raw_answers: dict, expected_version: int) -> EthicsCheck:
    """Save the ethics & legal check answers and their evaluated result.

    Raises InvalidAnswerError, StageLockedError or StaleEthicsCheckError when someone saved since
    `expected_version` (nothing is overwritten)."""
    project = _locked_project(project)
    ethics_stage = Stage.objects.filter(template_id=project.template_id, steps__kind=StepKind.ETHICS_CHECK).first()
    if ethics_stage is not None and ethics_stage.order > project.current_stage.order:
        raise StageLockedError("L’étape Cadrage n’est pas encore ouverte : terminez d’abord l’étape en cours.")
    content = ethics_content()
    answers, errors = ethics.clean_answers(content, raw_answers)
    if errors:
        raise InvalidAnswerError(" ".join(errors) + " Rien n’a été enregistré.")
    # Read under the project lock taken above: concurrent saves of this project are serialised.
    check = EthicsCheck.objects.filter(project=project).select_related("updated_by").first()
    current_version = check.version if check else 0
    if current_version != expected_version:
        raise StaleEthicsCheckError(
            "Quelqu’un a enregistré le cadrage éthique et juridique pendant que vous le remplissiez : rien n’a été "
            "enregistré. Comparez les réponses ci-dessous, puis enregistrez à nouveau pour garder les vôtres.",
            current=check,
        )
    if check is None:
        check = EthicsCheck(project=project)
    if ethics_stage is not None and answers != (check.answers or {}):
        _void_validation(
            project=project, stage=ethics_stage, user=user, change="a modifié le cadrage éthique et juridique"
        )
    check.answers = answers
    check.version = current_version + 1
    check.result = ethics.evaluate(content, answers)
    complete = ethics.is_complete(content, answers)
    check.completed_at = timezone.now() if complete else None
    check.updated_by = user
    check.save()
    _mark_kind_done(
        project=project,
        kind=StepKind.ETHICS_CHECK,
        done=complete,
        user=user,
        value={"level": check.result["ai_act"]["level"]},
    )
    _record(project, kind=EventKind.ETHICS, actor=user, message="a enregistré le cadrage éthique et juridique")
    return check


# --- Shortlist (issue 5) ---------------------------------------------------------------------------------------


def _solution_stage(project: Project) -> Stage | None:
    return Stage.objects.filter(template_id=project.template_id, key=SHORTLIST_STAGE_KEY).first()


def _check_solution_stage(project: Project) -> None:
    stage = _solution_stage(project)
    if stage is not None and stage.order > project.current_stage.order:
        raise StageLockedError("La présélection de solutions s’ouvre à l’étape « Choix de la solution ».")


def _shortlist_changed(project: Project, user: User, change: str) -> None:
    """The shortlist is part of the « Choix de la solution » stage's work: changing it voids its validation."""
    stage = _solution_stage(project)
    if stage is not None:
        _void_validation(project=project, stage=stage, user=user, change=change)


@transaction.atomic
def shortlist_service(*, project: Project, user: User, service, note: str = "") -> ProjectShortlist:
    """Add a published catalogue service to the project's shortlist (idempotent). Raises StageLockedError."""
    project = _locked_project(project)
    _check_solution_stage(project)
    if not service.is_published:
        raise JourneyError("Ce service n’est pas disponible.")
    item, created = ProjectShortlist.objects.get_or_create(
        project=project, service=service, defaults={"added_by": user, "note": (note or "").strip()[:300]}
    )
    if created:
        _record(project, kind=EventKind.SHORTLIST, actor=user, message=f"a présélectionné « {service.name} »")
        _shortlist_changed(project, user, f"a présélectionné « {service.name} »")
    return item


@transaction.atomic
def remove_from_shortlist(*, project: Project, user: User, item_id: int) -> None:
    """Remove a service from the shortlist of this project."""
    project = _locked_project(project)
    item = ProjectShortlist.objects.select_related("service").filter(project=project, pk=item_id).first()
    if item is None:
        raise StepNotInProjectError("Cette solution n’est pas dans la présélection du projet.")
    item.delete()
    _record(
        project, kind=EventKind.SHORTLIST, actor=user, message=f"a retiré « {item.service.name} » de la présélection"
    )
    _shortlist_changed(project, user, f"a retiré « {item.service.name} » de la présélection")


@transaction.atomic
def choose_shortlisted(*, project: Project, user: User, item_id: int) -> ProjectShortlist:
    """Record the solution retained among the shortlisted services (one at most)."""
    project = _locked_project(project)
    _check_solution_stage(project)
    item = ProjectShortlist.objects.select_related("service").filter(project=project, pk=item_id).first()
    if item is None:
        raise StepNotInProjectError("Cette solution n’est pas dans la présélection du projet.")
    ProjectShortlist.objects.filter(project=project, is_chosen=True).exclude(pk=item.pk).update(
        is_chosen=False, chosen_at=None
    )
    if not item.is_chosen:
        _shortlist_changed(project, user, f"a retenu la solution « {item.service.name} »")
    item.is_chosen = True
    item.chosen_at = timezone.now()
    item.save(update_fields=["is_chosen", "chosen_at"])
    _record(project, kind=EventKind.SHORTLIST, actor=user, message=f"a retenu la solution « {item.service.name} »")
    return item


# --- Template and diagnostic versions (back-office) ------------------------------------------------------------


@transaction.atomic
def new_template_version(*, template: JourneyTemplate) -> JourneyTemplate:
    """Copy a template (stages and steps) into a new draft version numbered after the latest one."""
    draft = JourneyTemplate.objects.create(
        slug=template.slug,
        name=template.name,
        description=template.description,
        version=_next_version(template),
        version_note="",
        supersedes=template,
    )
    for stage in template.stages.prefetch_related("steps"):
        steps = list(stage.steps.all())
        stage.pk = None
        stage.template = draft
        stage.save()
        for step in steps:
            step.pk = None
            step.stage = stage
        Step.objects.bulk_create(steps)
    return draft


def _next_version(content: JourneyTemplate | Diagnostic) -> int:
    versions = type(content).objects.filter(slug=content.slug).order_by("-version").values_list("version", flat=True)
    return versions[0] + 1


def _publish(content: JourneyTemplate | Diagnostic, *, is_empty: bool, empty_message: str):
    if content.status == TemplateStatus.PUBLISHED:
        raise JourneyError("Cette version est déjà publiée.")
    if is_empty:
        raise JourneyError(empty_message)
    content.status = TemplateStatus.PUBLISHED
    content.published_at = timezone.now()
    content.save(update_fields=["status", "published_at"])
    return content


@transaction.atomic
def publish_template(*, template: JourneyTemplate) -> JourneyTemplate:
    """Publish a draft: new projects start on it; running projects stay on their version. Raises JourneyError."""
    return _publish(
        template,
        is_empty=not Step.objects.filter(stage__template=template).exists(),
        empty_message="Une version sans étape ni action ne peut pas être publiée.",
    )


@transaction.atomic
def new_diagnostic_version(*, diagnostic: Diagnostic) -> Diagnostic:
    """Copy a diagnostic (dimensions, questions, recommendations) into a new draft version."""
    draft = Diagnostic.objects.create(
        slug=diagnostic.slug,
        name=diagnostic.name,
        description=diagnostic.description,
        version=_next_version(diagnostic),
        supersedes=diagnostic,
    )
    for dimension in diagnostic.dimensions.prefetch_related("questions", "recommendations"):
        questions = list(dimension.questions.all())
        recommendations = list(dimension.recommendations.all())
        dimension.pk = None
        dimension.diagnostic = draft
        dimension.save()
        for question in questions:
            question.pk = None
            question.diagnostic = draft
            question.dimension = dimension
        Question.objects.bulk_create(questions)
        for recommendation in recommendations:
            recommendation.pk = None
            recommendation.dimension = dimension
        Recommendation.objects.bulk_create(recommendations)
    return draft


@transaction.atomic
def publish_diagnostic(*, diagnostic: Diagnostic) -> Diagnostic:
    """Publish a draft diagnostic: projects that have not started the diagnostic will use it."""
    return _publish(
        diagnostic,
        is_empty=not diagnostic.questions.exists(),
        empty_message="Un diagnostic sans question ne peut pas être publié.",
    )
