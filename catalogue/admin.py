"""ANCT back-office of the catalogue: services (with CSV/JSON import and export), publishers, themes, adopters."""

import os

from django.contrib import admin, messages
from django.db import models
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from import_export.admin import ImportExportModelAdmin
from import_export.formats.base_formats import CSV, JSON
from import_export.tmp_storages import CacheStorage

from accounts.admin import StaffScopedRowsMixin
from catalogue import services
from catalogue.models import AdopterMessage, Adoption, Publisher, Service, Theme
from catalogue.service_io import ServiceResource


@admin.register(Service)
class ServiceAdmin(ImportExportModelAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    resource_classes = [ServiceResource]
    formats = [CSV, JSON]
    list_display = ["name", "publisher", "licence", "maturity", "uses_ai", "adopter_count", "is_published"]
    list_filter = ["is_published", "maturity", "hosting", "uses_ai", "themes", "publisher__kind"]
    search_fields = ["name", "pitch", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["publisher"]
    filter_horizontal = ["themes"]
    list_select_related = ["publisher"]
    readonly_fields = ["adopter_count", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "pitch", "description", "themes", "is_published"]}),
        ("Éditeur et licence", {"fields": ["publisher", "licence", "source_code_url", "website"]}),
        ("Usage", {"fields": ["maturity", "hosting", "cost_model", "cost_note"]}),
        (
            "Collectivités concernées",
            {
                "fields": [
                    ("suits_communes", "suits_epcis", "suits_departements", "suits_regions"),
                    ("suits_small", "suits_medium", "suits_large", "suits_xlarge"),
                ]
            },
        ),
        (
            "IA, données personnelles, accessibilité",
            {"fields": ["uses_ai", "ai_description", "processes_personal_data", "accessibility"]},
        ),
        ("Contact de l’éditeur", {"fields": ["contact_url", "contact_email"]}),
        ("Suivi", {"fields": ["adopter_count", "created_at", "updated_at"]}),
    ]

    # The file checked by the dry run waits in the cache (Redis in production) for the confirmation: every
    # web process finds it, and a posted name only ever reads an import's own key (not a file of /tmp).
    tmp_storage_class = CacheStorage

    # django-import-export lets anyone through the admin login import and export unless told otherwise.
    def has_import_permission(self, request) -> bool:
        return self.has_add_permission(request) and self.has_change_permission(request)

    def has_export_permission(self, request) -> bool:
        return self.has_view_permission(request)

    def process_import(self, request: HttpRequest, **kwargs) -> HttpResponse:
        """The confirmed import; a prepared file that expired (or never was) is asked for again, never a 500."""
        if request.method == "POST" and self.has_import_permission(request):
            name = os.path.basename(request.POST.get("import_file_name", ""))
            storage = self.get_tmp_storage_class()(name=name, **self.get_tmp_storage_class_kwargs())
            if not name or storage.read() is None:
                self.message_user(
                    request,
                    "Le fichier préparé pour l’import n’est plus disponible : choisissez-le de nouveau.",
                    messages.ERROR,
                )
                return HttpResponseRedirect(reverse("admin:catalogue_service_import"))
        return super().process_import(request, **kwargs)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Themes are saved with the related objects: the search index is refreshed once they are.
        services.refresh_search_index(service_ids=[form.instance.pk])


@admin.register(Publisher)
class PublisherAdmin(admin.ModelAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["name", "kind", "website"]
    list_filter = ["kind"]
    search_fields = ["name"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "name" in form.changed_data:  # the publisher's name is searchable
            services.refresh_search_index(service_ids=list(obj.services.values_list("pk", flat=True)))


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["name"]}

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "name" in form.changed_data:  # theme names are searchable
            services.refresh_search_index(service_ids=list(obj.services.values_list("pk", flat=True)))


class ScopedByOrganisationAdmin(StaffScopedRowsMixin, admin.ModelAdmin):
    """Rows of organisations: a chargé de mission sees those of the territory they cover, and chooses only them."""


@admin.register(Adoption)
class AdoptionAdmin(ScopedByOrganisationAdmin):
    list_display = ["service", "organisation", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["service__name", "organisation__name"]
    list_select_related = ["service", "organisation"]
    autocomplete_fields = ["service"]
    raw_id_fields = ["organisation", "declared_by"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        services.refresh_adopter_counts(service_ids=[obj.service_id])

    def delete_model(self, request, obj):
        service_id = obj.service_id
        super().delete_model(request, obj)
        services.refresh_adopter_counts(service_ids=[service_id])

    def delete_queryset(self, request, queryset):
        service_ids = list(queryset.values_list("service_id", flat=True).distinct())
        super().delete_queryset(request, queryset)
        services.refresh_adopter_counts(service_ids=service_ids)


@admin.register(AdopterMessage)
class AdopterMessageAdmin(ScopedByOrganisationAdmin):
    list_display = ["subject", "service", "organisation", "recipient_count", "created_at"]
    list_select_related = ["service", "organisation"]
    readonly_fields = [field.name for field in AdopterMessage._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
