"""Triage of a request in the espace: status, assignment, experts, messages, waiting, following."""

import pytest
from django.core import mail
from django.urls import reverse

from assistance.enums import RequestStatus
from assistance.models import Follow, Mobilisation
from tests.accounts.factories import StaffUserFactory
from tests.assistance.factories import AssistanceRequestFactory, ExpertFactory


@pytest.fixture
def found(world):
    return AssistanceRequestFactory(project__organisation=world["org"])


def _url(name: str, found) -> str:
    return reverse(name, kwargs={"public_id": found.public_id})


def test_the_triage_page_offers_only_the_allowed_statuses(client_as, world, found):
    page = client_as(world["staff_in"]).get(found.get_espace_url()).content.decode()
    assert '<option value="instruction">en instruction</option>' in page
    assert 'value="acceptee"' not in page
    assert "Mobiliser un expert" not in page  # only once accepted


def test_a_status_change_from_the_page(client_as, world, found):
    response = client_as(world["staff_in"]).post(_url("espace:request_status", found), {"status": "instruction"})
    assert response.status_code == 302
    found.refresh_from_db()
    assert found.status == RequestStatus.REVIEWING


def test_a_status_not_allowed_now_is_refused_and_nothing_changes(client_as, world, found):
    response = client_as(world["staff_in"]).post(
        _url("espace:request_status", found), {"status": "cloturee", "outcome": "Fini"}
    )
    assert response.status_code == 400
    assert "rien n’a été modifié" in response.content.decode()
    found.refresh_from_db()
    assert found.status == RequestStatus.SUBMITTED
    assert not found.events.exists()


def test_a_refusal_without_reason_is_explained(client_as, world):
    reviewing = AssistanceRequestFactory(project__organisation=world["org"], reviewing=True)
    response = client_as(world["staff_in"]).post(_url("espace:request_status", reviewing), {"status": "refusee"})
    assert response.status_code == 400
    assert "Le motif du refus est obligatoire." in response.content.decode()


def test_mobilising_an_expert_emails_them_and_moves_the_request(client_as, world, django_capture_on_commit_callbacks):
    accepted = AssistanceRequestFactory(project__organisation=world["org"], accepted=True)
    expert = ExpertFactory(name="Claire Dubois", organisation="Cerema")
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as(world["staff_in"]).post(
            _url("espace:request_mobilise", accepted), {"expert": expert.pk, "reason": "Marchés publics de données."}
        )
    assert response.status_code == 302
    accepted.refresh_from_db()
    assert accepted.status == RequestStatus.EXPERTS_MOBILISED
    mobilisation = Mobilisation.objects.get()
    assert (mobilisation.expert, mobilisation.mobilised_by) == (expert, world["staff_in"])
    to_expert = next(message for message in mail.outbox if message.to == [expert.email])
    assert "L’ANCT sollicite votre expertise" in to_expert.subject
    assert "Marchés publics de données." in to_expert.body
    assert accepted.need in to_expert.body
    assert accepted.get_espace_url() in to_expert.body
    assert to_expert.reply_to == [world["staff_in"].email]
    member_page = client_as(world["member"]).get(accepted.get_absolute_url()).content.decode()
    assert "Claire Dubois (Cerema)" in member_page
    assert "Marchés publics de données." not in member_page  # the why stays with ANCT


def test_an_expert_working_elsewhere_is_not_offered(client_as, world):
    accepted = AssistanceRequestFactory(project__organisation=world["org"], accepted=True)
    elsewhere = ExpertFactory(is_national=False)
    elsewhere.departements.add(world["other_org"].departement)
    response = client_as(world["staff_in"]).post(
        _url("espace:request_mobilise", accepted), {"expert": elsewhere.pk, "reason": "Proche."}
    )
    assert response.status_code == 400
    assert not Mobilisation.objects.exists()


def test_assignment_only_to_covering_chargés(client_as, world, found):
    colleague = StaffUserFactory(scope_departements=[world["org"].departement])
    client = client_as(world["staff_in"])
    assert client.post(_url("espace:request_assign", found), {"assignee": colleague.pk}).status_code == 302
    found.refresh_from_db()
    assert found.assigned_to == colleague
    response = client.post(_url("espace:request_assign", found), {"assignee": world["staff_out"].pk})
    assert response.status_code == 400
    found.refresh_from_db()
    assert found.assigned_to == colleague


def test_waiting_on_the_collectivité_tells_the_members(client_as, world, found, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as(world["staff_in"]).post(
            _url("espace:request_waiting", found), {"waiting_for": "Le compte rendu du conseil municipal"}
        )
    assert response.status_code == 302
    assert {tuple(m.to) for m in mail.outbox} == {(world["member"].email,), (world["referent"].email,)}
    assert "Le compte rendu du conseil municipal" in mail.outbox[0].body


def test_following_and_unfollowing_a_request_and_a_project(client_as, world, found):
    client = client_as(world["staff_in"])
    client.post(_url("espace:request_follow", found), {"follow": "1"})
    client.post(reverse("espace:project_follow", kwargs={"public_id": found.project.public_id}), {"follow": "1"})
    assert Follow.objects.filter(user=world["staff_in"]).count() == 2
    assert "Ne plus suivre cette demande" in client.get(found.get_espace_url()).content.decode()
    client.post(_url("espace:request_follow", found), {"follow": "0"})
    assert Follow.objects.filter(user=world["staff_in"]).count() == 1


def test_a_message_from_the_espace_reaches_the_member_page(client_as, world, found):
    client_as(world["staff_in"]).post(_url("espace:request_message", found), {"body": "Pouvez-vous préciser ?"})
    assert "Pouvez-vous préciser ?" in client_as(world["member"]).get(found.get_absolute_url()).content.decode()
