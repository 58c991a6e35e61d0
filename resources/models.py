"""The resource library: bibliography, use cases, ethical and legal framework, practical guides."""

import math
import unicodedata

from django.db import models
from django.urls import reverse
from django.utils import timezone

from resources.enums import Audience, CollectiviteSize, ResourceKind, SourceStatus

WORDS_PER_MINUTE = 200
# Fields folded into `search_text` (the accent-free column the search reads).
SEARCHED_FIELDS = [
    "title",
    "summary",
    "body",
    "problem",
    "data_used",
    "approach",
    "results",
    "adopters",
    "ethics",
    "source_publisher",
]
# DSFR badge colour of each kind, so the four kinds are told apart at a glance in lists.
KIND_BADGE_CLASSES = {
    ResourceKind.BIBLIOGRAPHY: "fr-badge--beige-gris-galet",
    ResourceKind.USE_CASE: "fr-badge--green-emeraude",
    ResourceKind.FRAMEWORK: "fr-badge--purple-glycine",
    ResourceKind.GUIDE: "fr-badge--blue-ecume",
}
READ_FIELDS = ["body", "problem", "data_used", "approach", "results", "adopters", "ethics"]


def fold(text: str) -> str:
    """Lower-case and strip accents and ligatures: "Données École Œuvre" → "donnees ecole oeuvre"."""
    text = (text or "").lower().replace("œ", "oe").replace("æ", "ae").replace("’", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


class ResourceQuerySet(models.QuerySet):
    def published(self) -> "ResourceQuerySet":
        return self.filter(is_published=True)

    def for_audience(self, audience: str) -> "ResourceQuerySet":
        """Resources meant for `audience`, including those meant for everyone."""
        if audience == Audience.ALL:
            return self
        return self.filter(audience__in=[audience, Audience.ALL])


class Resource(models.Model):
    """One page of the library. Use cases fill the structured « cas d’usage » fields; other kinds leave them empty."""

    slug = models.SlugField("identifiant d’URL", max_length=120, unique=True)
    title = models.CharField("titre", max_length=250)
    kind = models.CharField("type", max_length=14, choices=ResourceKind.choices)
    summary = models.TextField(
        "résumé", max_length=600, help_text="Deux ou trois phrases, affichées dans la liste et en tête de la page."
    )
    body = models.TextField(
        "contenu",
        blank=True,
        help_text=(
            "Markdown : « ## » pour une section (elle entre dans le sommaire), « ### » pour une sous-section, "
            "listes, liens, **gras**. Le HTML est filtré."
        ),
    )
    themes = models.ManyToManyField(
        "catalogue.Theme", related_name="resources", blank=True, verbose_name="thématiques"
    )
    audience = models.CharField("public", max_length=8, choices=Audience.choices, default=Audience.ALL)
    sizes = models.JSONField(
        "tailles de collectivité concernées",
        default=list,
        blank=True,
        help_text="Vide : toutes les tailles.",
    )

    # Use cases only.
    problem = models.TextField("problème à résoudre", blank=True)
    data_used = models.TextField("données utilisées", blank=True)
    approach = models.TextField("démarche", blank=True)
    results = models.TextField("résultats et limites", blank=True)
    adopters = models.TextField(
        "collectivités qui l’ont fait", blank=True, help_text="Faits publics uniquement, avec leur source."
    )
    ethics = models.TextField("points d’attention éthiques et juridiques", blank=True)

    # A title, or part of one, in another language (RGAA 8.7): shown inside <span lang="…"> wherever the title is.
    original_title = models.CharField(
        "titre en langue étrangère",
        max_length=250,
        blank=True,
        help_text="La partie du titre qui n’est pas en français, recopiée à l’identique : « Governing with AI ».",
    )
    original_language = models.CharField(
        "langue de ce titre", max_length=8, blank=True, help_text="Code de langue : « en », « de », « es »…"
    )

    # Where the information comes from.
    source_publisher = models.CharField("éditeur ou auteur", max_length=250, blank=True)
    source_url = models.URLField("adresse de la source", max_length=500, blank=True)
    source_date = models.CharField(
        "date de publication", max_length=120, blank=True, help_text="Telle que la source l’indique : « mars 2018 »."
    )
    source_licence = models.CharField("licence", max_length=120, blank=True)
    source_status = models.CharField(
        "fiabilité de la référence", max_length=14, choices=SourceStatus.choices, default=SourceStatus.OFFICIAL
    )

    reading_minutes = models.PositiveSmallIntegerField("temps de lecture (minutes)", default=1, editable=False)
    search_text = models.TextField("texte de recherche", blank=True, editable=False)
    is_published = models.BooleanField("publiée", default=True)
    updated_on = models.DateField("mise à jour le", default=timezone.localdate)
    # Technical timestamp (not the editorial `updated_on`): part of the cache key of the list page.
    modified_at = models.DateTimeField("modifiée le", auto_now=True)
    # Hash of the shipped version `bootstrap` last wrote (resources.services): a row whose content no longer
    # matches it was edited in the administration, and bootstrap leaves it alone. Empty: not shipped content.
    shipped_hash = models.CharField("empreinte de la version livrée", max_length=64, blank=True, editable=False)

    objects = ResourceQuerySet.as_manager()

    class Meta:
        verbose_name = "ressource"
        ordering = ["title"]
        indexes = [models.Index(fields=["is_published", "kind"], name="resource_published_kind")]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        # Both columns are derived from the row itself (no other model is read or written).
        self.search_text = fold(" ".join(str(getattr(self, name) or "") for name in SEARCHED_FIELDS))
        words = sum(len(str(getattr(self, name) or "").split()) for name in READ_FIELDS)
        self.reading_minutes = max(1, math.ceil(words / WORDS_PER_MINUTE))
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "search_text", "reading_minutes", "modified_at"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("resources:resource_detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        unknown = [size for size in self.sizes or [] if size not in CollectiviteSize.values]
        if unknown:
            raise ValidationError({"sizes": f"Taille inconnue : {', '.join(map(str, unknown))}."})

    @property
    def is_use_case(self) -> bool:
        return self.kind == ResourceKind.USE_CASE

    @property
    def kind_badge_class(self) -> str:
        return KIND_BADGE_CLASSES.get(self.kind, "")

    @property
    def has_source(self) -> bool:
        return bool(self.source_publisher or self.source_url)

    def get_sizes_display(self) -> list[str]:
        labels = dict(CollectiviteSize.choices)
        return [labels[size] for size in self.sizes if size in labels]
