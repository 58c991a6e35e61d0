"""A référent publishes a project in the gallery; it appears there and on its département's page, reached from the
home page's map; the référent withdraws it and it is gone. axe-core audits every page on the way."""

from django.core.cache import cache
from playwright.sync_api import expect

from tests.accounts.factories import MembershipFactory, OrganisationFactory
from tests.journeys.factories import ProjectFactory, ThemeFactory, sample_template
from tests.territories.factories import CommuneFactory, DepartementFactory

TITLE = "Un assistant pour l’accueil de la mairie"


def test_referent_publishes_a_project_found_from_the_map_then_withdraws_it(page, live_server, login_as):
    cache.clear()
    sample_template()
    cantal = DepartementFactory(code="15", name="Cantal")
    organisation = OrganisationFactory(
        name="Saint-Flour", commune=CommuneFactory(name="Saint-Flour", departement=cantal, region=cantal.region)
    )
    referent = MembershipFactory(organisation=organisation, role="referent").user
    project = ProjectFactory(organisation=organisation, title="Assistant d’accueil")
    project.themes.set([ThemeFactory(slug="donnees")])
    login_as(referent)

    page.goto(live_server.url + project.get_absolute_url())
    page.locator("#galerie").get_by_role("link", name="Publier dans la galerie").click()
    page.get_by_label("Titre de l’initiative").fill(TITLE)
    page.get_by_label("Ce que vous avez fait").fill("Un assistant répond aux questions fréquentes des habitants.")
    page.get_by_label("Ce que vous avez appris").fill("Associer les agents d’accueil dès le début.")
    page.locator("label[for=id_objective_2]").click()  # DSFR radios: the label takes the click
    page.locator("label[for=id_consent]").click()
    expect(page.get_by_label("Je publie ce projet dans la galerie publique")).to_be_checked()
    page.get_by_role("button", name="Publier dans la galerie").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.get_by_text("Votre projet est publié dans la galerie des initiatives.")).to_be_visible()

    page.goto(live_server.url + "/initiatives/")
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()

    # The home page shows the figures and the map; a département's tile opens its page.
    page.goto(live_server.url + "/")
    figures = page.locator(".tia-figures")
    expect(figures).to_contain_text("1 collectivité engagée")
    expect(figures).to_contain_text("1 initiative publiée")
    tile = page.locator('svg.tia-map a[href="/initiatives/departements/15/"]')
    expect(tile).to_have_attribute("aria-label", "Cantal (15) : 1 collectivité engagée, 1 projet")
    expect(page.get_by_role("row", name="Cantal (15) 1 1 1")).to_be_visible()
    tile.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Cantal (15)")
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    expect(page.get_by_text("Saint-Flour (commune, 1 projet)")).to_be_visible()

    page.goto(live_server.url + project.get_absolute_url())
    page.locator("#galerie").get_by_role("button", name="Retirer de la galerie").click()
    expect(page.get_by_text("Le projet est retiré de la galerie")).to_be_visible()
    page.goto(live_server.url + "/initiatives/")
    expect(page.get_by_text("0 initiative")).to_be_visible()
    expect(page.get_by_role("link", name=TITLE)).to_have_count(0)
    page.goto(live_server.url + "/initiatives/departements/15/")
    expect(page.get_by_role("link", name=TITLE)).to_have_count(0)
