import copy
import io

import pytest
from django.apps import apps

from journeys.content.loader import (
    ContentError,
    load_default_content,
    load_diagnostic,
    load_template,
    shipped_diagnostic,
    shipped_template,
)
from journeys.enums import StepKind, TemplateStatus
from journeys.models import Diagnostic, JourneyTemplate, Step
from tests.journeys import sample_content


def test_loader_creates_a_published_template_with_stages_and_steps():
    template, created = load_template(sample_content.TEMPLATE)
    assert created
    assert template.status == TemplateStatus.PUBLISHED
    assert [s.key for s in template.stages.all()] == [
        "agenda",
        "diagnostic",
        "cadrage",
        "solution",
        "financement",
        "realisation",
    ]
    assert Step.objects.filter(stage__template=template, kind=StepKind.DIAGNOSTIC).count() == 1


def test_loader_is_idempotent():
    load_template(sample_content.TEMPLATE)
    load_diagnostic(sample_content.DIAGNOSTIC)
    _template, created = load_template(sample_content.TEMPLATE)
    _diagnostic, created_again = load_diagnostic(sample_content.DIAGNOSTIC)
    assert not created
    assert not created_again
    assert JourneyTemplate.objects.count() == 1
    assert Diagnostic.objects.count() == 1


def test_loader_publishes_changed_content_as_a_new_version():
    first, _ = load_template(sample_content.TEMPLATE)
    changed = copy.deepcopy(sample_content.TEMPLATE)
    changed["stages"][0]["steps"][0]["title"] = "Quel besoin exactement ?"
    second, created = load_template(changed)
    assert created
    assert second.version == first.version + 1
    assert second.supersedes == first
    assert first.stages.get(key="agenda").steps.get(key="besoin").title == "Quel est le besoin ?"


def test_loader_refuses_unknown_step_kind():
    broken = copy.deepcopy(sample_content.TEMPLATE)
    broken["stages"][0]["steps"][0]["kind"] = "video"
    with pytest.raises(ContentError, match="type inconnu"):
        load_template(broken)


def test_bootstrap_loads_the_shipped_content_when_present():
    out = io.StringIO()
    apps.get_app_config("journeys").bootstrap(out)
    load_default_content()
    assert out.getvalue()
    assert JourneyTemplate.objects.filter(slug="parcours-ia-donnees").count() == 1


def test_shipped_template_follows_the_shared_format():
    template, _ = load_template(shipped_template())
    stages = list(template.stages.all())
    assert [s.key for s in stages] == ["agenda", "diagnostic", "cadrage", "solution", "financement", "realisation"]
    for stage in stages:
        assert stage.steps.count() >= 4, stage.key
    assert Step.objects.filter(stage__template=template, stage__key="diagnostic", kind=StepKind.DIAGNOSTIC).exists()
    assert Step.objects.filter(stage__template=template, stage__key="cadrage", kind=StepKind.ETHICS_CHECK).exists()


def test_shipped_diagnostic_has_24_questions_over_6_dimensions():
    diagnostic, _ = load_diagnostic(shipped_diagnostic())
    assert diagnostic.questions.count() >= 24
    assert diagnostic.dimensions.count() >= 6
    for dimension in diagnostic.dimensions.all():
        assert dimension.questions.count() >= 4
