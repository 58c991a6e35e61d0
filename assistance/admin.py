"""The experts directory, managed by national administrators in the Django admin (reference content).

Chargés de mission do not need the admin: they find and mobilise experts from a request in the espace ANCT.
Requests themselves are not in the admin (they are worked in the espace, scoped by territory).
"""

from django.contrib import admin
from django.db.models import Count

from assistance.models import Expert


@admin.register(Expert)
class ExpertAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "kind", "email", "is_national", "is_active", "mobilisation_count"]
    list_filter = ["kind", "is_active", "is_national", "themes", "regions"]
    search_fields = ["name", "organisation", "email", "description"]
    filter_horizontal = ["themes", "regions", "departements"]
    fieldsets = [
        (None, {"fields": ["name", "kind", "organisation", "email", "phone", "description", "is_active"]}),
        ("Thématiques et territoires", {"fields": ["themes", "is_national", "regions", "departements"]}),
    ]
    show_full_result_count = False
    ordering = ["name", "pk"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(mobilisation_total=Count("mobilisations"))

    @admin.display(description="mobilisations", ordering="mobilisation_total")
    def mobilisation_count(self, obj: Expert) -> int:
        return obj.mobilisation_total

    def has_delete_permission(self, request, obj=None) -> bool:
        # An expert already mobilised stays (the requests' history names them): mark them not mobilisable instead.
        if obj is not None and obj.mobilisations.exists():
            return False
        return super().has_delete_permission(request, obj)
