"""The diagnostic's scores are read once: in the table, not again in the radar's text alternative."""

import re

from django.urls import reverse

from tests.journeys.factories import journeys_world


def test_radar_alternative_points_to_the_table_instead_of_repeating_scores(world, client_as):
    journeys_world(world)
    project = world["journeys_project"]
    html = (
        client_as(world["member"])
        .get(reverse("journeys:diagnostic_result", args=[project.public_id]))
        .content.decode()
    )
    desc = re.search(r"<desc[^>]*>(.*?)</desc>", html, re.S).group(1)
    assert "tableau" in desc
    assert not re.search(r"\d", desc), desc
    assert "<caption>Scores par dimension (sur 100)</caption>" in html
