from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.permissions import has_staff_powers, organisations_of
from catalogue.selectors import CATALOGUE_PAGES
from common.forms import fits_database_id
from common.fragments import version_token
from journeys import pages, project_listing, questionnaire_pages, selectors, services
from journeys.content.loader import ethics_content
from journeys.enums import StepKind
from journeys.filters import ProjectFilter
from journeys.forms import (
    CommentForm,
    GoBackForm,
    ProjectForm,
    ProjectUpdateForm,
    ShortlistAddForm,
    StageAdvanceForm,
    StepAnswerForm,
)
from journeys.models import DiagnosticResponse, EthicsCheck, Project, StepAnswer
from journeys.permissions import can_comment_project, can_edit_project, can_validate_stage, can_view_project
from journeys.results import response_of, result_body
from journeys.step_forms import posted_step_form

PAGE_SIZE = 20


def _project(request: HttpRequest, public_id, related: tuple[str, ...] = selectors.PAGE_RELATIONS) -> Project:
    project = selectors.member_project(request.user, public_id, related)  # an ordinary member's: precompiled
    if project is None:
        try:
            project = selectors.project_for_page(request.user, public_id, related)
        except Project.DoesNotExist as error:
            raise Http404("Projet introuvable.") from error
    if not can_view_project(request.user, project):  # defence in depth: the selector already scopes
        raise Http404("Projet introuvable.")
    return project


def _page(queryset, request: HttpRequest, size: int):
    paginator = Paginator(queryset, size)
    head = None
    if request.GET.get("page") in (None, "", "1"):
        # Most lists fit on their first page: read one row more than a page, and when it does not come, the rows
        # read are the count (no COUNT query; the list pages run it on every visit otherwise).
        head = list(queryset[: size + 1])
        if len(head) <= size:
            paginator.count = len(head)
    page = paginator.get_page(request.GET.get("page"))
    if head is not None and page.number == 1:
        page.object_list = head[:size]
    # django-dsfr's pagination template expects the page list (its fallback branch uses an undefined label).
    page.pages_list = list(page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
    return page


def _require_edit(request: HttpRequest, project: Project) -> None:
    if not can_edit_project(request.user, project):
        raise PermissionDenied("Seuls les membres de la collectivité peuvent modifier ce projet.")


# --- « Mes projets » --------------------------------------------------------------------------------------------


@require_safe
def project_list(request: HttpRequest) -> HttpResponse:
    # Its form and filters only: the projects are read from the user's visible ones below. None as the list opens
    # (no query string): nothing to filter, and its form is written once per worker (project_listing).
    project_filter = ProjectFilter(request.GET, queryset=Project.objects.none()) if request.GET else None
    head = None
    if request.GET.get("page") in (None, "", "1"):
        head = project_listing.first_page_values(request.user, project_filter, PAGE_SIZE + 1)
    if head is not None and len(head) <= PAGE_SIZE:
        page = Paginator(head, PAGE_SIZE).page(1)  # the whole list: its rows are its count
        page.pages_list = [1]
    else:
        projects = project_listing.filtered_projects(request.user, project_filter)
        page = _page(project_listing.project_values(projects), request, PAGE_SIZE)
    rows = project_listing.project_rows(list(page.object_list))
    # The theme options: the catalogue's pages token moves on every theme saved or deleted.
    themes_version = version_token(CATALOGUE_PAGES)
    return render(
        request,
        "journeys/project_list.html",
        {
            "filter_fields": project_listing.filter_fields(project_filter, version=themes_version),
            "page_obj": page,
            "rows": rows,
            "rows_html": project_listing.rows_html(rows),
            "can_create": project_listing.may_create(request.user, head),
            "is_staff_reader": has_staff_powers(request.user),
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
def project_create(request: HttpRequest) -> HttpResponse:
    organisations = organisations_of(request.user)
    if not organisations.exists():
        raise PermissionDenied("Rattachez-vous d’abord à une collectivité pour créer un projet.")
    form = ProjectForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            project = services.create_project(
                organisation=form.cleaned_data["organisation"],
                title=form.cleaned_data["title"],
                description=form.cleaned_data["description"],
                public_concerned=form.cleaned_data["public_concerned"],
                themes=form.cleaned_data["themes"],
                created_by=request.user,
            )
        except services.JourneyError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Le projet est créé : commencez par l’étape « Mise à l’agenda ».")
            return redirect(project)
    return render(request, "journeys/project_form.html", {"form": form}, status=400 if form.errors else 200)


@require_http_methods(["GET", "HEAD", "POST"])
def project_update(request: HttpRequest, public_id) -> HttpResponse:
    project = _project(request, public_id)
    _require_edit(request, project)
    form = ProjectUpdateForm(request.POST or None, instance=project)
    if request.method == "POST" and form.is_valid():
        services.update_project(
            project=project,
            title=form.cleaned_data["title"],
            description=form.cleaned_data["description"],
            public_concerned=form.cleaned_data["public_concerned"],
            themes=form.cleaned_data["themes"],
            updated_by=request.user,
        )
        messages.success(request, "La présentation du projet est mise à jour.")
        return redirect(project)
    status = 400 if form.errors else 200
    return render(request, "journeys/project_update.html", {"form": form, "project": project}, status=status)


# --- Project page -----------------------------------------------------------------------------------------------


def _render_project(
    request: HttpRequest, project: Project, *, stage_key=None, posted=None, errors=None, conflict=None, status=200
) -> HttpResponse:
    context, page_status = pages.project_page(
        request, project, stage_key=stage_key, posted=posted, errors=errors, conflict=conflict
    )
    if posted and posted.get("form") is not None:
        context["step_form"] = posted["form"]  # its errors go to the page's error summary
    return render(request, "journeys/project_detail.html", context, status=page_status if status == 200 else status)


@require_safe
def project_detail(request: HttpRequest, public_id) -> HttpResponse:
    project = _project(request, public_id)
    return _render_project(request, project, stage_key=request.GET.get("etape"))


@require_safe
def project_history(request: HttpRequest, public_id) -> HttpResponse:
    project = _project(request, public_id)
    events = project.events.select_related("actor")
    page = _page(events, request, 50)
    transitions = project.transitions.select_related("from_stage", "to_stage", "by")[:100]
    context = {
        "project": project,
        "page_obj": page,
        "transitions": transitions,
        "validations": selectors.validations_of(project),
    }
    return render(request, "journeys/project_history.html", context)


def _step_stage_key(project: Project, step_id: int) -> str | None:
    stage = project.template.stages.filter(steps__pk=step_id).first()
    return stage.key if stage else None


@require_POST
def step_save(request: HttpRequest, public_id, step_id: int) -> HttpResponse:
    project = _project(request, public_id)
    _require_edit(request, project)
    form = posted_step_form(project, step_id, request.POST)
    if form is None:
        # Not one of this journey's steps answered here: the service refuses it with its own message.
        form = StepAnswerForm(request.POST)
        form.is_valid()
        data, expected = form.answer(), form.cleaned_data.get("version") or 0
    elif not form.is_valid():
        return _render_project(
            request,
            project,
            stage_key=form.step.stage.key,
            posted={"step_id": step_id, "value": form.posted_answer(), "form": form},
            errors={step_id: form.error_text()},
            status=400,
        )
    else:
        data, expected = form.answer(), form.expected_version()
    try:
        answer = services.save_step_answer(
            project=project,
            step_id=step_id,
            user=request.user,
            data=data,
            expected_version=expected,
            upload=request.FILES.get("file"),
        )
    except services.StaleAnswerError as error:
        theirs = error.current
        conflict = {"step": theirs.step if theirs else None, "theirs": theirs, "mine": data}
        if theirs is None:
            messages.error(request, str(error))
            return redirect(project)
        return _render_project(
            request,
            project,
            stage_key=theirs.step.stage.key,
            posted={"step_id": theirs.step_id, "value": data},
            conflict=conflict,
            errors={theirs.step_id: str(error)},
            status=409,
        )
    except services.InvalidAnswerError as error:
        return _render_project(
            request,
            project,
            stage_key=_step_stage_key(project, step_id),
            posted={"step_id": step_id, "value": data},
            errors={step_id: str(error)},
            status=400,
        )
    except services.JourneyError as error:
        messages.error(request, str(error))
        return redirect(project)
    messages.success(request, f"« {answer.step.title} » est enregistré.")
    return redirect(f"{project.get_absolute_url()}?etape={answer.step.stage.key}#action-{answer.step_id}")


@require_safe
def deliverable_download(request: HttpRequest, public_id, step_id: int) -> HttpResponse:
    project = _project(request, public_id)
    if not fits_database_id(step_id):  # a foreign key lookup would overflow on SQLite
        raise Http404("Aucun fichier pour cette action.")
    answer = get_object_or_404(StepAnswer.objects.select_related("step"), project=project, step_id=step_id)
    if not answer.file:
        raise Http404("Aucun fichier pour cette action.")
    # Deliverables are capped at 10 Mo: read at once, so the file is closed before the response leaves.
    with answer.file.open("rb") as handle:
        content = handle.read()
    response = HttpResponse(content, content_type=answer.file_type or "application/octet-stream")
    filename = answer.file_name or answer.file.name.rsplit("/", 1)[-1]
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
def stage_advance(request: HttpRequest, public_id) -> HttpResponse:
    project = _project(request, public_id)
    _require_edit(request, project)
    form = StageAdvanceForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Cette étape n’existe pas : rien n’a changé.")
        return redirect(project)
    try:
        stage = services.advance_stage(project=project, user=request.user, target_stage_id=form.cleaned_data["stage"])
    except services.JourneyError as error:
        messages.error(request, str(error))
        return redirect(project)
    messages.success(request, f"Le projet passe à l’étape « {stage.name} ».")
    return redirect(project)


@require_POST
def stage_back(request: HttpRequest, public_id) -> HttpResponse:
    project = _project(request, public_id)
    _require_edit(request, project)
    earlier = project.template.stages.filter(order__lt=project.current_stage.order)
    form = GoBackForm(request.POST, stages=earlier)
    if not form.is_valid():
        messages.error(request, "Choisissez l’étape et indiquez le motif du retour en arrière.")
        return redirect(project)
    try:
        stage = services.go_back_to_stage(
            project=project, user=request.user, stage_id=form.cleaned_data["stage"], reason=form.cleaned_data["reason"]
        )
    except services.JourneyError as error:
        messages.error(request, str(error))
        return redirect(project)
    messages.success(request, f"Le projet revient à l’étape « {stage.name} ».")
    return redirect(project)


@require_POST
def stage_validate(request: HttpRequest, public_id, stage_id: int) -> HttpResponse:
    project = _project(request, public_id)
    if not can_validate_stage(request.user, project):
        raise PermissionDenied("Seul un chargé de mission de l’ANCT couvrant ce territoire peut valider une étape.")
    try:
        services.validate_stage(project=project, user=request.user, stage_id=stage_id)
    except services.JourneyError as error:
        messages.error(request, str(error))
        return redirect(project)
    messages.success(request, "L’étape est validée.")
    return redirect(project)


@require_POST
def comment_create(request: HttpRequest, public_id) -> HttpResponse:
    project = _project(request, public_id)
    if not can_comment_project(request.user, project):
        raise PermissionDenied
    form = CommentForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Le commentaire est vide ou trop long (5 000 caractères au plus).")
        return redirect(f"{project.get_absolute_url()}#commentaires")
    try:
        services.add_comment(project=project, author=request.user, body=form.cleaned_data["body"])
    except services.JourneyError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "Votre commentaire est publié.")
    return redirect(f"{project.get_absolute_url()}#commentaires")


# --- Diagnostic ---------------------------------------------------------------------------------------------------


def _kind_reached(project: Project, kind: str) -> bool:
    """The stage holding this kind of step is the current one or an earlier one (or there is none)."""
    stage = project.template.stages.filter(steps__kind=kind).only("order").first()
    return stage is None or stage.order <= project.current_stage.order


def _diagnostic_for(project: Project):
    response = DiagnosticResponse.objects.filter(project=project).select_related("diagnostic").first()
    diagnostic = response.diagnostic if response else selectors.current_diagnostic()
    if diagnostic is None:
        raise Http404("Aucun diagnostic n’est publié pour le moment.")
    return selectors.page_diagnostic(diagnostic), response


@require_http_methods(["GET", "HEAD", "POST"])
def diagnostic_form(request: HttpRequest, public_id) -> HttpResponse:
    project = _project(request, public_id)
    diagnostic, response = _diagnostic_for(project)
    can_edit = can_edit_project(request.user, project) and _kind_reached(project, StepKind.DIAGNOSTIC)
    posted = request.method == "POST"
    if posted:
        _require_edit(request, project)
    form = questionnaire_pages.diagnostic_form_for(
        diagnostic, response, editable=can_edit, data=request.POST if posted else None
    )
    stale, theirs, status = "", None, 400 if posted else 200
    if posted and form.is_valid():
        try:
            response = services.save_diagnostic(
                project=project,
                user=request.user,
                diagnostic=diagnostic,
                raw_answers=form.answers(),
                expected_version=form.cleaned_data["version"],
            )
        except services.StaleDiagnosticError as exc:
            # Nothing saved: show their saved answers next to mine; the form keeps mine with the fresh version.
            stale, status, response = str(exc), 409, exc.current
            theirs = dict(response.answers) if response else {}
            form = form.after_stale_edit(theirs, response.version if response else 0)
        except services.JourneyError as exc:
            form.add_error(None, str(exc))
        else:
            if response.completed_at:
                messages.success(request, "Diagnostic terminé : voici vos résultats.")
                return redirect("journeys:diagnostic_result", public_id=project.public_id)
            messages.info(request, questionnaire_pages.diagnostic_saved_message(diagnostic, response))
            return redirect("journeys:diagnostic_form", public_id=project.public_id)
    page = questionnaire_pages.diagnostic_page(
        project=project, form=form, response=response, can_edit=can_edit, stale_error=stale, theirs=theirs
    )
    return render(request, "journeys/diagnostic_form.html", page, status=status)


@require_safe
def diagnostic_result(request: HttpRequest, public_id) -> HttpResponse:
    project = _project(request, public_id, related=("organisation",))
    response = response_of(project)
    if response is not None:
        diagnostic = selectors.page_diagnostic(response.diagnostic)
    else:
        diagnostic, response = _diagnostic_for(project)  # as the form: not found when none is published
    if response is None or not response.answers:
        messages.info(request, "Le diagnostic n’a pas encore de réponse.")
        return redirect("journeys:diagnostic_form", public_id=project.public_id)
    context = {"project": project, "body": result_body(project, diagnostic, response)}
    return render(request, "journeys/diagnostic_result.html", context)


# --- Ethics check -----------------------------------------------------------------------------------------------


@require_http_methods(["GET", "HEAD", "POST"])
def ethics_form(request: HttpRequest, public_id) -> HttpResponse:
    project = _project(request, public_id)
    content = ethics_content()
    check = EthicsCheck.objects.filter(project=project).first()
    can_edit = can_edit_project(request.user, project) and _kind_reached(project, StepKind.ETHICS_CHECK)
    posted = request.method == "POST"
    if posted:
        _require_edit(request, project)
    form = questionnaire_pages.ethics_form_for(
        content, check, editable=can_edit, data=request.POST if posted else None
    )
    stale, theirs, status = "", None, 400 if posted else 200
    if posted and form.is_valid():
        try:
            services.save_ethics_check(
                project=project,
                user=request.user,
                raw_answers=form.answers(),
                expected_version=form.cleaned_data["version"],
            )
        except services.StaleEthicsCheckError as exc:
            # Nothing saved: show their saved answers next to mine; the form keeps mine with the fresh version.
            stale, status, check = str(exc), 409, exc.current
            theirs = dict(check.answers) if check else {}
            form = form.after_stale_edit(theirs, check.version if check else 0)
        except services.JourneyError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Le cadrage éthique et juridique est enregistré.")
            return redirect(f"{reverse('journeys:ethics_form', kwargs={'public_id': project.public_id})}#resultat")
    page = questionnaire_pages.ethics_page(
        project=project, form=form, check=check, can_edit=can_edit, stale_error=stale, theirs=theirs
    )
    return render(request, "journeys/ethics_form.html", page, status=status)


# --- Shortlist (issue 5) ------------------------------------------------------------------------------------------


def _back_to_shortlist(project: Project) -> HttpResponse:
    return redirect(f"{project.get_absolute_url()}?etape={services.SHORTLIST_STAGE_KEY}#preselection")


@require_POST
def shortlist_add(request: HttpRequest, public_id) -> HttpResponse:
    project = _project(request, public_id)
    _require_edit(request, project)
    form = ShortlistAddForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    else:
        service = form.cleaned_data["service"]
        try:
            services.shortlist_service(
                project=project, user=request.user, service=service, note=form.cleaned_data["note"]
            )
        except services.JourneyError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"« {service.name} » est ajouté à la présélection.")
    return _back_to_shortlist(project)


@require_POST
def shortlist_choose(request: HttpRequest, public_id, item_id: int) -> HttpResponse:
    project = _project(request, public_id)
    _require_edit(request, project)
    try:
        item = services.choose_shortlisted(project=project, user=request.user, item_id=item_id)
    except services.JourneyError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"« {item.service.name} » est la solution retenue.")
    return _back_to_shortlist(project)


@require_POST
def shortlist_remove(request: HttpRequest, public_id, item_id: int) -> HttpResponse:
    project = _project(request, public_id)
    _require_edit(request, project)
    try:
        services.remove_from_shortlist(project=project, user=request.user, item_id=item_id)
    except services.JourneyError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "La solution est retirée de la présélection.")
    return _back_to_shortlist(project)
