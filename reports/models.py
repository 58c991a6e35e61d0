"""PDF reports of a project: the record of each generation, its private file and who received it by email."""

import uuid

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from journeys.models import Project
from reports.enums import IN_FLIGHT, DeliveryStatus, ReportStatus


def _private_storage():
    return storages["private"]


class ReportQuerySet(models.QuerySet):
    def in_flight(self):
        return self.filter(status__in=IN_FLIGHT)

    def ready(self):
        return self.filter(status=ReportStatus.READY).exclude(file="")


class Report(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="reports", verbose_name="projet")
    status = models.CharField(
        "statut", max_length=10, choices=ReportStatus.choices, default=ReportStatus.PENDING, db_index=True
    )
    # Private storage only: the file is served by a view that applies the project's access rule.
    file = models.FileField("fichier", storage=_private_storage, upload_to="rapports/%Y/%m/", blank=True)
    checksum = models.CharField("empreinte SHA-256", max_length=64, blank=True)
    size = models.PositiveBigIntegerField("taille (octets)", null=True, blank=True)
    journey_version = models.PositiveIntegerField("version du parcours", null=True, blank=True)
    diagnostic_version = models.PositiveIntegerField("version du diagnostic", null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="demandé par",
    )
    is_automatic = models.BooleanField("généré automatiquement", default=False)
    attempts = models.PositiveSmallIntegerField("essais", default=0)
    error = models.TextField("dernière erreur", blank=True)
    requested_at = models.DateTimeField("demandé le", auto_now_add=True)
    dispatched_at = models.DateTimeField("confié aux workers le", null=True, blank=True)
    started_at = models.DateTimeField("commencé le", null=True, blank=True)
    finished_at = models.DateTimeField("terminé le", null=True, blank=True)
    updated_at = models.DateTimeField("modifié le", auto_now=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = "rapport"
        ordering = ["-requested_at", "-pk"]
        constraints = [
            # A double click, or two members at once, make one report: never two in flight for a project.
            models.UniqueConstraint(
                fields=["project"], condition=Q(status__in=IN_FLIGHT), name="report_one_in_flight_per_project"
            ),
        ]
        indexes = [models.Index(fields=["status", "requested_at"], name="report_status_requested")]

    def __str__(self) -> str:
        return f"Rapport du {self.requested_at:%d/%m/%Y} — {self.project}"

    @property
    def is_in_flight(self) -> bool:
        return self.status in IN_FLIGHT

    @property
    def download_name(self) -> str:
        """The file name a reader gets: « rapport-<projet>-<date>.pdf »."""
        day = timezone.localtime(self.finished_at or self.requested_at).strftime("%Y-%m-%d")
        return f"rapport-{slugify(self.project.title)[:60] or 'projet'}-{day}.pdf"


class ReportDelivery(models.Model):
    """One email of a report to one address: claimed under a row lock, so a re-delivered task never sends twice."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="deliveries", verbose_name="rapport")
    email = models.EmailField("adresse électronique")
    status = models.CharField("statut", max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING)
    with_attachment = models.BooleanField("PDF en pièce jointe", default=True)
    attempts = models.PositiveSmallIntegerField("essais", default=0)
    error = models.TextField("dernière erreur", blank=True)
    created_at = models.DateTimeField("créée le", auto_now_add=True)
    last_attempt_at = models.DateTimeField("dernier essai le", null=True, blank=True)
    sent_at = models.DateTimeField("envoyé le", null=True, blank=True)

    class Meta:
        verbose_name = "envoi du rapport"
        verbose_name_plural = "envois du rapport"
        ordering = ["report", "email"]
        constraints = [models.UniqueConstraint(fields=["report", "email"], name="reportdelivery_unique_address")]

    def __str__(self) -> str:
        return f"{self.email} — {self.get_status_display()}"
