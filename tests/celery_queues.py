"""Test helper for real Celery workers started one after another in one process."""


def forget_celery_queues(app) -> None:
    """Celery caches the queue declarations built from the first default queue it saw: a worker started later, with
    another default queue, would not consume its own."""
    for name in ("queues", "default_queue", "router"):
        app.amqp.__dict__.pop(name, None)
