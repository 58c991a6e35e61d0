"""Celery tasks of the assistance app (scheduled in settings.CELERY_BEAT_SCHEDULE)."""

from celery import shared_task

from assistance import services


@shared_task(ignore_result=True)
def follow_up_requests() -> dict:
    """Hourly: escalate requests left without answer past the deadline, and send the reminders that are due."""
    return {"escalated": services.escalate_overdue(), "reminded": services.send_due_reminders()}


@shared_task(ignore_result=True)
def notify_stage_validations() -> int:
    """Every 10 minutes: tell the covering chargés de mission about stages that now wait for their validation."""
    return services.notify_pending_validations()
