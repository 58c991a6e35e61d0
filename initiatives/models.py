"""Projects a référent chose to publish as public case studies, and the messages relayed to them."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse

from accounts.enums import OrganisationStatus
from initiatives.enums import InitiativeStatus, Objective
from journeys.models import Project


class InitiativeQuerySet(models.QuerySet):
    def published(self):
        """What the public sees: published by a référent and not withdrawn, of a collectivité ANCT confirmed."""
        return self.filter(
            status=InitiativeStatus.PUBLISHED, project__organisation__status=OrganisationStatus.CONFIRMED
        )


class Initiative(models.Model):
    """The public case study of one project. Nothing of the project is public unless a row here is PUBLISHED.

    Stage reached, themes and services used are read live from the project: the case study follows its project.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    project = models.OneToOneField(Project, on_delete=models.CASCADE, related_name="initiative", verbose_name="projet")
    title = models.CharField("titre", max_length=200)
    summary = models.TextField("ce que nous avons fait", max_length=4_000)
    lessons = models.TextField("ce que nous avons appris", max_length=4_000, blank=True)
    objective = models.CharField("objectif", max_length=12, choices=Objective.choices)
    accepts_messages = models.BooleanField("accepter les messages d’autres collectivités", default=True)
    status = models.CharField("statut", max_length=10, choices=InitiativeStatus.choices)
    published_at = models.DateTimeField("publiée le", null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name="publiée par"
    )
    withdrawn_at = models.DateTimeField("retirée le", null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="retirée par",
    )
    updated_at = models.DateTimeField("modifiée le", auto_now=True)

    objects = InitiativeQuerySet.as_manager()

    class Meta:
        verbose_name = "initiative publiée"
        verbose_name_plural = "initiatives publiées"
        ordering = ["-published_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("initiatives:detail", kwargs={"public_id": self.public_id})

    @property
    def is_published(self) -> bool:
        return self.status == InitiativeStatus.PUBLISHED


class InitiativeMessage(models.Model):
    """A message relayed by email to the référents of a published initiative (kept to enforce the daily limits)."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="messages")
    sender = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    subject = models.CharField("objet", max_length=150)
    body = models.TextField("message", max_length=4_000)
    created_at = models.DateTimeField("envoyé le", auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "message à une initiative"
        verbose_name_plural = "messages aux initiatives"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.subject
