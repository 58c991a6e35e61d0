from copy import deepcopy

from django.urls import reverse

from journeys.content.loader import load_template
from journeys.enums import EventKind
from journeys.models import StepAnswer
from tests.journeys import sample_content
from tests.journeys.factories import ProjectFactory, sample_template, step


def _url(project, key):
    return reverse("journeys:step_save", kwargs={"public_id": project.public_id, "step_id": step(project, key).pk})


def _project(world):
    sample_template()
    return ProjectFactory(organisation=world["org"])


def test_member_saves_a_text_answer(client_as, world):
    project = _project(world)
    response = client_as(world["member"]).post(_url(project, "besoin"), {"version": "0", "text": "Trop d’appels"})
    answer = StepAnswer.objects.get()
    assert response.status_code == 302
    assert answer.value == {"text": "Trop d’appels"}
    assert answer.done
    assert answer.version == 1
    assert answer.updated_by == world["member"]
    assert project.events.filter(kind=EventKind.STEP_SAVED).exists()


def test_member_saves_choices_within_the_allowed_list(client_as, world):
    project = _project(world)
    client = client_as(world["member"])
    client.post(_url(project, "porteur"), {"version": "0", "choice": "Le maire"})
    client.post(_url(project, "publics"), {"version": "0", "choices": ["Agents", "Habitants"]})
    assert StepAnswer.objects.get(step__key="porteur").value == {"choice": "Le maire"}
    assert StepAnswer.objects.get(step__key="publics").value == {"choices": ["Habitants", "Agents"]}


def test_member_posting_a_choice_outside_the_list_sees_an_error_and_nothing_is_saved(client_as, world):
    project = _project(world)
    response = client_as(world["member"]).post(_url(project, "porteur"), {"version": "0", "choice": "Le préfet"})
    assert response.status_code == 400
    assert "ne fait pas partie des choix proposés" in response.content.decode()
    assert not StepAnswer.objects.exists()


def test_member_posting_a_step_of_another_project_template_changes_nothing(client_as, world):
    project = _project(world)
    other = deepcopy(sample_content.TEMPLATE)
    other["slug"] = "autre-parcours"
    other_template, _ = load_template(other)
    other_step = other_template.stages.get(key="agenda").steps.get(key="besoin")
    url = reverse("journeys:step_save", kwargs={"public_id": project.public_id, "step_id": other_step.pk})
    response = client_as(world["member"]).post(url, {"version": "0", "text": "x"}, follow=True)
    assert "n’appartient pas au parcours de ce projet" in response.content.decode()
    assert not StepAnswer.objects.exists()


def test_member_posting_a_step_of_a_later_stage_is_refused(client_as, world):
    project = _project(world)
    response = client_as(world["member"]).post(_url(project, "objectifs"), {"version": "0", "text": "x"}, follow=True)
    assert "n’est pas encore ouverte" in response.content.decode()
    assert not StepAnswer.objects.exists()


def test_member_cannot_post_the_diagnostic_step_as_a_plain_answer(client_as, world):
    project = _project(world)
    project.current_stage = project.template.stages.get(key="diagnostic")
    project.save()
    response = client_as(world["member"]).post(_url(project, "questionnaire"), {"version": "0", "text": "fait"})
    assert response.status_code == 400
    assert not StepAnswer.objects.exists()


def test_staff_in_scope_gets_403_when_saving_a_step(client_as, world):
    project = _project(world)
    response = client_as(world["staff_in"]).post(_url(project, "besoin"), {"version": "0", "text": "x"})
    assert response.status_code == 403
    assert not StepAnswer.objects.exists()


def test_outsider_gets_404_when_saving_a_step(client_as, world):
    project = _project(world)
    response = client_as(world["outsider"]).post(_url(project, "besoin"), {"version": "0", "text": "x"})
    assert response.status_code == 404
