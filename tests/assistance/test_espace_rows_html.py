"""The espace lists' table bodies, written in Python, are the markup the template loops wrote (whitespace between
tags aside), every text escaped."""

import re

import pytest
from django.template import engines

from assistance import espace_rows
from assistance.espace_selectors import Section

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


# The home's loops (espace/home.html) before they were replaced; `section.items` was home_list_items(section.rows).
HOME_SECTIONS_LOOP = """{% for section in sections %}
  <section class="fr-col-12 fr-col-md-6" id="{{ section.key }}" aria-labelledby="titre-{{ section.key }}">
    <div class="fr-p-3w journeys-step">
      <h2 class="fr-h5" id="titre-{{ section.key }}">{{ section.title }} <span class="fr-badge fr-badge--sm{% if section.count %} fr-badge--new{% endif %}">{{ section.count }}</span></h2>
      {% if section.rows %}
        <ul>{{ section.items }}</ul>
        {% if section.url %}<a class="fr-link fr-icon-arrow-right-line fr-link--icon-right" href="{{ section.url }}">Tout voir<span class="fr-sr-only">&nbsp;: {{ section.title }}</span></a>{% endif %}
      {% else %}
        <p>{{ section.empty }}</p>
      {% endif %}
    </div>
  </section>
{% endfor %}"""  # noqa: E501 (the template's lines)
STATUS_LOOP = """{% for row in by_status %}
  <tr><td><a href="{{ row.url }}">{{ row.label }}</a></td><td>{{ row.count }}</td></tr>
{% endfor %}"""


def test_home_sections_are_the_loop_s_markup():
    rows = [{"url": "/espace-anct/demandes/1/?a=1&b=2", "label": HOSTILE, "detail": f" — {HOSTILE}"}]
    sections = [
        Section("new", "Nouvelles demandes", 3, rows, "/espace-anct/demandes/?statut=deposee", "Aucune."),
        Section("join_requests", HOSTILE, 1, rows, "", "Aucune demande."),
        Section("inactive", "Projets sans activité", 0, [], "/espace-anct/projets/", HOSTILE),
    ]
    looped = [{**vars(section), "items": espace_rows.home_list_items(section.rows)} for section in sections]
    expected = engines["django"].from_string(HOME_SECTIONS_LOOP).render({"sections": looped})
    written = espace_rows.home_sections_html(sections)
    assert _squeezed(written) == _squeezed(expected)
    assert "<script>" not in written


def test_status_rows_are_the_loop_s_markup():
    by_status = [
        {"url": "/espace-anct/demandes/?statut=deposee&x=1", "label": "Déposée", "count": 12},
        {"url": "/espace-anct/demandes/?statut=close", "label": HOSTILE, "count": 0},
    ]
    expected = engines["django"].from_string(STATUS_LOOP).render({"by_status": by_status})
    assert _squeezed(espace_rows.status_table_rows(by_status)) == _squeezed(expected)
