"""Parts of the espace home written in one string (the « Demandes par département » table body, each section's
list): the same markup the template wrote, texts escaped."""

from assistance.espace_rows import departement_table_rows, home_list_items


def test_each_département_links_to_its_requests_and_texts_are_escaped():
    rows = [
        {
            "code": "2A",
            "name": "Corse & <du-Sud>",
            "url": "/espace-anct/demandes/?departement=2A",
            "total": 3,
            "open": 2,
            "new": 1,
            "overdue": 0,
        },
        {"code": "—", "name": "Collectivités régionales", "url": "", "total": 1, "open": 1, "new": 1, "overdue": 1},
    ]
    assert departement_table_rows(rows) == (
        '<tr><td><a href="/espace-anct/demandes/?departement=2A">2A — Corse &amp; &lt;du-Sud&gt;</a></td>'
        "<td>3</td><td>2</td><td>1</td><td>0</td></tr>"
        "<tr><td>Collectivités régionales</td><td>1</td><td>1</td><td>1</td><td>1</td></tr>"
    )


def test_no_département_no_row():
    assert departement_table_rows([]) == ""


def test_a_home_section_lists_its_rows_as_links_with_escaped_texts():
    rows = [
        {"url": "/projets/1/", "label": "Cantine & <bio>", "detail": " — Commune d'Ax, étape «\u00a02\u00a0»"},
        {"url": "/projets/2/", "label": "Voirie", "detail": ""},
    ]
    assert home_list_items(rows) == (
        '<li><a href="/projets/1/">Cantine &amp; &lt;bio&gt;</a> — Commune d&#x27;Ax, étape «\u00a02\u00a0»</li>'
        '<li><a href="/projets/2/">Voirie</a></li>'
    )
