from django.db import models


class Role(models.TextChoices):
    REFERENT = "referent", "référent"
    ELU = "elu", "élu"
    AGENT = "agent", "agent"


class OrganisationStatus(models.TextChoices):
    PENDING = "pending", "en attente de confirmation par l’ANCT"
    CONFIRMED = "confirmed", "confirmée"
    REJECTED = "rejected", "refusée"


class JoinRequestStatus(models.TextChoices):
    PENDING = "pending", "en attente"
    APPROVED = "approved", "acceptée"
    REFUSED = "refused", "refusée"
    CANCELLED = "cancelled", "annulée"


class ScopeLevel(models.TextChoices):
    DEPARTEMENTAL = "departemental", "départemental"
    REGIONAL = "regional", "régional"
    NATIONAL = "national", "national"
