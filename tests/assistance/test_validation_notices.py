"""A stage that requires ANCT validation: the covering chargés de mission are told once, when it is ready."""

from django.conf import settings
from django.core import mail

from assistance import services, tasks
from journeys.models import StageValidation
from tests.journeys.factories import ProjectFactory, complete_stage, move_to


def test_covering_chargés_are_told_once_when_the_stage_is_ready(world, django_capture_on_commit_callbacks):
    project = move_to(ProjectFactory(organisation=world["org"], title="Assistant d’accueil"), "cadrage")
    assert services.notify_pending_validations() == 0  # required actions not done yet
    complete_stage(project, "cadrage")
    with django_capture_on_commit_callbacks(execute=True):
        assert services.notify_pending_validations() == 1
    assert [message.to for message in mail.outbox] == [[world["staff_in"].email]]
    assert "Étape à valider : « Cadrage » — Assistant d’accueil" in mail.outbox[0].subject
    assert f"{project.get_absolute_url()}?etape=cadrage" in mail.outbox[0].body
    assert services.notify_pending_validations() == 0


def test_a_validated_stage_is_not_announced(world):
    project = move_to(ProjectFactory(organisation=world["org"]), "cadrage")
    complete_stage(project, "cadrage")
    StageValidation.objects.create(project=project, stage=project.current_stage, validated_by=world["staff_in"])
    assert services.notify_pending_validations() == 0


def test_the_jobs_are_scheduled():
    schedule = settings.CELERY_BEAT_SCHEDULE
    assert schedule["assistance-validations"]["task"] == "assistance.tasks.notify_stage_validations"
    assert schedule["assistance-deadlines"]["task"] == "assistance.tasks.follow_up_requests"
    assert tasks.notify_stage_validations.name == "assistance.tasks.notify_stage_validations"
    assert tasks.follow_up_requests.name == "assistance.tasks.follow_up_requests"
