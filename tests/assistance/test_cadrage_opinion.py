"""ANCT's opinion on the cadrage is asked, not imposed: the default journey moves on without a validation."""

import pytest

from journeys import services as journeys_services
from journeys.content.loader import load_default_content
from journeys.selectors import current_template
from tests.journeys.factories import ProjectFactory, complete_stage, move_to


@pytest.fixture
def shipped(db):
    load_default_content()
    return current_template("parcours-ia-donnees")


def test_a_project_of_the_default_journey_leaves_cadrage_once_its_own_actions_are_done(shipped, world):
    project = move_to(ProjectFactory(organisation=world["org"], template=shipped), "cadrage")
    complete_stage(project, "cadrage")
    stage = journeys_services.advance_stage(project=project, user=world["member"])
    assert stage.key == "solution"


def test_the_cadrage_stage_page_offers_the_opinion_instead_of_waiting_for_a_validation(shipped, client_as, world):
    project = move_to(ProjectFactory(organisation=world["org"], template=shipped), "cadrage")
    complete_stage(project, "cadrage")
    page = client_as(world["member"]).get(project.get_absolute_url()).content.decode()
    assert "attend la validation d’un chargé de mission" not in page
    assert "Validation ANCT requise" not in page
    assert "Demander l’avis de l’ANCT sur le cadrage" in page
    assert "Passer à l’étape «&nbsp;Choix de la solution&nbsp;»" in page
