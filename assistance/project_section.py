"""The « Ingénierie sur mesure » section of the project page (journeys shows it through journeys.extensions)."""

from django.http import HttpRequest

from assistance import selectors
from assistance.enums import RequestKind
from assistance.forms import WaitingForm
from assistance.permissions import can_request_assistance, can_wait_on_project
from assistance.section_versions import ALL_SECTIONS, section_version
from journeys.extensions import KeptSection, render_section
from journeys.models import Project, Stage
from journeys.page_versions import project_page_token

# Stages of the default journey that point to ANCT's support, with the kind of request they suggest.
STAGE_PROMPTS = {
    "cadrage": (
        RequestKind.CADRAGE_OPINION,
        "Un regard extérieur sur votre note de cadrage ? Vous pouvez demander l’avis de l’ANCT : il éclaire vos "
        "choix sans bloquer votre parcours.",
        "Demander l’avis de l’ANCT sur le cadrage",
    ),
    "financement": (
        "",
        "Il vous manque de l’ingénierie pour monter le projet (étude, assistance à maîtrise d’ouvrage, expertise) ? "
        "Sollicitez d’abord votre intercommunalité ou votre agence technique départementale, puis l’ANCT.",
        "Demander un appui en ingénierie",
    ),
}


def project_requests_section(request: HttpRequest, project: Project, stage: Stage) -> str:
    """The project's requests and their status, what ANCT waits for from the collectivité, and (for members) the
    way to ask for support; chargés de mission covering the project wait on the collectivité from here."""
    requests = selectors.requests_of_project(project)
    can_ask = can_request_assistance(request.user, project)
    is_anct = can_wait_on_project(request.user, project)
    wait = selectors.open_project_wait(project)
    if not requests and not can_ask and not is_anct and wait is None:
        return ""
    kind, prompt, label = STAGE_PROMPTS.get(stage.key, ("", "", "Demander un appui à l’ANCT"))
    context = {
        "project": project,
        "assistance_requests": requests,
        "can_ask": can_ask,
        "is_anct": is_anct,
        "wait": wait,
        "waiting_form": WaitingForm() if is_anct else None,
        "prompt": prompt,
        "ask_label": label,
        "ask_kind": kind,
    }
    return render_section("assistance/_project_section.html", context, request)


def _viewer(request: HttpRequest, project: Project) -> str:
    # What the section shows of the viewer: the way to ask (a member), the chargé de mission's forms and links.
    return f"{int(can_request_assistance(request.user, project))}{int(can_wait_on_project(request.user, project))}"


KEPT = KeptSection(
    versions=lambda project: [section_version(project.pk), project_page_token(project.pk), ALL_SECTIONS],
    viewer=_viewer,
    per_stage=True,  # the prompt depends on the stage shown
)
