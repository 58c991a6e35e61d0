"""The project page and the diagnostic pages read a published version's structure once per worker (it is frozen);
a draft's structure is read on every request, so an edit shows at once."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from journeys.enums import TemplateStatus
from journeys.models import Step
from journeys.selectors import page_diagnostic, page_stages
from tests.journeys.factories import journeys_world, sample_diagnostic, sample_template


def _tables_read(client, url) -> str:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return " ".join(query["sql"] for query in ctx.captured_queries)


def test_diagnostic_results_read_the_published_questions_once(client_as, world):
    sample_template()
    project = journeys_world(world)["journeys_project"]
    url = reverse("journeys:diagnostic_result", kwargs={"public_id": project.public_id})
    client = client_as(world["member"])
    first = _tables_read(client, url)
    second = _tables_read(client, url)
    assert '"journeys_question"' in first
    assert '"journeys_question"' not in second
    assert '"journeys_dimension"' not in second


def test_project_page_reads_the_published_stages_once(client_as, world):
    sample_template()
    project = journeys_world(world)["journeys_project"]
    client = client_as(world["member"])
    first = _tables_read(client, project.get_absolute_url())
    second = _tables_read(client, project.get_absolute_url())
    assert 'FROM "journeys_step"' in first
    assert 'FROM "journeys_step"' not in second


def test_a_draft_structure_is_read_again_after_an_edit():
    template = sample_template()
    template.status = TemplateStatus.DRAFT
    template.save()
    stage = page_stages(template)[0]
    before = len(stage.steps.all())
    Step.objects.create(stage=stage, order=99, key="ajout", kind="text", title="Action ajoutée")
    assert len(page_stages(template)[0].steps.all()) == before + 1

    diagnostic = sample_diagnostic()
    diagnostic.status = TemplateStatus.DRAFT
    diagnostic.save()
    assert page_diagnostic(diagnostic) is not page_diagnostic(diagnostic)


def test_a_published_structure_is_shared_between_requests():
    template = sample_template()
    assert template.is_frozen
    assert page_stages(template)[0] is page_stages(template)[0]
    diagnostic = sample_diagnostic()
    assert page_diagnostic(diagnostic) is page_diagnostic(diagnostic)
