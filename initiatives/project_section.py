"""The gallery's section of the project page (shown through journeys.extensions): the publication of the project
as a case study, and « Des projets comme le vôtre »."""

from django.http import HttpRequest

from accounts.permissions import is_member
from initiatives import selectors
from initiatives.permissions import can_publish
from journeys.extensions import render_section
from journeys.models import Project


def initiatives_section(request: HttpRequest, project: Project, stage) -> str:
    context = {
        "project": project,
        "initiative": selectors.initiative_of(project),
        "can_publish": can_publish(request.user, project),
        "is_member": is_member(request.user, project.organisation),
        "similar": selectors.similar_initiatives(project),
    }
    return render_section("initiatives/_project_section.html", context, request)
