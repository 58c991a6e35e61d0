"""The catalogue page: without JavaScript (GET form), partial for the enhancement, pagination, cache."""

from catalogue.models import Publisher, Service
from tests.catalogue.factories import AdoptionFactory, ServiceFactory


def test_visitor_sees_the_catalogue_with_its_form_and_results(client, themes):
    ServiceFactory(name="Alpha", pitch="Faire quelque chose d’utile.")
    response = client.get("/catalogue/")
    assert response.status_code == 200
    html = response.text
    assert "<h1>Catalogue des services numériques</h1>" in html
    assert 'method="get"' in html
    assert "Appliquer les filtres" in html
    assert "Alpha" in html
    assert "Faire quelque chose d’utile." in html
    assert "js/catalogue.js" in html


def test_unpublished_services_are_not_listed(client, themes):
    ServiceFactory(name="Caché", unpublished=True)
    assert "Caché" not in client.get("/catalogue/").text


def test_enhancement_request_gets_only_the_results_region(client, themes):
    ServiceFactory(name="Alpha")
    response = client.get("/catalogue/", {"q": "alpha"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "<html" not in response.text
    assert "Alpha" in response.text
    assert "1 service trouvé" in response.text
    assert "HX-Request" in response["Vary"]


def test_results_are_paginated_by_twenty(client, themes):
    for number in range(25):
        ServiceFactory(name=f"Service {number:02d}")
    first = client.get("/catalogue/?tri=nom").text
    assert "25 services trouvés" in first
    assert "Service 19" in first
    assert "Service 20" not in first
    second = client.get("/catalogue/?tri=nom&page=2").text
    assert "Service 20" in second
    assert "Service 24" in second
    assert 'aria-label="Pagination"' in first or "fr-pagination" in first


def test_a_second_identical_request_is_served_from_the_cache(client, themes, django_assert_max_num_queries):
    ServiceFactory(name="Alpha")
    client.get("/catalogue/?q=alpha")
    with django_assert_max_num_queries(1):
        response = client.get("/catalogue/?q=alpha")
    assert "Alpha" in response.text


def test_a_change_of_service_or_of_adopters_shows_at_once(client, themes):
    service = ServiceFactory(name="Alpha")
    assert "aucune collectivité déclarée" in client.get("/catalogue/").text
    AdoptionFactory(service=service)
    assert "1 collectivité" in client.get("/catalogue/").text
    Service.objects.filter(pk=service.pk).first().save()  # any edit moves updated_at
    service.name = "Alpha renommé"
    service.save()
    assert "Alpha renommé" in client.get("/catalogue/").text


def test_a_renamed_theme_or_publisher_shows_at_once(client, themes):
    """Theme and publisher names are not in the catalogue version: their writes move the pages' token."""
    ServiceFactory(name="Alpha", themes=[themes["donnees"]], publisher__name="Éditeur un")
    assert ">Données et open data<" in client.get("/catalogue/").text

    themes["donnees"].name = "Données publiques"
    themes["donnees"].save()
    publisher = Publisher.objects.get(name="Éditeur un")
    publisher.name = "Éditeur renommé"
    publisher.save()

    html = client.get("/catalogue/").text
    assert ">Données publiques<" in html
    assert "Éditeur renommé" in html


def test_a_theme_added_to_a_service_shows_at_once_in_the_counts(client, themes):
    service = ServiceFactory(name="Alpha", themes=[themes["donnees"]])
    assert "Mobilités (0)" in client.get("/catalogue/").text

    service.themes.add(themes["mobilite"])

    assert "Mobilités (1)" in client.get("/catalogue/").text


def test_a_renamed_programme_shows_at_once_in_its_facet(client, themes):
    from territories.models import Programme

    programme = Programme.objects.create(slug="programme-d-essai", name="Programme d’essai")
    ServiceFactory(name="Alpha")
    assert "Programme d’essai (0)" in client.get("/catalogue/?q=alpha").text

    programme.name = "Programme d’essai, saison 2"
    programme.save()

    assert "Programme d’essai, saison 2 (0)" in client.get("/catalogue/?q=alpha").text
