"""Each field of a project step is named after its question, not « Votre réponse » (RGAA 11.2, 11.7)."""

import re

from journeys.models import Step
from tests.journeys.factories import journeys_world


def _accessible_texts(html: str, tag: str) -> list[str]:
    found = re.findall(rf"<{tag}\b[^>]*>(.*?)</{tag}>", html, re.S)
    return [re.sub(r"<[^>]+>|\s+", " ", match).strip() for match in found]


def test_every_step_field_names_its_question(world, client_as):
    journeys_world(world)
    project = world["journeys_project"]
    client = client_as(world["member"])
    checked_kinds = set()
    for stage in project.template.stages.order_by("order"):
        html = client.get(project.get_absolute_url(), {"etape": stage.key}).content.decode()
        for step in Step.objects.filter(stage=stage):
            section = re.search(rf'<section[^>]*id="action-{step.pk}".*?</section>', html, re.S)
            if section is None or "<form" not in section.group(0):
                continue
            checked_kinds.add(step.kind)
            # A choice's label is named by its group's legend: labels outside fieldsets and legends name the step.
            outside = re.sub(r"<fieldset\b.*?</legend>.*?</fieldset>", "", section.group(0), flags=re.S)
            names = _accessible_texts(outside, "label") + _accessible_texts(section.group(0), "legend")
            assert names, step.title
            for name in names:
                title = step.title.replace("\u00a0", " ")
                assert title in name.replace("\u00a0", " "), f"« {name} » does not name « {title} »"
    assert "text" in checked_kinds, checked_kinds
