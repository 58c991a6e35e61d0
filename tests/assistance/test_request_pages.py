"""The collectivité's pages: ask from a project, « Mes demandes », a request with its status and thread."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from assistance.enums import RequestKind, RequestStatus
from assistance.models import AssistanceRequest
from tests.assistance.factories import AssistanceRequestFactory, pdf_upload
from tests.journeys.factories import ProjectFactory, move_to


@pytest.fixture
def project(world):
    return ProjectFactory(organisation=world["org"], created_by=world["member"])


def _form(**overrides) -> dict:
    data = {
        "kind": RequestKind.LEGAL_ETHICS,
        "need": "Savoir si notre projet relève du règlement européen sur l’IA.",
        "urgency": "normale",
        "local_support": "inexistante",
        "local_answer": "",
    }
    data.update(overrides)
    return data


def test_the_cadrage_stage_offers_to_ask_anct_for_an_opinion(client_as, world, project):
    move_to(project, "cadrage")
    page = client_as(world["member"]).get(project.get_absolute_url()).content.decode()
    url = reverse("assistance:request_create", kwargs={"public_id": project.public_id})
    assert "Ingénierie sur mesure de l’ANCT" in page
    assert f'href="{url}?type=avis_cadrage"' in page
    assert "Demander l’avis de l’ANCT sur le cadrage" in page
    form = client_as(world["member"]).get(f"{url}?type=avis_cadrage").content.decode()
    assert '<option value="avis_cadrage" selected>' in form


def test_the_financement_stage_points_to_ingénierie(client_as, world, project):
    move_to(project, "financement")
    page = client_as(world["member"]).get(f"{project.get_absolute_url()}?etape=financement").content.decode()
    assert "Demander un appui en ingénierie" in page


def test_the_form_shows_the_route_and_whether_support_can_be_free(client_as, world, project):
    world["org"].commune.population = 812
    world["org"].commune.save()
    url = reverse("assistance:request_create", kwargs={"public_id": project.public_id})
    page = client_as(world["member"]).get(url).content.decode()
    assert "812\u00a0habitants" in page or "812&nbsp;habitants" in page
    assert "entièrement prise en charge pour les communes de moins de 3 500 habitants" in page
    assert "délégué territorial de l’ANCT" in page
    assert "Avez-vous sollicité l’ingénierie de votre territoire" in page


def test_a_member_submits_then_finds_it_in_mes_demandes_and_on_the_project(client_as, world, project):
    client = client_as(world["member"])
    url = reverse("assistance:request_create", kwargs={"public_id": project.public_id})
    response = client.post(url, {**_form(local_actors=["caue"]), "attachments": [pdf_upload("analyse.pdf")]})
    created = AssistanceRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == created.get_absolute_url()
    detail = client.get(created.get_absolute_url()).content.decode()
    assert "Expertise juridique ou éthique" in detail
    assert "déposée" in detail
    assert "analyse.pdf" in detail
    assert "le CAUE" in detail
    mine = client.get(reverse("assistance:request_list")).content.decode()
    assert created.get_absolute_url() in mine
    project_page = client.get(project.get_absolute_url()).content.decode()
    assert created.get_absolute_url() in project_page


def test_a_refused_file_keeps_the_form_with_a_french_message(client_as, world, project):
    url = reverse("assistance:request_create", kwargs={"public_id": project.public_id})
    fake = SimpleUploadedFile("note.pdf", b"MZ pas un pdf", content_type="application/pdf")
    response = client_as(world["member"]).post(url, {**_form(), "attachments": [fake]})
    assert response.status_code == 400
    assert "ne correspond pas à son extension" in response.content.decode()
    assert "Savoir si notre projet relève" in response.content.decode()  # nothing typed is lost
    assert not AssistanceRequest.objects.exists()


def test_a_missing_answer_is_explained(client_as, world, project):
    url = reverse("assistance:request_create", kwargs={"public_id": project.public_id})
    response = client_as(world["member"]).post(url, _form(local_support=""))
    assert response.status_code == 400
    assert "Ce champ est obligatoire" in response.content.decode()
    assert not AssistanceRequest.objects.exists()


def test_asking_on_a_project_of_another_collectivité_is_a_404(client_as, world):
    elsewhere = ProjectFactory(organisation=world["other_org"])
    url = reverse("assistance:request_create", kwargs={"public_id": elsewhere.public_id})
    assert client_as(world["member"]).post(url, _form()).status_code == 404
    assert not AssistanceRequest.objects.exists()


def test_the_member_sees_the_new_status_and_anct_message(client_as, world, project):
    found = AssistanceRequestFactory(project=project, status=RequestStatus.ACCEPTED)
    from assistance import services

    services.post_message(request=found, author=world["staff_in"], body="Nous vous proposons un **rendez-vous**.")
    page = client_as(world["member"]).get(found.get_absolute_url()).content.decode()
    assert "acceptée" in page
    assert "<strong>rendez-vous</strong>" in page
    assert world["staff_in"].email not in page


def test_a_message_full_of_html_is_shown_as_text_and_a_too_long_one_explained(client_as, world, project):
    found = AssistanceRequestFactory(project=project)
    url = reverse("assistance:message_create", kwargs={"public_id": found.public_id})
    client = client_as(world["member"])
    assert client.post(url, {"body": '<img src=x onerror="alert(1)">Bonjour'}).status_code == 302
    page = client.get(found.get_absolute_url()).content.decode()
    assert "<img src=x" not in page
    assert "&lt;img" in page
    response = client.post(url, {"body": "x" * 5_001})
    assert response.status_code == 400
    assert "5000 caractères" in response.content.decode() or "5 000" in response.content.decode()
    assert found.messages.count() == 1


def test_staff_read_the_request_and_are_pointed_to_the_espace(client_as, world, project):
    found = AssistanceRequestFactory(project=project)
    page = client_as(world["staff_in"]).get(found.get_absolute_url()).content.decode()
    assert found.get_espace_url() in page
    assert "Envoyer le message" not in page


def test_satisfaction_is_asked_once_the_request_is_closed(client_as, world, project):
    found = AssistanceRequestFactory(project=project, closed=True)
    client = client_as(world["member"])
    assert "Votre avis sur l’appui reçu" in client.get(found.get_absolute_url()).content.decode()
    url = reverse("assistance:satisfaction_create", kwargs={"public_id": found.public_id})
    data = {"usefulness": "en_partie", "what_changed": "Un cahier des charges solide.", "would_recommend": "oui"}
    assert client.post(url, data).status_code == 302
    found.refresh_from_db()
    assert found.satisfaction.usefulness == "en_partie"
    assert "Votre avis sur l’appui reçu" not in client.get(found.get_absolute_url()).content.decode()
    client.post(url, data)
    assert type(found.satisfaction).objects.count() == 1
