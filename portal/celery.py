"""The Celery application. Configuration comes from Django settings (CELERY_ namespace)."""

import os

from celery import Celery
from celery.signals import task_postrun, task_prerun

from portal.jsonlog import task_id_var

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

app = Celery("portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@task_prerun.connect
def _log_task_id(task_id: str | None = None, **kwargs) -> None:
    """Every line a task logs carries its id (portal/jsonlog.py)."""
    task_id_var.set(task_id)


@task_postrun.connect
def _forget_task_id(**kwargs) -> None:
    task_id_var.set(None)
