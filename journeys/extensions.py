"""Sections other apps add to the project page, registered at start-up (`AppConfig.ready`).

journeys never imports the apps above it: an app that shows something on the project page (the report of
reports, the ingénierie requests of assistance) registers a provider here:

    from journeys.extensions import register_project_section

    @register_project_section  # or register_project_section(provider, place=SUMMARY)
    def requests(request, project, stage):  # returns HTML (safe) or "" to show nothing
        ...

Providers run in registration order; each receives the HTTP request, the project (already visible to the user)
and the stage shown on the page. `place` says where the page shows the section: under the project's summary
(SUMMARY), or with the stage being shown (STAGE).
"""

from collections.abc import Callable

from django.http import HttpRequest
from django.template.context_processors import csrf
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

SUMMARY = "summary"
STAGE = "stage"

ProjectSection = Callable[[HttpRequest, object, object], str]
_SECTIONS: dict[str, list[ProjectSection]] = {SUMMARY: [], STAGE: []}


def register_project_section(provider: ProjectSection, *, place: str = STAGE) -> ProjectSection:
    """Add a provider of a project page section at `place` (idempotent). Usable as a decorator."""
    if provider not in _SECTIONS[place]:
        _SECTIONS[place].append(provider)
    return provider


def project_sections(request: HttpRequest, project, stage) -> dict[str, list[SafeString]]:
    """The HTML of every registered section for this page, by place, empty ones left out."""
    return {
        place: [html for provider in providers if (html := provider(request, project, stage))]
        for place, providers in _SECTIONS.items()
    }


def render_section(template_name: str, context: dict, request: HttpRequest) -> SafeString:
    """A section's HTML from its own context, the request and the CSRF token: a section is a fragment of a page
    whose layout already ran the context processors (running them again cost ~0.2 ms per section). Its template
    reads nothing else from the request context (no `user`, `perms` or `messages`)."""
    return render_to_string(template_name, {**context, **csrf(request), "request": request})
