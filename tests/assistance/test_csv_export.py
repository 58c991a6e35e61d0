"""CSV exports of the espace lists: the filtered rows only, opened safely by spreadsheet software."""

import csv
import io

from django.urls import reverse

from common.spreadsheet import csv_cell
from tests.assistance.factories import AssistanceRequestFactory
from tests.journeys.factories import ProjectFactory


def _rows(response) -> list[list[str]]:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = body.decode("utf-8").lstrip("\ufeff")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def test_formulas_are_neutralised():
    assert csv_cell('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert csv_cell("+33 1 23") == "'+33 1 23"
    assert csv_cell("@SUM(A1)") == "'@SUM(A1)"
    assert csv_cell("Saint-Malo") == "Saint-Malo"
    assert csv_cell(None) == ""


def test_the_request_export_follows_the_filters_and_neutralises_formulas(client_as, world):
    hostile = ProjectFactory(organisation=world["org"], title="=cmd|' /C calc'!A0")
    AssistanceRequestFactory(project=hostile, kind="formation")
    AssistanceRequestFactory(project=ProjectFactory(organisation=world["org"]), kind="amo")
    response = client_as(world["staff_in"]).get(reverse("espace:request_export"), {"type": "formation"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment;" in response["Content-Disposition"]
    header, *rows = _rows(response)
    assert header[:3] == ["identifiant", "collectivité", "département"]
    assert len(rows) == 1
    assert rows[0][4] == "'=cmd|' /C calc'!A0"
    assert rows[0][5] == "formation des élus et des agents"


def test_project_and_organisation_exports_list_the_scope(client_as, world):
    ProjectFactory(organisation=world["org"], title="Tableau de bord énergie")
    client = client_as(world["staff_in"])
    projects = _rows(client.get(reverse("espace:project_export")))
    assert [row[1] for row in projects[1:]] == ["Tableau de bord énergie"]
    organisations = _rows(client.get(reverse("espace:organisation_export")))
    assert [row[1] for row in organisations[1:]] == [world["org"].name]


def test_the_request_export_streams_names_labels_and_local_dates(client_as, world):
    from datetime import UTC, datetime

    from assistance.models import AssistanceRequest

    assignee = world["staff_in"]
    found = AssistanceRequestFactory(
        project=ProjectFactory(organisation=world["org"]), kind="amo", urgency="forte", assigned_to=assignee
    )
    # 23:30 UTC on 31 March is 1 April in Paris: the date is the site's, not the database's.
    AssistanceRequest.objects.filter(pk=found.pk).update(
        created_at=datetime(2026, 3, 31, 23, 30, tzinfo=UTC), closed_at=datetime(2026, 6, 2, 8, 0, tzinfo=UTC)
    )
    AssistanceRequestFactory(project=ProjectFactory(organisation=world["org"]), kind="formation")
    response = client_as(world["staff_in"]).get(reverse("espace:request_export"), {"type": "amo"})
    assert response.streaming
    _header, row = _rows(response)
    found.refresh_from_db()
    assert row[0] == str(found.public_id)
    assert row[5:9] == [
        found.get_kind_display(),
        found.get_status_display(),
        found.get_urgency_display(),
        found.get_cost_rule_display(),
    ]
    assert row[9] == assignee.get_full_name()
    assert row[10:] == ["01/04/2026", "", "02/06/2026"]
