"""The body of the diagnostic results (score, radar chart, scores table, recommendations), rendered once per saved
version of the answers and kept in the worker's memory.

What it shows is a function of the response's saved answers, of the published diagnostic version they were given on
(frozen: its questions and recommendations never change) and of the organisation's name (the chart's title). The
key holds the response's version and save time, read by the page anyway: every save moves both
(journeys.services.saving.save_versioned), so a saved answer shows at the next request, whichever worker renders it.
A diagnostic that is not published (an archived version) is rendered on every request. Nothing per request or per
user is in the body: no CSRF token, no message; the view checks the reader's access before asking for it.
"""

from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from common.memo import ProcessMemo
from common.precompiled import Markers, precompiled_objects
from journeys.charts import radar_chart
from journeys.models import Diagnostic, DiagnosticResponse, Project
from journeys.services import recommendations_for

# About 15 kB a body: a few MB per worker at most. The key names everything the body depends on; the expiry only
# bounds the memory an idle entry holds.
_bodies = ProcessMemo(max_entries=256, seconds=3600)


def _render(project: Project, diagnostic: Diagnostic, response: DiagnosticResponse) -> SafeString:
    rows = [
        {
            "name": dimension.name,
            "score": response.scores.get(dimension.key),
            "answered": sum(1 for q in dimension.questions.all() if q.key in response.answers),
            "total": len(dimension.questions.all()),
        }
        for dimension in diagnostic.dimensions.all()
    ]
    chart = radar_chart(
        [(row["name"], row["score"]) for row in rows],
        title=f"Maturité données et IA — {project.organisation.name}",
        # The scores are in the table next to the chart: the chart's alternative points there, so that they are
        # read once (the PDF report, without that table, keeps the scores in its alternative).
        description="Graphique radar des scores par dimension : les valeurs figurent dans le tableau « Scores par "
        "dimension ».",
    )
    context = {
        "project": project,
        "response": response,
        "rows": rows,
        "chart": chart,
        "recommendations": recommendations_for(diagnostic, response.scores),
    }
    return SafeString(render_to_string("journeys/_diagnostic_result_body.html", context))


def result_body(project: Project, diagnostic: Diagnostic, response: DiagnosticResponse) -> SafeString:
    """The results' body for this response, `diagnostic` being its prefetched version (selectors.page_diagnostic)."""
    if not diagnostic.is_frozen:
        return _render(project, diagnostic, response)
    key = (
        response.pk,
        response.version,
        response.updated_at,
        diagnostic.pk,
        diagnostic.created_at,
        diagnostic.published_at,
        project.public_id,
        project.organisation.name,
    )
    return _bodies.get_or_build(key, lambda: _render(project, diagnostic, response))


def _response_query(markers: Markers) -> QuerySet[DiagnosticResponse]:
    return DiagnosticResponse.objects.filter(project_id=markers.integer("project")).select_related("diagnostic")[:1]


def response_of(project: Project) -> DiagnosticResponse | None:
    """The project's diagnostic response with its diagnostic version (one per project), in a precompiled query."""
    found = precompiled_objects("journeys.results.response", _response_query, project=project.pk)
    return found[0] if found else None
