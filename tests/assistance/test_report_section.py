"""The PDF report of a project lists its ingénierie requests, and the chargés de mission who follow it receive it."""

from assistance.models import Follow
from reports.sections import extra_recipients, sections_for
from tests.accounts.factories import StaffUserFactory
from tests.assistance.factories import AssistanceRequestFactory
from tests.journeys.factories import ProjectFactory


def test_the_report_has_an_ingenierie_section_only_when_the_project_has_requests():
    project = ProjectFactory()
    assert [section.key for section in sections_for(project)] == []
    request = AssistanceRequestFactory(project=project)
    (section,) = sections_for(project)
    assert section.key == "ingenierie"
    assert section.rows == [[request.get_kind_display(), request.get_status_display(), section.rows[0][2]]]


def test_chargés_following_the_project_in_their_scope_receive_the_report():
    project = ProjectFactory()
    follower = StaffUserFactory(scope_departements=[project.organisation.departement])
    bystander = StaffUserFactory(scope_departements=[project.organisation.departement])
    moved_away = StaffUserFactory(scope_departements=[ProjectFactory().organisation.departement])
    for user in (follower, moved_away):
        Follow.objects.create(user=user, project=project)
    assert extra_recipients(project) == [follower.email]
    assert bystander.email not in extra_recipients(project)
