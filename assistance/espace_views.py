"""The espace ANCT: the chargés de mission's pages, under one URL prefix, limited to the territory they cover.

Every view goes through `espace_view`: without an ANCT scope (accounts.permissions decides, second factor
included) the page is refused; inside, every object is looked up in the scope, so anything else is a 404.
"""

from functools import wraps

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from accounts import services as accounts_services
from accounts.models import Organisation
from assistance import espace_rows, espace_selectors, selectors, services
from assistance.doctrine import cost_rule_text
from assistance.filters import OrganisationFilter, ProjectFilter, RequestFilter
from assistance.forms import (
    AssignForm,
    MessageForm,
    MobilisationForm,
    ProgrammeForm,
    RejectForm,
    StatusForm,
    WaitingForm,
)
from assistance.models import AssistanceRequest
from assistance.permissions import can_use_espace
from assistance.views import local_actor_labels, page_of, post_message_form, satisfaction_of
from common.spreadsheet import csv_response, csv_streaming_response
from journeys.models import Project


def espace_view(view):
    """Refuse (403, with the reason) anyone the permission helpers give no ANCT scope."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not can_use_espace(request.user):
            return render(request, "espace/forbidden.html", {"is_staff": request.user.is_staff}, status=403)
        return view(request, *args, **kwargs)

    return wrapper


def _request(request: HttpRequest, public_id) -> AssistanceRequest:
    try:
        return espace_selectors.request_for_espace(request.user, public_id)
    except AssistanceRequest.DoesNotExist as error:
        raise Http404("Demande introuvable.") from error


# --- A request: triage ---------------------------------------------------------------------------------------------


def _render_request(request: HttpRequest, found: AssistanceRequest, *, status: int = 200, **forms) -> HttpResponse:
    allowed = services.allowed_transitions(found)
    staff = espace_selectors.assignable_staff(found)
    thread, attachments = selectors.thread_and_attachments(found)
    context = {
        "assistance_request": found,
        "project": found.project,
        "theme_names": found.theme_names,
        "thread": thread,
        "attachments": attachments,
        "history": selectors.history_of(found),
        "mobilisations": selectors.mobilisations_of(found),
        "satisfaction": satisfaction_of(found),
        "local_actor_labels": local_actor_labels(found),
        "cost_text": cost_rule_text(found.cost_rule),
        "status_form": forms.get("status_form") or (StatusForm(allowed=allowed) if allowed else None),
        "assign_form": forms.get("assign_form") or AssignForm(staff=staff, initial={"assignee": found.assigned_to_id}),
        "mobilisation_form": forms.get("mobilisation_form")
        or MobilisationForm(experts=espace_selectors.experts_for(found)),
        "can_mobilise": found.status in services.MOBILISABLE_STATUSES,
        "message_form": forms.get("message_form") or MessageForm(),
        "waiting_form": forms.get("waiting_form") or WaitingForm(),
        "is_open": found.status in services.OPEN_STATUSES,
        "is_followed": found.is_followed,
        "section": "requests",
    }
    return render(request, "espace/request_detail.html", context, status=status)


@require_safe
@espace_view
def request_detail(request: HttpRequest, public_id) -> HttpResponse:
    return _render_request(request, _request(request, public_id))


@require_POST
@espace_view
def request_status(request: HttpRequest, public_id) -> HttpResponse:
    found = _request(request, public_id)
    form = StatusForm(request.POST, allowed=services.allowed_transitions(found))
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.change_status(
                request=found,
                user=request.user,
                to_status=data["status"],
                note=data["note"],
                redirected_to=data["redirected_to"],
                refusal_reason=data["refusal_reason"],
                outcome=data["outcome"],
            )
        except services.AssistanceError as error:
            form.add_error(None, str(error))
        else:
            found.refresh_from_db()
            messages.success(request, f"La demande est désormais « {found.get_status_display()} ».")
            return redirect(found.get_espace_url())
    else:
        form.add_error(
            None, "Ce changement de statut n’est pas possible depuis le statut actuel : rien n’a été modifié."
        )
    return _render_request(request, found, status=400, status_form=form)


@require_POST
@espace_view
def request_assign(request: HttpRequest, public_id) -> HttpResponse:
    found = _request(request, public_id)
    form = AssignForm(request.POST, staff=espace_selectors.assignable_staff(found))
    if form.is_valid():
        try:
            services.assign_request(request=found, user=request.user, assignee=form.cleaned_data["assignee"])
        except services.AssistanceError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "L’attribution est enregistrée.")
            return redirect(found.get_espace_url())
    return _render_request(request, found, status=400, assign_form=form)


@require_POST
@espace_view
def request_mobilise(request: HttpRequest, public_id) -> HttpResponse:
    found = _request(request, public_id)
    form = MobilisationForm(request.POST, experts=espace_selectors.experts_for(found))
    if form.is_valid():
        expert = form.cleaned_data["expert"]
        try:
            services.mobilise_expert(
                request=found, user=request.user, expert=expert, reason=form.cleaned_data["reason"]
            )
        except services.AssistanceError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"{expert.name} est mobilisé : un courriel lui résume la demande.")
            return redirect(found.get_espace_url())
    return _render_request(request, found, status=400, mobilisation_form=form)


@require_POST
@espace_view
def request_message(request: HttpRequest, public_id) -> HttpResponse:
    found = _request(request, public_id)
    form = post_message_form(request, found)
    if form is None:
        messages.success(request, "Votre message est envoyé à la collectivité.")
        return redirect(f"{found.get_espace_url()}#echanges")
    return _render_request(request, found, status=400, message_form=form)


@require_POST
@espace_view
def request_waiting(request: HttpRequest, public_id) -> HttpResponse:
    found = _request(request, public_id)
    form = WaitingForm(request.POST)
    if form.is_valid():
        try:
            services.wait_for_collectivite(
                request=found, user=request.user, waiting_for=form.cleaned_data["waiting_for"]
            )
        except services.AssistanceError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "La collectivité est prévenue ; elle sera relancée jusqu’à sa réponse.")
            return redirect(found.get_espace_url())
    return _render_request(request, found, status=400, waiting_form=form)


@require_POST
@espace_view
def request_follow(request: HttpRequest, public_id) -> HttpResponse:
    found = _request(request, public_id)
    follow = request.POST.get("follow") == "1"
    services.set_follow(user=request.user, request=found, follow=follow)
    messages.success(request, "Vous suivez cette demande." if follow else "Vous ne suivez plus cette demande.")
    return redirect(found.get_espace_url())


# --- Home ------------------------------------------------------------------------------------------------------


def _home_urls() -> dict[str, str]:
    urls = espace_rows.urls_of("espace:request_list", "espace:organisation_list", "espace:project_list")
    requests, organisations, projects = (
        urls["espace:request_list"],
        urls["espace:organisation_list"],
        urls["espace:project_list"],
    )
    return {
        "new": f"{requests}?suivi=nouvelles",
        "overdue": f"{requests}?suivi=en_retard",
        "escalated": f"{requests}?suivi=escaladees",
        "opinions": f"{requests}?suivi=avis_cadrage",
        "no_reaction": f"{requests}?suivi=sans_reaction",
        "pending": f"{organisations}?statut=pending",
        "validation": f"{projects}?suivi=validation",
        "inactive": f"{projects}?suivi=inactifs&tri=activite",
        "projects_no_reaction": f"{projects}?suivi=sans_reaction",
        "list": requests,
    }


@require_safe
@espace_view
def home(request: HttpRequest) -> HttpResponse:
    previous = services.record_espace_visit(user=request.user)
    data = espace_selectors.home_for(request.user, previous_visit=previous, urls=_home_urls())
    return render(request, "espace/home.html", {"home": data, "section": "home"})


# --- Lists and their CSV exports -------------------------------------------------------------------------------

LIST_PAGE_SIZE = 25


def _filtered(request: HttpRequest, filter_class, queryset):
    """The bound FilterSet and its result; 404 for a territory outside the scope, errors kept for the page."""
    bound = filter_class(request.GET or None, queryset=queryset, user=request.user)
    if bound.out_of_scope():
        raise Http404("Ce territoire n’est pas dans votre périmètre.")
    if bound.is_bound and not bound.form.is_valid():
        return bound, queryset.none()
    result = bound.qs
    ordering = result.query.order_by
    if ordering and not {"pk", "-pk"} & set(ordering):
        # A sort on a column with ties (a collectivité's name) gives rows no fixed order: without the key as the
        # last criterion, PostgreSQL may show a row on two pages and another on none.
        result = result.order_by(*ordering, "-pk" if str(ordering[0]).startswith("-") else "pk")
    return bound, result


def _list(
    request: HttpRequest, *, filter_class, queryset, values, rows, rows_html, template: str, section: str
) -> HttpResponse:
    """A filtered, paginated list: `values` turns the page's slice into a values() query (the count stays on the
    bare queryset, without the joins of the rows), `rows` formats it, `rows_html` writes the table's body."""
    bound, result = _filtered(request, filter_class, queryset)
    page = page_of(result, request, LIST_PAGE_SIZE)
    query = request.GET.copy()
    query.pop("page", None)
    page_rows = rows(values(page.object_list))
    context = {
        "filter": bound,
        "page_obj": page,
        "rows": page_rows,
        "rows_html": rows_html(page_rows),
        "section": section,
        "query": query.urlencode(),
        "here": request.get_full_path(),
    }
    return render(request, template, context, status=400 if bound.form.errors else 200)


@require_safe
@espace_view
def request_list(request: HttpRequest) -> HttpResponse:
    return _list(
        request,
        filter_class=RequestFilter,
        queryset=espace_selectors.requests_in_scope(request.user).order_by("-created_at", "-pk"),
        values=espace_selectors.request_list_values,
        rows=espace_rows.request_rows,
        rows_html=espace_rows.request_rows_html,
        template="espace/request_list.html",
        section="requests",
    )


@require_safe
@espace_view
def organisation_list(request: HttpRequest) -> HttpResponse:
    return _list(
        request,
        filter_class=OrganisationFilter,
        queryset=espace_selectors.organisations_in_scope(request.user).order_by("name", "pk"),
        values=espace_selectors.organisation_list_values,
        rows=espace_rows.organisation_rows,
        rows_html=espace_rows.organisation_rows_html,
        template="espace/organisation_list.html",
        section="organisations",
    )


@require_safe
@espace_view
def project_list(request: HttpRequest) -> HttpResponse:
    return _list(
        request,
        filter_class=ProjectFilter,
        queryset=espace_selectors.projects_in_scope(request.user).order_by("-last_activity_at", "-pk"),
        values=lambda result: espace_selectors.project_list_values(result, request.user),
        rows=espace_rows.project_rows,
        rows_html=espace_rows.project_rows_html,
        template="espace/project_list.html",
        section="projects",
    )


def _date(value) -> str:
    return timezone.localtime(value).strftime("%d/%m/%Y") if value else ""


REQUEST_EXPORT_HEADER = [
    "identifiant",
    "collectivité",
    "département",
    "région",
    "projet",
    "type d’appui",
    "statut",
    "urgence",
    "prise en charge",
    "chargé de mission",
    "déposée le",
    "première réponse le",
    "terminée le",
]


@require_safe
@espace_view
def request_export(request: HttpRequest) -> HttpResponse:
    """The filtered requests as CSV, streamed from plain rows (espace_rows.request_export_rows)."""
    _bound, result = _filtered(
        request, RequestFilter, espace_selectors.requests_in_scope(request.user).order_by("-created_at", "-pk")
    )
    rows = espace_rows.request_export_rows(espace_selectors.request_export_values(result).iterator(chunk_size=500))
    return csv_streaming_response("demandes-ingenierie", REQUEST_EXPORT_HEADER, rows)


@require_safe
@espace_view
def organisation_export(request: HttpRequest) -> HttpResponse:
    _bound, result = _filtered(
        request, OrganisationFilter, espace_selectors.organisations_in_scope(request.user).order_by("name", "pk")
    )
    rows = (
        (
            item.public_id,
            item.name,
            item.get_kind_display(),
            item.departement_id or "",
            item.region_id,
            item.get_status_display(),
            item.member_count,
            item.project_count,
            item.open_request_count,
            _date(item.created_at),
        )
        for item in espace_selectors.organisation_rows(result).iterator(chunk_size=500)
    )
    header = [
        "identifiant",
        "collectivité",
        "type",
        "département",
        "région",
        "statut",
        "membres",
        "projets",
        "demandes ouvertes",
        "inscrite le",
    ]
    return csv_response("collectivites", header, rows)


@require_safe
@espace_view
def project_export(request: HttpRequest) -> HttpResponse:
    _bound, result = _filtered(
        request, ProjectFilter, espace_selectors.projects_in_scope(request.user).order_by("-last_activity_at", "-pk")
    )
    rows = (
        (
            item.public_id,
            item.title,
            item.organisation.name,
            item.organisation.departement_id or "",
            item.organisation.region_id,
            item.current_stage.name,
            item.required_done,
            item.required_total,
            ", ".join(theme.name for theme in item.themes.all()),
            item.open_request_count,
            _date(item.created_at),
            _date(item.last_activity_at),
        )
        for item in espace_selectors.project_rows(result).iterator(chunk_size=500)
    )
    header = [
        "identifiant",
        "titre",
        "collectivité",
        "département",
        "région",
        "étape en cours",
        "actions obligatoires faites",
        "actions obligatoires",
        "thématiques",
        "demandes ouvertes",
        "créé le",
        "dernière activité",
    ]
    return csv_response("projets", header, rows)


# --- A collectivité ---------------------------------------------------------------------------------------------


def _organisation(request: HttpRequest, public_id) -> Organisation:
    try:
        return espace_selectors.organisation_for_espace(request.user, public_id)
    except Organisation.DoesNotExist as error:
        raise Http404("Collectivité introuvable.") from error


def _render_organisation(
    request: HttpRequest, organisation: Organisation, *, status: int = 200, **forms
) -> HttpResponse:
    page = espace_selectors.organisation_page(organisation)
    context = {
        "organisation": organisation,
        "section": "organisations",
        **page,
        "reject_form": forms.get("reject_form") or RejectForm(),
        "programme_form": forms.get("programme_form") or ProgrammeForm(initial={"programmes": page["programmes"]}),
    }
    return render(request, "espace/organisation_detail.html", context, status=status)


@require_safe
@espace_view
def organisation_detail(request: HttpRequest, public_id) -> HttpResponse:
    return _render_organisation(request, _organisation(request, public_id))


@require_POST
@espace_view
def organisation_confirm(request: HttpRequest, public_id) -> HttpResponse:
    organisation = _organisation(request, public_id)
    accounts_services.confirm_organisation(organisation=organisation, confirmed_by=request.user)
    messages.success(request, f"« {organisation.name} » est confirmée : ses référents sont prévenus.")
    return redirect("espace:organisation_detail", public_id=organisation.public_id)


@require_POST
@espace_view
def organisation_reject(request: HttpRequest, public_id) -> HttpResponse:
    organisation = _organisation(request, public_id)
    form = RejectForm(request.POST)
    if form.is_valid():
        try:
            accounts_services.reject_organisation(
                organisation=organisation, rejected_by=request.user, reason=form.cleaned_data["reason"]
            )
        except accounts_services.AccountsError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, f"L’inscription de « {organisation.name} » est refusée : ses membres sont prévenus."
            )
            return redirect("espace:organisation_detail", public_id=organisation.public_id)
    return _render_organisation(request, organisation, status=400, reject_form=form)


@require_POST
@espace_view
def organisation_programmes(request: HttpRequest, public_id) -> HttpResponse:
    organisation = _organisation(request, public_id)
    form = ProgrammeForm(request.POST)
    if form.is_valid():
        try:
            services.set_programmes(
                organisation=organisation, user=request.user, programmes=form.cleaned_data["programmes"]
            )
        except services.AssistanceError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Les programmes nationaux de la collectivité sont enregistrés.")
            return redirect("espace:organisation_detail", public_id=organisation.public_id)
    return _render_organisation(request, organisation, status=400, programme_form=form)


# --- A project: « Je suis ce projet » ---------------------------------------------------------------------------


@require_POST
@espace_view
def project_follow(request: HttpRequest, public_id) -> HttpResponse:
    try:
        project = espace_selectors.project_in_scope(request.user, public_id)
    except Project.DoesNotExist as error:
        raise Http404("Projet introuvable.") from error
    follow = request.POST.get("follow") == "1"
    services.set_follow(user=request.user, project=project, follow=follow)
    messages.success(
        request, f"Vous suivez « {project.title} »." if follow else f"Vous ne suivez plus « {project.title} »."
    )
    back = request.POST.get("next", "")
    if back.startswith("/") and not back.startswith("//"):
        return redirect(back)
    return redirect("espace:project_list")


@require_POST
@espace_view
def project_waiting(request: HttpRequest, public_id) -> HttpResponse:
    """Wait on the collectivité about a project (reminders until a member acts on it), or stop waiting."""
    try:
        project = espace_selectors.project_in_scope(request.user, public_id)
    except Project.DoesNotExist as error:
        raise Http404("Projet introuvable.") from error
    back = f"{project.get_absolute_url()}#ingenierie"
    if request.POST.get("stop") == "1":
        services.stop_waiting_on_project(project=project, user=request.user)
        messages.success(request, "Vous n’attendez plus rien de la collectivité sur ce projet : les relances cessent.")
        return redirect(back)
    form = WaitingForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["waiting_for"]) + " Rien n’a été enregistré.")
        return redirect(back)
    try:
        services.wait_on_project(project=project, user=request.user, waiting_for=form.cleaned_data["waiting_for"])
    except services.AssistanceError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            "La collectivité est prévenue ; elle sera relancée jusqu’à ce qu’un de ses membres agisse sur le projet.",
        )
    return redirect(back)


# --- Experts directory (read-only: national administrators manage it in the admin) ---------------------------


@require_safe
@espace_view
def expert_list(request: HttpRequest) -> HttpResponse:
    page = page_of(espace_selectors.experts_in_scope(request.user), request, LIST_PAGE_SIZE)
    return render(request, "espace/expert_list.html", {"page_obj": page, "section": "experts"})
