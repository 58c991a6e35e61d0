from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from resources.models import Resource
from tests.resources.factories import ResourceFactory, ThemeFactory

URL = reverse("resources:index")


def test_second_visit_is_served_from_the_cache_with_one_query(client):
    ResourceFactory(title="Guide")
    client.get(URL)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL)

    assert "Guide" in response.text
    assert len(queries) == 1  # the data version


def test_an_edit_shows_at_once(client):
    resource = ResourceFactory(title="Ancien titre")
    client.get(URL)

    resource.title = "Nouveau titre"
    resource.save()

    assert "Nouveau titre" in client.get(URL).text


def test_a_new_resource_and_a_deletion_show_at_once(client):
    first = ResourceFactory(title="Première")
    client.get(URL)

    ResourceFactory(title="Seconde")
    assert "Seconde" in client.get(URL).text

    Resource.objects.filter(pk=first.pk).delete()
    assert "Première" not in client.get(URL).text


def test_unpublishing_hides_at_once(client):
    resource = ResourceFactory(title="Bientôt retirée")
    client.get(URL)

    resource.is_published = False
    resource.save(update_fields=["is_published"])

    assert "Bientôt retirée" not in client.get(URL).text


def test_each_query_string_has_its_own_page(client):
    ResourceFactory(title="Cas", use_case=True, themes=[ThemeFactory(slug="donnees")])
    ResourceFactory(title="Guide")

    assert "1 ressource trouvée" in client.get(URL, {"type": "cas-usage"}).text
    assert "2 ressources trouvées" in client.get(URL).text
