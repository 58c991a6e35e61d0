"""What the journeys app holds about a person, for the RGPD export (accounts.rgpd)."""

from accounts.rgpd import iso, register_exporter
from journeys.models import Comment, Project


@register_exporter
def projets_crees(user) -> list[dict]:
    projects = Project.objects.filter(created_by=user).select_related("organisation").order_by("created_at")
    return [
        {"projet": project.title, "collectivite": project.organisation.name, "le": iso(project.created_at)}
        for project in projects
    ]


@register_exporter
def commentaires(user) -> list[dict]:
    comments = Comment.objects.filter(author=user).select_related("project").order_by("created_at")
    return [
        {"projet": comment.project.title, "texte": comment.body, "le": iso(comment.created_at)} for comment in comments
    ]
