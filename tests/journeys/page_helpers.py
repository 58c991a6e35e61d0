"""A project's page as the tests read it: its HTML (answered 200), and the number of queries it took."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def project_page(client, project, query: str = "") -> str:
    response = client.get(project.get_absolute_url() + query)
    assert response.status_code == 200
    return response.content.decode()


def project_page_queries(client, project) -> int:
    with CaptureQueriesContext(connection) as context:
        project_page(client, project)
    return len(context.captured_queries)
