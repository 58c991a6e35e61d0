"""The gallery's section of the project page (shown through journeys.extensions): the publication of the project
as a case study, and « Des projets comme le vôtre »."""

from django.http import HttpRequest

from accounts.permissions import is_member
from initiatives import selectors
from initiatives.permissions import can_publish
from journeys.extensions import KeptSection, render_section
from journeys.models import Project
from territories.selectors import referential_version

# The version token of every project's gallery section: « des projets comme le vôtre » reads every published
# initiative, their projects (themes, stage), collectivités and populations. initiatives.receivers moves it.
SECTIONS = "initiatives:project-sections"


def initiatives_section(request: HttpRequest, project: Project, stage) -> str:
    context = {
        "project": project,
        "initiative": selectors.initiative_of(project),
        "can_publish": can_publish(request.user, project),
        "is_member": is_member(request.user, project.organisation),
        "similar": selectors.similar_initiatives(project),
    }
    return render_section("initiatives/_project_section.html", context, request)


def _viewer(request: HttpRequest, project: Project) -> str:
    # What the section shows of the viewer (publish, or a member's note); the populations rank the list.
    publish = can_publish(request.user, project)
    member = is_member(request.user, project.organisation)
    return f"{int(publish)}{int(member)}:{referential_version()}"


KEPT = KeptSection(versions=lambda project: [SECTIONS], viewer=_viewer)
