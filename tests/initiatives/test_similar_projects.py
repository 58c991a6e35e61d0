"""« Des projets comme le vôtre »: published projects with the same themes, the most comparable collectivité first."""

from initiatives.selectors import similar_initiatives
from tests.accounts.factories import OrganisationFactory
from tests.initiatives.factories import InitiativeFactory
from tests.journeys.factories import ProjectFactory, ThemeFactory
from tests.territories.factories import CommuneFactory


def _project(population: int, themes, **organisation):
    project = ProjectFactory(organisation=OrganisationFactory(commune=CommuneFactory(population=population)))
    project.themes.set(themes)
    return project


def test_a_small_commune_finds_the_small_commune_that_did_it_first(client_as, world):
    accueil = ThemeFactory(slug="relation-usager")
    mine = _project(2_000, [accueil])
    city = InitiativeFactory(project=_project(200_000, [accueil]), title="La grande ville")
    village = InitiativeFactory(project=_project(2_500, [accueil]), title="Le village voisin")
    InitiativeFactory(project=_project(2_100, [ThemeFactory(slug="mobilite")]), title="Autre thème")
    InitiativeFactory(project=_project(1_900, [accueil]), title="Retirée", withdrawn=True)
    ours = ProjectFactory(organisation=mine.organisation)
    ours.themes.set([accueil])
    InitiativeFactory(project=ours, title="La nôtre")

    assert [item.title for item in similar_initiatives(mine)] == [village.title, city.title]


def test_project_page_shows_the_suggestions(client_as, world):
    theme = ThemeFactory(slug="donnees")
    project = ProjectFactory(organisation=world["org"])
    project.themes.set([theme])
    other = InitiativeFactory(project=_project(3_000, [theme]), title="Une commune comparable")
    html = client_as(world["member"]).get(project.get_absolute_url()).content.decode()
    assert "Des projets comme le vôtre" in html
    assert other.get_absolute_url() in html
