"""A member carries a project from the mise à l’agenda to the cadrage, in a real Chromium."""

from playwright.sync_api import expect

from journeys.models import Project
from tests.accounts.factories import MembershipFactory
from tests.journeys import sample_content
from tests.journeys.factories import ProjectFactory, ThemeFactory, sample_diagnostic, sample_template


def test_member_creates_a_project_fills_the_agenda_completes_the_diagnostic_and_reaches_cadrage(
    page, live_server, login_as, world
):
    sample_template()
    sample_diagnostic()
    ThemeFactory(slug="donnees", name="Données et open data")
    login_as(world["member"])

    page.goto(live_server.url + "/projets/")
    page.get_by_role("link", name="Nouveau projet").click()
    page.get_by_label("Titre du projet").fill("Assistant pour l’accueil de la mairie")
    page.get_by_label("Description").fill("Trop d’appels sans réponse le lundi matin.")
    page.get_by_label("Publics concernés").fill("Habitants")
    page.locator("label", has_text="Données et open data").click()
    page.get_by_role("button", name="Créer le projet").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Assistant pour l’accueil de la mairie")
    expect(page.get_by_text("Étape 1 sur 6")).to_be_visible()

    # Mise à l’agenda: each step is its own small form.
    besoin = page.locator("section", has=page.get_by_role("heading", name="Quel est le besoin ?"))
    besoin.get_by_label("Votre réponse").fill("Répondre aux questions fréquentes des habitants.")
    besoin.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_text("« Quel est le besoin ? » est enregistré.")).to_be_visible()
    porteur = page.locator("section", has=page.get_by_role("heading", name="Qui porte le projet ?"))
    porteur.get_by_text("Le maire").click()
    porteur.get_by_role("button", name="Enregistrer").click()
    portage = page.locator("section", has=page.get_by_role("heading", name="Le portage politique est acquis"))
    portage.get_by_text("C’est fait").click()
    portage.get_by_role("button", name="Enregistrer").click()
    page.get_by_role("button", name="Passer à l’étape « Diagnostic »").click()
    expect(page.get_by_text("Étape 2 sur 6")).to_be_visible()

    # Diagnostic: weak strategy, strong elsewhere.
    page.get_by_role("link", name="Commencer le diagnostic").click()
    for question in sample_content.DIAGNOSTIC["questions"]:
        fieldset = page.locator(f"#question-{question['key']}")
        answer = "Pas du tout" if question["dimension"] == "strategie" else "Complètement"
        fieldset.get_by_text(answer, exact=True).click()
    page.get_by_role("button", name="Enregistrer mes réponses").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Résultats du diagnostic de maturité")
    expect(page.get_by_role("img", name="Maturité données et IA")).to_be_visible()
    expect(page.get_by_role("table", name="Scores par dimension (sur 100)")).to_be_visible()
    expect(page.get_by_role("heading", name="Poser les bases : Stratégie et gouvernance")).to_be_visible()

    page.get_by_role("link", name="Retour au projet").click()
    page.get_by_role("link", name="Mise à l’agenda").first.click()
    page.get_by_role("link", name="2. Diagnostic").click()
    page.get_by_role("button", name="Passer à l’étape « Cadrage »").click()
    expect(page.get_by_text("Étape 3 sur 6")).to_be_visible()
    expect(page.get_by_role("heading", name="3. Cadrage")).to_be_visible()
    project = Project.objects.get()
    assert project.current_stage.key == "cadrage"
    assert project.transitions.count() == 3


def test_outsider_cannot_open_the_project(page, live_server, login_as, world, page_guard):
    sample_template()
    project = ProjectFactory(organisation=world["org"], title="Projet confidentiel")
    login_as(MembershipFactory(organisation=world["other_org"]).user)
    response = page.goto(live_server.url + project.get_absolute_url())
    assert response.status == 404
    expect(page.get_by_text("Projet confidentiel")).to_have_count(0)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    # The browser logs the 404 we expect here; any other problem still fails the test.
    page_guard.problems[:] = [p for p in page_guard.problems if "status of 404" not in p]
