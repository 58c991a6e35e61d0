"""What the catalogue holds about a person, for the RGPD export (accounts.rgpd)."""

from accounts.rgpd import iso, register_exporter
from catalogue.models import AdopterMessage, Adoption


@register_exporter
def declarations_de_services(user) -> list[dict]:
    adoptions = Adoption.objects.filter(declared_by=user).select_related("service", "organisation")
    return [
        {
            "service": adoption.service.name,
            "collectivite": adoption.organisation.name,
            "declaration": adoption.get_status_display(),
        }
        for adoption in adoptions.order_by("pk")
    ]


@register_exporter
def messages_aux_collectivites_utilisatrices(user) -> list[dict]:
    messages = AdopterMessage.objects.filter(sender=user).select_related("service").order_by("created_at")
    return [
        {
            "service": message.service.name,
            "objet": message.subject,
            "message": message.body,
            "le": iso(message.created_at),
        }
        for message in messages
    ]
