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


def test_a_project_without_themes_finds_collectivites_of_its_kind_closest_in_size_first(world):
    mine = _project(10_000, [])
    far = InitiativeFactory(project=_project(900_000, []), title="Loin en taille")
    near = InitiativeFactory(project=_project(12_000, []), title="Proche en taille")
    assert [item.title for item in similar_initiatives(mine)] == [near.title, far.title]
    assert similar_initiatives(mine)[0].population == 12_000


def test_one_query_when_nothing_is_comparable(world, django_assert_num_queries):
    mine = _project(10_000, [ThemeFactory(slug="seule")])
    mine = type(mine).objects.prefetch_related("themes").select_related("organisation").get(pk=mine.pk)
    with django_assert_num_queries(1):
        assert similar_initiatives(mine) == []
