"""The stage gates refuse a stage of another journey, and say in the history what voided a validation."""

import pytest

from journeys import services
from journeys.enums import EventKind
from journeys.models import StageTransition, StageValidation
from journeys.services.gates import void_validation
from tests.journeys.factories import ProjectFactory, complete_stage, move_to, sample_template

FOREIGN_STAGE = "Cette étape n’appartient pas au parcours de ce projet."


@pytest.fixture
def project(world):
    project = move_to(ProjectFactory(organisation=world["org"], template=sample_template()), "cadrage")
    complete_stage(project, "agenda")
    return project


@pytest.fixture
def foreign_stage(project):
    """The « Mise à l’agenda » stage of another version of the journey: same key and order, another journey."""
    draft = services.new_template_version(template=project.template)
    return draft.stages.get(key="agenda")


def test_going_back_to_a_stage_of_another_journey_is_refused(world, project, foreign_stage):
    with pytest.raises(services.StepNotInProjectError) as refused:
        services.go_back_to_stage(project=project, user=world["member"], stage_id=foreign_stage.pk, reason="À revoir")
    assert str(refused.value) == FOREIGN_STAGE
    project.refresh_from_db()
    assert project.current_stage.key == "cadrage"
    assert not StageTransition.objects.filter(project=project, to_stage=foreign_stage).exists()


def test_validating_a_stage_of_another_journey_is_refused(world, project, foreign_stage):
    with pytest.raises(services.StepNotInProjectError) as refused:
        services.validate_stage(project=project, user=world["staff_in"], stage_id=foreign_stage.pk)
    assert str(refused.value) == FOREIGN_STAGE
    assert not StageValidation.objects.exists()


def test_the_history_says_what_voided_the_validation_and_that_the_stage_needs_a_new_one(world, project):
    complete_stage(project, "cadrage")
    cadrage = project.template.stages.get(key="cadrage")
    services.validate_stage(project=project, user=world["staff_in"], stage_id=cadrage.pk)
    services.save_step_answer(
        project=project,
        step_id=cadrage.steps.get(key="objectifs").pk,
        user=world["member"],
        data={"text": "Un autre besoin"},
        expected_version=1,
    )
    line = project.events.get(kind=EventKind.STAGE_VALIDATION_VOIDED)
    assert line.message == (
        "a modifié « Objectifs et indicateurs » : la validation de l’étape « Cadrage » par l’ANCT est annulée, "
        "l’étape doit être validée à nouveau"
    )
    assert line.actor == world["member"]


def _validate(project, key: str, user) -> StageValidation:
    """An ANCT validation of the stage (directly: only « Cadrage » asks for one in the sample journey)."""
    stage = project.template.stages.get(key=key)
    return StageValidation.objects.create(project=project, stage=stage, validated_by=user)


@pytest.mark.parametrize(("changed", "kept"), [("agenda", "cadrage"), ("cadrage", "agenda")])
def test_a_change_voids_the_validation_of_its_own_stage_and_project_only(world, project, changed, kept):
    neighbour = move_to(ProjectFactory(organisation=world["org"], template=project.template), "cadrage")
    for validated in (neighbour, project):  # the other project's validations first: found first when unfiltered
        for key in ("agenda", "cadrage"):
            _validate(validated, key, world["staff_in"])

    void_validation(
        project=project,
        stage=project.template.stages.get(key=changed),
        user=world["member"],
        change="a modifié une réponse",
    )

    voided = StageValidation.objects.filter(voided_at__isnull=False)
    assert [(v.project, v.stage.key) for v in voided] == [(project, changed)]
    assert StageValidation.objects.filter(project=project, stage__key=kept, voided_at__isnull=True).exists()


def test_a_long_change_is_kept_to_the_length_of_the_reason(world, project):
    _validate(project, "cadrage", world["staff_in"])
    void_validation(
        project=project, stage=project.current_stage, user=world["member"], change="a modifié " + "x" * 400
    )
    validation = StageValidation.objects.get()
    assert validation.void_reason == ("a modifié " + "x" * 400)[:300]
    assert validation.voided_by == world["member"]
