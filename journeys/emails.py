"""Emails of the journeys app: built from journeys/emails/<name>_subject.txt, _body.txt and _body.html."""

from django.conf import settings

from accounts import mailer
from accounts.models import User


def _send(name: str, context: dict, recipients: list[str]) -> int:
    return mailer.render_and_send(f"journeys/emails/{name}", to=recipients, context=context)


def send_comment_notification(*, comment_id: int) -> int:
    """Tell the project's organisation members who want notifications (except the author) about a new comment."""
    from journeys.models import Comment

    comment = Comment.objects.select_related("project__organisation", "author").filter(pk=comment_id).first()
    if comment is None:
        return 0
    project = comment.project
    recipients = list(
        User.objects.filter(memberships__organisation=project.organisation, wants_notifications=True, is_active=True)
        .exclude(pk=comment.author_id)
        .values_list("email", flat=True)
        .distinct()
    )
    if not recipients:
        return 0
    context = {
        "comment": comment,
        "project": project,
        "project_url": settings.SITE_URL.rstrip("/") + project.get_absolute_url(),
        "site_name": settings.SITE_NAME,
    }
    return _send("comment", context, recipients)
