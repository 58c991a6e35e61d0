"""The one mailer carries attachments named in a storage (task arguments stay JSON) and keeps delivery receipts."""

import json
import smtplib

import pytest
from celery.canvas import Signature
from celery.exceptions import Retry
from django.core import mail
from django.core.files.base import ContentFile
from django.core.files.storage import storages

from accounts import delivery, mailer
from accounts.tasks import deliver_email


class FakeReceipts:
    def __init__(self, *, claimable: bool = True) -> None:
        self.claimable = claimable
        self.records: list[tuple[int, str, bool]] = []

    def claim(self, key: int) -> bool:
        return self.claimable

    def record(self, key: int, *, error: str = "", final: bool = True) -> None:
        self.records.append((key, error, final))


@pytest.fixture
def receipts():
    keeper = FakeReceipts()
    delivery.register_receipt("tests.fake", keeper)
    return keeper


def _send(**extra) -> None:
    mailer.deliver(subject="[Territoires IA] Essai", text="Bonjour", html="<p>Bonjour</p>", to="a@mairie.fr", **extra)


def test_attachment_is_read_from_the_storage_and_the_task_arguments_are_json(monkeypatch):
    name = storages["private"].save("essais/piece.pdf", ContentFile(b"%PDF-1.7 contenu"))
    attachment = {"storage": "private", "name": name, "filename": "rapport.pdf", "mimetype": "application/pdf"}
    sent = []
    real_delay = deliver_email.delay
    monkeypatch.setattr(deliver_email, "delay", lambda **kwargs: sent.append(kwargs) or real_delay(**kwargs))
    _send(attachments=[attachment])
    json.dumps(sent[0])  # what goes through the broker: no bytes
    assert mail.outbox[0].attachments == [("rapport.pdf", b"%PDF-1.7 contenu", "application/pdf")]


def test_a_claimed_receipt_is_recorded_as_sent(receipts):
    _send(receipt={"kind": "tests.fake", "id": 7})
    assert len(mail.outbox) == 1
    assert receipts.records == [(7, "", True)]


def test_a_receipt_already_sent_sends_nothing(receipts):
    receipts.claimable = False
    _send(receipt={"kind": "tests.fake", "id": 7})
    assert mail.outbox == []
    assert receipts.records == []


def test_an_unknown_receipt_kind_is_an_error():
    with pytest.raises(LookupError):
        _send(receipt={"kind": "inconnu", "id": 1})


def test_a_receipt_follows_one_recipient_only():
    with pytest.raises(ValueError, match="qu’un destinataire"):
        mailer.render_and_send(
            "accounts/emails/organisation_confirmed",
            to=["a@mairie.fr", "b@mairie.fr"],
            context={"organisation": None, "url": "/"},
            receipt={"kind": "tests.fake", "id": 1},
        )


def _run_as_worker(monkeypatch, error: Exception, receipts: FakeReceipts) -> None:
    def refuse(*args, **kwargs):
        raise error

    monkeypatch.setattr(delivery, "send_now", refuse)
    monkeypatch.setattr(Signature, "apply_async", lambda self, *args, **kwargs: None)
    deliver_email.push_request(retries=0, is_eager=False, called_directly=False, id="t", args=[], kwargs={})
    try:
        deliver_email.run(
            subject="s", text="t", html="h", to="a@mairie.fr", reply_to=[], receipt={"kind": "tests.fake", "id": 3}
        )
    finally:
        deliver_email.pop_request()


def test_a_permanently_refused_address_is_recorded_and_not_retried(monkeypatch, receipts):
    _run_as_worker(monkeypatch, smtplib.SMTPRecipientsRefused({"a@mairie.fr": (550, b"Unknown user")}), receipts)
    assert receipts.records == [(3, "{'a@mairie.fr': (550, b'Unknown user')}", True)]


def test_a_temporary_refusal_is_retried(monkeypatch, receipts):
    with pytest.raises(Retry):
        _run_as_worker(monkeypatch, smtplib.SMTPRecipientsRefused({"a@mairie.fr": (451, b"Try later")}), receipts)
    assert receipts.records == [(3, "{'a@mairie.fr': (451, b'Try later')}", False)]
