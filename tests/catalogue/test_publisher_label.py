"""The service page names the publisher's kind only when it adds something to its name."""

from catalogue.enums import PublisherKind
from tests.catalogue.factories import PublisherFactory, ServiceFactory


def test_visitor_reads_the_publisher_kind_unless_it_repeats_the_name(client):
    dinum = ServiceFactory(publisher=PublisherFactory(name="DINUM", kind=PublisherKind.DINUM))
    association = ServiceFactory(
        publisher=PublisherFactory(name="OpenStreetMap France", kind=PublisherKind.ASSOCIATION)
    )
    assert "DINUM (DINUM)" not in " ".join(client.get(dinum.get_absolute_url()).content.decode().split())
    page = " ".join(client.get(association.get_absolute_url()).content.decode().split())
    assert "OpenStreetMap France</a> (association)" in page or "OpenStreetMap France (association)" in page
