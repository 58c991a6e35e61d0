"""A session opened under an authentication backend's former path keeps its login after the rename
(AUTH_BACKEND_RENAMES): nobody is logged out, mid-form, by a deploy."""

import pytest
from django.contrib.auth import BACKEND_SESSION_KEY
from django.urls import reverse

from tests.accounts.factories import UserFactory

PROFILE = reverse("accounts:profile")


@pytest.fixture(autouse=True)
def _portal_sessions(settings):
    settings.SESSION_ENGINE = "common.sessions"  # production's engine (the tests' default is the database's)


@pytest.mark.parametrize(
    "former",
    ["django.contrib.auth.backends.ModelBackend", "allauth.account.auth_backends.AuthenticationBackend"],
)
def test_a_session_of_a_former_backend_path_stays_logged_in(client, db, former):
    user = UserFactory()
    client.force_login(user)
    session = client.session
    session[BACKEND_SESSION_KEY] = former
    session.save()

    response = client.get(PROFILE)

    assert response.status_code == 200
    assert response.wsgi_request.user == user


def test_an_unknown_backend_path_is_still_logged_out(client, db):
    client.force_login(UserFactory())
    session = client.session
    session[BACKEND_SESSION_KEY] = "somewhere.else.Backend"
    session.save()

    assert client.get(PROFILE).status_code == 302
