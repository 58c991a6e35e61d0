"""Every write of the journeys app, with its rule, one module per concern. Errors carry a French message shown as is
to the user.

- errors: the refusals (JourneyError and its kinds);
- history: the project history line and the project lock;
- projects: creating a project and editing its presentation;
- gates: stage gates (reached, forward, back, ANCT validation and its voiding);
- progress: progress of a stage and diagnostic scoring (pure);
- saving: the one save skeleton of a member's work and the one stale-edit error;
- answers, diagnostic, ethics_check: the three kinds of work saved through it;
- uploads: deliverable files accepted for what their content is;
- shortlist, comments: the solution shortlist and project comments;
- versioning: journey and diagnostic versions (administration).

Callers import from here (`from journeys import services`); the modules import each other directly, never this
package.
"""

from journeys.services.answers import MAX_TEXT_LENGTH, offered_choices, save_step_answer
from journeys.services.comments import MAX_COMMENT_LENGTH, add_comment
from journeys.services.diagnostic import save_diagnostic
from journeys.services.errors import (
    InvalidAnswerError,
    JourneyError,
    NoTemplateError,
    SkipAheadError,
    StageIncompleteError,
    StageLockedError,
    StepNotInProjectError,
    UploadRefusedError,
)
from journeys.services.ethics_check import save_ethics_check
from journeys.services.gates import advance_stage, go_back_to_stage, validate_stage
from journeys.services.progress import (
    NOT_CONCERNED,
    StageProgress,
    choice_value,
    compute_scores,
    recommendations_for,
    stage_progress,
    stored_answer,
)
from journeys.services.projects import create_project, update_project
from journeys.services.saving import STALE_EDIT_MESSAGE, StaleEditError
from journeys.services.shortlist import (
    SHORTLIST_STAGE_KEY,
    choose_shortlisted,
    remove_from_shortlist,
    shortlist_service,
)
from journeys.services.uploads import (
    ALLOWED_EXTENSIONS,
    ARCHIVE_REFUSED,
    MAX_ARCHIVE_ENTRIES,
    MAX_ARCHIVE_INFLATED_BYTES,
    MAX_CENTRAL_DIRECTORY_BYTES,
    MAX_UPLOAD_BYTES,
    UPLOAD_REFUSED,
    check_upload,
    delete_file_on_commit,
    detect_file_type,
)
from journeys.services.versioning import (
    new_diagnostic_version,
    new_template_version,
    publish_diagnostic,
    publish_template,
)

# The names of the three stale-edit errors this one replaced, kept for the callers that catch them.
StaleAnswerError = StaleDiagnosticError = StaleEthicsCheckError = StaleEditError

__all__ = [
    "ALLOWED_EXTENSIONS",
    "ARCHIVE_REFUSED",
    "MAX_ARCHIVE_ENTRIES",
    "MAX_ARCHIVE_INFLATED_BYTES",
    "MAX_CENTRAL_DIRECTORY_BYTES",
    "MAX_COMMENT_LENGTH",
    "MAX_TEXT_LENGTH",
    "MAX_UPLOAD_BYTES",
    "NOT_CONCERNED",
    "SHORTLIST_STAGE_KEY",
    "STALE_EDIT_MESSAGE",
    "UPLOAD_REFUSED",
    "InvalidAnswerError",
    "JourneyError",
    "NoTemplateError",
    "SkipAheadError",
    "StageIncompleteError",
    "StageLockedError",
    "StageProgress",
    "StaleAnswerError",
    "StaleDiagnosticError",
    "StaleEditError",
    "StaleEthicsCheckError",
    "StepNotInProjectError",
    "UploadRefusedError",
    "add_comment",
    "advance_stage",
    "check_upload",
    "choice_value",
    "choose_shortlisted",
    "compute_scores",
    "create_project",
    "delete_file_on_commit",
    "detect_file_type",
    "go_back_to_stage",
    "new_diagnostic_version",
    "new_template_version",
    "offered_choices",
    "publish_diagnostic",
    "publish_template",
    "recommendations_for",
    "remove_from_shortlist",
    "save_diagnostic",
    "save_ethics_check",
    "save_step_answer",
    "shortlist_service",
    "stage_progress",
    "stored_answer",
    "update_project",
    "validate_stage",
]
