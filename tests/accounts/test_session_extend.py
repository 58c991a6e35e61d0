"""RGAA 13.1: the session's time limit is announced before it ends and can be extended."""

import re
import time

from django.conf import settings
from django.urls import reverse


def test_pages_carry_the_session_end_and_the_user_can_extend_it(world, client_as):
    client = client_as(world["member"])
    session = client.session
    session.set_expiry(600)  # ten minutes left
    session.save()
    html = client.get(reverse("accounts:profile")).content.decode()
    expires = int(re.search(r'data-session-expires="(\d+)"', html).group(1))
    assert expires - time.time() < 700

    response = client.post(reverse("accounts:session_extend"))
    assert response.status_code == 200
    extended = response.json()["expires_at"]
    assert extended - time.time() > settings.SESSION_COOKIE_AGE - 60
    html = client.get(reverse("accounts:profile")).content.decode()
    assert int(re.search(r'data-session-expires="(\d+)"', html).group(1)) >= extended - 1


def test_anonymous_pages_have_no_session_timer(client, db):
    assert "data-session-expires" not in client.get(reverse("portal:accessibility")).content.decode()
