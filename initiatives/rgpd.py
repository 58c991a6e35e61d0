"""What the gallery keeps about a person, for the RGPD export (accounts.rgpd)."""

from django.db.models import Q

from accounts.rgpd import iso, register_exporter
from initiatives.models import Initiative, InitiativeMessage


@register_exporter
def initiatives_publiees(user) -> list[dict]:
    initiatives = Initiative.objects.filter(Q(published_by=user) | Q(withdrawn_by=user)).select_related("project")
    return [
        {
            "initiative": initiative.title,
            "projet": initiative.project.title,
            "statut": initiative.get_status_display(),
            "publiee_par_vous": initiative.published_by_id == user.pk,
            "publiee_le": iso(initiative.published_at),
            "retiree_par_vous": initiative.withdrawn_by_id == user.pk,
            "retiree_le": iso(initiative.withdrawn_at),
        }
        for initiative in initiatives.order_by("pk")
    ]


@register_exporter
def messages_aux_initiatives(user) -> list[dict]:
    messages = InitiativeMessage.objects.filter(sender=user).select_related("initiative")
    return [
        {
            "initiative": message.initiative.title,
            "objet": message.subject,
            "message": message.body,
            "envoye_le": iso(message.created_at),
        }
        for message in messages.order_by("pk")
    ]
