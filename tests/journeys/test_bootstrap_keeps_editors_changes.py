"""`manage.py bootstrap` runs on every deploy: it never changes or overtakes what an editor did in the administration.

An editor copies the published journey (and diagnostic) into a draft, edits it through the admin forms and publishes
it; a deploy then ships changed content and `bootstrap` runs twice: the editor's version stays the one new projects
start on, with every edit intact. The same holds for a draft still in progress when the deploy happens.
"""

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from journeys.content import loader
from journeys.enums import TemplateStatus
from journeys.models import Diagnostic, JourneyTemplate
from journeys.selectors import current_diagnostic, current_template
from tests.accounts.factories import UserFactory, login_with_second_factor
from tests.territories.factories import CommuneFactory


@pytest.fixture
def editor(client, db):
    CommuneFactory()  # the territorial referential is there: bootstrap leaves it alone (and stays fast)
    bootstrap()
    login_with_second_factor(client, UserFactory(is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def changed_content(monkeypatch, tmp_path):
    """The next deploy ships a reworded journey and diagnostic."""
    for attribute, old, new in (
        ("TEMPLATE_FILE", "Quel besoin voulez-vous résoudre", "Quel besoin, livré, voulez-vous résoudre"),
        ("DIAGNOSTIC_FILE", "name: Stratégie et gouvernance", "name: Stratégie et gouvernance (livrée)"),
    ):
        shipped: Path = getattr(loader, attribute)
        text = shipped.read_text(encoding="utf-8")
        assert old in text
        changed = tmp_path / shipped.name
        changed.write_text(text.replace(old, new, 1), encoding="utf-8")
        monkeypatch.setattr(loader, attribute, changed)


def bootstrap() -> str:
    out = io.StringIO()
    call_command("bootstrap", stdout=out)
    return out.getvalue()


def _post_admin_form(client, url: str, changes: dict[str, str]) -> None:
    """Submit an admin change form as a browser would: every field as shown, with `changes` typed in."""
    context = client.get(url).context
    data = {}
    forms = [context["adminform"].form]
    for formset in context["inline_admin_formsets"]:
        management = formset.formset.management_form
        data.update({management.add_prefix(name): field.value() for name, field in _bound(management)})
        forms += list(formset.formset.forms)
    for form in forms:
        for name, field in _bound(form):
            value = field.value()
            if isinstance(value, bool):
                if value:
                    data[form.add_prefix(name)] = "on"
            elif value is not None:
                data[form.add_prefix(name)] = value
    data.update(changes)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else response


def _bound(form):
    return [(name, form[name]) for name in form.fields]


def _edit_and_publish_template(client, *, publish: bool = True) -> JourneyTemplate:
    shipped = current_template()
    changelist = reverse("admin:journeys_journeytemplate_changelist")
    client.post(changelist, {"action": "create_new_version", "_selected_action": [shipped.pk]})
    draft = JourneyTemplate.objects.get(slug=shipped.slug, version=shipped.version + 1)
    stage = draft.stages.get(key="agenda")
    step = stage.steps.get(key="besoin")
    step_index = list(stage.steps.order_by("order", "pk")).index(step)
    _post_admin_form(
        client,
        reverse("admin:journeys_stage_change", args=[stage.pk]),
        {"name": "Mise à l’agenda (rédaction)", f"steps-{step_index}-help": "Aide réécrite par la rédaction."},
    )
    if publish:
        client.post(changelist, {"action": "publish", "_selected_action": [draft.pk]})
    return draft


def _edit_and_publish_diagnostic(client, *, publish: bool = True) -> Diagnostic:
    shipped = current_diagnostic()
    changelist = reverse("admin:journeys_diagnostic_changelist")
    client.post(changelist, {"action": "create_new_version", "_selected_action": [shipped.pk]})
    draft = Diagnostic.objects.get(slug=shipped.slug, version=shipped.version + 1)
    dimension = draft.dimensions.get(key="strategie")
    _post_admin_form(
        client,
        reverse("admin:journeys_dimension_change", args=[dimension.pk]),
        {"name": "Stratégie (rédaction)", "recommendations-0-text": "Recommandation réécrite par la rédaction."},
    )
    if publish:
        client.post(changelist, {"action": "publish", "_selected_action": [draft.pk]})
    return draft


def _assert_template_edits_intact(template: JourneyTemplate) -> None:
    stage = template.stages.get(key="agenda")
    assert stage.name == "Mise à l’agenda (rédaction)"
    assert stage.steps.get(key="besoin").help == "Aide réécrite par la rédaction."
    assert stage.steps.get(key="besoin").title.startswith("Quel besoin voulez-vous résoudre")


def test_versions_an_editor_published_survive_a_deploy_and_two_bootstraps(editor, changed_content):
    template = _edit_and_publish_template(editor)
    diagnostic = _edit_and_publish_diagnostic(editor)
    assert current_template() == template
    assert current_diagnostic() == diagnostic

    outputs = [bootstrap(), bootstrap()]

    assert current_template() == template
    assert current_diagnostic() == diagnostic
    assert JourneyTemplate.objects.count() == 2
    assert Diagnostic.objects.count() == 2
    _assert_template_edits_intact(JourneyTemplate.objects.get(pk=template.pk))
    dimension = diagnostic.dimensions.get(key="strategie")
    assert dimension.name == "Stratégie (rédaction)"
    assert dimension.recommendations.order_by("order").first().text == "Recommandation réécrite par la rédaction."
    assert all("version publiée dans l’administration, conservée" in output for output in outputs)


def test_a_draft_in_progress_is_not_overtaken_by_a_deploy(editor, changed_content):
    draft = _edit_and_publish_template(editor, publish=False)
    diagnostic_draft = _edit_and_publish_diagnostic(editor, publish=False)
    shipped, shipped_diagnostic = current_template(), current_diagnostic()

    outputs = [bootstrap(), bootstrap()]

    assert JourneyTemplate.objects.count() == 2
    assert Diagnostic.objects.count() == 2
    assert (current_template(), current_diagnostic()) == (shipped, shipped_diagnostic)
    assert all(output.count("brouillon en cours dans l’administration") == 2 for output in outputs)
    for model, obj in (("journeytemplate", draft), ("diagnostic", diagnostic_draft)):
        editor.post(reverse(f"admin:journeys_{model}_changelist"), {"action": "publish", "_selected_action": [obj.pk]})
        obj.refresh_from_db()
        assert obj.status == TemplateStatus.PUBLISHED
    assert (current_template(), current_diagnostic()) == (draft, diagnostic_draft)
    _assert_template_edits_intact(draft)
    assert diagnostic_draft.dimensions.get(key="strategie").name == "Stratégie (rédaction)"


def test_without_editors_a_deploy_publishes_the_shipped_change_once(editor, changed_content):
    shipped = current_template()

    bootstrap()
    bootstrap()

    assert JourneyTemplate.objects.count() == 2
    new = current_template()
    assert new.version == shipped.version + 1
    assert new.supersedes == shipped
    assert new.stages.get(key="agenda").steps.get(key="besoin").title.startswith("Quel besoin, livré, voulez-vous")
