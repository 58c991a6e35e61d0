"""What assistance adds to the PDF report of a project (registered into reports.sections at start-up)."""

from collections.abc import Iterable

from django.utils.formats import date_format
from django.utils.timezone import localtime

from accounts.permissions import staff_covering
from assistance.models import Follow
from assistance.selectors import requests_of_project
from journeys.models import Project
from reports.sections import ReportSection


def ingenierie(project: Project) -> ReportSection | None:
    """The project's ingénierie requests and their status; None (no section) when it has none."""
    requests = requests_of_project(project)
    if not requests:
        return None
    return ReportSection(
        key="ingenierie",
        title="Demandes d’ingénierie à l’ANCT",
        columns=["Demande", "Statut", "Déposée le"],
        rows=[
            [request.get_kind_display(), request.get_status_display(), date_format(localtime(request.created_at))]
            for request in requests
        ],
    )


def following_staff(project: Project) -> Iterable[str]:
    """Chargés de mission who follow the project (« Je suis ce projet ») and still cover its collectivité."""
    followers = Follow.objects.filter(project=project).values("user")
    covering = staff_covering(project.organisation).filter(pk__in=followers, wants_notifications=True)
    return list(covering.values_list("email", flat=True))
