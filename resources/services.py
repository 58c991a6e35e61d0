"""Writes of the resource library: loading the shipped content (idempotent upsert by slug)."""

from collections.abc import Iterable

from django.db import transaction

from catalogue.models import Theme
from resources.models import Resource


class ContentError(Exception):
    """The shipped content is inconsistent (unknown theme, duplicate slug…)."""


@transaction.atomic
def load_resources(*, entries: Iterable[dict]) -> tuple[int, int]:
    """Create or update each entry by slug, themes included; returns (created, updated).

    Running it twice changes nothing the second time. Raises ContentError on an unknown theme slug
    or a duplicate slug, before anything is written.
    """
    entries = list(entries)
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    slugs = [entry["slug"] for entry in entries]
    duplicates = sorted({slug for slug in slugs if slugs.count(slug) > 1})
    if duplicates:
        raise ContentError(f"Identifiants de ressource en double : {', '.join(duplicates)}.")
    for entry in entries:
        unknown = [slug for slug in entry.get("themes", []) if slug not in themes]
        if unknown:
            raise ContentError(f"Ressource « {entry['slug']} » : thématique inconnue {', '.join(unknown)}.")

    created = updated = 0
    existing = {resource.slug: resource for resource in Resource.objects.filter(slug__in=slugs)}
    for entry in entries:
        fields = {key: value for key, value in entry.items() if key not in {"slug", "themes"}}
        resource = existing.get(entry["slug"])
        is_new = resource is None
        changed: bool | list[str] = True
        if is_new:
            resource = Resource(slug=entry["slug"], **fields)
        else:
            changed = [name for name, value in fields.items() if getattr(resource, name) != value]
            for name in changed:
                setattr(resource, name, fields[name])
        if changed:
            resource.full_clean(exclude=["themes"])
            resource.save()
        wanted = {themes[slug].pk for slug in entry.get("themes", [])}
        themes_changed = is_new or wanted != set(resource.themes.values_list("pk", flat=True))
        if themes_changed:
            resource.themes.set(wanted)
            if not changed:
                resource.save(update_fields=["modified_at"])  # the list page's cache key reads it
        if is_new:
            created += 1
        elif changed or themes_changed:
            updated += 1
    return created, updated
