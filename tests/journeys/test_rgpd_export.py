"""The personal-data export holds what the person wrote in projects, and nothing that happened after they left.

Their own step answers, diagnostic and ethics answers, and the files they uploaded (listed: name, size, date,
project; never the bytes). For an organisation they no longer belong to, projects carry the title they had when
the person acted, never a later one.
"""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts import services as accounts_services
from journeys import services
from journeys.selectors import diagnostic_with_questions
from tests.journeys import sample_content
from tests.journeys.factories import PDF_BYTES, ProjectFactory, move_to, sample_diagnostic, sample_template, step


@pytest.fixture(autouse=True)
def sample_ethics(monkeypatch):
    monkeypatch.setattr("journeys.services.ethics_check.ethics_content", lambda: sample_content.ETHICS_CHECK)
    monkeypatch.setattr("journeys.rgpd.ethics_content", lambda: sample_content.ETHICS_CHECK, raising=False)


def _export(client, user) -> dict:
    client.force_login(user)
    response = client.get(reverse("accounts:data_export"))
    assert response.status_code == 200
    return json.loads(response.content)


def _save(project, key, user, data=None, upload=None):
    answer = project.answers.filter(step__key=key).first()
    return services.save_step_answer(
        project=project,
        step_id=step(project, key).pk,
        user=user,
        data=data or {},
        expected_version=answer.version if answer else 0,
        upload=upload,
    )


def _diagnostic(project, user, answers):
    response = project.diagnostic_responses.first()
    services.save_diagnostic(
        project=project,
        user=user,
        diagnostic=diagnostic_with_questions(sample_diagnostic()),
        raw_answers=answers,
        expected_version=response.version if response else 0,
    )


def test_export_lists_the_persons_own_answers_diagnostic_ethics_and_files(client, world):
    sample_template()
    member, referent = world["member"], world["referent"]
    project = move_to(ProjectFactory(organisation=world["org"], title="Accueil des habitants"), "cadrage")
    _save(project, "besoin", member, {"text": "Réduire l’attente au guichet"})
    _save(project, "besoin", referent, {"text": "Texte du référent"})
    _save(project, "note-cadrage", member, upload=SimpleUploadedFile("Note de cadrage.pdf", PDF_BYTES))
    _diagnostic(project, member, {"strategie-1": "2"})
    _diagnostic(project, referent, {"donnees-1": "3"})
    services.save_ethics_check(project=project, user=member, raw_answers={"dp_traitement": "oui"}, expected_version=0)

    data = _export(client, member)
    raw = json.dumps(data, ensure_ascii=False)
    assert "%PDF" not in raw

    answers = data["reponses_aux_actions"]
    assert [a["reponse"] for a in answers if a["action"] == "Quel est le besoin ?"] == [
        {"texte": "Réduire l’attente au guichet"}
    ]
    assert answers[0]["projet"] == "Accueil des habitants"
    assert answers[0]["collectivite"] == world["org"].name
    assert answers[0]["etape"] == "Mise à l’agenda"
    assert "Texte du référent" not in raw

    files = data["fichiers_deposes"]
    assert len(files) == 1
    assert files[0]["nom"] == "Note de cadrage.pdf"
    assert files[0]["taille_octets"] == len(PDF_BYTES)
    assert files[0]["projet"] == "Accueil des habitants"
    assert files[0]["action"] == "Note de cadrage"
    assert files[0]["le"]

    diagnostic = data["reponses_au_diagnostic"]
    assert [(d["question"], d["reponse"]) for d in diagnostic] == [
        ("Question 1 sur Stratégie et gouvernance ?", "Largement")
    ]
    assert diagnostic[0]["projet"] == "Accueil des habitants"

    ethics = data["reponses_au_cadrage_ethique"]
    assert [(e["question"], e["reponse"]) for e in ethics] == [
        ("Le projet utilise-t-il des données personnelles ?", "Oui")
    ]


def test_former_member_sees_the_titles_they_knew_and_nothing_written_after_they_left(client, world):
    sample_template()
    member, referent = world["member"], world["referent"]
    project = services.create_project(
        organisation=world["org"],
        title="Accueil des habitants",
        description="",
        public_concerned="",
        themes=[],
        created_by=member,
    )
    services.add_comment(project=project, author=member, body="Voir avec le syndicat mixte.")
    _save(project, "besoin", member, {"text": "Réduire l’attente"})
    _save(project, "portage-politique", member, {"checked": True})
    accounts_services.leave_organisation(user=member, organisation=world["org"])

    services.update_project(
        project=project,
        title="Projet confidentiel renommé",
        description="",
        public_concerned="",
        themes=[],
        updated_by=referent,
    )
    services.add_comment(project=project, author=referent, body="Commentaire écrit après le départ.")
    _save(project, "besoin", referent, {"text": "Réponse écrite après le départ"})

    data = _export(client, member)
    raw = json.dumps(data, ensure_ascii=False)
    assert "Projet confidentiel renommé" not in raw
    assert "après le départ" not in raw
    assert data["projets_crees"][0]["projet"] == "Accueil des habitants"
    assert data["commentaires"][0]["projet"] == "Accueil des habitants"
    assert {a["projet"] for a in data["reponses_aux_actions"]} == {"Accueil des habitants"}

    # A current member reads today's title.
    assert "Projet confidentiel renommé" in json.dumps(_export(client, referent), ensure_ascii=False)
