"""The funding and procurement guides the Financement stage links to exist and cite the text behind each rule."""

import re

from journeys.content.loader import shipped_template
from resources.content import RESOURCES

TEMPLATE = shipped_template()

BY_SLUG = {entry["slug"]: entry for entry in RESOURCES}


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " ").replace("**", ""))


def test_the_financement_stage_links_to_guides_that_exist():
    stage = next(stage for stage in TEMPLATE["stages"] if stage["key"] == "financement")
    texts = " ".join(step["help"] + str(step.get("link", "")) for step in stage["steps"])
    slugs = re.findall(r"/ressources/([a-z0-9-]+)/", texts)
    assert {"financer-un-projet-donnees-ia", "commande-publique-ia-donnees"} <= set(slugs)
    assert all(slug in BY_SLUG and BY_SLUG[slug]["is_published"] for slug in slugs)


def test_the_funding_guide_says_who_gets_each_grant_and_that_it_funds_investment():
    body = _plain(BY_SLUG["financer-un-projet-donnees-ia"]["body"])
    assert "L2334-33" in body  # DETR
    assert "L2334-42" in body  # DSIL
    assert "L3334-10" in body  # DSID
    assert "Les régions ne bénéficient d’aucune de ces trois dotations" in body
    assert "un abonnement n’y est pas éligible" in body
    assert "aides-territoires.beta.gouv.fr" in body
    assert "À la date du 27 novembre 2026" in body  # the unverified 2026 finance law is dated and hedged


def test_the_procurement_guide_gives_each_threshold_with_its_decree_and_date():
    body = _plain(BY_SLUG["commande-publique-ia-donnees"]["body"])
    assert "décret n° 2025-1386 du 29 décembre 2025" in body
    assert "60 000 € HT pour les fournitures et services" in body
    assert "1er avril 2026" in body
    assert "R2122-9-1" in body
    assert "décret n° 2021-1634 du 13 décembre 2021" in body
    assert "L2113-4" in body
    assert "UGAP" in body
    assert "CCAG-TIC" in body
    assert "article 28 du RGPD" in body
    assert "Depuis le 21 août 2026" in body
    assert "décret n° 2022-767 du 2 mai 2022" in body
    # The European thresholds of 2026-2027 could not be checked against the official notice: no figure is given.
    assert not re.search(r"\b(140|143|216|221) 000 €", body)
