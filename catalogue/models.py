"""The catalogue: open-source public digital services, their publishers, themes and adopting collectivités."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.urls import reverse

from accounts.enums import OrganisationStatus
from catalogue.enums import (
    Accessibility,
    AdoptionStatus,
    CollectiviteKind,
    CollectiviteSize,
    CostModel,
    Hosting,
    Maturity,
    PublisherKind,
)
from catalogue.licences import LICENCE_CHOICES, validate_licence

# Service boolean fields behind the « type de collectivité » and « taille » facets.
KIND_FIELDS = {
    CollectiviteKind.COMMUNE: "suits_communes",
    CollectiviteKind.EPCI: "suits_epcis",
    CollectiviteKind.DEPARTEMENT: "suits_departements",
    CollectiviteKind.REGION: "suits_regions",
}
SIZE_FIELDS = {
    CollectiviteSize.SMALL: "suits_small",
    CollectiviteSize.MEDIUM: "suits_medium",
    CollectiviteSize.LARGE: "suits_large",
    CollectiviteSize.XLARGE: "suits_xlarge",
}


class Theme(models.Model):
    slug = models.SlugField("identifiant", max_length=60, unique=True)
    name = models.CharField("nom", max_length=100, unique=True)
    position = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "thématique"
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class Publisher(models.Model):
    name = models.CharField("nom", max_length=200, unique=True)
    kind = models.CharField("type", max_length=14, choices=PublisherKind.choices, default=PublisherKind.AUTRE)
    website = models.URLField("site", blank=True)

    class Meta:
        verbose_name = "éditeur"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def kind_note(self) -> str:
        """The publisher's kind, unless it only repeats the name (« DINUM (DINUM) »)."""
        label = self.get_kind_display()
        return "" if label.casefold() == self.name.casefold() else label


class ServiceQuerySet(models.QuerySet):
    def published(self) -> "ServiceQuerySet":
        return self.filter(is_published=True)

    def for_kind(self, kind: str) -> "ServiceQuerySet":
        return self.filter(**{KIND_FIELDS[CollectiviteKind(kind)]: True})


class Service(models.Model):
    """An open-source public digital service a collectivité can use or deploy."""

    name = models.CharField("nom", max_length=150)
    slug = models.SlugField("identifiant d’URL", max_length=160, unique=True)
    pitch = models.CharField("accroche", max_length=300, help_text="Une phrase : ce que le service permet de faire.")
    description = models.TextField(
        "description", blank=True, help_text="Markdown simple (titres, listes, liens) ; le HTML est filtré."
    )
    publisher = models.ForeignKey(Publisher, on_delete=models.PROTECT, related_name="services", verbose_name="éditeur")
    licence = models.CharField(
        "licence (identifiant SPDX)", max_length=40, choices=LICENCE_CHOICES, validators=[validate_licence]
    )
    source_code_url = models.URLField("code source", max_length=300, blank=True)
    website = models.URLField("site du service", max_length=300, blank=True)
    maturity = models.CharField("maturité", max_length=16, choices=Maturity.choices, default=Maturity.DEPLOIEMENT)
    hosting = models.CharField("hébergement", max_length=14, choices=Hosting.choices, default=Hosting.ONLINE)
    themes = models.ManyToManyField(Theme, related_name="services", verbose_name="thématiques")
    suits_communes = models.BooleanField("convient aux communes", default=True)
    suits_epcis = models.BooleanField("convient aux EPCI", default=True)
    suits_departements = models.BooleanField("convient aux départements", default=False)
    suits_regions = models.BooleanField("convient aux régions", default=False)
    suits_small = models.BooleanField("moins de 3 500 habitants", default=True)
    suits_medium = models.BooleanField("de 3 500 à 20 000 habitants", default=True)
    suits_large = models.BooleanField("de 20 000 à 100 000 habitants", default=True)
    suits_xlarge = models.BooleanField("plus de 100 000 habitants", default=True)
    uses_ai = models.BooleanField("utilise l’intelligence artificielle", default=False)
    ai_description = models.TextField(
        "usage de l’IA", blank=True, help_text="Quels modèles, pour quoi faire, avec quel contrôle humain."
    )
    processes_personal_data = models.BooleanField("traite des données personnelles", default=False)
    accessibility = models.CharField(
        "accessibilité (RGAA)", max_length=14, choices=Accessibility.choices, default=Accessibility.NOT_ASSESSED
    )
    cost_model = models.CharField("modèle de coût", max_length=20, choices=CostModel.choices, default=CostModel.FREE)
    cost_note = models.CharField("précisions sur le coût", max_length=300, blank=True)
    contact_url = models.URLField("page de contact", max_length=300, blank=True)
    contact_email = models.EmailField("adresse de contact publique de l’éditeur", blank=True)
    is_published = models.BooleanField("publié", default=True)
    # Kept up to date by catalogue.services (never edited by hand).
    adopter_count = models.PositiveIntegerField("collectivités déclarées", default=0, editable=False)
    adopters_changed_at = models.DateTimeField(null=True, editable=False, db_index=True)
    # National programmes of the declaring organisations (commune or EPCI), for the « programme » facet.
    adopter_programmes = models.ManyToManyField(
        "territories.Programme", blank=True, editable=False, related_name="+", verbose_name="programmes des adopteurs"
    )
    search_text = models.TextField(editable=False, default="")  # lower-case, accents folded (SQLite search)
    created_at = models.DateTimeField("créé le", auto_now_add=True)
    updated_at = models.DateTimeField("modifié le", auto_now=True, db_index=True)

    objects = ServiceQuerySet.as_manager()

    class Meta:
        verbose_name = "service numérique"
        verbose_name_plural = "services numériques"
        ordering = ["name"]
        indexes = [models.Index(fields=["is_published", "name"], name="service_published_name")]
        constraints = [
            models.CheckConstraint(
                name="service_ai_described_when_used",
                condition=Q(uses_ai=False) | ~Q(ai_description=""),
                violation_error_message="Décrivez l’usage de l’intelligence artificielle.",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("catalogue:service_detail", kwargs={"slug": self.slug})

    @property
    def suitable_kinds(self) -> list[str]:
        return [kind.label for kind, field in KIND_FIELDS.items() if getattr(self, field)]

    @property
    def suitable_sizes(self) -> list[str]:
        return [size.label for size, field in SIZE_FIELDS.items() if getattr(self, field)]


class ServiceSearchVector(models.Model):
    """A service's full-text vector (PostgreSQL), kept up to date by catalogue.indexing.

    In a table of its own: a search reads the vectors of its matches, and among the services' columns (their
    descriptions) that was a page per match; this narrow table holds a dozen vectors a page (a search: 0.50 →
    0.37 ms, and less of the database's time).
    """

    service = models.OneToOneField(Service, on_delete=models.CASCADE, primary_key=True, related_name="search_entry")
    vector = SearchVectorField()

    class Meta:
        verbose_name = "vecteur de recherche d’un service"
        verbose_name_plural = "vecteurs de recherche des services"

    def __str__(self) -> str:
        return f"Recherche : {self.service_id}"


class AdoptionQuerySet(models.QuerySet):
    def public(self) -> "AdoptionQuerySet":
        """Declarations of collectivités confirmed by ANCT: the only ones listed, counted and reachable by others.

        A pending or refused collectivité may declare (it is recorded and shown to its members), nothing more.
        """
        return self.filter(organisation__status=OrganisationStatus.CONFIRMED)


class Adoption(models.Model):
    """An organisation's declaration about a service: it uses it, or it is interested."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="adoptions", verbose_name="service")
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="adoptions", verbose_name="collectivité"
    )
    status = models.CharField("statut", max_length=10, choices=AdoptionStatus.choices)
    declared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="déclarée par",
    )
    created_at = models.DateTimeField("déclarée le", auto_now_add=True)
    updated_at = models.DateTimeField("modifiée le", auto_now=True, db_index=True)

    objects = AdoptionQuerySet.as_manager()

    class Meta:
        verbose_name = "collectivité utilisatrice"
        verbose_name_plural = "collectivités utilisatrices"
        constraints = [
            models.UniqueConstraint(fields=["service", "organisation"], name="adoption_unique_service_organisation")
        ]

    def __str__(self) -> str:
        return f"{self.organisation} — {self.service} ({self.get_status_display()})"


class AdopterMessage(models.Model):
    """A message a member sent to the other adopters of a service (relayed by email; kept for rate limits)."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="messages")
    sender = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.CASCADE, related_name="+")
    subject = models.CharField("objet", max_length=150)
    body = models.TextField("message")
    share_email = models.BooleanField("adresse de l’expéditeur communiquée aux destinataires", default=False)
    recipient_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "message aux collectivités utilisatrices"
        verbose_name_plural = "messages aux collectivités utilisatrices"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.organisation} → {self.service} : {self.subject}"
