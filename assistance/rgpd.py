"""What the assistance app keeps about a person, for the RGPD export (accounts.rgpd)."""

from accounts.rgpd import iso, register_exporter
from assistance.models import AssistanceRequest, RequestMessage, Satisfaction


@register_exporter
def demandes_d_ingenierie(user) -> list[dict]:
    requests = AssistanceRequest.objects.filter(submitted_by=user).select_related("project", "organisation")
    return [
        {
            "projet": request.project.title,
            "collectivite": request.organisation.name,
            "type": request.get_kind_display(),
            "besoin": request.need,
            "statut": request.get_status_display(),
            "deposee_le": iso(request.created_at),
        }
        for request in requests.order_by("pk")
    ]


@register_exporter
def messages_d_ingenierie(user) -> list[dict]:
    messages = RequestMessage.objects.filter(author=user).select_related("request__project")
    return [
        {"projet": message.request.project.title, "message": message.body, "envoye_le": iso(message.created_at)}
        for message in messages.order_by("pk")
    ]


@register_exporter
def avis_sur_l_ingenierie(user) -> list[dict]:
    answers = Satisfaction.objects.filter(answered_by=user).select_related("request__project")
    return [
        {
            "projet": answer.request.project.title,
            "utile": answer.get_usefulness_display(),
            "ce_qui_a_change": answer.what_changed,
            "recommanderiez_vous": answer.get_would_recommend_display(),
            "le": iso(answer.answered_at),
        }
        for answer in answers.order_by("pk")
    ]
