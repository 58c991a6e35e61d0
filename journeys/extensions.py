"""Sections other apps add to the project page, registered at start-up (`AppConfig.ready`).

journeys never imports the apps above it: an app that shows something on the project page (the ingénierie
requests of assistance, for instance) registers a provider here:

    from journeys.extensions import register_project_section

    @register_project_section
    def requests(request, project, stage):  # returns HTML (safe) or "" to show nothing
        ...

Providers run in registration order; each receives the HTTP request, the project (already visible to the user)
and the stage shown on the page.
"""

from collections.abc import Callable

from django.http import HttpRequest
from django.utils.safestring import SafeString

ProjectSection = Callable[[HttpRequest, object, object], str]
_SECTIONS: list[ProjectSection] = []


def register_project_section(provider: ProjectSection) -> ProjectSection:
    """Add a provider of a project page section (idempotent). Usable as a decorator."""
    if provider not in _SECTIONS:
        _SECTIONS.append(provider)
    return provider


def project_sections(request: HttpRequest, project, stage) -> list[SafeString]:
    """The HTML of every registered section for this page, empty ones left out."""
    rendered = (provider(request, project, stage) for provider in _SECTIONS)
    return [html for html in rendered if html]
