"""The rendered pages that the HTML and title checks look at: every kind of page, as the role that sees it."""

from django.core.cache import cache
from django.urls import reverse

from catalogue import services as catalogue_services
from catalogue.models import Service
from catalogue.services import load_demo_services
from resources import services as resource_services
from resources.content import RESOURCES
from resources.models import Resource
from tests.journeys.factories import journeys_world


def sample_pages(world, client_as) -> dict[str, str]:
    """{name: html} of the pages of the sample, each rendered by the test client (errors included)."""
    cache.clear()
    load_demo_services()
    catalogue_services.ensure_themes()
    resource_services.load_resources(entries=RESOURCES)
    journeys_world(world)
    project = world["journeys_project"]
    service = Service.objects.published().order_by("name").first()
    # An English title among them (RGAA 8.7).
    resource = Resource.objects.filter(title__startswith="Governing").first() or Resource.objects.first()
    pages: dict[str, str] = {}

    def get(name: str, url: str, person=None) -> None:
        response = client_as(person).get(url)
        assert response.status_code == 200, (name, url, response.status_code)
        pages[name] = response.content.decode()

    def post(name: str, url: str, data: dict, person=None) -> None:
        response = client_as(person).post(url, data)
        assert response.status_code in {200, 400}, (name, url, response.status_code)
        pages[name] = response.content.decode()

    get("accueil", "/")
    for name in ["legal_notice", "accessibility", "privacy", "site_map"]:
        get(name, reverse(f"portal:{name}"))
    get("catalogue", reverse("catalogue:service_list"))
    get("catalogue recherche", reverse("catalogue:service_list") + "?q=ecole&ia=oui")
    get("service", service.get_absolute_url())
    get("ressources", reverse("resources:index"))
    get("ressource", reverse("resources:resource_detail", args=[resource.slug]))
    get("territoires", reverse("territories:territory_search"))
    get("programmes", reverse("territories:programme_list"))
    get("connexion", reverse("account_login"))
    get("inscription", reverse("account_signup"))
    post("inscription erreur", reverse("account_signup"), {"email": "x"})
    member = world["member"]
    get("mon compte", reverse("accounts:profile"), member)
    get("suppression du compte", reverse("accounts:account_delete"), member)
    post("suppression du compte erreur", reverse("accounts:account_delete"), {"confirmation": "x@y.fr"}, member)
    get("projets", reverse("journeys:project_list"), member)
    get("nouveau projet", reverse("journeys:project_create"), member)
    post("nouveau projet erreur", reverse("journeys:project_create"), {"title": ""}, member)
    get("projet", project.get_absolute_url(), member)
    get("projet modifier", reverse("journeys:project_update", args=[project.public_id]), member)
    get("projet historique", reverse("journeys:project_history", args=[project.public_id]), member)
    get("diagnostic", reverse("journeys:diagnostic_form", args=[project.public_id]), member)
    get("diagnostic résultats", reverse("journeys:diagnostic_result", args=[project.public_id]), member)
    get("cadrage éthique", reverse("journeys:ethics_form", args=[project.public_id]), member)
    get("demandes", reverse("assistance:request_list"), member)
    get("demande nouvelle", reverse("assistance:request_create", args=[project.public_id]), member)
    return pages
