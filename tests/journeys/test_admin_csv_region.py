"""The projects' CSV export names the région (a code such as « 84 » means nothing to a reader)."""

import csv
import io

from django.urls import reverse

from tests.accounts.factories import login_with_second_factor
from tests.journeys.factories import ProjectFactory, sample_template


def test_the_region_column_holds_the_region_name(client, world):
    sample_template()
    ProjectFactory(organisation=world["org"], title="Projet dedans")
    login_with_second_factor(client, world["staff_in"])
    response = client.get(reverse("admin:journeys_project_export_csv"))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    column = rows[0].index("région")
    region = world["org"].region
    assert [row[column] for row in rows[1:]] == [region.name]
    assert region.name != region.code
