"""A ready report is emailed once to each member, through the one mailer, with the PDF attached (or a link)."""

import hashlib

import pytest
from django.core import mail

from reports import emails, generation
from reports.enums import DeliveryStatus, ReportStatus
from reports.models import Report, ReportDelivery
from reports.sections import register_recipients, unregister_recipients
from tests.accounts.factories import MembershipFactory
from tests.reports.factories import ReportFactory


@pytest.fixture
def produce(django_capture_on_commit_callbacks):
    """Render a report inline, running what waits for the commit (the emails) as a real commit would."""

    def _produce(project) -> Report:
        report = ReportFactory(project=project)
        with django_capture_on_commit_callbacks(execute=True):
            generation.render_report(report_id=report.pk)
        report.refresh_from_db()
        assert report.status == ReportStatus.READY
        return report

    return _produce


def _members(world) -> set[str]:
    return {world["member"].email, world["referent"].email}


def test_each_member_gets_one_email_with_the_stored_pdf_attached(project, world, produce):
    report = produce(project)
    addresses = set(ReportDelivery.objects.filter(report=report).values_list("email", flat=True))
    assert _members(world) <= addresses
    assert world["staff_in"].email not in addresses
    assert sorted(message.to[0] for message in mail.outbox) == sorted(addresses)
    message = mail.outbox[0]
    assert (
        message.subject
        == "[Territoires IA] Rapport de diagnostic du projet « Assistant de réponse aux demandes des habitants »"
    )
    ((filename, content, mimetype),) = message.attachments
    assert mimetype == "application/pdf"
    assert filename == report.download_name
    with report.file.open("rb") as handle:
        stored = handle.read()
    assert content == stored
    assert hashlib.sha256(content).hexdigest() == report.checksum
    assert set(ReportDelivery.objects.filter(report=report).values_list("status", flat=True)) == {DeliveryStatus.SENT}


def test_a_large_report_is_linked_not_attached(project, produce, settings):
    settings.REPORTS_MAX_ATTACHMENT_BYTES = 1000
    report = produce(project)
    assert mail.outbox
    for message in mail.outbox:
        assert message.attachments == []
        assert f"/rapports/{report.public_id}/telecharger/" in message.body
        assert "trop volumineux" in message.body
    assert not ReportDelivery.objects.filter(report=report, with_attachment=True).exists()


def test_queuing_the_emails_again_sends_nothing_more(project, produce, django_capture_on_commit_callbacks):
    report = produce(project)
    sent = len(mail.outbox)
    assert sent >= 2
    with django_capture_on_commit_callbacks(execute=True):
        assert generation.render_report(report_id=report.pk) is None  # a re-delivered task: nothing to render
    emails.send_pending_deliveries(report_id=report.pk)
    assert len(mail.outbox) == sent


def test_a_member_who_declined_notifications_gets_no_email(project, world, produce):
    world["referent"].wants_notifications = False
    world["referent"].save()
    produce(project)
    assert world["referent"].email not in {message.to[0] for message in mail.outbox}
    assert world["member"].email in {message.to[0] for message in mail.outbox}


def test_registered_providers_add_recipients(project, produce):
    register_recipients(lambda project: ["charge.mission@anct.gouv.fr"], name="suivi")
    try:
        produce(project)
    finally:
        unregister_recipients("suivi")
    assert "charge.mission@anct.gouv.fr" in {message.to[0] for message in mail.outbox}


def test_a_refused_recipient_does_not_stop_the_others(project, world, produce, picky_smtp_server):
    extra = MembershipFactory(organisation=world["org"]).user
    picky_smtp_server.refused = {world["member"].email}
    report = produce(project)
    delivered = {message["X-Envelope-To"] for message in picky_smtp_server.received}
    assert world["referent"].email in delivered
    assert extra.email in delivered
    assert world["member"].email not in delivered
    refused = ReportDelivery.objects.get(report=report, email=world["member"].email)
    assert refused.status == DeliveryStatus.FAILED
    assert "550" in refused.error
    assert ReportDelivery.objects.get(report=report, email=extra.email).status == DeliveryStatus.SENT
    attachment = next(part for part in picky_smtp_server.received[0].iter_attachments())
    assert hashlib.sha256(attachment.get_content()).hexdigest() == report.checksum
