"""Fixtures of the reports tests: a project with everything a report shows, and PDF reading helpers."""

import io
import uuid

import pytest
import redis
from pypdf import PdfReader

from tests.celery_queues import forget_celery_queues
from tests.reports.factories import full_project


def pdf_text(data: bytes) -> str:
    """The text of every page, with line breaks and runs of spaces made single spaces (pypdf)."""
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


@pytest.fixture
def project(world):
    """A project of the world's organisation at its last stage, diagnostic completed, a service chosen."""
    return full_project(organisation=world["org"])


@pytest.fixture
def picky_smtp_server(settings):
    """A real SMTP server (aiosmtpd) that refuses, with a permanent 550, the addresses put in `.refused`."""
    import socket
    from email import message_from_bytes, policy

    from aiosmtpd.controller import Controller

    class Handler:
        def __init__(self) -> None:
            self.received: list = []
            self.refused: set[str] = set()

        async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
            if address in self.refused:
                return "550 5.1.1 Boîte inconnue"
            envelope.rcpt_tos.append(address)
            return "250 OK"

        async def handle_DATA(self, server, session, envelope):
            message = message_from_bytes(envelope.original_content or envelope.content, policy=policy.default)
            message["X-Envelope-To"] = ", ".join(envelope.rcpt_tos)
            self.received.append(message)
            return "250 Message accepted for delivery"

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    handler = Handler()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", port, False
    try:
        yield handler
    finally:
        controller.stop()


@pytest.fixture
def broker(redis_url, transactional_db, settings, worker_id):
    """Point this process's Celery app at a broker and a queue of this test, as production would (no eager mode).

    Yields a function `use(url)` to switch broker; returns the queue name for the workers to consume."""
    from portal.celery import app

    queue = f"rapports-{worker_id}-{uuid.uuid4().hex[:8]}"
    keys = ("broker_url", "task_always_eager", "task_default_queue")
    previous = {key: app.conf[key] for key in keys}
    settings.CELERY_TASK_ALWAYS_EAGER = False

    class Broker:
        name = queue

        def use(self, url: str) -> None:
            app.conf.update(broker_url=url, task_always_eager=False, task_default_queue=queue)
            app._after_fork()  # drop pools opened with another configuration

    handle = Broker()
    forget_celery_queues(app)
    handle.use(redis_url)
    try:
        yield handle
    finally:
        app.conf.update(previous)
        app._after_fork()
        forget_celery_queues(app)
        with redis.Redis.from_url(redis_url) as client:  # leave no queue of this test behind
            client.delete(queue, f"_kombu.binding.{queue}", f"_kombu.binding_permanent.{queue}")
