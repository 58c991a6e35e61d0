"""Initiatives test data: a published case study of a project."""

import factory
from django.utils import timezone

from initiatives.enums import InitiativeStatus, Objective
from initiatives.models import Initiative
from tests.journeys.factories import ProjectFactory


class InitiativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Initiative

    project = factory.SubFactory(ProjectFactory)
    title = factory.Sequence(lambda n: f"Initiative {n} : un assistant pour l’accueil")
    summary = "Un assistant répond aux questions fréquentes des habitants."
    lessons = "Associer les agents d’accueil dès le début."
    objective = Objective.PUBLIC_SERVICES
    status = InitiativeStatus.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)

    class Params:
        withdrawn = factory.Trait(status=InitiativeStatus.WITHDRAWN, withdrawn_at=factory.LazyFunction(timezone.now))


def world_initiative(world: dict) -> Initiative:
    """A published initiative of a project of world["org"] (created once per world)."""
    from tests.journeys.factories import journeys_world

    if "initiative" not in world:
        world["initiative"] = InitiativeFactory(project=journeys_world(world)["journeys_project"])
    return world["initiative"]
