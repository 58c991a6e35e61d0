"""Form fields: short accessible names (no hint inside <label>), tab order, autocomplete on personal data."""

import re

import pytest
from django.urls import reverse


def _labels(html: str) -> list[str]:
    return re.findall(r"<label\b.*?</label>", html, re.S)


@pytest.mark.django_db
def test_password_hint_list_is_outside_the_label(client):
    html = client.get(reverse("account_signup")).content.decode()
    assert "<ul>" in html  # the password rules are shown
    for label in _labels(html):
        assert "<ul" not in label, label
        assert "<li" not in label, label
    # The hint is still tied to the field.
    assert re.search(r'<input[^>]*name="password1"[^>]*aria-describedby="id_password1_helptext"', html)
    assert 'id="id_password1_helptext"' in html


@pytest.mark.django_db
def test_forgotten_password_link_follows_the_field(client):
    html = client.get(reverse("account_login")).content.decode()
    for label in _labels(html):
        assert "oublié" not in label, label
    assert html.index('name="password"') < html.index("Mot de passe oublié")


def test_account_deletion_email_has_autocomplete(world, client_as):
    html = client_as(world["member"]).get(reverse("accounts:account_delete")).content.decode()
    assert re.search(r'<input[^>]*name="confirmation"[^>]*autocomplete="email"', html)


@pytest.mark.django_db
def test_sign_up_personal_fields_have_autocomplete(client):
    html = client.get(reverse("account_signup")).content.decode()
    for name, token in [
        ("first_name", "given-name"),
        ("last_name", "family-name"),
        ("job_title", "organization-title"),
        ("email", "email"),
        ("password1", "new-password"),
    ]:
        assert re.search(rf'<input[^>]*name="{name}"[^>]*autocomplete="{token}"', html), name


@pytest.mark.django_db
def test_forms_with_optional_fields_state_the_rule(client, world, client_as):
    rule = "Sauf mention contraire, tous les champs sont obligatoires."
    assert rule in client.get(reverse("account_login")).content.decode()  # « Se souvenir de moi (Optionnel) »
    html = client_as(world["member"]).get(reverse("journeys:project_create")).content.decode()
    assert "(Optionnel)" in html
    assert rule in html
    # Every field required: no rule to state.
    assert rule not in client_as(world["member"]).get(reverse("accounts:account_delete")).content.decode()
