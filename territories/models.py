"""The official territorial referential (INSEE COG, DGCL EPCI list) and national programmes."""

from django.db import models
from django.urls import reverse


class TerritoryKind(models.TextChoices):
    COMMUNE = "commune", "commune"
    EPCI = "epci", "EPCI"
    DEPARTEMENT = "departement", "département"
    REGION = "region", "région"


class ActiveQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Region(models.Model):
    code = models.CharField("code Insee", max_length=3, unique=True)
    name = models.CharField("nom", max_length=100)
    population = models.PositiveIntegerField("population", null=True, blank=True)  # sum of its communes
    is_active = models.BooleanField("en vigueur", default=True)
    search_name = models.CharField(max_length=120, db_index=True, editable=False)

    objects = ActiveQuerySet.as_manager()

    class Meta:
        verbose_name = "région"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Departement(models.Model):
    code = models.CharField("code Insee", max_length=3, unique=True)
    name = models.CharField("nom", max_length=100)
    region = models.ForeignKey(
        Region, to_field="code", on_delete=models.PROTECT, related_name="departements", verbose_name="région"
    )
    population = models.PositiveIntegerField("population", null=True, blank=True)  # sum of its communes
    is_active = models.BooleanField("en vigueur", default=True)
    search_name = models.CharField(max_length=120, db_index=True, editable=False)

    objects = ActiveQuerySet.as_manager()

    class Meta:
        verbose_name = "département"
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class Epci(models.Model):
    siren = models.CharField("SIREN", max_length=9, unique=True)
    name = models.CharField("nom", max_length=200)
    kind = models.CharField("nature juridique", max_length=10)  # CC, CA, CU, METRO, MET69
    population = models.PositiveIntegerField("population", null=True, blank=True)
    departement = models.ForeignKey(
        Departement,
        to_field="code",
        on_delete=models.PROTECT,
        related_name="epcis",
        null=True,
        verbose_name="département du siège",
    )
    region = models.ForeignKey(
        Region, to_field="code", on_delete=models.PROTECT, related_name="epcis", null=True, verbose_name="région"
    )
    is_active = models.BooleanField("en vigueur", default=True)
    search_name = models.CharField(max_length=220, db_index=True, editable=False)

    objects = ActiveQuerySet.as_manager()

    class Meta:
        verbose_name = "EPCI à fiscalité propre"
        verbose_name_plural = "EPCI à fiscalité propre"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Commune(models.Model):
    insee_code = models.CharField("code Insee", max_length=5, unique=True)
    name = models.CharField("nom", max_length=100)
    siren = models.CharField("SIREN", max_length=9, null=True, blank=True, unique=True)
    population = models.PositiveIntegerField("population", null=True, blank=True)
    postcodes = models.CharField("codes postaux", max_length=200, blank=True)  # space-separated
    departement = models.ForeignKey(
        Departement, to_field="code", on_delete=models.PROTECT, related_name="communes", verbose_name="département"
    )
    region = models.ForeignKey(
        Region, to_field="code", on_delete=models.PROTECT, related_name="communes", verbose_name="région"
    )
    epci = models.ForeignKey(
        Epci, on_delete=models.SET_NULL, related_name="communes", null=True, blank=True, verbose_name="EPCI"
    )
    is_active = models.BooleanField("en vigueur", default=True)
    search_name = models.CharField(max_length=120, db_index=True, editable=False)

    objects = ActiveQuerySet.as_manager()

    class Meta:
        verbose_name = "commune"
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.departement_id})"


class CommunePostcode(models.Model):
    """One postcode of a commune (La Poste): a commune may have several, a postcode covers several communes."""

    commune = models.ForeignKey(Commune, on_delete=models.CASCADE, related_name="postcode_set")
    code = models.CharField("code postal", max_length=5, db_index=True)

    class Meta:
        verbose_name = "code postal"
        verbose_name_plural = "codes postaux"
        ordering = ["code"]
        constraints = [models.UniqueConstraint(fields=["commune", "code"], name="commune_postcode_unique")]

    def __str__(self) -> str:
        return self.code


class Programme(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField("nom", max_length=150)
    summary = models.TextField("présentation", blank=True)
    url = models.URLField("site officiel", blank=True)
    communes = models.ManyToManyField(Commune, related_name="programmes", blank=True)
    epcis = models.ManyToManyField(Epci, related_name="programmes", blank=True)

    class Meta:
        verbose_name = "programme national"
        verbose_name_plural = "programmes nationaux"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("territories:programme_detail", kwargs={"slug": self.slug})
