"""The back-office never shows a person's TOTP secret or recovery codes, even to a superuser."""

from allauth.mfa.models import Authenticator
from django.urls import reverse

from tests.accounts.factories import StaffUserFactory, UserFactory, activate_totp, login_with_second_factor


def test_superuser_lists_authenticators_without_their_secret_and_cannot_edit_them(client):
    staff = StaffUserFactory()
    secret = activate_totp(staff)
    authenticator = Authenticator.objects.get(user=staff, type=Authenticator.Type.TOTP)
    login_with_second_factor(client, UserFactory(is_staff=True, is_superuser=True))
    url = reverse("admin:mfa_authenticator_change", args=[authenticator.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert secret not in page.content.decode()
    assert 'name="data"' not in page.content.decode()
    assert client.post(url, {"user": staff.pk, "type": "totp", "data": '{"secret": "AAAA"}'}).status_code == 403
    authenticator.refresh_from_db()
    assert authenticator.data["secret"] != "AAAA"
    assert client.get(reverse("admin:mfa_authenticator_changelist")).status_code == 200
