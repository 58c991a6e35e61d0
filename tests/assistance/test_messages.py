"""The message thread: sanitised Markdown, attachments, the other party emailed a link, never an address."""

import pytest
from django.core import mail

from assistance import services
from tests.assistance.factories import AssistanceRequestFactory, pdf_upload


@pytest.fixture
def assistance_request(world):
    return AssistanceRequestFactory(project__organisation=world["org"])


def test_html_in_a_message_is_shown_as_text(world, assistance_request):
    message = services.post_message(
        request=assistance_request, author=world["member"], body="<script>alert(1)</script> **important**"
    )
    assert "<script>" not in message.body_html
    assert "&lt;script&gt;" in message.body_html
    assert "<strong>important</strong>" in message.body_html
    assert message.from_anct is False


@pytest.mark.parametrize(("body", "error"), [("", "obligatoire"), ("x" * 5_001, "trop long")])
def test_an_empty_or_too_long_message_is_refused(world, assistance_request, body, error):
    with pytest.raises(services.MessageError, match=error):
        services.post_message(request=assistance_request, author=world["member"], body=body)
    assert not assistance_request.messages.exists()


def test_a_member_message_goes_to_anct_without_the_author_address(
    world, assistance_request, django_capture_on_commit_callbacks
):
    world["member"].first_name, world["member"].last_name = "Inès", "Marchal"
    world["member"].save()
    with django_capture_on_commit_callbacks(execute=True):
        services.post_message(
            request=assistance_request, author=world["member"], body="Voici la note.", uploads=[pdf_upload()]
        )
    assert [message.to for message in mail.outbox] == [[world["staff_in"].email]]
    sent = mail.outbox[0]
    assert "Inès Marchal a écrit" in sent.body
    assert world["member"].email not in sent.body
    assert world["member"].email not in str(sent.message())
    assert "/espace-anct/demandes/" in sent.body
    assert assistance_request.attachments.get().message is not None


def test_an_anct_message_goes_to_the_members_and_counts_as_first_answer(
    world, assistance_request, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        message = services.post_message(request=assistance_request, author=world["staff_in"], body="Bien reçu.")
    assert message.from_anct is True
    assert {tuple(m.to) for m in mail.outbox} == {(world["member"].email,), (world["referent"].email,)}
    assert all(world["staff_in"].email not in str(m.message()) for m in mail.outbox)
    assert all(m.reply_to == [] for m in mail.outbox)
    assistance_request.refresh_from_db()
    assert assistance_request.first_answered_at is not None


@pytest.mark.parametrize("role", ["staff_out", "outsider"])
def test_people_outside_cannot_write(world, assistance_request, role):
    with pytest.raises(services.NotAllowedError):
        services.post_message(request=assistance_request, author=world[role], body="Bonjour")
    assert not assistance_request.messages.exists()


def test_a_member_answer_stops_the_reminders(world, assistance_request):
    services.wait_for_collectivite(request=assistance_request, user=world["staff_in"], waiting_for="La note DPO.")
    assistance_request.refresh_from_db()
    assert assistance_request.waiting_since is not None
    services.post_message(request=assistance_request, author=world["member"], body="La voici.")
    assistance_request.refresh_from_db()
    assert assistance_request.waiting_since is None
    assert assistance_request.waiting_for == ""
