"""The team's AI literacy block of a collectivité on its members' page (see accounts.organisation_sections)."""

from django.template.loader import render_to_string

from awareness.content import modules
from awareness.selectors import team_literacy


def team_literacy_section(user, organisation) -> str:
    """Who in the team followed which module; accounts calls it for members of the organisation only."""
    return render_to_string(
        "awareness/_team_literacy.html",
        {
            "organisation": organisation,
            "rows": team_literacy(organisation),
            "module_count": len(modules()),
            "user": user,
        },
    )
