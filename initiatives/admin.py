"""National administrators moderate the public gallery (take down a case study); chargés de mission hold no
permission here. The rows are scoped like every collectivité's data, so a history out of scope « does not exist »."""

from django.contrib import admin

from accounts.admin import StaffScopedRowsMixin
from initiatives.models import Initiative, InitiativeMessage


class ScopedByProjectAdmin(StaffScopedRowsMixin, admin.ModelAdmin):
    organisation_path = "project__organisation__"


@admin.register(Initiative)
class InitiativeAdmin(ScopedByProjectAdmin):
    list_display = ["title", "project", "status", "objective", "published_at"]
    list_filter = ["status", "objective"]
    list_select_related = ["project"]
    search_fields = ["title"]
    readonly_fields = ["project", "published_at", "published_by", "withdrawn_at", "withdrawn_by", "updated_at"]
    fields = [
        "project",
        "title",
        "summary",
        "lessons",
        "objective",
        "accepts_messages",
        "status",
        "published_at",
        "published_by",
        "withdrawn_at",
        "withdrawn_by",
        "updated_at",
    ]

    def has_add_permission(self, request):
        return False  # only a référent publishes, from the project page


@admin.register(InitiativeMessage)
class InitiativeMessageAdmin(ScopedByProjectAdmin):
    organisation_path = "initiative__project__organisation__"
    list_display = ["subject", "initiative", "created_at"]
    list_select_related = ["initiative"]
    readonly_fields = [field.name for field in InitiativeMessage._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
