"""A resource title in another language is marked with its lang (RGAA 8.7), from the content's own data."""

from django.urls import reverse

from catalogue.services import ensure_themes
from resources.content import RESOURCES
from resources.services import load_resources

ENGLISH = {
    "ocde-ia-digne-de-confiance-administration": "Governing with Artificial Intelligence",
    "unesco-methodologie-evaluation-etat-preparation": "Readiness Assessment Methodology",
}


def test_english_titles_carry_lang_en(client, db):
    ensure_themes()
    load_resources(entries=RESOURCES)
    listing = client.get(reverse("resources:index"), {"q": "intelligence"}).content.decode()
    for slug, english in ENGLISH.items():
        marked = f'<span lang="en">{english}</span>'
        detail = client.get(reverse("resources:resource_detail", args=[slug])).content.decode()
        assert marked in detail.split('id="titre-ressource"')[1].split("</h1>")[0], slug
        assert marked in listing or slug not in listing, slug


def test_content_declares_the_language_of_its_english_titles():
    entries = {entry["slug"]: entry for entry in RESOURCES}
    for slug, english in ENGLISH.items():
        assert entries[slug].get("original_title") == english
        assert entries[slug].get("original_language") == "en"
        assert english in entries[slug]["title"]
