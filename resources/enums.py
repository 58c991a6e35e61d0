"""Choices of the resource library, with their French labels."""

from django.db import models


class ResourceKind(models.TextChoices):
    BIBLIOGRAPHY = "bibliographie", "Sélection bibliographique"
    USE_CASE = "cas-usage", "Cas d’usage"
    FRAMEWORK = "cadre", "Cadre éthique et juridique"
    GUIDE = "guide", "Guide pratique"


class Audience(models.TextChoices):
    ELUS = "elus", "Élus"
    AGENTS = "agents", "Agents"
    ALL = "tous", "Élus et agents"


class CollectiviteSize(models.TextChoices):
    """Same values as catalogue.enums.CollectiviteSize, so a link can carry them from one page to the other."""

    SMALL = "moins-3500", "moins de 3 500 habitants"
    MEDIUM = "3500-20000", "de 3 500 à 20 000 habitants"
    LARGE = "20000-100000", "de 20 000 à 100 000 habitants"
    XLARGE = "plus-100000", "plus de 100 000 habitants"


class SourceStatus(models.TextChoices):
    """How far the reference was checked: a reader must know when a fact is not confirmed."""

    OFFICIAL = "officielle", "Référence vérifiée auprès de l’éditeur ou du texte officiel"
    SECONDARY = "secondaire", "Référence relevée dans une source secondaire (presse, blog) : à vérifier"
    UNVERIFIED = "non-verifiee", "Référence non vérifiée"
