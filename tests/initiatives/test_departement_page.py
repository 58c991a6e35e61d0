"""A département's public page: engaged collectivités, published initiatives, programmes, services used there."""

from django.urls import reverse

from tests.accounts.factories import OrganisationFactory
from tests.catalogue.factories import AdoptionFactory, ServiceFactory
from tests.initiatives.factories import InitiativeFactory
from tests.journeys.factories import ProjectFactory
from tests.territories.factories import CommuneFactory, DepartementFactory, ProgrammeFactory


def _organisation(departement, **kwargs):
    return OrganisationFactory(commune=CommuneFactory(departement=departement, region=departement.region), **kwargs)


def test_departement_page_lists_what_is_public_there(client):
    departement = DepartementFactory(code="48", name="Lozère")
    engaged = _organisation(departement)
    project = ProjectFactory(organisation=engaged)
    published = InitiativeFactory(project=project, title="Une initiative publiée")
    InitiativeFactory(project=ProjectFactory(organisation=engaged), title="Une initiative retirée", withdrawn=True)
    pending = _organisation(departement, pending=True)
    ProjectFactory(organisation=pending)
    idle = _organisation(departement)  # registered, no project: not engaged
    programme = ProgrammeFactory(slug="petites-villes-de-demain")
    programme.communes.add(engaged.commune)
    AdoptionFactory(service=ServiceFactory(name="Service utilisé en Lozère"), organisation=engaged, status="utilise")

    html = client.get(reverse("initiatives:departement", args=["48"])).content.decode()
    assert engaged.name in html
    assert published.title in html
    assert "Une initiative retirée" not in html
    assert pending.name not in html
    assert idle.name not in html
    assert programme.name in html
    assert "Service utilisé en Lozère" in html


def test_unknown_departement_is_not_found(client):
    assert client.get(reverse("initiatives:departement", args=["ZZ"])).status_code == 404
