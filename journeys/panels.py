"""Panels that apps above journeys add to the project page (reports: « Rapport de diagnostic »).

An app registers, in its `AppConfig.ready`, a function ``panel(request, project) -> dict | None``; the dict has
the ``template`` to include and what it needs (it is available as ``panel`` in that template). None: no panel.
journeys never imports those apps: the page only includes what was registered.
"""

from collections.abc import Callable

from django.http import HttpRequest

ProjectPanel = Callable[[HttpRequest, object], dict | None]
_PANELS: dict[str, ProjectPanel] = {}


def register_project_panel(name: str, panel: ProjectPanel) -> None:
    """Register (or replace) the panel `name` of the project page."""
    _PANELS[name] = panel


def project_panels(request: HttpRequest, project) -> list[dict]:
    """The panels to show on this project's page, in registration order."""
    return [data for panel in _PANELS.values() if (data := panel(request, project)) is not None]
