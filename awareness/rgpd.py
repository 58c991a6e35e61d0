from accounts.rgpd import iso, register_exporter
from awareness.models import ModuleCompletion


@register_exporter
def formations_ia_suivies(user) -> list[dict]:
    return [
        {"module": completion.module_slug, "suivi_le": iso(completion.completed_at)}
        for completion in ModuleCompletion.objects.filter(user=user).order_by("completed_at")
    ]
