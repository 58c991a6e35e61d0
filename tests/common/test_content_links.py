"""Every link the shipped content makes leads somewhere.

Walks the journey steps, the diagnostic recommendations, the ethics texts, the resources and the catalogue:
- an internal link resolves; a resource or service page exists and is published;
- a filtered list (catalogue theme, resource type or theme) has at least one result;
- a recommendation or a journey link points to something specific, never to a whole unfiltered list;
- an external link is a well-formed http(s) URL.
"""

import re
from urllib.parse import urlsplit

import pytest
from django.http import QueryDict
from django.urls import Resolver404, resolve

from catalogue import selectors as catalogue_selectors
from catalogue import services as catalogue_services
from catalogue.demo import SERVICES
from catalogue.filters import ServiceFilter
from catalogue.models import Service
from journeys.content.loader import load_default_content, shipped_diagnostic, shipped_template
from resources import selectors as resource_selectors
from resources import services as resource_services
from resources.content import RESOURCES
from resources.filters import ResourceFilter
from resources.models import Resource
from tests.common.shipped_texts import shipped_texts

TEMPLATE = shipped_template()
DIAGNOSTIC = shipped_diagnostic()

MARKDOWN_LINK = re.compile(r"\]\(([^)\s]+)\)")


def _pointed_links() -> list[tuple[str, str]]:
    """(where, url) of the links a reader is sent to by a recommendation or a journey step."""
    links = []
    for stage in TEMPLATE["stages"]:
        for step in stage["steps"]:
            if step.get("link"):
                links.append((f"action {step['key']}", step["link"]["url"]))
    for dimension in DIAGNOSTIC["dimensions"]:
        for recommendation in dimension.get("recommendations", []):
            for link in recommendation.get("links", []):
                links.append((f"recommandation « {recommendation['title']} »", link["url"]))
    return links


def _all_links() -> list[tuple[str, str]]:
    links = list(_pointed_links())
    for text in shipped_texts():
        links.extend(("texte", url) for url in MARKDOWN_LINK.findall(text))
    for entry in RESOURCES:
        if entry.get("source_url"):
            links.append((f"source de {entry['slug']}", entry["source_url"]))
    for service in SERVICES:
        for field in ("website", "source_code_url"):
            if service.get(field):
                links.append((f"{field} de {service['slug']}", service[field]))
    return links


@pytest.fixture
def shipped(db):
    catalogue_services.ensure_themes()
    catalogue_services.load_demo_services()
    resource_services.load_resources(entries=RESOURCES)
    load_default_content()


def _target_problem(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme in {"http", "https"}:
        ok = parts.netloc and "." in parts.netloc and " " not in url
        return None if ok else "adresse externe mal formée"
    if parts.scheme == "mailto":
        return None if "@" in parts.path else "adresse électronique mal formée"
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        return "lien ni interne absolu ni http(s)"
    try:
        match = resolve(parts.path)
    except Resolver404:
        return "page introuvable"
    query = QueryDict(parts.query)
    if match.view_name == "catalogue:service_list" and parts.query:
        filterset = ServiceFilter(query)
        if set(query) - set(filterset.filters) or not filterset.form.is_valid():
            return "filtre inconnu ou invalide"
        page = catalogue_selectors.catalogue_page(filterset, page_number=1)
        return None if page.total else "aucun service pour ce filtre"
    if match.view_name == "resources:index" and parts.query:
        filterset = ResourceFilter(query)
        if set(query) - set(filterset.filters) or not filterset.form.is_valid():
            return "filtre inconnu ou invalide"
        page = resource_selectors.resource_page(filterset, page_number=1)
        return None if page.total else "aucune ressource pour ce filtre"
    slug = match.kwargs.get("slug")
    if match.view_name == "resources:resource_detail":
        return None if Resource.objects.filter(slug=slug, is_published=True).exists() else "ressource absente"
    if match.view_name == "catalogue:service_detail":
        return None if Service.objects.filter(slug=slug).exists() else "service absent"
    return None


def test_every_link_of_the_shipped_content_leads_somewhere(shipped):
    problems = sorted(
        {f"{where} → {url} : {problem}" for where, url in _all_links() if (problem := _target_problem(url))}
    )
    assert not problems, "\n".join(problems)


def test_recommendations_and_journey_links_point_to_something_specific():
    # The declaration step opens the whole catalogue on purpose; the library as a whole is never a useful target.
    vague = [
        f"{where} → {url}"
        for where, url in _pointed_links()
        if url == "/ressources/" or (url == "/catalogue/" and where.startswith("recommandation"))
    ]
    assert not vague, "\n".join(vague)


@pytest.mark.parametrize(
    "url",
    [
        "/ressources/?theme=theme-inexistant",
        "/ressources/?type=guide&public=elus&theme=culture-tourisme",
        "/ressources/?sujet=donnees",
        "/catalogue/?theme=theme-inexistant",
        "/ressources/fiche-inexistante/",
        "/catalogue/service-inexistant/",
        "/nulle-part/",
        "http//exemple.fr",
        "https://",
    ],
)
def test_the_walker_notices_a_link_that_leads_nowhere(shipped, url):
    assert _target_problem(url)
