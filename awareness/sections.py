"""The team's AI literacy block of each collectivité on its members' page (see accounts.organisation_sections)."""

from django.template.loader import render_to_string

from awareness.content import modules
from awareness.selectors import team_literacy


def team_literacy_section(user, organisations) -> dict[int, str]:
    """Who in each team followed which module (two queries whatever the number of organisations)."""
    rows = team_literacy(organisations)
    return {
        organisation.pk: render_to_string(
            "awareness/_team_literacy.html",
            {
                "organisation": organisation,
                "rows": rows[organisation.pk],
                "module_count": len(modules()),
                "user": user,
            },
        )
        for organisation in organisations
    }
