"""Choices of the catalogue, with their French labels."""

from django.db import models


class PublisherKind(models.TextChoices):
    ANCT = "anct", "ANCT"
    DINUM = "dinum", "DINUM"
    MINISTERE = "ministere", "ministère ou opérateur de l’État"
    COLLECTIVITE = "collectivite", "collectivité"
    ASSOCIATION = "association", "association"
    ENTREPRISE = "entreprise", "entreprise"
    AUTRE = "autre", "autre"


class Maturity(models.TextChoices):
    EXPERIMENTATION = "experimentation", "expérimentation"
    DEPLOIEMENT = "deploiement", "en déploiement"
    GENERALISE = "generalise", "généralisé"


class Hosting(models.TextChoices):
    ONLINE = "en-ligne", "service en ligne public"
    SELF_HOSTED = "auto-heberge", "à héberger soi-même"
    BOTH = "les-deux", "en ligne ou à héberger soi-même"


class CollectiviteKind(models.TextChoices):
    """Kinds of collectivités a service suits (same values as territories.TerritoryKind)."""

    COMMUNE = "commune", "communes"
    EPCI = "epci", "EPCI"
    DEPARTEMENT = "departement", "départements"
    REGION = "region", "régions"


class CollectiviteSize(models.TextChoices):
    SMALL = "moins-3500", "moins de 3 500 habitants"
    MEDIUM = "3500-20000", "de 3 500 à 20 000 habitants"
    LARGE = "20000-100000", "de 20 000 à 100 000 habitants"
    XLARGE = "plus-100000", "plus de 100 000 habitants"


class Accessibility(models.TextChoices):
    """RGAA 4.1 compliance statuses, as an accessibility statement states them."""

    FULL = "totale", "totalement conforme"
    PARTIAL = "partielle", "partiellement conforme"
    NONE = "non-conforme", "non conforme"
    NOT_ASSESSED = "non-evalue", "non évalué"


class CostModel(models.TextChoices):
    FREE = "gratuit", "gratuit"
    FREE_SELF_HOSTED = "gratuit-hebergement", "logiciel gratuit, hébergement et maintenance à prévoir"
    SUBSCRIPTION = "abonnement", "abonnement ou participation aux frais"
    QUOTE = "sur-devis", "sur devis (prestataires)"


class AdoptionStatus(models.TextChoices):
    USES = "utilise", "Nous l’utilisons"
    INTERESTED = "interesse", "Ça nous intéresse"
