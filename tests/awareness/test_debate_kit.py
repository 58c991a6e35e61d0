"""The public-debate kit: when and how, questions, formats, reporting back, « nos algorithmes », model texts."""

import html

from awareness.content import french


def test_debate_kit_page_holds_the_kit_and_the_model_texts(client):
    response = client.get("/debat-public/")

    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    for heading in (
        "Quand ouvrir le débat",
        "Les questions à poser aux habitants",
        "Les formats possibles",
        "Rendre compte",
        "Publier vos algorithmes : le modèle de page « nos algorithmes »",
        "Modèle de mention explicite",
        "Modèle de réponse à une demande de communication des règles",
    ):
        assert f">{french(heading)}</h2>" in page
    for fmt in ("réunion publique", "atelier", "consultation en ligne", "panel"):
        assert fmt in page.lower()
    assert "L. 311-3-1" in page
    assert "R. 311-3-1-2" in page
    assert 'href="/charte/"' in page


def test_awareness_pages_are_reachable_from_the_navigation_footer_and_site_map(client):
    home = client.get("/").content.decode()
    assert 'href="/se-former/"' in home  # main navigation
    assert 'href="/glossaire/"' in home  # footer
    site_map = client.get("/plan-du-site/").content.decode()
    for url in ("/glossaire/", "/se-former/", "/debat-public/", "/charte/"):
        assert f'href="{url}"' in site_map
