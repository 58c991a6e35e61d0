"""Project comments: a sanitised Markdown subset, the members who want it notified after commit."""

from django.db import transaction

from accounts.models import User
from journeys import emails
from journeys.enums import EventKind
from journeys.markup import render_markdown
from journeys.models import Comment, Project
from journeys.services.errors import JourneyError
from journeys.services.history import record

MAX_COMMENT_LENGTH = 5_000


@transaction.atomic
def add_comment(*, project: Project, author: User, body: str) -> Comment:
    """Add a comment (Markdown subset, sanitised) and notify, after commit, the members who want it."""
    body = (body or "").strip()
    if not body:
        raise JourneyError("Le commentaire est vide.")
    if len(body) > MAX_COMMENT_LENGTH:
        raise JourneyError(f"Le commentaire est trop long ({MAX_COMMENT_LENGTH} caractères au plus).")
    comment = Comment.objects.create(project=project, author=author, body=body, body_html=render_markdown(body))
    record(project, kind=EventKind.COMMENT, actor=author, message="a publié un commentaire")
    transaction.on_commit(lambda: emails.send_comment_notification(comment_id=comment.pk))
    return comment
