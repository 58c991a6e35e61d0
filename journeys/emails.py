"""Emails of the journeys app: built from journeys/emails/<name>_subject.txt, _body.txt and _body.html."""

from django.conf import settings

from accounts import mailer
from accounts.models import User
from accounts.permissions import staff_covering


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


def send_validation_voided(*, validation_id: int) -> int:
    """Tell ANCT that a change voided a stage validation: the validator if they still cover the collectivité,
    otherwise every chargé de mission covering it (accounts.permissions.staff_covering), who want notifications."""
    from journeys.models import StageValidation

    validation = (
        StageValidation.objects.select_related("project__organisation", "stage", "voided_by", "validated_by")
        .filter(pk=validation_id, voided_at__isnull=False)
        .first()
    )
    if validation is None:
        return 0
    project = validation.project
    covering = staff_covering(project.organisation).filter(wants_notifications=True)
    validator = covering.filter(pk=validation.validated_by_id)
    recipients = list((validator if validator.exists() else covering).values_list("email", flat=True))
    if not recipients:
        return 0
    context = {
        "validation": validation,
        "project": project,
        "project_url": f"{settings.SITE_URL.rstrip('/')}{project.get_absolute_url()}?etape={validation.stage.key}",
        "site_name": settings.SITE_NAME,
    }
    return _send("validation_voided", context, recipients)
