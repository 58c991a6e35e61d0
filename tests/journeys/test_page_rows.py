"""The project page's history and comments: the names and dates it shows, read without model instances."""

from common.dates import french_datetime
from journeys import selectors
from journeys.models import Comment, ProjectEvent
from tests.accounts.factories import UserFactory
from tests.journeys.factories import ProjectFactory, sample_template


def test_rows_name_people_as_their_account_does(db, world):
    sample_template()
    project = ProjectFactory(organisation=world["org"])
    named = UserFactory(first_name="Ada", last_name="Lovelace")
    unnamed = UserFactory(first_name="", last_name="", email="sans.nom@example.fr")
    Comment.objects.create(project=project, author=named, body="a", body_html="<p>a &amp; b</p>")
    Comment.objects.create(project=project, author=unnamed, body="b", body_html="<p>b</p>")
    Comment.objects.create(project=project, author=None, body="c", body_html="<p>c</p>")
    ProjectEvent.objects.create(project=project, actor=named, kind="comment", message="a commenté")
    comments = selectors.comment_rows(project)
    assert [row.author for row in comments] == [str(named), str(unnamed), ""]
    assert [row.body_html for row in comments] == ["<p>a &amp; b</p>", "<p>b</p>", "<p>c</p>"]
    assert comments[0].at == french_datetime(Comment.objects.get(author=named).created_at)
    events = selectors.recent_event_rows(project)
    assert events[0].actor == "Ada Lovelace"
    assert events[0].message == "a commenté"


def test_project_page_shows_deleted_authors_and_dates(client_as, world):
    sample_template()
    project = ProjectFactory(organisation=world["org"])
    comment = Comment.objects.create(project=project, author=None, body="x", body_html="<p>Un <em>avis</em></p>")
    html = client_as(world["member"]).get(project.get_absolute_url()).content.decode()
    assert "<strong>Compte supprimé</strong>" in html
    assert "<div><p>Un <em>avis</em></p></div>" in html
    assert french_datetime(comment.created_at) in html
