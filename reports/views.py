from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST, require_safe

from journeys.models import Project
from journeys.selectors import projects_visible_to
from reports import selectors, services
from reports.enums import ReportStatus
from reports.panels import STATUS_TEMPLATE, status_context
from reports.permissions import can_download_report, can_request_report

BROKER_DOWN = (
    "Votre demande est enregistrée, mais le service qui produit les rapports est momentanément indisponible. "
    "Le rapport sera produit automatiquement dès son retour, sans autre action de votre part ; "
    "vous le recevrez par courriel."
)


def _project(request: HttpRequest, public_id) -> Project:
    return get_object_or_404(projects_visible_to(request.user).select_related("organisation"), public_id=public_id)


def _outcome_message(request: HttpRequest, outcome: services.ReportRequest) -> None:
    report = outcome.report
    if not outcome.created:
        messages.info(request, "Un rapport est déjà en préparation pour ce projet : il arrive dans quelques instants.")
    elif outcome.dispatched is False:
        messages.warning(request, BROKER_DOWN)
    elif report.status == ReportStatus.READY:
        messages.success(
            request,
            "Le rapport est prêt : téléchargez-le ci-dessous. Les membres de la collectivité le reçoivent "
            "aussi par courriel.",
        )
    elif report.status == ReportStatus.FAILED:
        messages.error(request, "Le rapport n’a pas pu être produit. Réessayez dans quelques minutes.")
    else:
        messages.success(
            request,
            "Le rapport est en préparation : cette page indique son avancement, et les membres de la "
            "collectivité le recevront par courriel.",
        )


@require_POST
def generate_report(request: HttpRequest, public_id) -> HttpResponse:
    project = _project(request, public_id)
    if not can_request_report(request.user, project):
        raise PermissionDenied("Seuls les membres de la collectivité peuvent générer le rapport.")
    outcome = services.request_report(project=project, requested_by=request.user)
    _outcome_message(request, outcome)
    return redirect(f"{project.get_absolute_url()}#rapport")


@require_safe
def report_status(request: HttpRequest, public_id) -> HttpResponse:
    project = _project(request, public_id)
    response = render(request, STATUS_TEMPLATE, {"panel": status_context(request.user, project)})
    response["Cache-Control"] = "private, no-store"
    return response


@require_safe
def report_download(request: HttpRequest, public_id) -> HttpResponse:
    report = get_object_or_404(
        selectors.reports_visible_to(request.user).ready().select_related("project__organisation"),
        public_id=public_id,
    )
    if not can_download_report(request.user, report):  # defence in depth: the selector already scopes
        raise Http404("Rapport introuvable.")
    # Reports weigh a few hundred kilobytes: read at once, so the file (or S3 stream) is closed before the response.
    with report.file.open("rb") as handle:
        content = handle.read()
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=report.download_name)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
