"""French elision before a name or a role shown by a template: « d’Œuilly », « en tant qu’élu »."""

import unicodedata

from django import template

register = template.Library()

VOWELS = set("aeiouœæ")


def _starts_with_vowel(text: str) -> bool:
    first = unicodedata.normalize("NFKD", (text or "").strip()[:1].lower())[:1]
    return first in VOWELS or (text or "").strip()[:1].lower() in VOWELS


@register.filter
def de(name: str) -> str:
    """The preposition to put before `name`: « d’ » before a vowel (« d’Œuilly »), « de » otherwise."""
    return "d’" if _starts_with_vowel(name) else "de "


@register.filter
def en_tant_que(role: str) -> str:
    """« en tant qu’élu », « en tant que référent »."""
    return f"en tant qu’{role}" if _starts_with_vowel(role) else f"en tant que {role}"
