"""A partly answered diagnostic says which questions are still unanswered, with a link to each."""

from django.urls import reverse

from journeys.models import DiagnosticResponse
from tests.journeys.factories import journeys_world


def test_unanswered_questions_are_listed_with_links(world, client_as):
    journeys_world(world)
    project = world["journeys_project"]
    response = DiagnosticResponse.objects.get(project=project)
    diagnostic = response.diagnostic
    questions = [q for d in diagnostic.dimensions.all() for q in d.questions.all()]
    unanswered = [q for q in questions if q.key not in response.answers]
    assert unanswered
    html = (
        client_as(world["member"]).get(reverse("journeys:diagnostic_form", args=[project.public_id])).content.decode()
    )
    assert 'id="questions-sans-reponse"' in html
    summary = html.split('id="questions-sans-reponse"')[1].split("</div>")[0]
    for question in unanswered:
        assert f'href="#question-{question.key}"' in summary
    for question in questions:
        if question.key in response.answers:
            assert f'href="#question-{question.key}"' not in summary
