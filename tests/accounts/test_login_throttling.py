"""The 6th failed login within 5 minutes on one account is refused, on the site and on the back-office login."""

import pytest
from django.urls import reverse

from accounts.adapter import THROTTLE_MESSAGE
from tests.accounts.factories import StaffUserFactory, UserFactory

PASSWORD = "motdepasse-de-test-solide"


@pytest.mark.parametrize("login_url_name", ["account_login", "admin:login"])
def test_sixth_failed_attempt_is_refused_with_a_french_message_even_with_the_right_password(client, login_url_name):
    user = StaffUserFactory() if login_url_name == "admin:login" else UserFactory()
    url = reverse(login_url_name)
    for _ in range(5):
        response = client.post(url, {"login": user.email, "password": "mauvais-mot-de-passe"})
        assert response.status_code == 200
        assert "L’adresse électronique ou le mot de passe est incorrect." in response.content.decode()
    response = client.post(url, {"login": user.email, "password": PASSWORD})
    assert response.status_code == 200
    assert THROTTLE_MESSAGE in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_five_failures_then_the_right_password_still_logs_in(client):
    user = UserFactory()
    for _ in range(4):
        client.post(reverse("account_login"), {"login": user.email, "password": "mauvais-mot-de-passe"})
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_admin_login_page_is_the_site_login(client):
    response = client.get(reverse("admin:login") + "?next=/admin/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'action="/compte/login/"' in html
    assert 'name="next" value="/admin/"' in html
