"""The espace home notes each visit in one statement and returns the one before (« depuis votre dernière visite »)."""

import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assistance import services
from assistance.models import EspaceVisit


def test_each_visit_returns_the_one_before_in_one_query(world):
    staff = world["staff_in"]
    with time_machine.travel("2026-03-02 09:00:00+00:00", tick=False):
        assert services.record_espace_visit(user=staff) is None
    with time_machine.travel("2026-03-03 10:30:00+00:00", tick=False), CaptureQueriesContext(connection) as context:
        previous = services.record_espace_visit(user=staff)
    assert len(context.captured_queries) == 1
    assert previous.isoformat() == "2026-03-02T09:00:00+00:00"
    with time_machine.travel("2026-03-05 08:00:00+00:00", tick=False):
        assert services.record_espace_visit(user=staff).isoformat() == "2026-03-03T10:30:00+00:00"
    visit = EspaceVisit.objects.get(user=staff)
    assert visit.previous_visit_at.isoformat() == "2026-03-03T10:30:00+00:00"
    assert visit.last_visit_at.isoformat() == "2026-03-05T08:00:00+00:00"
    assert services.record_espace_visit(user=world["staff_out"]) is None  # someone else's first visit
