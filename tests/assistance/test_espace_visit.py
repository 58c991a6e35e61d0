"""The espace home notes each visit and returns the one before (« depuis votre dernière visite »); views of the
home within half an hour of the last one are the same visit, and write nothing."""

import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assistance import services
from assistance.models import EspaceVisit


def test_each_visit_returns_the_one_before(world):
    staff = world["staff_in"]
    with time_machine.travel("2026-03-02 09:00:00+00:00", tick=False):
        assert services.record_espace_visit(user=staff) is None
    with time_machine.travel("2026-03-03 10:30:00+00:00", tick=False), CaptureQueriesContext(connection) as context:
        previous = services.record_espace_visit(user=staff)
    assert len(context.captured_queries) == 2  # the read, then one upsert
    assert previous.isoformat() == "2026-03-02T09:00:00+00:00"
    with time_machine.travel("2026-03-05 08:00:00+00:00", tick=False):
        assert services.record_espace_visit(user=staff).isoformat() == "2026-03-03T10:30:00+00:00"
    visit = EspaceVisit.objects.get(user=staff)
    assert visit.previous_visit_at.isoformat() == "2026-03-03T10:30:00+00:00"
    assert visit.last_visit_at.isoformat() == "2026-03-05T08:00:00+00:00"
    assert services.record_espace_visit(user=world["staff_out"]) is None  # someone else's first visit


def test_views_within_half_an_hour_are_the_same_visit_and_write_nothing(world):
    staff = world["staff_in"]
    with time_machine.travel("2026-03-02 09:00:00+00:00", tick=False):
        services.record_espace_visit(user=staff)
    with time_machine.travel("2026-03-03 10:00:00+00:00", tick=False):
        assert services.record_espace_visit(user=staff).isoformat() == "2026-03-02T09:00:00+00:00"
    # Back on the home from a list, 29 minutes later: what was new since the day before still is.
    with time_machine.travel("2026-03-03 10:29:00+00:00", tick=False), CaptureQueriesContext(connection) as context:
        assert services.record_espace_visit(user=staff).isoformat() == "2026-03-02T09:00:00+00:00"
    assert len(context.captured_queries) == 1
    assert not any(
        query["sql"].lstrip().upper().startswith(("INSERT", "UPDATE")) for query in context.captured_queries
    )
    visit = EspaceVisit.objects.get(user=staff)
    assert visit.last_visit_at.isoformat() == "2026-03-03T10:00:00+00:00"
    # Half an hour after the last view noted, a new visit: the one of 10:00 becomes the reference.
    with time_machine.travel("2026-03-03 10:30:00+00:00", tick=False):
        assert services.record_espace_visit(user=staff).isoformat() == "2026-03-03T10:00:00+00:00"
