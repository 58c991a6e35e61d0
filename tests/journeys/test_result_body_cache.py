"""The diagnostic results' body is kept per saved version of the answers: a save shows at the next request, a
renamed organisation too, and the kept body holds nothing of the request."""

from django.urls import reverse

from journeys.enums import TemplateStatus
from journeys.models import Diagnostic
from tests.journeys import sample_content
from tests.journeys.factories import ProjectFactory, move_to, sample_diagnostic, sample_template

KEYS = [q["key"] for q in sample_content.DIAGNOSTIC["questions"]]


def _project(world):
    sample_template()
    sample_diagnostic()
    return move_to(ProjectFactory(organisation=world["org"]), "diagnostic")


def _urls(project) -> tuple[str, str]:
    form = reverse("journeys:diagnostic_form", kwargs={"public_id": project.public_id})
    return form, reverse("journeys:diagnostic_result", kwargs={"public_id": project.public_id})


def _answered(client, world) -> str:
    """A project at « Diagnostic » with one answer saved through `client`; the URL of its results."""
    form, results = _urls(_project(world))
    client.post(form, {"version": "0", "strategie-1": "2"})
    return results


def test_a_saved_answer_shows_at_once_on_the_results(client_as, world):
    project = _project(world)
    form, results = _urls(project)
    client = client_as(world["member"])
    client.post(form, {"version": "0", "strategie-1": "0"})
    before = client.get(results).content.decode()
    assert "Le diagnostic n’est pas terminé" in before
    assert "<td>1/2</td>" in before
    client.post(form, {"version": "1", **dict.fromkeys(KEYS, "3")})
    after = client.get(results).content.decode()
    assert "Le diagnostic n’est pas terminé" not in after
    assert "<td>1/2</td>" not in after
    assert "<td>2/2</td>" in after
    assert "<td>100</td>" in after


def test_a_renamed_organisation_shows_in_the_chart_title(client_as, world):
    client = client_as(world["member"])
    results = _answered(client, world)
    client.get(results)
    world["org"].name = "Commune renommée"
    world["org"].save()
    assert "Maturité données et IA — Commune renommée" in client.get(results).content.decode()


def test_the_kept_body_holds_no_token_of_the_request(client_as, world):
    client = client_as(world["member"])
    results = _answered(client, world)
    first = client.get(results)
    second = client_as(world["member"]).get(results)
    body = second.content.decode()
    assert second.context["body"] == first.context["body"]
    assert "csrfmiddlewaretoken" not in str(second.context["body"])
    assert str(second.context["request"].csp_nonce) not in str(second.context["body"])
    assert str(second.context["body"]) in body


def test_another_organisation_member_never_gets_the_kept_body(client_as, world):
    results = _answered(client_as(world["member"]), world)
    assert client_as(world["member"]).get(results).status_code == 200
    assert client_as(world["outsider"]).get(results).status_code == 404


def test_a_diagnostic_that_is_not_published_is_rendered_on_every_request(client_as, world):
    client = client_as(world["member"])
    results = _answered(client, world)
    client.get(results)
    Diagnostic.objects.update(status=TemplateStatus.DRAFT)
    world["org"].name = "Commune renommée"
    world["org"].save()
    assert "Commune renommée" in client.get(results).content.decode()
