from django.db import models


class ReportStatus(models.TextChoices):
    PENDING = "pending", "en attente"
    RUNNING = "running", "en cours"
    READY = "ready", "prêt"
    FAILED = "failed", "échec"


# A report in one of these states is « in flight »: at most one per project (database constraint).
IN_FLIGHT = (ReportStatus.PENDING, ReportStatus.RUNNING)


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", "à envoyer"
    SENT = "sent", "envoyé"
    RETRYING = "retrying", "nouvel essai prévu"
    FAILED = "failed", "non remis"
