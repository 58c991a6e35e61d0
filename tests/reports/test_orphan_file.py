"""A worker killed between storing the PDF and committing the report leaves no orphan file: the retry stores the
report under the same name, over what the dead worker left."""

import hashlib
import posixpath

from django.core.files.base import ContentFile
from django.utils import timezone

from reports import generation
from reports.enums import ReportStatus
from reports.models import Report
from tests.reports.factories import ReportFactory


def _name(report: Report) -> str:
    return timezone.localtime(report.requested_at).strftime("rapports/%Y/%m/") + f"rapport-{report.public_id}.pdf"


def test_the_retry_overwrites_the_file_a_killed_worker_stored_without_committing(project):
    report = ReportFactory(project=project, status=ReportStatus.RUNNING, attempts=1)
    storage = report.file.storage
    # What the killed worker did: its file is stored, its transaction (the row naming the file) never committed.
    storage.save(_name(report), ContentFile(b"%PDF-1.7 interrompu"))

    assert generation.render_report(report_id=report.pk) is not None

    report = Report.objects.get(pk=report.pk)
    assert report.status == ReportStatus.READY
    assert report.file.name == _name(report)
    folder = posixpath.dirname(_name(report))
    left = [name for name in storage.listdir(folder)[1] if str(report.public_id) in name]
    assert left == [posixpath.basename(_name(report))], "one file per report: the one its row names"
    with storage.open(report.file.name) as handle:
        assert hashlib.sha256(handle.read()).hexdigest() == report.checksum
    storage.delete(report.file.name)


def test_every_attempt_uses_the_same_name(project):
    report = ReportFactory(project=project)
    assert generation.report_file_name(report) == _name(report)
    assert generation.report_file_name(Report.objects.get(pk=report.pk)) == _name(report)
