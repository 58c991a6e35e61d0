"""A report happens once: asking again while one is in flight gets that one, and each email is claimed and recorded
once (reports/deliveries.py, the receipt the one mailer holds while it sends)."""

import pytest
from django.db import transaction

from reports import services
from reports.deliveries import ReportDeliveryReceipt
from reports.enums import DeliveryStatus, ReportStatus
from reports.models import Report, ReportDelivery
from tests.journeys.factories import ProjectFactory
from tests.reports.factories import ReportFactory


@pytest.fixture
def delivery(world):
    report = ReportFactory(project=ProjectFactory(organisation=world["org"]), ready=True)
    return ReportDelivery.objects.create(report=report, email=world["member"].email)


def test_asking_again_while_a_report_is_in_flight_gets_that_report(world):
    project = ProjectFactory(organisation=world["org"])
    in_flight = ReportFactory(project=project, status=ReportStatus.RUNNING)

    outcome = services.request_report(project=project, requested_by=world["member"])

    assert outcome.created is False
    assert outcome.report == in_flight
    assert Report.objects.filter(project=project).count() == 1


@pytest.mark.parametrize("status", [DeliveryStatus.SENT, DeliveryStatus.FAILED])
def test_an_email_sent_or_given_up_is_never_claimed_again(delivery, status):
    ReportDelivery.objects.filter(pk=delivery.pk).update(status=status)
    with transaction.atomic():
        assert ReportDeliveryReceipt().claim(delivery.pk) is False
    delivery.refresh_from_db()
    assert (delivery.attempts, delivery.last_attempt_at) == (0, None)


@pytest.mark.parametrize("status", [DeliveryStatus.PENDING, DeliveryStatus.RETRYING])
def test_an_email_to_send_is_claimed_and_each_claim_counts_one_try(delivery, status):
    ReportDelivery.objects.filter(pk=delivery.pk).update(status=status)
    with transaction.atomic():
        assert ReportDeliveryReceipt().claim(delivery.pk) is True
    delivery.refresh_from_db()
    assert delivery.attempts == 1
    assert delivery.last_attempt_at is not None


def test_an_unknown_delivery_is_not_claimed(db):
    with transaction.atomic():
        assert ReportDeliveryReceipt().claim(0) is False


def test_a_sent_email_is_recorded_sent_and_its_last_error_cleared(delivery):
    ReportDelivery.objects.filter(pk=delivery.pk).update(status=DeliveryStatus.RETRYING, error="Serveur injoignable")
    ReportDeliveryReceipt().record(delivery.pk)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.error) == (DeliveryStatus.SENT, "")
    assert delivery.sent_at is not None


@pytest.mark.parametrize(
    ("final", "status"),
    [
        ({}, DeliveryStatus.FAILED),
        ({"final": True}, DeliveryStatus.FAILED),
        ({"final": False}, DeliveryStatus.RETRYING),
    ],
)
def test_a_failed_email_is_given_up_unless_another_try_is_planned(delivery, final, status):
    ReportDeliveryReceipt().record(delivery.pk, error="550 Boîte inconnue " + "x" * 3000, **final)
    delivery.refresh_from_db()
    assert delivery.status == status
    assert delivery.error == ("550 Boîte inconnue " + "x" * 3000)[:2000]
    assert delivery.sent_at is None
