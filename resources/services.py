"""Writes of the resource library: loading the shipped content (idempotent, editors' changes kept).

`bootstrap` runs on every deploy. It creates the shipped resources that are missing and updates the others
only while nobody edited them: each row keeps the hash of the shipped version last written (`shipped_hash`);
when the row's content no longer has that hash, an editor changed it in the administration and the row is
left as it is (`kept_after_edit` lists them). Rows written before the hash existed are treated as untouched.
"""

import hashlib
import json
from collections.abc import Iterable

from django.db import transaction

from catalogue.models import Theme
from resources.models import Resource


class ContentError(Exception):
    """The shipped content is inconsistent (unknown theme, duplicate slug…)."""


def _digest(fields: dict, theme_slugs: Iterable[str]) -> str:
    content = {**fields, "themes": sorted(theme_slugs)}
    return hashlib.sha256(json.dumps(content, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()


def _entry_fields(entry: dict) -> dict:
    return {key: value for key, value in entry.items() if key not in {"slug", "themes"}}


def _row_digest(resource: Resource, entry: dict) -> str:
    """The hash of the row's current content, over the fields the shipped entry sets."""
    fields = {name: getattr(resource, name) for name in _entry_fields(entry)}
    return _digest(fields, resource.themes.values_list("slug", flat=True))


def _edited(resource: Resource, entry: dict) -> bool:
    return bool(resource.shipped_hash) and _row_digest(resource, entry) != resource.shipped_hash


def kept_after_edit(*, entries: Iterable[dict]) -> list[str]:
    """Slugs of the shipped resources edited in the administration, which bootstrap leaves as they are."""
    entries = {entry["slug"]: entry for entry in entries}
    rows = Resource.objects.filter(slug__in=entries).exclude(shipped_hash="").prefetch_related("themes")
    return sorted(row.slug for row in rows if _edited(row, entries[row.slug]))


@transaction.atomic
def load_resources(*, entries: Iterable[dict]) -> tuple[int, int]:
    """Create each missing entry, update the untouched ones by slug, themes included; returns (created, updated).

    A resource edited in the administration since bootstrap wrote it is never changed. Running it twice
    changes nothing the second time. Raises ContentError on an unknown theme slug
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
        fields = _entry_fields(entry)
        shipped_hash = _digest(fields, entry.get("themes", []))
        resource = existing.get(entry["slug"])
        is_new = resource is None
        if resource is not None and _edited(resource, entry):
            continue  # an editor's version: kept as it is
        changed: bool | list[str] = True
        if resource is None:
            resource = Resource(slug=entry["slug"], shipped_hash=shipped_hash, **fields)
        else:
            changed = [name for name, value in fields.items() if getattr(resource, name) != value]
            for name in changed:
                setattr(resource, name, fields[name])
            if resource.shipped_hash != shipped_hash:
                resource.shipped_hash = shipped_hash
                if not changed:
                    resource.save(update_fields=["shipped_hash"])
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
