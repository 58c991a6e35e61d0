from django.core import mail
from django.urls import reverse

from journeys.models import Comment
from tests.accounts.factories import MembershipFactory
from tests.journeys.factories import ProjectFactory, sample_template


def _post(client, project, body):
    url = reverse("journeys:comment_create", kwargs={"public_id": project.public_id})
    return client.post(url, {"body": body})


def test_html_in_a_comment_is_shown_as_text_never_interpreted(client_as, world, django_capture_on_commit_callbacks):
    sample_template()
    project = ProjectFactory(organisation=world["org"])
    client = client_as(world["member"])
    with django_capture_on_commit_callbacks(execute=True):
        _post(client, project, '<script>alert("x")</script> **important** [lien](javascript:alert(1))')
    comment = Comment.objects.get()
    assert "<script>" not in comment.body_html
    assert "&lt;script&gt;" in comment.body_html
    assert "<strong>important</strong>" in comment.body_html
    assert "javascript:" not in comment.body_html.split("href")[-1] if "href" in comment.body_html else True
    page = client.get(project.get_absolute_url()).content.decode()
    assert '<script>alert("x")</script>' not in page


def test_comment_notifies_members_who_want_it_after_commit(client_as, world, django_capture_on_commit_callbacks):
    sample_template()
    project = ProjectFactory(organisation=world["org"])
    quiet = MembershipFactory(organisation=world["org"]).user
    quiet.wants_notifications = False
    quiet.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(client_as(world["staff_in"]), project, "Pensez à associer le DPO.")
    assert response.status_code == 302
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted([world["member"].email, world["referent"].email])
    assert "Nouveau commentaire" in mail.outbox[0].subject
    assert "Pensez à associer le DPO." in mail.outbox[0].body


def test_author_is_not_notified_of_their_own_comment(client_as, world, django_capture_on_commit_callbacks):
    sample_template()
    project = ProjectFactory(organisation=world["org"])
    with django_capture_on_commit_callbacks(execute=True):
        _post(client_as(world["member"]), project, "Je m’en occupe.")
    assert [m.to for m in mail.outbox] == [[world["referent"].email]]


def test_empty_comment_is_refused(client_as, world):
    sample_template()
    project = ProjectFactory(organisation=world["org"])
    _post(client_as(world["member"]), project, "   ")
    assert not Comment.objects.exists()
