"""A référent publishes a project as a public case study (explicit opt-in), and withdraws it at any time."""

from django.urls import reverse

from initiatives.enums import InitiativeStatus
from initiatives.models import Initiative
from tests.accounts.factories import MembershipFactory, OrganisationFactory
from tests.initiatives.factories import InitiativeFactory
from tests.journeys.factories import ProjectFactory

FORM = {
    "title": "Un assistant pour l’accueil",
    "summary": "Un assistant répond aux questions fréquentes des habitants.",
    "lessons": "Associer les agents dès le début.",
    "objective": "services",
    "accepts_messages": "on",
    "consent": "on",
}


def test_nothing_is_public_before_the_referent_publishes(client, world):
    project = ProjectFactory(organisation=world["org"])
    assert not Initiative.objects.exists()
    response = client.get(reverse("initiatives:gallery"))
    assert project.title not in response.content.decode()


def test_publication_needs_the_explicit_consent_box(client_as, world):
    project = ProjectFactory(organisation=world["org"])
    client = client_as(world["referent"])
    response = client.post(reverse("initiatives:publish", args=[project.public_id]), {**FORM, "consent": ""})
    assert response.status_code == 400
    assert "Cochez la case pour confirmer la publication." in response.content.decode()
    assert not Initiative.objects.exists()


def test_referent_publishes_then_withdraws(client_as, world):
    project = ProjectFactory(organisation=world["org"])
    client = client_as(world["referent"])
    response = client.post(reverse("initiatives:publish", args=[project.public_id]), FORM)
    initiative = Initiative.objects.get(project=project)
    assert response.status_code == 302
    assert response["Location"] == initiative.get_absolute_url()
    assert initiative.status == InitiativeStatus.PUBLISHED
    assert initiative.published_by == world["referent"]

    anonymous = client_as(None)
    assert FORM["title"] in anonymous.get(reverse("initiatives:gallery")).content.decode()
    detail = anonymous.get(initiative.get_absolute_url())
    assert detail.status_code == 200
    assert project.current_stage.name in detail.content.decode()

    client_as(world["referent"]).post(reverse("initiatives:withdraw", args=[project.public_id]))
    initiative.refresh_from_db()
    assert initiative.status == InitiativeStatus.WITHDRAWN
    anonymous = client_as(None)
    assert anonymous.get(initiative.get_absolute_url()).status_code == 404
    assert FORM["title"] not in anonymous.get(reverse("initiatives:gallery")).content.decode()


def test_member_who_is_not_referent_cannot_publish(client_as, world):
    project = ProjectFactory(organisation=world["org"])
    response = client_as(world["member"]).post(reverse("initiatives:publish", args=[project.public_id]), FORM)
    assert response.status_code == 403
    assert not Initiative.objects.exists()


def test_unconfirmed_collectivite_cannot_publish(client_as):
    organisation = OrganisationFactory(pending=True)
    referent = MembershipFactory(organisation=organisation, role="referent").user
    project = ProjectFactory(organisation=organisation)
    response = client_as(referent).post(reverse("initiatives:publish", args=[project.public_id]), FORM)
    assert response.status_code == 400
    assert "attend encore la confirmation" in response.content.decode()
    assert not Initiative.objects.exists()


def test_withdrawn_initiative_is_not_found_even_by_its_referent(client_as, world):
    initiative = InitiativeFactory(project=ProjectFactory(organisation=world["org"]), withdrawn=True)
    for person in (None, world["referent"], world["staff_in"]):
        assert client_as(person).get(initiative.get_absolute_url()).status_code == 404


def test_project_page_offers_publication_to_referents_only(client_as, world):
    project = ProjectFactory(organisation=world["org"])
    publish_url = reverse("initiatives:publish", args=[project.public_id])
    assert publish_url in client_as(world["referent"]).get(project.get_absolute_url()).content.decode()
    assert publish_url not in client_as(world["member"]).get(project.get_absolute_url()).content.decode()
