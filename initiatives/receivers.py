"""Drop the cached public figures whenever a row they count is saved or deleted."""

from django.db.models.signals import post_delete, post_save

from accounts.models import Organisation
from assistance.models import AssistanceRequest
from catalogue.models import Service
from initiatives.figures import invalidate
from initiatives.models import Initiative
from journeys.models import Project

COUNTED_MODELS = (Organisation, Project, Service, AssistanceRequest, Initiative)


def connect() -> None:
    for model in COUNTED_MODELS:
        post_save.connect(invalidate, sender=model, dispatch_uid=f"public-figures-save-{model._meta.label}")
        post_delete.connect(invalidate, sender=model, dispatch_uid=f"public-figures-delete-{model._meta.label}")
