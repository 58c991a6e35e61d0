"""The light form rendering (common.light_forms) writes, byte for byte, the HTML the snapshot records for a
representative set of forms: the espace ANCT's triage forms, bound and unbound, and the « Mes projets » filters.

tests/assistance/test_triage_widgets.py and tests/journeys/test_light_forms.py compare the same forms with the
templates of Django and django-dsfr, whitespace aside; this one also holds the whitespace, so that a change of the
renderer's code that alters a single byte of a page fails here. After a deliberate change of the markup, rewrite it
with `UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest tests/common/test_light_forms_snapshot.py` and review the diff.
"""

import json
import os
from pathlib import Path

import pytest

from assistance.enums import RequestStatus
from assistance.forms import MessageForm, MobilisationForm, RejectForm, StatusForm, WaitingForm
from assistance.models import Expert
from common.light_forms import select_group
from journeys.filters import ProjectFilter
from journeys.models import Project
from tests.assistance.factories import ExpertFactory
from tests.journeys.factories import ThemeFactory

SNAPSHOT = Path(__file__).with_name("snapshots") / "light_forms.json"


def _form_html(form) -> str:
    if form.is_bound:
        form.is_valid()
    return str(form)


def _rendered() -> dict[str, str]:
    ExpertFactory(pk=9001, name="Cerema <Occitanie> & « partenaires »")
    ExpertFactory(pk=9002, name='Banque des "Territoires"')
    ThemeFactory(slug="mobilite", name="Mobilités & transports")
    ThemeFactory(slug="donnees-<b>", name="Données « ouvertes »")
    experts = Expert.objects.filter(pk__in=[9001, 9002]).order_by("pk")
    forms = {
        "status": StatusForm(allowed=[RequestStatus.REVIEWING, RequestStatus.REFUSED]),
        "status-invalid": StatusForm({"status": "nope", "note": "x" * 3000}, allowed=[RequestStatus.REVIEWING]),
        "message-empty": MessageForm({"body": ""}),
        "waiting-empty": WaitingForm({"waiting_for": ""}),
        "mobilisation": MobilisationForm(experts=experts),
        "mobilisation-chosen": MobilisationForm({"expert": "9002", "reason": '<b>motif</b> & "x"'}, experts=experts),
        "reject": RejectForm(),
    }
    rendered = {name: _form_html(form) for name, form in forms.items()}
    for data in (None, {"etape": "cadrage", "thematique": "donnees-<b>"}, {"etape": "inconnue"}):
        form = ProjectFilter(data, queryset=Project.objects.all()).form
        for field in ("etape", "thematique"):
            rendered[f"select-group:{field}:{json.dumps(data)}"] = str(select_group(form[field]))
    return rendered


def test_light_forms_write_the_recorded_html(db):
    rendered = _rendered()
    if os.environ.get("UPDATE_SNAPSHOTS"):
        SNAPSHOT.write_text(json.dumps(rendered, indent=1, ensure_ascii=False) + "\n")
    recorded = json.loads(SNAPSHOT.read_text())
    assert rendered.keys() == recorded.keys()
    for name, html in rendered.items():
        assert html == recorded[name], name


@pytest.mark.parametrize("name", ["status-invalid", "message-empty", "waiting-empty"])
def test_the_snapshot_holds_the_errors_of_a_bound_form(name):
    assert "fr-input-group--error" in json.loads(SNAPSHOT.read_text())[name]
