"""The project page's assembly: plain functions returning what journeys/views.py renders.

Most of the page (the journey, the stage shown, its steps, the history, the comments) depends only on the project's
data and on what the viewer may do there (edit, comment, validate). It is rendered once as a fragment and kept in the
cache under the project's version token (journeys/receivers.py moves it on every write that changes what the page
shows) and the viewer's role; each request then puts its own CSRF token into the fragment's forms and adds the
sections of the other apps (per user, journeys.extensions), rendered per request.
"""

import functools

from django.core.cache import cache
from django.db.models import prefetch_related_objects
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from common.dates import french_datetime
from common.fragments import version_tokens
from journeys import selectors, services
from journeys.enums import StepKind
from journeys.extensions import STAGE, SUMMARY, project_sections
from journeys.forms import ServiceSearchForm
from journeys.markup import render_markdown
from journeys.models import DiagnosticResponse, EthicsCheck, Project
from journeys.page_versions import PROJECT_PAGES, project_page_token
from journeys.permissions import can_comment_project, can_edit_project, can_validate_stage
from journeys.step_forms import FORM_KINDS, step_form

BODY_SECONDS = 24 * 3600

# Stand-ins rendered into the kept fragment and replaced per request. Neither can come from a user: comments are
# sanitised HTML without <input> or comments, answers are escaped.
_CSRF_STAND_IN = "csrf-token-of-the-request"
_CSRF_INPUT = format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">', _CSRF_STAND_IN)
_CSRF_INPUT_FORMAT = _CSRF_INPUT.replace(_CSRF_STAND_IN, "{}")
_SECTION_MARKS = {SUMMARY: "<!--journeys:sections:summary-->", STAGE: "<!--journeys:sections:stage-->"}


@functools.lru_cache(maxsize=1024)
def help_html(source: str) -> SafeString:
    """render_markdown of a step's or a question's help: a pure function of the text, and the same few hundred
    texts of the published versions come back on every page view (an immutable string, shared safely)."""
    return render_markdown(source)


# A step id no database holds: reversed once per page, then replaced by each step's id (tests/journeys/
# test_step_urls.py checks the result against reverse()); a reverse per step and per link cost ~0.1 ms each.
_STEP_SENTINEL = 987654321


def step_url(name: str, project: Project):
    url = reverse(name, kwargs={"public_id": project.public_id, "step_id": _STEP_SENTINEL})
    head, tail = url.split(f"/{_STEP_SENTINEL}/", 1)
    return lambda step_id: f"{head}/{step_id}/{tail}"


def step_items(
    project: Project,
    stage,
    answers,
    *,
    collectivite_kind: str,
    editable: bool,
    posted=None,
    errors=None,
    conflict=None,
) -> list[dict]:
    """What each step block of the stage shows. Ids are strings and dates are written here: the template then
    outputs them as they are (an int goes through number localisation, a date through the date filter)."""
    save_url = step_url("journeys:step_save", project)
    download_url = step_url("journeys:deliverable_download", project)
    items = []
    for step in stage.steps.all():
        answer = answers.get(step.pk)
        value = dict(answer.value) if answer else {}
        form = None
        if posted and posted.get("step_id") == step.pk:
            value = posted["value"]
            form = posted.get("form")  # refused: shown with what was typed and its errors
        step_editable = editable and step.kind in FORM_KINDS
        version = answer.version if answer else 0
        if step_editable and form is None:
            form = step_form(step, collectivite_kind, value=value, version=version)
        items.append(
            {
                "step": step,
                "pk": str(step.pk),
                "save_url": save_url(step.pk),
                "download_url": download_url(step.pk),
                "answer": answer,
                "updated_at": french_datetime(answer.updated_at) if answer else "",
                "help_html": help_html(step.help),
                "fields": form.render_fields(has_file=bool(answer and answer.file)) if step_editable else "",
                "version": version,
                "done": bool(answer and answer.done),
                "editable": step_editable,
                "error": (errors or {}).get(step.pk),
                "conflict": conflict if conflict and conflict["step"].pk == step.pk else None,
            }
        )
    return items


def _body_context(
    request: HttpRequest, project: Project, stages: list, selected_stage, roles: dict, *, posted, errors, conflict
) -> tuple[dict, str]:
    """What the page's body shows, and the error of the service search (its status is then 400)."""
    prefetch_related_objects([project], "themes")  # shown in the page's header (twice: test and loop)
    answers = selectors.answers_by_step(project)
    validated, voided = selectors.validated_and_voided_stage_ids(project)
    progress = [services.stage_progress(stage, answers, validated, voided) for stage in stages]
    current = project.current_stage
    selected = next(p for p in progress if p.stage.pk == selected_stage.pk)
    can_edit = roles["can_edit"]
    reached = selected.stage.order <= current.order
    next_stage = next((s for s in stages if s.order > current.order), None)
    current_progress = next(p for p in progress if p.stage.pk == current.pk)
    is_solution_stage = selected.stage.key == services.SHORTLIST_STAGE_KEY
    diagnostic_response = (
        DiagnosticResponse.objects.filter(project=project).select_related("diagnostic").first()
        if any(step.kind == StepKind.DIAGNOSTIC for step in selected.stage.steps.all())
        else None
    )
    can_shortlist = is_solution_stage and can_edit and reached
    search = ServiceSearchForm(request.GET)
    service_terms = search.cleaned_data["service_q"].strip() if search.is_valid() else ""
    service_search_error = " ".join(search.errors.get("service_q", []))
    context = {
        "project": project,
        "stages": progress,
        "selected": selected,
        "selected_is_current": selected.stage.pk == current.pk,
        "reached": reached,
        "items": step_items(
            project,
            selected.stage,
            answers,
            collectivite_kind=project.organisation.kind,
            editable=can_edit and reached,
            posted=posted,
            errors=errors,
            conflict=conflict,
        ),
        "current_index": current.order,
        "total_stages": len(stages),
        "next_stage": next_stage,
        "current_progress": current_progress,
        # The last stage is done and nothing waits for ANCT: the journey is over (« terminée », not « en cours »).
        "journey_finished": next_stage is None
        and not current_progress.missing
        and (not current.requires_validation or current_progress.validated),
        "to_revalidate": [p for p in progress if p.revalidate],
        "required_total": sum(p.required for p in progress),
        "required_done": sum(p.done for p in progress),
        "events": selectors.recent_event_rows(project),
        "comments": selectors.comment_rows(project),
        "earlier_stages": [s for s in stages if s.order < current.order],
        **roles,
        "diagnostic_response": diagnostic_response,
        "ethics_check": EthicsCheck.objects.filter(project=project).first(),
        "shortlist": list(selectors.shortlist_of(project)) if is_solution_stage else [],
        "is_solution_stage": is_solution_stage,
        "can_shortlist": can_shortlist,
        "service_terms": service_terms,
        "service_search_error": service_search_error,
        "service_candidates": selectors.shortlist_candidates(project, service_terms) if can_shortlist else [],
        # Marks where the sections of other apps go (they are per user: added to the fragment per request).
        "summary_sections": mark_safe(_SECTION_MARKS[SUMMARY]),  # noqa: S308 (a constant)
        "stage_sections": mark_safe(_SECTION_MARKS[STAGE]),  # noqa: S308 (a constant)
        "csrf_token": _CSRF_STAND_IN,
    }
    return context, service_search_error


def _body_key(project: Project, stage_key: str, roles: dict) -> str:
    project_token, shared_token = version_tokens(project_page_token(project.pk), PROJECT_PAGES)
    role = "".join("1" if allowed else "0" for allowed in roles.values())
    # The public id, not the primary key: a key never outlives its project into another one (a reused pk).
    return f"journeys:project-body:{project.public_id}:{project_token}:{shared_token}:{stage_key}:{role}"


def _personalised(body: str, request: HttpRequest, sections: dict[str, list[SafeString]]) -> SafeString:
    """The fragment with this request's CSRF token in its forms and this user's sections of other apps."""
    body = body.replace(_CSRF_INPUT, format_html(_CSRF_INPUT_FORMAT, get_token(request)))
    for place, mark in _SECTION_MARKS.items():
        # The first one only: the marks stand before the comments (were a comment to carry one, it stays text).
        body = body.replace(mark, "".join(sections.get(place, [])), 1)
    return mark_safe(body)  # noqa: S308 (rendered by the template engine, then escaped parts put in)


def project_page(
    request: HttpRequest, project: Project, *, stage_key=None, posted=None, errors=None, conflict=None
) -> tuple[dict, int]:
    """The context of journeys/project_detail.html and its status: 200, or 400 for a service search refused.

    The body is kept in the cache when it shows nothing of this request but the stage and the viewer's role: not
    when it carries a refused or conflicting answer, nor a search of the catalogue (the candidates are read from the
    catalogue each time), and only for a published journey (a draft's structure is read from the database).
    """
    stages = selectors.page_stages(project.template)
    current = next(s for s in stages if s.pk == project.current_stage_id)
    selected_stage = next((s for s in stages if s.key == stage_key), None) or current
    roles = {
        "can_edit": can_edit_project(request.user, project),
        "can_comment": can_comment_project(request.user, project),
        "can_validate": can_validate_stage(request.user, project),
    }
    reached = selected_stage.order <= current.order
    can_shortlist = selected_stage.key == services.SHORTLIST_STAGE_KEY and roles["can_edit"] and reached
    keep = (
        project.template.is_frozen
        and not (posted or errors or conflict or can_shortlist)
        and "service_q" not in request.GET  # a refused search answers 400, whoever asks
    )
    key = _body_key(project, selected_stage.key, roles) if keep else ""
    body = cache.get(key) if keep else None
    status = 200
    if body is None:
        context, search_error = _body_context(
            request, project, stages, selected_stage, roles, posted=posted, errors=errors, conflict=conflict
        )
        body = render_to_string("journeys/_project_body.html", context)
        if search_error:
            status = 400
        if keep:
            cache.set(key, body, BODY_SECONDS)
    sections = project_sections(request, project, selected_stage)
    return {"project": project, "body": _personalised(body, request, sections)}, status
