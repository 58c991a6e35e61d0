"""Journey templates (versioned), projects walking through them, the maturity diagnostic and the ethics check.

Versioning rule: a published template (or diagnostic) is frozen. A change is made on a new draft
version (copy of the last one) which, once published, is used by projects created afterwards.
A project stays pinned to the version it started on, so its steps and answers never change under it.
"""

import uuid

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from accounts.models import Organisation
from catalogue.models import Service, Theme
from journeys.enums import EventKind, StepKind, TemplateStatus, TransitionKind


def _private_storage():
    return storages["private"]


VERSIONING_HELP = (
    "Une version publiée est figée : pour modifier le parcours, créez une nouvelle version (action "
    "« Créer une nouvelle version »), modifiez-la puis publiez-la. Les nouveaux projets démarrent sur la "
    "dernière version publiée ; les projets en cours restent sur leur version, avec leurs étapes et leurs réponses."
)


class JourneyTemplateQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=TemplateStatus.PUBLISHED)

    def latest_published(self, slug: str):
        return self.published().filter(slug=slug).order_by("-version").first()


class VersionedContent(models.Model):
    """Content edited by ANCT and published in frozen versions (journey templates, diagnostics)."""

    slug = models.SlugField("identifiant", max_length=80)
    name = models.CharField("nom", max_length=150)
    description = models.TextField("présentation", blank=True)
    version = models.PositiveIntegerField("version", default=1)
    status = models.CharField(
        "statut",
        max_length=10,
        choices=TemplateStatus.choices,
        default=TemplateStatus.DRAFT,
        help_text=VERSIONING_HELP,
    )
    published_at = models.DateTimeField("publiée le", null=True, blank=True)
    supersedes = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="remplace"
    )
    source_hash = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField("créée le", auto_now_add=True)

    objects = JourneyTemplateQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["slug", "-version"]

    def __str__(self) -> str:
        return f"{self.name} — v{self.version} ({self.get_status_display()})"

    @property
    def is_frozen(self) -> bool:
        return self.status == TemplateStatus.PUBLISHED


class JourneyTemplate(VersionedContent):
    version_note = models.CharField("note de version", max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta(VersionedContent.Meta):
        verbose_name = "parcours (modèle)"
        verbose_name_plural = "parcours (modèles)"
        constraints = [models.UniqueConstraint(fields=["slug", "version"], name="journeytemplate_unique_version")]


class Stage(models.Model):
    template = models.ForeignKey(JourneyTemplate, on_delete=models.CASCADE, related_name="stages")
    order = models.PositiveSmallIntegerField("ordre")
    key = models.SlugField("identifiant", max_length=40)
    name = models.CharField("nom", max_length=120)
    summary = models.TextField("résumé", blank=True)
    requires_validation = models.BooleanField(
        "validation ANCT requise",
        default=False,
        help_text="Si coché, un chargé de mission ANCT couvrant le territoire doit valider l’étape "
        "avant de passer à la suite.",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "étape"
        ordering = ["template", "order"]
        constraints = [
            models.UniqueConstraint(fields=["template", "key"], name="stage_unique_key"),
            models.UniqueConstraint(fields=["template", "order"], name="stage_unique_order"),
        ]

    def __str__(self) -> str:
        return f"{self.order}. {self.name}"


class Step(models.Model):
    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="steps")
    order = models.PositiveSmallIntegerField("ordre")
    key = models.SlugField("identifiant", max_length=60)
    kind = models.CharField("type", max_length=20, choices=StepKind.choices)
    title = models.CharField("intitulé", max_length=200)
    help = models.TextField("aide (Markdown)", blank=True)
    required = models.BooleanField("obligatoire", default=True)
    choices = models.JSONField("choix possibles", default=list, blank=True, help_text="Liste de libellés.")
    choice_kinds = models.JSONField(
        "choix réservés",
        default=dict,
        blank=True,
        help_text='{"libellé": ["commune", "epci"]} : ce choix n’est proposé qu’à ces types de collectivité.',
    )
    link = models.JSONField("lien", default=dict, blank=True, help_text='{"label": "…", "url": "/catalogue/…"}')
    deliverable_hint = models.CharField("fichier attendu", max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "action"
        ordering = ["stage", "order"]
        constraints = [models.UniqueConstraint(fields=["stage", "key"], name="step_unique_key")]

    def __str__(self) -> str:
        return self.title


class Diagnostic(VersionedContent):
    created_at = models.DateTimeField("créé le", auto_now_add=True)
    history = HistoricalRecords()

    class Meta(VersionedContent.Meta):
        verbose_name = "diagnostic de maturité"
        verbose_name_plural = "diagnostics de maturité"
        constraints = [models.UniqueConstraint(fields=["slug", "version"], name="diagnostic_unique_version")]


class Dimension(models.Model):
    diagnostic = models.ForeignKey(Diagnostic, on_delete=models.CASCADE, related_name="dimensions")
    order = models.PositiveSmallIntegerField("ordre")
    key = models.SlugField("identifiant", max_length=40)
    name = models.CharField("nom", max_length=120)
    description = models.TextField("description", blank=True)

    class Meta:
        verbose_name = "dimension"
        ordering = ["diagnostic", "order"]
        constraints = [models.UniqueConstraint(fields=["diagnostic", "key"], name="dimension_unique_key")]

    def __str__(self) -> str:
        return self.name


class Question(models.Model):
    diagnostic = models.ForeignKey(Diagnostic, on_delete=models.CASCADE, related_name="questions")
    dimension = models.ForeignKey(Dimension, on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveSmallIntegerField("ordre")
    key = models.SlugField("identifiant", max_length=40)
    text = models.CharField("question", max_length=300)
    help = models.TextField("aide", blank=True)
    weight = models.PositiveSmallIntegerField("poids", default=1)
    choices = models.JSONField(
        "réponses", default=list, help_text='Liste de {"label": "…", "score": 0 à 3} (0 = pas commencé, 3 = mature).'
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "question"
        ordering = ["diagnostic", "order"]
        constraints = [models.UniqueConstraint(fields=["diagnostic", "key"], name="question_unique_key")]

    def __str__(self) -> str:
        return self.text


class Recommendation(models.Model):
    dimension = models.ForeignKey(Dimension, on_delete=models.CASCADE, related_name="recommendations")
    order = models.PositiveSmallIntegerField("ordre", default=0)
    below = models.PositiveSmallIntegerField("affichée sous le score", help_text="Score de la dimension (0 à 100).")
    title = models.CharField("titre", max_length=200)
    text = models.TextField("texte")
    links = models.JSONField("liens", default=list, blank=True, help_text='Liste de {"label": "…", "url": "…"}.')

    class Meta:
        verbose_name = "recommandation"
        ordering = ["dimension", "order", "below"]

    def __str__(self) -> str:
        return self.title


class ProjectQuerySet(models.QuerySet):
    def for_organisation(self, organisation: Organisation):
        return self.filter(organisation=organisation)


class Project(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="projects", verbose_name="collectivité"
    )
    title = models.CharField("titre", max_length=200)
    description = models.TextField("description", blank=True)
    public_concerned = models.CharField("publics concernés", max_length=300, blank=True)
    themes = models.ManyToManyField(Theme, blank=True, related_name="projects", verbose_name="thématiques")
    template = models.ForeignKey(
        JourneyTemplate, on_delete=models.PROTECT, related_name="projects", verbose_name="version du parcours"
    )
    current_stage = models.ForeignKey(Stage, on_delete=models.PROTECT, related_name="+", verbose_name="étape en cours")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name="créé par"
    )
    created_at = models.DateTimeField("créé le", auto_now_add=True)
    updated_at = models.DateTimeField("modifié le", auto_now=True)
    last_activity_at = models.DateTimeField("dernière activité", auto_now_add=True, db_index=True)
    history = HistoricalRecords()

    objects = ProjectQuerySet.as_manager()

    class Meta:
        verbose_name = "projet"
        ordering = ["-last_activity_at"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("journeys:project_detail", kwargs={"public_id": self.public_id})


class StepAnswer(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="answers")
    step = models.ForeignKey(Step, on_delete=models.PROTECT, related_name="answers")
    value = models.JSONField("réponse", default=dict, blank=True)
    file = models.FileField("fichier", storage=_private_storage, upload_to="livrables/%Y/%m/", blank=True)
    file_name = models.CharField("nom du fichier", max_length=200, blank=True)
    file_type = models.CharField("type du fichier", max_length=100, blank=True)
    # Kept in the row (and so in its history): the RGPD export lists an upload without opening the storage.
    file_size = models.PositiveIntegerField("taille du fichier (octets)", null=True, blank=True)
    done = models.BooleanField("fait", default=False)
    # Optimistic concurrency: a save must quote the version it started from.
    version = models.PositiveIntegerField("version", default=0)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name="modifiée par"
    )
    updated_at = models.DateTimeField("modifiée le", auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "réponse"
        constraints = [models.UniqueConstraint(fields=["project", "step"], name="stepanswer_unique")]

    def __str__(self) -> str:
        return f"{self.project} — {self.step}"


class StageValidationQuerySet(models.QuerySet):
    def active(self):
        """Validations still standing: a change to the stage's answers or files since then voids one."""
        return self.filter(voided_at__isnull=True)

    def voided(self):
        return self.filter(voided_at__isnull=False)


class StageValidation(models.Model):
    """An ANCT validation of a project's stage; voided (kept, with who/when/why) when the stage's work changes."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="validations")
    stage = models.ForeignKey(Stage, on_delete=models.PROTECT, related_name="+")
    validated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name="validée par"
    )
    validated_at = models.DateTimeField("validée le", auto_now_add=True)
    voided_at = models.DateTimeField("annulée le", null=True, blank=True)
    voided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="annulée par la modification de",
    )
    void_reason = models.CharField("motif de l’annulation", max_length=300, blank=True)

    objects = StageValidationQuerySet.as_manager()

    class Meta:
        verbose_name = "validation d’étape"
        ordering = ["validated_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "stage"],
                condition=models.Q(voided_at__isnull=True),
                name="stagevalidation_one_active",
            )
        ]

    def __str__(self) -> str:
        return f"{self.stage} — {self.project}"


class StageTransition(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="transitions")
    from_stage = models.ForeignKey(
        Stage, on_delete=models.PROTECT, null=True, related_name="+", verbose_name="depuis l’étape"
    )
    to_stage = models.ForeignKey(Stage, on_delete=models.PROTECT, related_name="+", verbose_name="vers l’étape")
    kind = models.CharField("type", max_length=10, choices=TransitionKind.choices)
    reason = models.TextField("motif", blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name="par"
    )
    at = models.DateTimeField("le", auto_now_add=True)

    class Meta:
        verbose_name = "changement d’étape"
        verbose_name_plural = "changements d’étape"
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.project} : {self.get_kind_display()}"


class ProjectEvent(models.Model):
    """« Qui a fait quoi et quand » on a project, in words a member reads."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField("type", max_length=20, choices=EventKind.choices)
    message = models.CharField("description", max_length=300)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name="par"
    )
    at = models.DateTimeField("le", auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "événement"
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return self.message


class Comment(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name="auteur"
    )
    body = models.TextField("commentaire")
    body_html = models.TextField(editable=False)  # sanitised rendering of `body` (nh3), computed on save by services
    created_at = models.DateTimeField("publié le", auto_now_add=True)

    class Meta:
        verbose_name = "commentaire"
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.body[:60]


class DiagnosticResponse(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="diagnostic_responses")
    diagnostic = models.ForeignKey(Diagnostic, on_delete=models.PROTECT, related_name="responses")
    answers = models.JSONField("réponses", default=dict)  # question key → score chosen (0–3)
    scores = models.JSONField("scores par dimension", default=dict)  # dimension key → 0–100
    overall = models.PositiveSmallIntegerField("score global", null=True, blank=True)
    completed_at = models.DateTimeField("terminé le", null=True, blank=True)
    # Optimistic concurrency, as for StepAnswer: a save must quote the version its form was loaded with.
    version = models.PositiveIntegerField("version", default=0)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name="par"
    )
    updated_at = models.DateTimeField("modifié le", auto_now=True)
    # Who answered what, save after save: the RGPD export gives each person the answers they chose.
    history = HistoricalRecords()

    class Meta:
        verbose_name = "réponse au diagnostic"
        verbose_name_plural = "réponses au diagnostic"
        constraints = [models.UniqueConstraint(fields=["project"], name="diagnosticresponse_one_per_project")]

    def __str__(self) -> str:
        return f"Diagnostic — {self.project}"


class EthicsCheck(models.Model):
    project = models.OneToOneField(Project, on_delete=models.CASCADE, related_name="ethics_check")
    answers = models.JSONField("réponses", default=dict)
    result = models.JSONField("résultat", default=dict)
    completed_at = models.DateTimeField("terminé le", null=True, blank=True)
    # Optimistic concurrency, as for StepAnswer: a save must quote the version its form was loaded with.
    version = models.PositiveIntegerField("version", default=0)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name="par"
    )
    updated_at = models.DateTimeField("modifié le", auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "cadrage éthique et juridique"
        verbose_name_plural = "cadrages éthiques et juridiques"

    def __str__(self) -> str:
        return f"Cadrage éthique — {self.project}"


class ProjectShortlist(models.Model):
    """A catalogue service considered in the « Choix de la solution » stage; `is_chosen` marks the choice made."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="shortlist")
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="shortlisted_by")
    note = models.CharField("pourquoi cette piste", max_length=300, blank=True)
    is_chosen = models.BooleanField("solution retenue", default=False)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name="ajouté par"
    )
    added_at = models.DateTimeField("ajouté le", auto_now_add=True)
    chosen_at = models.DateTimeField("retenue le", null=True, blank=True)

    class Meta:
        verbose_name = "solution présélectionnée"
        verbose_name_plural = "solutions présélectionnées"
        ordering = ["-is_chosen", "added_at"]
        constraints = [
            models.UniqueConstraint(fields=["project", "service"], name="projectshortlist_unique"),
            models.UniqueConstraint(
                fields=["project"], condition=models.Q(is_chosen=True), name="projectshortlist_one_chosen"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project} — {self.service}"
