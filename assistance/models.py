"""Requests for ANCT ingénierie on a project, their history and message thread, experts and their mobilisation."""

import uuid
from datetime import datetime, timedelta

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.db.models import Q
from django.urls import reverse

from accounts.models import Organisation
from assistance.enums import (
    OPEN_STATUSES,
    CostRule,
    EventKind,
    ExpertKind,
    LocalSupport,
    Recommendation,
    RequestKind,
    RequestStatus,
    Urgency,
    Usefulness,
)
from catalogue.models import Theme
from journeys.models import Project, Stage
from territories.models import Departement, Region


def _private_storage():
    return storages["private"]


class AssistanceRequestQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def unanswered(self):
        """Requests ANCT has not reacted to yet (no status change, no message from a chargé de mission)."""
        return self.filter(first_answered_at__isnull=True, status=RequestStatus.SUBMITTED)


class WaitingOnCollectivite(models.Model):
    """ANCT waits on the collectivité (a question asked, a document expected): its members are reminded every
    ASSISTANCE_REMINDER_DAYS, at most ASSISTANCE_REMINDER_MAX times, until they answer. Shared by requests and
    projects: one reminder run (services.send_due_reminders) nudges both on the same cadence."""

    waiting_since = models.DateTimeField("en attente de la collectivité depuis", null=True, blank=True)
    waiting_for = models.CharField("ce qui est attendu", max_length=300, blank=True)
    reminders_sent = models.PositiveSmallIntegerField("relances envoyées", default=0)
    last_reminder_at = models.DateTimeField("dernière relance", null=True, blank=True)

    class Meta:
        abstract = True

    def reminder_due(self, now: datetime) -> bool:
        """Whether a reminder is due at `now`: still waiting, under the maximum, a full cadence since the last."""
        if self.waiting_since is None or self.reminders_sent >= settings.ASSISTANCE_REMINDER_MAX:
            return False
        last = self.last_reminder_at or self.waiting_since
        return last + timedelta(days=settings.ASSISTANCE_REMINDER_DAYS) <= now


class AssistanceRequest(WaitingOnCollectivite):
    """A collectivité asks ANCT for ingénierie on one of its projects."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="assistance_requests", verbose_name="projet"
    )
    # The project's organisation, kept on the row: every scope filter and count of the espace goes through it.
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="assistance_requests", verbose_name="collectivité"
    )
    kind = models.CharField("type d’appui", max_length=20, choices=RequestKind.choices)
    need = models.TextField("le besoin")
    themes = models.ManyToManyField(Theme, blank=True, related_name="assistance_requests", verbose_name="thématiques")
    urgency = models.CharField("urgence", max_length=10, choices=Urgency.choices, default=Urgency.NORMAL)
    # Intake facts that decide the route (ANCT doctrine: local ingénierie first), kept as answered.
    population = models.PositiveIntegerField("population au dépôt", null=True, blank=True)
    local_support = models.CharField("ingénierie locale sollicitée", max_length=16, choices=LocalSupport.choices)
    local_actors = models.JSONField("acteurs locaux sollicités", default=list, blank=True)
    local_answer = models.TextField("réponse de l’ingénierie locale", blank=True)
    cost_rule = models.CharField("prise en charge", max_length=10, choices=CostRule.choices, default=CostRule.UNKNOWN)

    status = models.CharField(
        "statut", max_length=12, choices=RequestStatus.choices, default=RequestStatus.SUBMITTED, db_index=True
    )
    status_changed_at = models.DateTimeField("statut modifié le", auto_now_add=True)
    redirected_to = models.CharField("réorientée vers", max_length=200, blank=True)
    refusal_reason = models.TextField("motif du refus", blank=True)
    outcome = models.TextField("résultat", blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="chargé de mission",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name="déposée par"
    )
    created_at = models.DateTimeField("déposée le", auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField("dernier changement", auto_now_add=True, db_index=True)
    first_answered_at = models.DateTimeField("première réponse de l’ANCT", null=True, blank=True)
    escalated_at = models.DateTimeField("signalée aux niveaux régional et national le", null=True, blank=True)
    closed_at = models.DateTimeField("clôturée le", null=True, blank=True)

    objects = AssistanceRequestQuerySet.as_manager()

    class Meta:
        verbose_name = "demande d’ingénierie"
        verbose_name_plural = "demandes d’ingénierie"
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "created_at"], name="assistance_status_created")]
        constraints = [
            models.CheckConstraint(
                name="assistance_refusal_has_reason",
                condition=~Q(status=RequestStatus.REFUSED) | ~Q(refusal_reason=""),
            ),
            models.CheckConstraint(
                name="assistance_redirection_names_actor",
                condition=~Q(status=RequestStatus.REDIRECTED) | ~Q(redirected_to=""),
            ),
            models.CheckConstraint(
                name="assistance_closure_has_outcome",
                condition=~Q(status=RequestStatus.CLOSED) | ~Q(outcome=""),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.project}"

    def get_absolute_url(self) -> str:
        return reverse("assistance:request_detail", kwargs={"public_id": self.public_id})

    def get_espace_url(self) -> str:
        return reverse("espace:request_detail", kwargs={"public_id": self.public_id})


class RequestEvent(models.Model):
    """One line of a request's history: who changed what, and when."""

    request = models.ForeignKey(AssistanceRequest, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField("type", max_length=14, choices=EventKind.choices)
    from_status = models.CharField("ancien statut", max_length=12, choices=RequestStatus.choices, blank=True)
    to_status = models.CharField("nouveau statut", max_length=12, choices=RequestStatus.choices, blank=True)
    note = models.TextField("précision", blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name="par"
    )
    at = models.DateTimeField("le", auto_now_add=True)

    class Meta:
        verbose_name = "événement de demande"
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.request_id} : {self.get_kind_display()}"


class RequestMessage(models.Model):
    """A message of the thread between the collectivité and ANCT (Markdown subset, sanitised on save)."""

    request = models.ForeignKey(AssistanceRequest, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name="auteur"
    )
    from_anct = models.BooleanField("écrit par l’ANCT", default=False)
    body = models.TextField("message")
    body_html = models.TextField(editable=False)
    created_at = models.DateTimeField("envoyé le", auto_now_add=True)

    class Meta:
        verbose_name = "message"
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.body[:60]


class RequestAttachment(models.Model):
    """A file joined to the request or to one of its messages; served only after a permission check."""

    request = models.ForeignKey(AssistanceRequest, on_delete=models.CASCADE, related_name="attachments")
    message = models.ForeignKey(
        RequestMessage, on_delete=models.CASCADE, null=True, blank=True, related_name="attachments"
    )
    file = models.FileField("fichier", storage=_private_storage, upload_to="ingenierie/%Y/%m/")
    file_name = models.CharField("nom du fichier", max_length=200)
    file_type = models.CharField("type du fichier", max_length=100)
    size = models.PositiveIntegerField("taille (octets)", default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name="déposé par"
    )
    uploaded_at = models.DateTimeField("déposé le", auto_now_add=True)

    class Meta:
        verbose_name = "pièce jointe"
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.file_name


class Expert(models.Model):
    """A person or a body ANCT may mobilise (its own experts, CEREMA, Banque des Territoires, partner networks)."""

    name = models.CharField("nom", max_length=200)
    kind = models.CharField("type", max_length=10, choices=ExpertKind.choices, default=ExpertKind.PERSON)
    organisation = models.CharField(
        "organisme", max_length=200, help_text="Par exemple : ANCT, Cerema, Banque des Territoires."
    )
    email = models.EmailField("adresse électronique")
    phone = models.CharField("téléphone", max_length=30, blank=True)
    themes = models.ManyToManyField(Theme, blank=True, related_name="experts", verbose_name="thématiques")
    is_national = models.BooleanField("intervient partout en France", default=False)
    regions = models.ManyToManyField(Region, blank=True, related_name="+", verbose_name="régions d’intervention")
    departements = models.ManyToManyField(
        Departement, blank=True, related_name="+", verbose_name="départements d’intervention"
    )
    description = models.TextField("domaines d’expertise", blank=True)
    is_active = models.BooleanField("mobilisable", default=True)
    created_at = models.DateTimeField("ajouté le", auto_now_add=True)

    class Meta:
        verbose_name = "expert"
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation})"


class Mobilisation(models.Model):
    """An expert mobilised on a request: who, when and why."""

    request = models.ForeignKey(AssistanceRequest, on_delete=models.CASCADE, related_name="mobilisations")
    expert = models.ForeignKey(Expert, on_delete=models.PROTECT, related_name="mobilisations")
    reason = models.TextField("pourquoi cet expert")
    mobilised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name="mobilisé par"
    )
    mobilised_at = models.DateTimeField("mobilisé le", auto_now_add=True)

    class Meta:
        verbose_name = "mobilisation d’expert"
        verbose_name_plural = "mobilisations d’experts"
        ordering = ["mobilised_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["request", "expert"], name="mobilisation_unique_expert")]

    def __str__(self) -> str:
        return f"{self.expert} — {self.request}"


class Satisfaction(models.Model):
    """The collectivité's three answers once a request is closed."""

    request = models.OneToOneField(AssistanceRequest, on_delete=models.CASCADE, related_name="satisfaction")
    usefulness = models.CharField("l’appui vous a-t-il été utile ?", max_length=10, choices=Usefulness.choices)
    what_changed = models.TextField("qu’est-ce qui a changé pour votre projet ?", blank=True)
    would_recommend = models.CharField(
        "le recommanderiez-vous à une autre collectivité ?", max_length=10, choices=Recommendation.choices
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name="par"
    )
    answered_at = models.DateTimeField("le", auto_now_add=True)

    class Meta:
        verbose_name = "avis de la collectivité"
        verbose_name_plural = "avis des collectivités"

    def __str__(self) -> str:
        return f"Avis — {self.request}"


class Follow(models.Model):
    """« Je suis ce projet » / « Je suis cette demande »: a chargé de mission keeps an eye on it."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assistance_follows")
    project = models.ForeignKey(Project, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    request = models.ForeignKey(
        AssistanceRequest, on_delete=models.CASCADE, null=True, blank=True, related_name="follows"
    )
    created_at = models.DateTimeField("depuis le", auto_now_add=True)

    class Meta:
        verbose_name = "suivi"
        constraints = [
            models.CheckConstraint(
                name="follow_exactly_one_target",
                condition=Q(project__isnull=False, request__isnull=True)
                | Q(project__isnull=True, request__isnull=False),
            ),
            models.UniqueConstraint(fields=["user", "project"], name="follow_unique_project"),
            models.UniqueConstraint(fields=["user", "request"], name="follow_unique_request"),
        ]

    def __str__(self) -> str:
        return f"{self.user} suit {self.project or self.request}"


class EspaceVisit(models.Model):
    """When a chargé de mission last opened the espace home (« ce qui a changé depuis votre dernière visite »)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    previous_visit_at = models.DateTimeField(null=True, blank=True)
    last_visit_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "visite de l’espace ANCT"

    def __str__(self) -> str:
        return f"{self.user} — {self.last_visit_at}"


class ValidationNotice(models.Model):
    """The covering chargés de mission were told that a project's stage waits for their validation."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="+")
    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="+")
    notified_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "avis de validation attendue"
        constraints = [models.UniqueConstraint(fields=["project", "stage"], name="validationnotice_unique")]

    def __str__(self) -> str:
        return f"{self.project} — {self.stage}"


class ProjectWait(WaitingOnCollectivite):
    """ANCT waits on the collectivité about a project (a chargé de mission asked a question in a comment, expects a
    document). Any action of a member on the project since `waiting_since` is their answer: the reminders stop.
    One row per project, reused by each new wait; `waiting_since` is empty when nothing is awaited."""

    project = models.OneToOneField(Project, on_delete=models.CASCADE, related_name="anct_wait", verbose_name="projet")
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="demandé par",
    )
    answered_at = models.DateTimeField("la collectivité a répondu le", null=True, blank=True)

    class Meta:
        verbose_name = "attente d’une collectivité sur un projet"
        verbose_name_plural = "attentes de collectivités sur des projets"

    def __str__(self) -> str:
        return f"{self.project} : {self.waiting_for or 'rien en attente'}"
