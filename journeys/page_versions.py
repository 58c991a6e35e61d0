"""The version tokens (common.fragments) of the project page's kept body (journeys.pages): one per project, moved
by the writes of its rows, and one for what many projects show (people's names, organisations, themes, catalogue
services, the ethics rules re-applied to saved checks). journeys/receivers.py moves them.

The projects' admin list (journeys.admin) is kept under PROJECT_LIST, which every one of those writes moves too: a
project's title, stage, progress (its answers), last activity (its history), its themes, its organisation."""

from common.fragments import bump_version

PROJECT_PAGES = "journeys:project-pages"
PROJECT_LIST = "journeys:project-list"


def project_page_token(project_id: int) -> str:
    return f"journeys:project-page:{project_id}"


def project_page_changed(project_id: int) -> None:
    bump_version(project_page_token(project_id), PROJECT_LIST)


def every_project_page_changed() -> None:
    bump_version(PROJECT_PAGES, PROJECT_LIST)
