from django.conf import settings
from django.db import models
from django.utils import timezone


class ModuleCompletionQuerySet(models.QuerySet):
    def for_users(self, user_ids) -> "ModuleCompletionQuerySet":
        return self.filter(user_id__in=user_ids)


class ModuleCompletion(models.Model):
    """A person declared they followed a literacy module (evidence of the AI Act art. 4 effort of their team)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="literacy_completions",
        verbose_name="personne",
    )
    # The module's slug in awareness/content/modules.yaml (content is data, not rows).
    module_slug = models.SlugField("module", max_length=80)
    completed_at = models.DateTimeField("suivi le", default=timezone.now)

    objects = ModuleCompletionQuerySet.as_manager()

    class Meta:
        verbose_name = "module de formation suivi"
        verbose_name_plural = "modules de formation suivis"
        constraints = [
            models.UniqueConstraint(fields=["user", "module_slug"], name="awareness_one_completion_per_module")
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.module_slug}"
