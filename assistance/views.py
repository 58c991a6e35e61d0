"""The collectivité's side: ask for ingénierie from a project, « Mes demandes », a request with its thread."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from assistance import selectors, services
from assistance.doctrine import cost_rule_for, cost_rule_text, organisation_population
from assistance.enums import LocalActor, RequestKind, RequestStatus, Urgency
from assistance.forms import MessageForm, RequestForm, SatisfactionForm
from assistance.models import AssistanceRequest, RequestAttachment, Satisfaction
from assistance.permissions import (
    can_request_assistance,
    can_triage_request,
    can_view_request,
    can_write_as_collectivite,
)
from journeys.models import Project
from journeys.selectors import projects_visible_to

PAGE_SIZE = 20


def _project(request: HttpRequest, public_id) -> Project:
    project = (
        projects_visible_to(request.user)
        .select_related(
            "organisation__commune",
            "organisation__epci",
            "organisation__departement_territory",
            "organisation__region_territory",
            "current_stage",
        )
        .filter(public_id=public_id)
        .first()
    )
    if project is None:
        raise Http404("Projet introuvable.")
    return project


def _assistance_request(request: HttpRequest, public_id) -> AssistanceRequest:
    try:
        found = selectors.request_for_page(request.user, public_id)
    except AssistanceRequest.DoesNotExist as error:
        raise Http404("Demande introuvable.") from error
    if not can_view_request(request.user, found):  # defence in depth: the selector already scopes
        raise Http404("Demande introuvable.")
    return found


def page_of(queryset, request: HttpRequest, size: int):
    page = Paginator(queryset, size).get_page(request.GET.get("page"))
    # django-dsfr's pagination template expects the page list (its fallback branch uses an undefined label).
    page.pages_list = list(page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
    return page


@require_safe
def request_list(request: HttpRequest) -> HttpResponse:
    page = page_of(selectors.requests_of_member(request.user), request, PAGE_SIZE)
    return render(request, "assistance/request_list.html", {"page_obj": page})


@require_http_methods(["GET", "HEAD", "POST"])
def request_create(request: HttpRequest, public_id) -> HttpResponse:
    project = _project(request, public_id)
    if not can_request_assistance(request.user, project):
        raise PermissionDenied("Seuls les membres de la collectivité demandent un appui à l’ANCT.")
    organisation = project.organisation
    kind = request.GET.get("type", "")
    initial = {"kind": kind if kind in RequestKind.values else "", "urgency": Urgency.NORMAL}
    form = RequestForm(request.POST or None, request.FILES or None, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                created = services.submit_request(
                    project=project,
                    user=request.user,
                    kind=data["kind"],
                    need=data["need"],
                    urgency=data["urgency"],
                    local_support=data["local_support"],
                    local_actors=data["local_actors"],
                    local_answer=data["local_answer"],
                    themes=data["themes"],
                    uploads=data["attachments"],
                )
            except services.AssistanceError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    "Votre demande est transmise aux chargés de mission de l’ANCT qui couvrent votre territoire. "
                    "Vous serez prévenu par courriel de chaque étape.",
                )
                return redirect(created)
        status = 400
    population = organisation_population(organisation)
    context = {
        "project": project,
        "organisation": organisation,
        "population": population,
        "cost_text": cost_rule_text(cost_rule_for(organisation.kind, population)),
        "form": form,
    }
    return render(request, "assistance/request_form.html", context, status=status)


def satisfaction_of(found: AssistanceRequest):
    """The collectivité's opinion at closure, or None (the reverse one-to-one raises when absent)."""
    try:
        return found.satisfaction
    except Satisfaction.DoesNotExist:
        return None


def local_actor_labels(found: AssistanceRequest) -> list[str]:
    return [LocalActor(actor).label for actor in found.local_actors if actor in LocalActor.values]


def _detail_context(request: HttpRequest, found: AssistanceRequest, **forms) -> dict:
    is_member = can_write_as_collectivite(request.user, found)
    satisfaction = satisfaction_of(found)
    thread, attachments = selectors.thread_and_attachments(found)
    return {
        "assistance_request": found,
        "project": found.project,
        "theme_names": [theme.name for theme in found.themes.all()],
        "thread": thread,
        "attachments": attachments,
        "history": selectors.history_of(found),
        "mobilisations": selectors.mobilisations_of(found),
        "cost_text": cost_rule_text(found.cost_rule),
        "can_write": is_member,
        "is_anct": can_triage_request(request.user, found),
        "message_form": forms.get("message_form") or MessageForm(),
        "satisfaction": satisfaction,
        "local_actor_labels": local_actor_labels(found),
        "ask_satisfaction": is_member and found.status == RequestStatus.CLOSED and satisfaction is None,
        "satisfaction_form": forms.get("satisfaction_form") or SatisfactionForm(),
    }


@require_safe
def request_detail(request: HttpRequest, public_id) -> HttpResponse:
    found = _assistance_request(request, public_id)
    return render(request, "assistance/request_detail.html", _detail_context(request, found))


def _require_member(request: HttpRequest, found: AssistanceRequest) -> None:
    if not can_write_as_collectivite(request.user, found):
        raise PermissionDenied("Les chargés de mission répondent depuis l’espace ANCT.")


def post_message_form(request: HttpRequest, found: AssistanceRequest) -> MessageForm | None:
    """Bind the posted message and post it to the request's thread; None once posted, else the form with its errors.

    Shared by the collectivité's page and the espace ANCT: the access check is the caller's."""
    form = MessageForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.post_message(
                request=found,
                author=request.user,
                body=form.cleaned_data["body"],
                uploads=form.cleaned_data["attachments"],
            )
        except services.AssistanceError as error:
            form.add_error(None, str(error))
        else:
            return None
    return form


@require_POST
def message_create(request: HttpRequest, public_id) -> HttpResponse:
    found = _assistance_request(request, public_id)
    _require_member(request, found)
    form = post_message_form(request, found)
    if form is None:
        messages.success(request, "Votre message est envoyé à l’ANCT.")
        return redirect(f"{found.get_absolute_url()}#echanges")
    context = _detail_context(request, found, message_form=form)
    return render(request, "assistance/request_detail.html", context, status=400)


@require_POST
def satisfaction_create(request: HttpRequest, public_id) -> HttpResponse:
    found = _assistance_request(request, public_id)
    _require_member(request, found)
    form = SatisfactionForm(request.POST)
    if form.is_valid():
        try:
            services.answer_satisfaction(request=found, user=request.user, **form.cleaned_data)
        except services.AssistanceError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, "Merci pour votre avis : il aide l’ANCT à améliorer son appui.")
        return redirect(found)
    context = _detail_context(request, found, satisfaction_form=form)
    return render(request, "assistance/request_detail.html", context, status=400)


@require_safe
def attachment_download(request: HttpRequest, public_id, attachment_id: int) -> HttpResponse:
    found = _assistance_request(request, public_id)
    attachment = get_object_or_404(RequestAttachment, request=found, pk=attachment_id)
    # Attachments are capped at 10 Mo: read at once, so the file is closed before the response leaves.
    with attachment.file.open("rb") as handle:
        content = handle.read()
    response = HttpResponse(content, content_type=attachment.file_type or "application/octet-stream")
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=attachment.file_name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
