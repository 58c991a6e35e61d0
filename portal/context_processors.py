from functools import cache

from django.conf import settings
from django.http import HttpRequest
from django.urls import get_script_prefix, reverse

from portal.accessibility import AUDIT

# (label, url name, namespaces that make the entry current)
MAIN_NAV = [
    ("Accueil", "portal:home", ()),
    ("Catalogue", "catalogue:service_list", ("catalogue",)),
    ("Mes projets", "journeys:project_list", ("journeys", "reports")),
    ("Mes demandes", "assistance:request_list", ("assistance",)),
    ("Ressources", "resources:index", ("resources",)),
    ("Se former", "awareness:module_list", ("awareness",)),
    ("Programmes", "territories:programme_list", ("territories",)),
    ("Initiatives", "initiatives:gallery", ("initiatives",)),
]


@cache
def _nav_urls(script_prefix: str) -> tuple[str, ...]:
    """The navigation's URLs, reversed once per process (and script prefix)."""
    return tuple(reverse(name) for _label, name, _namespaces in MAIN_NAV)


def site(request: HttpRequest) -> dict:
    """Site-wide values for the layout. Must stay free of queries: it runs on every page."""
    match = getattr(request, "resolver_match", None)
    namespace = match.namespace if match else ""
    view_name = match.view_name if match else ""
    nav = [
        {
            "label": label,
            "url": url,
            "current": view_name == name or (namespace in namespaces and namespace != ""),
        }
        for (label, name, namespaces), url in zip(MAIN_NAV, _nav_urls(get_script_prefix()), strict=True)
    ]
    context = {"SITE_NAME": settings.SITE_NAME, "main_nav": nav, "ACCESSIBILITY_LEVEL": AUDIT.level}
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        # When the session ends (RGAA 13.1): portal.js warns a few minutes before and offers to extend it.
        context["SESSION_EXPIRES_AT"] = int(request.session.get_expiry_date().timestamp())
    return context
