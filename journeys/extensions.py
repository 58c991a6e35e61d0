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

A section can be kept in the cache (`kept=KeptSection(...)`): its HTML is then stored with the version tokens
(common.fragments) of what it shows, under a key naming the project, the stage when it matters and what the
section shows of the viewer (`viewer`: their rights, never their identity unless the section shows it), and
rendered anew when a token moved. The app moves its tokens on every write of what the section shows, queryset
updates included. Every section is rendered with stand-ins for the CSRF token and the CSP nonce, put in per
request here: a kept section never carries another request's token.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import cache
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from common.fragments import token_key, version_token

SUMMARY = "summary"
STAGE = "stage"
SECTION_SECONDS = 24 * 3600

ProjectSection = Callable[[HttpRequest, object, object], str]


@dataclass(frozen=True)
class KeptSection:
    versions: Callable[[object], list[str]]  # project -> names of the version tokens of what the section shows
    viewer: Callable[[HttpRequest, object], str]  # (request, project) -> what the section shows of the viewer
    per_stage: bool = False


_SECTIONS: dict[str, list[ProjectSection]] = {SUMMARY: [], STAGE: []}
_KEPT: dict[ProjectSection, KeptSection] = {}

# Stand-ins rendered into every section and replaced per request. Neither can come from data: user text is escaped
# (no `<` nor `"` survives), and the replaced strings carry both.
_CSRF_STAND_IN = "csrf-token-of-the-section-request"
_CSRF_INPUT = format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">', _CSRF_STAND_IN)
_NONCE_STAND_IN = "csp-nonce-of-the-section-request"
_NONCE_ATTRIBUTE = f'nonce="{_NONCE_STAND_IN}"'


def register_project_section(
    provider: ProjectSection, *, place: str = STAGE, kept: KeptSection | None = None
) -> ProjectSection:
    """Add a provider of a project page section at `place` (idempotent). Usable as a decorator."""
    if provider not in _SECTIONS[place]:
        _SECTIONS[place].append(provider)
    if kept is not None:
        _KEPT[provider] = kept
    return provider


def _section_key(provider: ProjectSection, request: HttpRequest, project, stage, kept: KeptSection) -> str:
    stage_part = stage.key if kept.per_stage else ""
    viewer = kept.viewer(request, project)
    # The public id, not the primary key: a key never outlives its project into another one (a reused pk).
    return f"journeys:section:{provider.__module__}.{provider.__name__}:{project.public_id}:{stage_part}:{viewer}"


def _personalised(html: str, request: HttpRequest) -> SafeString:
    if _CSRF_STAND_IN in html:
        html = html.replace(_CSRF_INPUT, format_html(_CSRF_INPUT.replace(_CSRF_STAND_IN, "{}"), get_token(request)))
    if _NONCE_STAND_IN in html:
        html = html.replace(_NONCE_ATTRIBUTE, format_html('nonce="{}"', getattr(request, "csp_nonce", "")))
    return mark_safe(html)  # noqa: S308 (rendered by the template engine, then escaped parts put in)


def project_sections(request: HttpRequest, project, stage) -> dict[str, list[SafeString]]:
    """The HTML of every registered section for this page, by place, empty ones left out.

    The kept sections and their tokens are read in one cache round trip."""
    keys: dict[ProjectSection, tuple[str, list[str]]] = {}
    for providers in _SECTIONS.values():
        for provider in providers:
            if (kept := _KEPT.get(provider)) is not None:
                keys[provider] = (_section_key(provider, request, project, stage, kept), kept.versions(project))
    names = {name for _, versions in keys.values() for name in versions}
    found = cache.get_many([key for key, _ in keys.values()] + [token_key(name) for name in names]) if keys else {}
    tokens = {name: found.get(token_key(name)) or version_token(name) for name in names}
    to_store = {}
    sections: dict[str, list[SafeString]] = {}
    for place, providers in _SECTIONS.items():
        sections[place] = []
        for provider in providers:
            if provider in keys:
                key, versions = keys[provider]
                current = tuple(tokens[name] for name in versions)
                entry = found.get(key)
                if entry is not None and entry[0] == current:
                    html = entry[1]
                else:
                    html = str(provider(request, project, stage))
                    to_store[key] = (current, html)
            else:
                html = str(provider(request, project, stage))
            if html:
                sections[place].append(_personalised(html, request))
    if to_store:
        cache.set_many(to_store, SECTION_SECONDS)
    return sections


def render_section(template_name: str, context: dict, request: HttpRequest) -> SafeString:
    """A section's HTML from its own context and the request, with stand-ins for the CSRF token and the CSP nonce
    (`csp_nonce`), put in by project_sections: a section is a fragment of a page whose layout already ran the
    context processors (running them again cost ~0.2 ms per section). Its template reads nothing else from the
    request context (no `user`, `perms` or `messages`)."""
    return render_to_string(
        template_name, {**context, "csrf_token": _CSRF_STAND_IN, "csp_nonce": _NONCE_STAND_IN, "request": request}
    )
