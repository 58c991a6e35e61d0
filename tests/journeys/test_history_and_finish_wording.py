"""The history page names each section once; a finished journey's last stage reads « terminée »."""

import re

from django.urls import reverse

from journeys.models import StepAnswer
from tests.journeys.factories import ProjectFactory, move_to, sample_template, step


def test_the_history_page_shows_each_section_title_once(client_as, world):
    sample_template()
    project = ProjectFactory(organisation=world["org"])
    body = (
        client_as(world["member"])
        .get(reverse("journeys:project_history", kwargs={"public_id": project.public_id}))
        .content.decode()
    )
    assert body.count("Changements d’étape") == 1
    assert body.count("Validations de l’ANCT") == 1


def test_the_last_stage_of_a_finished_journey_reads_terminee(client_as, world):
    sample_template()
    project = move_to(ProjectFactory(organisation=world["org"]), "realisation")
    StepAnswer.objects.create(project=project, step=step(project, "bilan"), value={"text": "Fait"}, done=True)
    body = client_as(world["member"]).get(project.get_absolute_url()).content.decode()
    assert "Le parcours est terminé" in body
    assert re.search(r"Réalisation\s*\(terminée, 1/1\)", body)
    assert "en cours, 1/1" not in body


def test_the_last_stage_still_in_progress_reads_en_cours(client_as, world):
    sample_template()
    project = move_to(ProjectFactory(organisation=world["org"]), "realisation")
    body = client_as(world["member"]).get(project.get_absolute_url()).content.decode()
    assert "(en cours, 0/1)" in body
