from django.db import models


class Objective(models.TextChoices):
    """The three aims ANCT's sensibilisation puts forward for local uses of AI."""

    SOCIAL_COHESION = "cohesion", "Cohésion sociale"
    ECOLOGICAL_TRANSITION = "transition", "Transition écologique"
    PUBLIC_SERVICES = "services", "Services publics"


class InitiativeStatus(models.TextChoices):
    PUBLISHED = "published", "publiée"
    WITHDRAWN = "withdrawn", "retirée"


class SizeClass(models.TextChoices):
    """Population brackets used to compare collectivités (bounds in SIZE_BOUNDS)."""

    VILLAGE = "lt2k", "moins de 2 000 habitants"
    SMALL = "2k-10k", "de 2 000 à 10 000 habitants"
    MEDIUM = "10k-50k", "de 10 000 à 50 000 habitants"
    LARGE = "gt50k", "plus de 50 000 habitants"


# Lower bound included, upper bound excluded (None: no bound).
SIZE_BOUNDS: dict[str, tuple[int | None, int | None]] = {
    SizeClass.VILLAGE: (None, 2_000),
    SizeClass.SMALL: (2_000, 10_000),
    SizeClass.MEDIUM: (10_000, 50_000),
    SizeClass.LARGE: (50_000, None),
}


def size_class_of(population: int | None) -> str | None:
    if population is None:
        return None
    for size, (low, high) in SIZE_BOUNDS.items():
        if (low is None or population >= low) and (high is None or population < high):
            return size
    return None
