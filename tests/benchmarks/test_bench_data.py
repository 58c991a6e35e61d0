"""generate_bench_data at a tiny size: every table gets rows, over every stage, and a rerun creates nothing more.

The benchmark's real sizes (benchmarks/data.py) are cut down here so the generator cannot rot unseen.
"""

import pytest
from django.core.management import call_command

from accounts.models import Membership, Organisation, User
from benchmarks import data
from journeys.models import Comment, DiagnosticResponse, Project, StepAnswer
from tests.territories.factories import CommuneFactory


@pytest.fixture
def tiny(monkeypatch):
    for name, size in {
        "ORGANISATIONS": 6,
        "USERS": 18,
        "PROJECTS": 24,
        "SERVICES": 8,
        "ADOPTIONS": 10,
        "COMMENTS": 30,
        "REQUESTS": 4,
        "REPORTS": 3,
    }.items():
        monkeypatch.setattr(data, name, size)
    CommuneFactory.create_batch(8)


@pytest.mark.django_db
def test_generator_fills_every_table_once(tiny):
    call_command("generate_bench_data", scale=1)
    sizes = data.sizes()
    assert sizes["collectivités"] == 6
    assert Membership.objects.count() == 18 + 1  # and the member of the showcase project
    assert sizes["projets"] == 24 + 1
    assert set(Project.objects.values_list("current_stage__order", flat=True)) == {1, 2, 3, 4, 5, 6}
    assert StepAnswer.objects.exists()
    assert DiagnosticResponse.objects.exists()
    assert sizes["services"] >= 8
    assert sizes["adoptions"] == 10
    assert sizes["demandes d’ingénierie"] == 4
    assert Comment.objects.count() == 30 + 50
    assert User.objects.filter(email=data.NATIONAL_STAFF_EMAIL, is_staff=True, staff_scope__level="national").exists()

    call_command("generate_bench_data", scale=1)
    assert data.sizes() == sizes
    assert Organisation.objects.count() == 6
