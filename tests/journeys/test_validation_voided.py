"""A change to the answers or files of a stage ANCT validated voids the validation: recorded, shown, staff told.

Choice when the project has already moved past that stage: it is not moved back; the stage is flagged as
needing a new validation on the project page, and the chargés de mission are emailed.
"""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from journeys import services
from journeys.enums import EventKind
from journeys.models import Stage, StageValidation, StepAnswer
from journeys.selectors import diagnostic_with_questions
from tests.accounts.factories import StaffUserFactory
from tests.catalogue.factories import ServiceFactory
from tests.journeys import sample_content
from tests.journeys.factories import PDF_BYTES, ProjectFactory, complete_stage, move_to, sample_diagnostic, step

REVALIDATE = "a été modifiée après sa validation par l’ANCT : elle doit être validée à nouveau"


@pytest.fixture
def sample_ethics(monkeypatch):
    monkeypatch.setattr("journeys.services.ethics_check.ethics_content", lambda: sample_content.ETHICS_CHECK)


@pytest.fixture
def validated(world, django_capture_on_commit_callbacks):
    """A project of world["org"] whose « Cadrage » stage ANCT (world["staff_in"]) validated."""
    sample_diagnostic()
    project = move_to(ProjectFactory(organisation=world["org"]), "cadrage")
    complete_stage(project, "cadrage")
    with django_capture_on_commit_callbacks(execute=True):
        services.validate_stage(project=project, user=world["staff_in"], stage_id=project.current_stage_id)
    mail.outbox.clear()
    return project


def _save(client, project, key, data, capture, **files):
    answer = StepAnswer.objects.filter(project=project, step__key=key).first()
    url = reverse("journeys:step_save", kwargs={"public_id": project.public_id, "step_id": step(project, key).pk})
    with capture(execute=True):
        return client.post(url, {"version": answer.version if answer else 0, **data, **files})


def _active(project):
    return StageValidation.objects.filter(project=project, voided_at__isnull=True).exists()


def test_rewriting_a_validated_answer_voids_the_validation_records_it_and_tells_staff(
    client, world, validated, django_capture_on_commit_callbacks
):
    project = validated
    client.force_login(world["member"])
    response = _save(client, project, "objectifs", {"text": "Un autre objectif"}, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert not _active(project)
    validation = StageValidation.objects.get(project=project)
    assert validation.voided_by == world["member"]
    assert validation.voided_at is not None
    assert "Objectifs et indicateurs" in validation.void_reason
    assert project.events.filter(kind=EventKind.STAGE_VALIDATION_VOIDED, actor=world["member"]).exists()

    page = client.get(project.get_absolute_url()).text.replace("&nbsp;", " ")
    assert REVALIDATE in page
    history = client.get(reverse("journeys:project_history", kwargs={"public_id": project.public_id})).text
    assert "la validation de l’étape « Cadrage » par l’ANCT est annulée" in history
    assert "Objectifs et indicateurs" in history
    assert str(world["member"]) in history

    assert [message.to for message in mail.outbox] == [[world["staff_in"].email]]
    assert "Cadrage" in mail.outbox[0].subject
    assert project.title in mail.outbox[0].body
    assert str(world["member"]) in mail.outbox[0].body

    # Validating again needs the steps done, then clears the flag.
    services.validate_stage(project=project, user=world["staff_in"], stage_id=project.current_stage_id)
    assert _active(project)
    assert REVALIDATE not in client.get(project.get_absolute_url()).text.replace("&nbsp;", " ")


def test_replacing_the_validated_deliverable_voids_the_validation(
    client, world, validated, django_capture_on_commit_callbacks
):
    client.force_login(world["member"])
    upload = SimpleUploadedFile("Nouvelle note.pdf", PDF_BYTES, content_type="application/pdf")
    response = _save(client, validated, "note-cadrage", {"note": ""}, django_capture_on_commit_callbacks, file=upload)
    assert response.status_code == 302
    assert not _active(validated)
    assert "Note de cadrage" in StageValidation.objects.get().void_reason


def test_saving_an_unchanged_answer_keeps_the_validation(client, world, validated, django_capture_on_commit_callbacks):
    client.force_login(world["member"])
    response = _save(client, validated, "objectifs", {"text": "ok"}, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert _active(validated)
    assert mail.outbox == []


def test_changing_the_ethics_check_of_a_validated_stage_voids_the_validation(world, validated, sample_ethics):
    services.save_ethics_check(
        project=validated, user=world["member"], raw_answers={"dp_traitement": "non"}, expected_version=0
    )
    assert not _active(validated)


def test_changing_the_diagnostic_of_a_stage_that_requires_validation_voids_it(world):
    diagnostic = sample_diagnostic()
    project = move_to(ProjectFactory(organisation=world["org"]), "diagnostic")
    Stage.objects.filter(pk=project.current_stage_id).update(requires_validation=True)
    complete_stage(project, "diagnostic")
    services.validate_stage(project=project, user=world["staff_in"], stage_id=project.current_stage_id)
    services.save_diagnostic(
        project=project,
        user=world["member"],
        diagnostic=diagnostic_with_questions(diagnostic),
        raw_answers={"strategie-1": "2"},
        expected_version=0,
    )
    assert not _active(project)


def test_a_project_past_the_stage_stays_where_it_is_and_the_stage_is_flagged(
    client, world, validated, django_capture_on_commit_callbacks
):
    services.advance_stage(project=validated, user=world["member"])
    validated.refresh_from_db()
    assert validated.current_stage.key == "solution"
    client.force_login(world["member"])
    _save(client, validated, "objectifs", {"text": "Revu après coup"}, django_capture_on_commit_callbacks)
    validated.refresh_from_db()
    assert validated.current_stage.key == "solution"
    assert not _active(validated)
    page = client.get(validated.get_absolute_url()).text.replace("&nbsp;", " ")
    assert "L’étape « Cadrage » " + REVALIDATE in page
    assert len(mail.outbox) == 1


def test_the_validator_who_no_longer_covers_the_territory_is_not_told_the_others_are(
    client, world, validated, django_capture_on_commit_callbacks
):
    world["staff_in"].staff_scope.departements.set([world["other_org"].departement])
    colleague = StaffUserFactory(scope_departements=[world["org"].departement])
    client.force_login(world["member"])
    _save(client, validated, "objectifs", {"text": "Un autre objectif"}, django_capture_on_commit_callbacks)
    assert [message.to for message in mail.outbox] == [[colleague.email]]


def test_changing_the_shortlist_of_a_validated_solution_stage_voids_it(world, themes_and_service):
    project = move_to(ProjectFactory(organisation=world["org"]), "solution")
    Stage.objects.filter(pk=project.current_stage_id).update(requires_validation=True)
    complete_stage(project, "solution")
    services.validate_stage(project=project, user=world["staff_in"], stage_id=project.current_stage_id)
    services.shortlist_service(project=project, user=world["member"], service=themes_and_service)
    assert not _active(project)
    assert "Decidim" in StageValidation.objects.get().void_reason


@pytest.fixture
def themes_and_service(db):
    return ServiceFactory(name="Decidim")
