"""The services' full-text vectors live in a narrow table of their own (PostgreSQL): kept up to date by the
indexing, read alone by a new search."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalogue.indexing import refresh_search_index
from catalogue.models import ServiceSearchVector
from tests.catalogue.factories import ServiceFactory

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="vecteurs PostgreSQL")


def _lexemes(service) -> str:
    return str(ServiceSearchVector.objects.get(service=service).vector)


def test_a_service_renamed_has_its_vector_rewritten(client, themes):
    service = ServiceFactory(name="Alpha cantine")
    refresh_search_index(service_ids=[service.pk])
    assert "'cantin':" in _lexemes(service)
    service.name = "Alpha restauration"
    service.save()
    refresh_search_index(service_ids=[service.pk])
    assert "'cantin':" not in _lexemes(service)
    assert ServiceSearchVector.objects.filter(service=service).count() == 1
    assert "Alpha restauration" in client.get("/catalogue/", {"q": "restauration"}).text


def test_a_deleted_service_takes_its_vector_along(themes):
    service = ServiceFactory(name="Alpha cantine")
    refresh_search_index(service_ids=[service.pk])
    service.delete()
    assert not ServiceSearchVector.objects.exists()


def test_a_new_search_reads_the_vectors_table_alone(client, themes):
    ServiceFactory(name="Alpha cantine")
    client.get("/catalogue/", {"q": "premier"})
    with CaptureQueriesContext(connection) as context:
        assert "Alpha cantine" in client.get("/catalogue/", {"q": "cantine alpha"}).text
    searches = [query["sql"] for query in context.captured_queries if "websearch_to_tsquery" in query["sql"]]
    assert len(searches) == 1
    assert 'FROM "catalogue_servicesearchvector"' in searches[0]
    assert '"catalogue_service"' not in searches[0]
