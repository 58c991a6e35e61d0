"""The solution stage offers a handful of catalogue services, never the whole catalogue."""

from journeys.models import ProjectShortlist
from journeys.selectors import SHORTLIST_CANDIDATES, shortlist_candidates
from tests.catalogue.factories import ServiceFactory, ThemeFactory
from tests.journeys.factories import ProjectFactory, move_to, sample_template


def _solution_project(world, *themes):
    sample_template()
    project = move_to(ProjectFactory(organisation=world["org"]), "solution")
    project.themes.set(themes)
    return project


def test_without_terms_candidates_share_the_project_themes_most_adopted_first(world):
    donnees, mobilite = ThemeFactory(slug="donnees"), ThemeFactory(slug="mobilite")
    project = _solution_project(world, donnees)
    popular = ServiceFactory(name="Grist", themes=[donnees], adopter_count=40)
    rare = ServiceFactory(name="Datafair", themes=[donnees], adopter_count=2)
    ServiceFactory(name="Transport à la demande", themes=[mobilite], adopter_count=90)
    assert shortlist_candidates(project) == [popular, rare]


def test_terms_search_the_whole_catalogue_and_skip_what_is_already_shortlisted(world):
    project = _solution_project(world)
    decidim = ServiceFactory(name="Decidim", pitch="Participation citoyenne en ligne")
    ServiceFactory(name="Grist", pitch="Tableur et base de données")
    shortlisted = ServiceFactory(name="Decidim pour les écoles", pitch="Participation citoyenne à l’école")
    ProjectShortlist.objects.create(project=project, service=shortlisted)
    assert shortlist_candidates(project, "participation citoyenne") == [decidim]


def test_candidates_are_capped_whatever_the_size_of_the_catalogue(world):
    theme = ThemeFactory(slug="administration")
    project = _solution_project(world, theme)
    for _ in range(SHORTLIST_CANDIDATES + 5):
        ServiceFactory(themes=[theme])
    assert len(shortlist_candidates(project)) == SHORTLIST_CANDIDATES


def test_member_sees_a_search_and_a_short_list_of_choices_on_the_solution_stage(client_as, world):
    theme = ThemeFactory(slug="donnees")
    project = _solution_project(world, theme)
    for index in range(30):
        ServiceFactory(name=f"Service de données {index}", themes=[theme])
    page = client_as(world["member"]).get(project.get_absolute_url() + "?etape=solution&service_q=donnees")
    html = page.content.decode()
    assert page.status_code == 200
    assert "Chercher un service du catalogue" in html
    assert html.count('name="service" value=') == SHORTLIST_CANDIDATES


def test_staff_reading_the_project_gets_no_shortlist_form(client_as, world):
    project = _solution_project(world)
    ServiceFactory(name="Grist")
    html = client_as(world["staff_in"]).get(project.get_absolute_url() + "?etape=solution").content.decode()
    assert "Chercher un service du catalogue" not in html


def test_a_project_without_themes_is_offered_the_most_adopted_services(world):
    project = _solution_project(world)
    ServiceFactory(name="Peu utilisé", adopter_count=1)
    widely_used = ServiceFactory(name="Très utilisé", adopter_count=120)
    assert shortlist_candidates(project)[0] == widely_used
