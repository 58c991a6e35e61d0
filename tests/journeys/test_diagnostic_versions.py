"""ANCT publishes a new version of the maturity diagnostic without touching the one already published."""

from django.urls import reverse

from journeys.enums import TemplateStatus
from journeys.models import Diagnostic
from tests.accounts.factories import UserFactory, login_with_second_factor
from tests.journeys.factories import sample_diagnostic


def _action(client, action: str, diagnostic: Diagnostic):
    return client.post(
        reverse("admin:journeys_diagnostic_changelist"),
        {"action": action, "_selected_action": [diagnostic.pk]},
        follow=True,
    )


def test_superuser_copies_then_publishes_a_new_diagnostic_version(client):
    published = sample_diagnostic()
    login_with_second_factor(client, UserFactory(is_staff=True, is_superuser=True))
    _action(client, "create_new_version", published)
    draft = Diagnostic.objects.get(slug=published.slug, version=published.version + 1)
    assert draft.status == TemplateStatus.DRAFT
    assert draft.supersedes == published
    assert draft.questions.count() == published.questions.count()
    assert draft.dimensions.count() == published.dimensions.count()

    page = _action(client, "publish", draft).content.decode()
    draft.refresh_from_db()
    assert draft.status == TemplateStatus.PUBLISHED
    assert "publié : les nouveaux diagnostics démarreront sur cette version" in page
    assert "Cette version est déjà publiée." in _action(client, "publish", draft).content.decode()
