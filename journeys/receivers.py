"""Receivers of the journeys app (connected in JourneysConfig.ready).

A project's answers are also deleted by cascades the journeys services do not run (an organisation or a
project deleted in the back-office): the receiver makes their files leave the storage too.

The others move the version tokens of the project page's kept body (journeys.page_versions) on every write of what
it shows, whoever writes it (services, back-office, shell): a write through a queryset's update() or bulk_update()
sends no signal and moves them itself (journeys.content.loader.refresh_ethics_results).
"""

from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_delete, post_save

from accounts.models import Organisation
from catalogue.models import Service, Theme
from journeys import models
from journeys.page_versions import every_project_page_changed, project_page_changed
from journeys.services import delete_file_on_commit


def delete_answer_file(sender, *, instance, **kwargs) -> None:
    """A deleted answer's deliverable leaves the storage once the deletion is committed."""
    if instance.file:
        delete_file_on_commit(instance.file.storage, instance.file.name)


# The project page's kept body (journeys.pages) shows these rows of the project: each write of one moves its version.
def project_row_changed(sender, *, instance, **kwargs) -> None:
    project_page_changed(instance.project_id)


def project_changed(sender, *, instance, **kwargs) -> None:
    project_page_changed(instance.pk)


def project_themes_changed(sender, *, instance, action, reverse, **kwargs) -> None:
    if action in ("post_add", "post_remove", "post_clear"):
        # From the theme's side (theme.projects.add…) the projects are many: every page then renders anew.
        if reverse:
            every_project_page_changed()
        else:
            project_page_changed(instance.pk)


def shared_row_changed(sender, *, update_fields=None, **kwargs) -> None:
    """A row many project pages show changed (a person's name, an organisation, a theme, a catalogue service).
    A login only moves last_login, which no page shows: it leaves the pages kept."""
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return
    every_project_page_changed()


def connect_page_versions() -> None:
    """Connect the receivers above (JourneysConfig.ready)."""
    project_rows = (
        models.StepAnswer,
        models.StageValidation,
        models.StageTransition,
        models.ProjectEvent,
        models.Comment,
        models.DiagnosticResponse,
        models.EthicsCheck,
        models.ProjectShortlist,
    )
    for signal, name in ((post_save, "save"), (post_delete, "delete")):
        signal.connect(project_changed, sender=models.Project, dispatch_uid=f"journeys.page.project.{name}")
        for model in project_rows:
            signal.connect(project_row_changed, sender=model, dispatch_uid=f"journeys.page.{model.__name__}.{name}")
        for model in (get_user_model(), Organisation, Theme, Service):
            signal.connect(shared_row_changed, sender=model, dispatch_uid=f"journeys.pages.{model.__name__}.{name}")
    m2m_changed.connect(project_themes_changed, sender=models.Project.themes.through, dispatch_uid="journeys.themes")
