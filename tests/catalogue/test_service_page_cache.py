"""The part of the service page every visitor sees is cached: each write it shows invalidates it, per-user parts
are never cached, and a warm page costs one query."""

import pytest

from catalogue.models import Service
from tests.accounts.factories import MembershipFactory, OrganisationFactory
from tests.catalogue.factories import AdoptionFactory, ServiceFactory


@pytest.fixture
def service(themes):
    return ServiceFactory(name="Albert", themes=[themes["donnees"]])


def _html(client, service) -> str:
    response = client.get(service.get_absolute_url())
    assert response.status_code == 200
    return response.text


def test_a_warm_page_runs_one_query_for_a_visitor(client, service, django_assert_num_queries):
    AdoptionFactory.create_batch(3, service=service)
    _html(client, service)

    with django_assert_num_queries(1):  # the catalogue version
        html = _html(client, service)

    assert "<h1>Albert</h1>" in html


def test_a_new_declaration_and_a_withdrawal_show_at_once(client, service):
    assert "Aucune collectivité n’a encore déclaré ce service." in _html(client, service)

    adoption = AdoptionFactory(service=service, organisation=OrganisationFactory(name="Narbonne"))
    assert "Narbonne" in _html(client, service)

    adoption.delete()
    assert "Narbonne" not in _html(client, service)


def test_an_edit_of_the_service_shows_at_once(client, service):
    _html(client, service)
    service.pitch = "Une accroche nouvelle."
    service.save()

    assert "Une accroche nouvelle." in _html(client, service)


def test_a_renamed_publisher_theme_or_adopter_shows_at_once(client, service, themes):
    organisation = OrganisationFactory(name="Narbonne")
    AdoptionFactory(service=service, organisation=organisation)
    _html(client, service)

    service.publisher.name = "Éditeur renommé"
    service.publisher.save()
    assert "Éditeur renommé" in _html(client, service)

    theme = themes["donnees"]
    theme.name = "Données publiques"
    theme.save()
    assert "Données publiques" in _html(client, service)

    organisation.name = "Narbonne-Plage"
    organisation.save()
    assert "Narbonne-Plage" in _html(client, service)


def test_a_theme_added_to_the_service_shows_at_once(client, service, themes):
    assert ">Mobilités<" not in _html(client, service)

    service.themes.add(themes["mobilite"])

    assert ">Mobilités<" in _html(client, service)


def test_a_similar_service_renamed_shows_at_once(client, service, themes):
    other = ServiceFactory(name="Très proche", themes=[themes["donnees"]])
    assert "Très proche" in _html(client, service)

    other.name = "Encore plus proche"
    other.save()

    assert "Encore plus proche" in _html(client, service)


def test_an_unpublished_or_deleted_service_is_404_at_once(client, service, themes):
    _html(client, service)
    service.is_published = False
    service.save()
    assert client.get(service.get_absolute_url()).status_code == 404

    other = ServiceFactory(themes=[themes["donnees"]])
    service.save()  # the latest edit stays another service's: deleting this one moves no timestamp
    _html(client, other)
    Service.objects.filter(pk=other.pk).delete()
    assert client.get(other.get_absolute_url()).status_code == 404


def test_one_persons_organisations_never_show_to_another(client, service):
    first = MembershipFactory(organisation__name="Saint-Flour").user
    client.force_login(first)
    assert "Saint-Flour" in _html(client, service)  # the page is now cached

    client.logout()
    anonymous = _html(client, service)
    second = MembershipFactory(organisation__name="Aurillac").user
    client.force_login(second)
    theirs = _html(client, service)

    assert "Saint-Flour" not in anonymous
    assert "Connectez-vous" in anonymous
    assert "Saint-Flour" not in theirs
    assert "Aurillac" in theirs
