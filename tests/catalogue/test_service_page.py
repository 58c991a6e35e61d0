"""The service page: every fact, adopters by département (no personal data), similar services, the hook."""

from catalogue import selectors as catalogue_selectors
from tests.accounts.factories import MembershipFactory, OrganisationFactory
from tests.catalogue.factories import AdoptionFactory, ServiceFactory
from tests.territories.factories import CommuneFactory, DepartementFactory


def test_visitor_sees_every_fact_of_the_service(client, themes):
    service = ServiceFactory(
        name="Albert",
        pitch="Une IA pour les agents.",
        licence="MIT",
        publisher__name="DINUM",
        publisher__kind="dinum",
        ai=True,
        processes_personal_data=True,
        accessibility="partielle",
        cost_model="gratuit",
        contact_email="contact@example.gouv.fr",
        suits_regions=False,
        themes=[themes["intelligence-artificielle"]],
    )
    response = client.get(service.get_absolute_url())
    assert response.status_code == 200
    html = response.text
    for text in [
        "<h1>Albert</h1>",
        "Une IA pour les agents.",
        "DINUM",
        "MIT",
        "Utilise l’IA",
        "Un modèle de langage résume les demandes.",
        "partiellement conforme",
        "une analyse RGPD",
        "communes, EPCI",
        "contact@example.gouv.fr",
        "Intelligence artificielle",
        "https://code.example.org/service",
    ]:
        assert text in html, text


def test_unknown_or_unpublished_service_is_not_found(client, themes):
    hidden = ServiceFactory(unpublished=True)
    assert client.get("/catalogue/inconnu/").status_code == 404
    assert client.get(hidden.get_absolute_url()).status_code == 404


def test_adopters_are_grouped_by_departement_without_personal_data(client, themes):
    service = ServiceFactory()
    ain = DepartementFactory(code="01", name="Ain")
    aude = DepartementFactory(code="11", name="Aude")
    bourg = OrganisationFactory(commune=CommuneFactory(departement=ain), name="Bourg-en-Bresse")
    narbonne = OrganisationFactory(commune=CommuneFactory(departement=aude), name="Narbonne")
    declarer = MembershipFactory(organisation=bourg).user
    AdoptionFactory(service=service, organisation=bourg, declared_by=declarer)
    AdoptionFactory(service=service, organisation=narbonne, status="interesse")
    html = client.get(service.get_absolute_url()).text
    assert html.index("Ain (01)") < html.index("Bourg-en-Bresse") < html.index("Aude (11)") < html.index("Narbonne")
    assert "Nous l’utilisons" in html
    assert "Ça nous intéresse" in html
    assert declarer.email not in html
    assert declarer.last_name not in html


def test_similar_services_share_themes(client, themes):
    service = ServiceFactory(themes=[themes["donnees"], themes["cartographie"]])
    ServiceFactory(name="Très proche", themes=[themes["donnees"], themes["cartographie"]])
    ServiceFactory(name="Sans rapport", themes=[themes["mobilite"]])
    html = client.get(service.get_absolute_url()).text
    assert "Services similaires" in html
    assert "Très proche" in html
    assert "Sans rapport" not in html


def test_anonymous_visitor_is_invited_to_log_in_to_declare(client, themes):
    service = ServiceFactory()
    html = client.get(service.get_absolute_url()).text
    assert "Connectez-vous" in html
    assert "Nous l’utilisons" not in html


def test_member_sees_declare_buttons_for_each_organisation(client, themes):
    service = ServiceFactory()
    membership = MembershipFactory(organisation__name="Saint-Flour")
    client.force_login(membership.user)
    html = client.get(service.get_absolute_url()).text
    assert "Déclarer l’usage de votre collectivité" in html
    assert "Saint-Flour" in html
    assert 'value="utilise"' in html
    assert 'value="interesse"' in html


def test_shortlisting_projects_come_from_the_registered_providers(client, themes, monkeypatch):
    service = ServiceFactory()
    user = MembershipFactory().user

    class Project:
        def __str__(self):
            return "Chatbot de la mairie"

        def get_absolute_url(self):
            return "/projets/exemple/"

    calls = []

    def projects_shortlisting(service_arg, user_arg):
        calls.append((service_arg, user_arg))
        return [Project()]

    monkeypatch.setattr(catalogue_selectors, "_shortlisting_providers", [projects_shortlisting])
    client.force_login(user)
    html = client.get(service.get_absolute_url()).text
    assert "Vos projets qui envisagent ce service" in html
    assert "Chatbot de la mairie" in html
    assert calls
    assert calls[0][0] == service
    assert calls[0][1] == user


def test_journeys_registers_its_shortlisting_selector():
    from journeys.selectors import projects_shortlisting

    assert projects_shortlisting in catalogue_selectors._shortlisting_providers
