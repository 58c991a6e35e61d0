"""The email of a ready report, through the one mailer (accounts.mailer): one message per recipient, each recorded
as a ReportDelivery so that it is sent at most once."""

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from accounts import mailer
from accounts.models import User
from reports.enums import DeliveryStatus
from reports.models import Report, ReportDelivery
from reports.sections import extra_recipients

TEMPLATE = "reports/emails/report_ready"
RECEIPT_KIND = "reports.delivery"


def recipients_for(project) -> list[str]:
    """Active members of the collectivité who accept emails, then the providers' recipients (reports.sections)."""
    members = (
        User.objects.filter(memberships__organisation=project.organisation, is_active=True, wants_notifications=True)
        .order_by("email")
        .values_list("email", flat=True)
        .distinct()
    )
    return list(dict.fromkeys([*members, *extra_recipients(project)]))


def queue_report_emails(report: Report) -> int:
    """Record one delivery per recipient of the ready report and queue the emails when the transaction commits.

    The PDF is attached up to REPORTS_MAX_ATTACHMENT_BYTES; above, the email carries the download link only.
    """
    with_attachment = (report.size or 0) <= settings.REPORTS_MAX_ATTACHMENT_BYTES
    deliveries = [
        ReportDelivery(report=report, email=address, with_attachment=with_attachment)
        for address in recipients_for(report.project)
    ]
    ReportDelivery.objects.bulk_create(deliveries, ignore_conflicts=True)
    transaction.on_commit(lambda: send_pending_deliveries(report_id=report.pk))
    return len(deliveries)


def send_pending_deliveries(*, report_id: int, include_retrying: bool = False) -> int:
    """Queue the email of each delivery of the report not sent yet (and, if asked, of those waiting for a retry);
    the task claims the delivery before sending, so queuing one twice never sends it twice. Returns the number
    queued."""
    report = Report.objects.select_related("project__organisation").filter(pk=report_id).first()
    if report is None or not report.file:
        return 0
    site = settings.SITE_URL.rstrip("/")
    context = {
        "report": report,
        "project": report.project,
        "organisation": report.project.organisation,
        "download_url": site + reverse("reports:report_download", kwargs={"public_id": report.public_id}),
        "project_url": site + report.project.get_absolute_url(),
    }
    attachment = {
        "storage": "private",
        "name": report.file.name,
        "filename": report.download_name,
        "mimetype": "application/pdf",
    }
    statuses = [DeliveryStatus.PENDING, DeliveryStatus.RETRYING] if include_retrying else [DeliveryStatus.PENDING]
    queued = 0
    for delivery in report.deliveries.filter(status__in=statuses):
        mailer.render_and_send(
            TEMPLATE,
            to=[delivery.email],
            context={**context, "with_attachment": delivery.with_attachment},
            attachments=[attachment] if delivery.with_attachment else None,
            receipt={"kind": RECEIPT_KIND, "id": delivery.pk},
        )
        queued += 1
    return queued
