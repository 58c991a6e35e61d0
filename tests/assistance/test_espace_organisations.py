"""A collectivité in the espace: confirm or refuse it, its members, projects, requests and programmes."""

from django.core import mail
from django.urls import reverse

from accounts.enums import OrganisationStatus
from tests.accounts.factories import MembershipFactory, OrganisationFactory
from tests.assistance.factories import AssistanceRequestFactory
from tests.journeys.factories import ProjectFactory
from tests.territories.factories import ProgrammeFactory


def _url(name: str, organisation) -> str:
    return reverse(name, kwargs={"public_id": organisation.public_id})


def test_the_page_shows_members_projects_and_requests(client_as, world):
    project = ProjectFactory(organisation=world["org"], title="Gestion des salles")
    found = AssistanceRequestFactory(project=project)
    page = client_as(world["staff_in"]).get(_url("espace:organisation_detail", world["org"])).content.decode()
    assert world["referent"].get_full_name() in page
    assert "Gestion des salles" in page
    assert found.get_espace_url() in page


def test_confirming_a_pending_collectivité(client_as, world, django_capture_on_commit_callbacks):
    pending = OrganisationFactory(pending=True, commune__departement=world["org"].departement)
    referent = MembershipFactory(organisation=pending, role="referent").user
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as(world["staff_in"]).post(_url("espace:organisation_confirm", pending))
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == OrganisationStatus.CONFIRMED
    assert pending.confirmed_by == world["staff_in"]
    assert [message.to for message in mail.outbox] == [[referent.email]]


def test_refusing_needs_a_reason(client_as, world):
    pending = OrganisationFactory(pending=True, commune__departement=world["org"].departement)
    client = client_as(world["staff_in"])
    response = client.post(_url("espace:organisation_reject", pending), {"reason": ""})
    assert response.status_code == 400
    pending.refresh_from_db()
    assert pending.status == OrganisationStatus.PENDING
    response = client.post(_url("espace:organisation_reject", pending), {"reason": "Inconnue de la mairie."})
    assert response.status_code == 302
    pending.refresh_from_db()
    assert (pending.status, pending.rejection_reason) == (OrganisationStatus.REJECTED, "Inconnue de la mairie.")


def test_programme_membership_fills_the_programme_page(client, client_as, world):
    programme = ProgrammeFactory(slug="petites-villes-de-demain", name="Petites Villes de Demain")
    other = ProgrammeFactory(slug="action-coeur-de-ville", name="Action Cœur de Ville")
    other.communes.add(world["org"].commune)
    response = client_as(world["staff_in"]).post(
        _url("espace:organisation_programmes", world["org"]), {"programmes": [programme.pk]}
    )
    assert response.status_code == 302
    assert list(programme.communes.all()) == [world["org"].commune]
    assert not other.communes.exists()
    public = client.get(programme.get_absolute_url()).content.decode()
    assert world["org"].commune.name in public


def test_programmes_outside_the_scope_are_out_of_reach(client_as, world):
    programme = ProgrammeFactory(slug="villages-d-avenir")
    response = client_as(world["staff_out"]).post(
        _url("espace:organisation_programmes", world["org"]), {"programmes": [programme.pk]}
    )
    assert response.status_code == 404
    assert not programme.communes.exists()
