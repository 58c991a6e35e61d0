"""After a server-side form error, the page opens with an error summary linking to the fields, titled « Erreur : »."""

import html as htmllib
import re

import pytest
from django.urls import reverse


def _title(response) -> str:
    return htmllib.unescape(re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1).strip())


def _summary(response) -> str:
    html = response.content.decode()
    match = re.search(r'<div[^>]*id="resume-erreurs".*?</div>\s*</div>', html, re.S)
    assert match, "no error summary on the page"
    return match.group(0)


def _assert_summary(response, *field_ids: str) -> None:
    assert _title(response).startswith("Erreur\u00a0: "), _title(response)
    summary = _summary(response)
    assert 'tabindex="-1"' in summary
    for field_id in field_ids:
        assert f'href="#{field_id}"' in summary, (field_id, summary)
    html = response.content.decode()
    # The summary comes before the form, at the top of the content.
    assert html.index('id="resume-erreurs"') < html.index("<form", html.index('id="contenu"'))


@pytest.mark.django_db
def test_sign_up_error(client):
    response = client.post(reverse("account_signup"), {"email": "pas-une-adresse", "password1": "x", "password2": "y"})
    assert response.status_code == 200
    _assert_summary(response, "id_email", "id_first_name")


def test_new_project_error(world, client_as):
    response = client_as(world["member"]).post(reverse("journeys:project_create"), {"title": ""})
    assert response.status_code == 400
    _assert_summary(response, "id_title", "id_description")


def test_account_deletion_error(world, client_as):
    client = client_as(world["member"])
    response = client.post(reverse("accounts:account_delete"), {"confirmation": "autre@exemple.fr"})
    _assert_summary(response, "id_confirmation")


def test_no_summary_without_error(world, client_as):
    response = client_as(world["member"]).get(reverse("journeys:project_create"))
    assert 'id="resume-erreurs"' not in response.content.decode()
    assert not _title(response).startswith("Erreur")
