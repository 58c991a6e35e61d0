"""The home's « Demandes par département » table body, written in one string: the same cells as the template
wrote, texts escaped, a link per département and none for the collectivités without one."""

from assistance.espace_rows import departement_table_rows


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
