from django.urls import reverse

from journeys.enums import EventKind, TransitionKind
from journeys.models import StageTransition, StageValidation
from tests.journeys.factories import ProjectFactory, complete_stage, move_to, sample_template


def _project(world):
    sample_template()
    return ProjectFactory(organisation=world["org"])


def _advance(client, project, **data):
    return client.post(reverse("journeys:stage_advance", kwargs={"public_id": project.public_id}), data, follow=True)


def test_member_cannot_move_on_before_required_steps_are_done(client_as, world):
    project = _project(world)
    response = _advance(client_as(world["member"]), project)
    project.refresh_from_db()
    assert project.current_stage.key == "agenda"
    assert "n’est pas terminée" in response.content.decode()
    assert "Quel est le besoin ?" in response.content.decode()


def test_member_moves_on_when_the_stage_is_complete_and_it_is_recorded(client_as, world):
    project = _project(world)
    complete_stage(project, "agenda")
    _advance(client_as(world["member"]), project)
    project.refresh_from_db()
    assert project.current_stage.key == "diagnostic"
    transition = StageTransition.objects.get(kind=TransitionKind.FORWARD)
    assert transition.by == world["member"]
    assert transition.from_stage.key == "agenda"
    assert project.events.filter(kind=EventKind.STAGE_FORWARD, actor=world["member"]).exists()


def test_skipping_ahead_is_refused_whatever_is_posted(client_as, world):
    project = _project(world)
    complete_stage(project, "agenda")
    target = project.template.stages.get(key="financement")
    response = _advance(client_as(world["member"]), project, stage=target.pk)
    project.refresh_from_db()
    assert project.current_stage.key == "agenda"
    assert "Impossible de sauter une étape" in response.content.decode()


def test_going_back_requires_a_reason_and_is_recorded(client_as, world):
    project = _project(world)
    move_to(project, "cadrage")
    client = client_as(world["member"])
    url = reverse("journeys:stage_back", kwargs={"public_id": project.public_id})
    agenda = project.template.stages.get(key="agenda")
    client.post(url, {"stage": agenda.pk, "reason": ""})
    project.refresh_from_db()
    assert project.current_stage.key == "cadrage"
    client.post(url, {"stage": agenda.pk, "reason": "Le besoin a changé après le conseil municipal"})
    project.refresh_from_db()
    assert project.current_stage.key == "agenda"
    transition = StageTransition.objects.get(kind=TransitionKind.BACK)
    assert transition.reason == "Le besoin a changé après le conseil municipal"


def test_going_back_to_a_later_stage_is_refused(client_as, world):
    project = _project(world)
    later = project.template.stages.get(key="solution")
    client_as(world["member"]).post(
        reverse("journeys:stage_back", kwargs={"public_id": project.public_id}), {"stage": later.pk, "reason": "x"}
    )
    project.refresh_from_db()
    assert project.current_stage.key == "agenda"


def test_stage_requiring_validation_waits_for_anct(client_as, world):
    project = _project(world)
    move_to(project, "cadrage")
    complete_stage(project, "cadrage")
    response = _advance(client_as(world["member"]), project)
    assert "doit être validée par un chargé de mission" in response.content.decode()
    project.refresh_from_db()
    assert project.current_stage.key == "cadrage"

    validate = reverse(
        "journeys:stage_validate", kwargs={"public_id": project.public_id, "stage_id": project.current_stage_id}
    )
    assert client_as(world["member"]).post(validate).status_code == 403
    assert client_as(world["staff_out"]).post(validate).status_code == 404
    assert client_as(world["staff_in"]).post(validate).status_code == 302
    assert StageValidation.objects.get().validated_by == world["staff_in"]

    _advance(client_as(world["member"]), project)
    project.refresh_from_db()
    assert project.current_stage.key == "solution"


def test_staff_cannot_validate_a_stage_whose_steps_are_not_done(client_as, world):
    project = _project(world)
    move_to(project, "cadrage")
    validate = reverse(
        "journeys:stage_validate", kwargs={"public_id": project.public_id, "stage_id": project.current_stage_id}
    )
    response = client_as(world["staff_in"]).post(validate, follow=True)
    assert "ne sont pas toutes faites" in response.content.decode()
    assert not StageValidation.objects.exists()
