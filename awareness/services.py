from django.db import transaction

from awareness.content import modules_by_slug
from awareness.models import ModuleCompletion


class AwarenessError(Exception):
    """A business rule of the awareness pages was broken; the message is French and shown to the user."""


@transaction.atomic
def record_module_completion(*, user, module_slug: str) -> ModuleCompletion:
    """Record that `user` followed the module (once: recording again keeps the first date)."""
    if module_slug not in modules_by_slug():
        raise AwarenessError("Ce module de formation n’existe pas.")
    completion, _created = ModuleCompletion.objects.get_or_create(user=user, module_slug=module_slug)
    return completion
