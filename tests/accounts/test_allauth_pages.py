"""Every allauth page speaks French in the DSFR layout."""

import pytest
from django.urls import reverse

from tests.accounts.factories import UserFactory

ANONYMOUS_PAGES = [
    ("account_login", "Se connecter"),
    ("account_signup", "Créer un compte"),
    ("account_reset_password", "Mot de passe oublié"),
]
MANAGE_PAGES = ["account_email", "account_change_password", "mfa_index"]


@pytest.mark.parametrize(("name", "heading"), ANONYMOUS_PAGES)
def test_visitor_sees_allauth_entrance_pages_in_french_with_dsfr_fields(client, name, heading):
    response = client.get(reverse(name))
    assert response.status_code == 200
    html = response.content.decode()
    assert heading in html
    assert 'class="fr-input' in html
    assert 'class="fr-label"' in html
    assert "fr-header" in html  # the portal layout, not allauth's bare page


@pytest.mark.parametrize("name", MANAGE_PAGES)
def test_member_sees_allauth_manage_pages_in_the_portal_layout(client, name):
    client.force_login(UserFactory())
    response = client.get(reverse(name))
    assert response.status_code == 200
    html = response.content.decode()
    assert "fr-header" in html
    assert "Mon compte" in html


def test_signup_form_asks_name_and_fonction_before_email_and_password(client):
    html = client.get(reverse("account_signup")).content.decode()
    for label in ["Prénom", "Nom", "Fonction", "Adresse e-mail", "Mot de passe"]:
        assert label in html


def test_visitor_with_expired_or_invalid_link_gets_a_clear_french_page(client):
    response = client.get(reverse("account_confirm_email", kwargs={"key": "cle-inconnue"}))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Lien de confirmation expiré ou invalide" in html
    assert "a expiré ou n’est pas valide" in html


def test_staff_sees_the_second_factor_pages_in_french(client, django_capture_on_commit_callbacks):
    import re

    from django.core import mail

    from tests.accounts.factories import StaffUserFactory, login_with_second_factor

    staff = StaffUserFactory()
    client.force_login(staff)
    client.post(reverse("account_reauthenticate"), {"password": "motdepasse-de-test-solide"})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts:second_factor_email_code"), {"action": "send"})
    code = re.search(r"\b(\d{6})\b", mail.outbox[-1].body).group(1)
    client.post(reverse("accounts:second_factor_email_code"), {"action": "check", "code": code})
    response = client.get(reverse("mfa_activate_totp"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Code QR à scanner avec votre application d’authentification" in html
    assert 'class="fr-input' in html
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

    login_with_second_factor(client, staff)
    RecoveryCodes.activate(staff)
    client.post(reverse("account_reauthenticate"), {"password": "motdepasse-de-test-solide"})
    for name in ["mfa_index", "mfa_view_recovery_codes", "mfa_deactivate_totp", "mfa_generate_recovery_codes"]:
        response = client.get(reverse(name))
        assert response.status_code == 200, name
        assert "fr-header" in response.content.decode()


def test_password_pages_render_in_french(client):
    user = UserFactory()
    response = client.get(
        reverse("account_reset_password_from_key", kwargs={"uidb36": "zz", "key": "cle-invalide"}), follow=True
    )
    assert response.status_code == 200
    assert "fr-header" in response.content.decode()
    client.force_login(user)
    response = client.get(reverse("account_change_password"))
    assert "Mot de passe actuel" in response.content.decode()
    response = client.get(reverse("account_email"))
    assert user.email in response.content.decode()
    assert client.get(reverse("account_reauthenticate")).status_code == 200
