"""The catalogue's derived data: the search index of the services and their adopter figures.

Below services and resources (the import), which both keep them right after their writes.
"""

from django.db import connection
from django.db.models import Count, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, Now

from catalogue.demo import THEME_KEYWORDS
from catalogue.models import Adoption, Service, ServiceSearchVector
from catalogue.search import fold, search_vector_expression, uses_postgres


def _search_text(service: Service) -> str:
    themes = " ".join(f"{theme.name} {THEME_KEYWORDS.get(theme.slug, '')}" for theme in service.themes.all())
    parts = [service.name, service.pitch, service.description, service.publisher.name, themes, service.ai_description]
    return fold(" ".join(part for part in parts if part))


def refresh_search_index(*, service_ids: list[int] | None = None) -> int:
    """Recompute the folded text and (on PostgreSQL) the stored search vector of the services; returns the count.

    Call after any change of a service's text, publisher or themes (the admin and the imports do).
    """
    services = Service.objects.select_related("publisher").prefetch_related("themes")
    if service_ids is not None:
        services = services.filter(pk__in=service_ids)
    changed = []
    for service in services:
        service.search_text = _search_text(service)
        changed.append(service)
    Service.objects.bulk_update(changed, ["search_text"], batch_size=500)
    if uses_postgres() and changed:
        _store_vectors([service.pk for service in changed])
    return len(changed)


def _store_vectors(service_ids: list[int]) -> None:
    """Compute the vectors of the services from their columns and write them in their table (one statement)."""
    vectors = Service.objects.filter(pk__in=service_ids).annotate(vector=search_vector_expression())
    select, params = vectors.values_list("pk", "vector").query.sql_with_params()
    table = ServiceSearchVector._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (service_id, vector) {select} "
            "ON CONFLICT (service_id) DO UPDATE SET vector = EXCLUDED.vector",
            params,
        )


def refresh_adopter_counts(*, service_ids: list[int] | None = None) -> None:
    """Recompute the denormalised adopter figures of the services (all when `service_ids` is None).

    `adopter_count`: confirmed organisations that declared the service (any declaration); `adopter_programmes`:
    national programmes their commune or EPCI belongs to (run it again after programme memberships change, and
    when an organisation is confirmed or refused: catalogue.signals does).
    """
    counts = (
        Adoption.objects.public()
        .filter(service=OuterRef("pk"))
        .order_by()
        .values("service")
        .annotate(n=Count("pk"))
        .values("n")
    )
    services = Service.objects.all() if service_ids is None else Service.objects.filter(pk__in=service_ids)
    services.update(adopter_count=Coalesce(Subquery(counts), Value(0)), adopters_changed_at=Now())

    adoptions = Adoption.objects.public()
    if service_ids is not None:
        adoptions = adoptions.filter(service_id__in=service_ids)
    pairs = set(
        adoptions.filter(organisation__commune__programmes__isnull=False).values_list(
            "service_id", "organisation__commune__programmes"
        )
    ) | set(
        adoptions.filter(organisation__epci__programmes__isnull=False).values_list(
            "service_id", "organisation__epci__programmes"
        )
    )
    through = Service.adopter_programmes.through
    stale = through.objects.all() if service_ids is None else through.objects.filter(service_id__in=service_ids)
    stale.delete()
    through.objects.bulk_create(
        [through(service_id=service_id, programme_id=programme_id) for service_id, programme_id in pairs],
        batch_size=5000,
    )
