"""`bootstrap` never supersedes a version an editor published in the administration.

The shipped journey and diagnostic are loaded as new versions only while the latest published version is one
bootstrap itself loaded; once an editor published their own version, new projects stay on it.
"""

from copy import deepcopy

from django.urls import reverse

from journeys.content.loader import load_diagnostic, load_template
from journeys.models import Diagnostic, JourneyTemplate, Stage
from journeys.selectors import current_diagnostic, current_template
from tests.accounts.factories import UserFactory, login_with_second_factor
from tests.journeys import sample_content
from tests.journeys.factories import sample_diagnostic, sample_template


def _publish_in_admin(client, model: str, obj) -> None:
    url = reverse(f"admin:journeys_{model}_changelist")
    client.post(url, {"action": "create_new_version", "_selected_action": [obj.pk]}, follow=True)
    draft = type(obj).objects.get(slug=obj.slug, version=obj.version + 1)
    if model == "journeytemplate":
        Stage.objects.filter(template=draft, key="agenda").update(name="Mise à l’agenda (version de la rédaction)")
    else:
        draft.dimensions.filter(key="strategie").update(name="Stratégie (version de la rédaction)")
    client.post(url, {"action": "publish", "_selected_action": [draft.pk]}, follow=True)


def test_an_edited_and_published_template_survives_two_bootstraps(client, db):
    shipped = sample_template()
    login_with_second_factor(client, UserFactory(is_staff=True, is_superuser=True))
    _publish_in_admin(client, "journeytemplate", shipped)
    edited = current_template(shipped.slug)
    assert edited.version == shipped.version + 1
    changed = deepcopy(sample_content.TEMPLATE)
    changed["stages"][0]["summary"] = "Nouveau résumé livré."

    for _ in range(2):
        template, created = load_template(changed)
        assert not created
        assert template == edited

    assert current_template(shipped.slug) == edited
    assert JourneyTemplate.objects.filter(slug=shipped.slug).count() == 2
    assert edited.stages.get(key="agenda").name == "Mise à l’agenda (version de la rédaction)"


def test_an_edited_and_published_diagnostic_survives_two_bootstraps(client, db):
    shipped = sample_diagnostic()
    login_with_second_factor(client, UserFactory(is_staff=True, is_superuser=True))
    _publish_in_admin(client, "diagnostic", shipped)
    edited = current_diagnostic(shipped.slug)
    changed = deepcopy(sample_content.DIAGNOSTIC)
    changed["description"] = "Nouvelle description livrée."

    for _ in range(2):
        diagnostic, created = load_diagnostic(changed)
        assert not created
        assert diagnostic == edited

    assert Diagnostic.objects.filter(slug=shipped.slug).count() == 2
    assert current_diagnostic(shipped.slug).dimensions.get(key="strategie").name.endswith("(version de la rédaction)")


def test_a_shipped_change_still_publishes_a_new_version_when_nobody_published_one(db):
    shipped = sample_template()
    changed = deepcopy(sample_content.TEMPLATE)
    changed["stages"][0]["summary"] = "Nouveau résumé livré."
    template, created = load_template(changed)
    assert created
    assert template.version == shipped.version + 1
    assert template.supersedes == shipped
