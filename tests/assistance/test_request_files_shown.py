"""A request's files on its pages: those joined to a message under that message, those joined to the request in
its summary, read in one query whatever the thread holds."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from assistance import services
from assistance.models import RequestAttachment
from tests.assistance.factories import AssistanceRequestFactory, pdf_upload


def _espace_page(client, found) -> tuple[str, int]:
    client.get(found.get_espace_url())
    with CaptureQueriesContext(connection) as queries:
        page = client.get(found.get_espace_url()).content.decode()
    return page, len(queries.captured_queries)


def test_each_file_is_shown_where_it_was_joined_in_a_constant_number_of_queries(client_as, world):
    found = AssistanceRequestFactory(project__organisation=world["org"])
    RequestAttachment.objects.create(
        request=found, file_name="cahier-des-charges.pdf", file_type="application/pdf", size=10, file="x.pdf"
    )
    services.post_message(request=found, author=world["member"], body="Premier.", uploads=[pdf_upload("un.pdf")])
    client = client_as(world["staff_in"])
    page, queries = _espace_page(client, found)
    thread = page[page.index('id="echanges"') :]
    summary = page[: page.index('id="echanges"')]
    assert "cahier-des-charges.pdf" in summary
    assert "cahier-des-charges.pdf" not in thread
    assert "un.pdf" in thread
    for index in range(3):
        services.post_message(
            request=found, author=world["member"], body=f"Suite {index}.", uploads=[pdf_upload(f"suite-{index}.pdf")]
        )
    page, more_queries = _espace_page(client, found)
    assert more_queries == queries
    thread = page[page.index('id="echanges"') :]
    assert all(f"suite-{index}.pdf" in thread for index in range(3))
    assert thread.index("un.pdf") < thread.index("suite-0.pdf") < thread.index("suite-2.pdf")


def test_the_collectivité_page_shows_the_files_too(client_as, world):
    found = AssistanceRequestFactory(project__organisation=world["org"])
    services.post_message(request=found, author=world["member"], body="Premier.", uploads=[pdf_upload("un.pdf")])
    page = client_as(world["member"]).get(found.get_absolute_url()).content.decode()
    assert "un.pdf" in page
