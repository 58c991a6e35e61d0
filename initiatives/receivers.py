"""Drop the cached public figures whenever a row they count is saved or deleted, and the project pages' gallery
sections whenever a row they show is (initiatives.project_section)."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from accounts.models import Organisation
from assistance.models import AssistanceRequest
from catalogue.models import Service, Theme
from common.fragments import bump_version
from initiatives.figures import invalidate
from initiatives.models import Initiative
from initiatives.project_section import SECTIONS
from journeys.models import Project, Stage

COUNTED_MODELS = (Organisation, Project, Service, AssistanceRequest, Initiative)
# What a gallery section shows: the initiatives, their projects' themes and stage, their collectivités.
SECTION_MODELS = (Initiative, Project, Organisation, Stage, Theme)


def sections_changed(sender, **kwargs) -> None:
    bump_version(SECTIONS)


def themes_changed(sender, *, action, **kwargs) -> None:
    if action in ("post_add", "post_remove", "post_clear"):
        bump_version(SECTIONS)


def connect() -> None:
    for model in COUNTED_MODELS:
        post_save.connect(invalidate, sender=model, dispatch_uid=f"public-figures-save-{model._meta.label}")
        post_delete.connect(invalidate, sender=model, dispatch_uid=f"public-figures-delete-{model._meta.label}")
    for model in SECTION_MODELS:
        post_save.connect(sections_changed, sender=model, dispatch_uid=f"gallery-sections-save-{model._meta.label}")
        post_delete.connect(
            sections_changed, sender=model, dispatch_uid=f"gallery-sections-delete-{model._meta.label}"
        )
    m2m_changed.connect(themes_changed, sender=Project.themes.through, dispatch_uid="gallery-sections-themes")
