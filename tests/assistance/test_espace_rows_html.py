"""The espace lists' table bodies, written in Python, are the markup the template loops wrote (whitespace between
tags aside), every text escaped."""

import re

import pytest
from django.template import engines

from assistance import espace_rows

# The loops of espace/request_list.html, organisation_list.html and project_list.html before they were replaced.
LOOPS = {
    "request": """{% for item in rows %}<tr>
      <td>{{ item.organisation }}<br><span class="fr-text--xs">{{ item.place }}</span></td>
      <td><a href="{{ item.url }}">{{ item.kind }}</a><br><span class="fr-text--xs">{{ item.project }}</span></td>
      <td><p class="fr-badge fr-badge--sm {{ item.badge }}">{{ item.status }}</p>{% if item.waiting %}<br><span class="fr-text--xs">{{ item.waiting }}</span>{% endif %}</td>
      <td>{{ item.created }}</td>
      <td>{{ item.assignee }}</td>
    </tr>{% endfor %}""",  # noqa: E501 (the templates' lines)
    "organisation": """{% for item in rows %}<tr>
      <td><a href="{{ item.url }}">{{ item.name }}</a><br><span class="fr-text--xs">{{ item.kind }}</span></td>
      <td>{{ item.place }}</td>
      <td>{{ item.status }}</td>
      <td>{{ item.members }}</td>
      <td>{{ item.projects }}</td>
      <td>{{ item.open_requests }}</td>
    </tr>{% endfor %}""",
    "project": """{% for item in rows %}<tr>
      <td><a href="{{ item.url }}">{{ item.title }}</a>{% if item.themes %}<br><span class="fr-text--xs">{{ item.themes }}</span>{% endif %}</td>
      <td>{{ item.organisation }}<br><span class="fr-text--xs">{{ item.place }}</span></td>
      <td>{{ item.stage }}{% if item.waiting %}<br><span class="fr-text--xs">{{ item.waiting }}</span>{% endif %}</td>
      <td>{{ item.done }}&nbsp;/&nbsp;{{ item.total }}</td>
      <td>{{ item.open_requests }}</td>
      <td>{{ item.last_activity }}</td>
      <td><button class="fr-btn fr-btn--tertiary-no-outline fr-btn--sm" type="submit" formaction="{{ item.follow_url }}" name="follow" value="{{ item.follow_value }}">{{ item.follow_label }}<span class="fr-sr-only">&nbsp;: {{ item.title }}</span></button></td>
    </tr>{% endfor %}""",  # noqa: E501 (the templates' lines)
}
HOSTILE = '"><script>alert(1)</script> & « Saint-Étienne »'

ROWS = {
    "request": [
        {
            "url": "/espace-anct/demandes/1/",
            "organisation": HOSTILE,
            "place": "42 — Loire",
            "kind": "Formation des élus",
            "project": HOSTILE,
            "status": "en instruction",
            "badge": "fr-badge--info",
            "waiting": "En attente de la collectivité, 2 relances",
            "created": "1 mars 2025",
            "assignee": "Camille Roussel",
        },
        {
            "url": "/espace-anct/demandes/2/?a=1&b=2",
            "organisation": "Lyon",
            "place": "Auvergne-Rhône-Alpes",
            "kind": "Avis",
            "project": "",
            "status": "clôturée",
            "badge": "",
            "waiting": "",
            "created": "2 mars 2025",
            "assignee": "—",
        },
    ],
    "organisation": [
        {
            "url": "/espace-anct/collectivites/1/",
            "name": HOSTILE,
            "kind": "Commune",
            "place": "2A — Corse-du-Sud",
            "status": "confirmée",
            "members": 3,
            "projects": 0,
            "open_requests": 12,
        }
    ],
    "project": [
        {
            "url": "/projets/1/",
            "follow_url": "/espace-anct/projets/1/suivre/",
            "title": HOSTILE,
            "themes": "Mobilité, Données",
            "organisation": HOSTILE,
            "place": "69 — Rhône",
            "stage": "3. Cadrage",
            "done": 4,
            "total": 19,
            "open_requests": 1,
            "last_activity": "27 novembre 2026",
            "follow_value": "0",
            "follow_label": "Ne plus suivre",
            "waiting": "En attente de la collectivité",
        },
        {
            "url": "/projets/2/",
            "follow_url": "/espace-anct/projets/2/suivre/",
            "title": "Capteurs",
            "themes": "",
            "organisation": "Bourg",
            "place": "Bretagne",
            "stage": "1. Mise à l’agenda",
            "done": 0,
            "total": 19,
            "open_requests": 0,
            "last_activity": "1 janvier 2026",
            "follow_value": "1",
            "follow_label": "Je suis ce projet",
            "waiting": "",
        },
    ],
}


def _squeezed(markup: str) -> str:
    return re.sub(r">\s+<", "><", markup.strip())


@pytest.mark.parametrize("kind", LOOPS)
def test_rows_html_is_the_loop_s_markup(kind):
    expected = engines["django"].from_string(LOOPS[kind]).render({"rows": ROWS[kind]})
    written = getattr(espace_rows, f"{kind}_rows_html")(ROWS[kind])
    assert _squeezed(written) == _squeezed(expected)
    assert "<script>" not in written


@pytest.mark.parametrize("kind", LOOPS)
def test_no_rows_no_markup(kind):
    assert getattr(espace_rows, f"{kind}_rows_html")([]) == ""
