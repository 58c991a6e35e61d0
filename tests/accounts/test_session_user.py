"""The logged-in user is read by the portal's backends (accounts/backends.py) with a precompiled query: the same
user, and every rule that ends a session still applies on the next request."""

from django.urls import reverse

from accounts.backends import AuthenticationBackend, ModelBackend
from tests.accounts.factories import UserFactory

PROFILE = reverse("accounts:profile")


def test_each_backend_reads_the_same_user_as_django(db):
    user = UserFactory(first_name="Anne", last_name="Martin")

    for backend in (ModelBackend(), AuthenticationBackend()):
        found = backend.get_user(user.pk)
        assert found == user
        assert (found.email, found.first_name, found.password, found.is_staff) == (
            user.email,
            "Anne",
            user.password,
            False,
        )


def test_an_unknown_or_inactive_user_is_nobody(db):
    inactive = UserFactory(is_active=False)

    assert ModelBackend().get_user(inactive.pk) is None
    assert ModelBackend().get_user(inactive.pk + 1000) is None


def test_a_deactivated_account_is_logged_out_on_its_next_request(client, db):
    user = UserFactory()
    client.force_login(user)
    assert client.get(PROFILE).status_code == 200

    user.is_active = False
    user.save(update_fields=["is_active"])

    assert client.get(PROFILE).status_code == 302


def test_a_password_changed_elsewhere_ends_the_session(client, db):
    user = UserFactory()
    client.force_login(user)
    assert client.get(PROFILE).status_code == 200

    user.set_password("un autre mot de passe solide")
    user.save(update_fields=["password"])

    assert client.get(PROFILE).status_code == 302


def test_a_deleted_account_is_logged_out(client, db):
    user = UserFactory()
    client.force_login(user)
    user.delete()

    assert client.get(PROFILE).status_code == 302
