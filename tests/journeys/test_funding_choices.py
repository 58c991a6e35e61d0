"""The Financement stage offers each State grant only to the collectivités it is for.

DETR: communes and EPCI meeting its criteria (CGCT L2334-33); DSIL: communes and EPCI (L2334-42); DSID:
départements (L3334-10); régions have none of them. All three fund investment: the help says a software
subscription is not eligible.
"""

import pytest
from django.urls import reverse

from accounts.models import Organisation
from journeys.content.loader import load_default_content, shipped_template
from journeys.models import StepAnswer
from tests.journeys.factories import ProjectFactory, move_to, step
from tests.territories.factories import EpciFactory

TEMPLATE = shipped_template()

DETR = "Dotation d’équipement des territoires ruraux (DETR)"
DSIL = "Dotation de soutien à l’investissement local (DSIL)"
DSID = "Dotation de soutien à l’investissement des départements (DSID)"


def _funding_step() -> dict:
    stage = next(stage for stage in TEMPLATE["stages"] if stage["key"] == "financement")
    return next(item for item in stage["steps"] if item["key"] == "financements_envisages")


def test_the_shipped_step_reserves_each_grant_to_its_collectivites():
    data = _funding_step()
    assert {DETR, DSIL, DSID} <= set(data["choices"])
    assert data["choices_for"][DETR] == ["commune", "epci"]
    assert data["choices_for"][DSIL] == ["commune", "epci"]
    assert data["choices_for"][DSID] == ["departement"]
    help_text = data["help"].replace("\u00a0", " ")
    assert "investissement" in help_text
    assert "abonnement" in help_text
    assert "régions" in help_text


def _make_kind(org: Organisation, kind: str) -> None:
    """Turn the world's commune into a collectivité of another kind (exactly one territory each)."""
    territory = {
        "commune": {"commune": org.commune},
        "epci": {"epci": EpciFactory()},
        "departement": {"departement_territory": org.departement},
        "region": {"region_territory": org.region},
    }[kind]
    Organisation.objects.filter(pk=org.pk).update(**{"commune": None, "kind": kind, **territory})


@pytest.fixture
def funding_project(db, world):
    load_default_content()
    return move_to(ProjectFactory(organisation=world["org"]), "financement")


@pytest.mark.parametrize(
    ("kind", "shown", "hidden"),
    [
        ("commune", {DETR, DSIL}, {DSID}),
        ("epci", {DETR, DSIL}, {DSID}),
        ("departement", {DSID}, {DETR, DSIL}),
        ("region", set(), {DETR, DSIL, DSID}),
    ],
)
def test_the_page_offers_the_grants_of_the_collectivite_kind(funding_project, world, client_as, kind, shown, hidden):
    _make_kind(world["org"], kind)
    response = client_as(world["member"]).get(funding_project.get_absolute_url(), {"etape": "financement"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Budget propre de la collectivité" in body
    for label in shown:
        assert f'value="{label}"' in body
    for label in hidden:
        assert f'value="{label}"' not in body


def test_a_region_posting_a_grant_it_cannot_get_sees_an_error_and_nothing_is_saved(funding_project, world, client_as):
    _make_kind(world["org"], "region")
    url = reverse(
        "journeys:step_save",
        kwargs={"public_id": funding_project.public_id, "step_id": step(funding_project, "financements_envisages").pk},
    )
    response = client_as(world["member"]).post(url, {"version": "0", "choices": [DETR]})
    assert response.status_code == 400
    assert "ne fait pas partie des choix proposés" in response.content.decode()
    assert not StepAnswer.objects.exists()
