"""Back-office of the territorial referential: read-only lists (the referential is loaded, not edited),
and the national programmes with the import of their members from a CSV file."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from territories import services
from territories.models import Commune, CommunePostcode, Departement, Epci, Programme, Region
from territories.search import INSEE_RE, POSTCODE_RE, SIREN_RE, normalize


class RegionListFilter(admin.SimpleListFilter):
    title = "région"
    parameter_name = "region"

    def lookups(self, request, model_admin):
        return list(Region.objects.order_by("name").values_list("code", "name"))

    def queryset(self, request, queryset):
        return queryset.filter(region_id=self.value()) if self.value() else queryset


class DepartementListFilter(admin.SimpleListFilter):
    title = "département"
    parameter_name = "departement"

    def lookups(self, request, model_admin):
        region = request.GET.get(RegionListFilter.parameter_name)
        departements = Departement.objects.order_by("code")
        if region:  # narrow the list once a région is chosen
            departements = departements.filter(region_id=region)
        return [(code, f"{code} — {name}") for code, name in departements.values_list("code", "name")]

    def queryset(self, request, queryset):
        return queryset.filter(departement_id=self.value()) if self.value() else queryset


class ReferentialAdmin(admin.ModelAdmin):
    """Read-only for every staff member: the referential comes from `manage.py load_territoires`."""

    show_full_result_count = False
    list_per_page = 50
    search_fields = ["search_name"]  # replaced by get_search_results; needed by autocomplete_fields elsewhere

    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.is_active and request.user.is_staff

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return request.user.is_active and request.user.is_staff

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def code_filter(self, code: str) -> Q | None:
        return None

    def get_search_results(self, request, queryset, search_term):
        term = " ".join(search_term.split())
        if not term:
            return queryset, False
        condition = Q(search_name__contains=normalize(term)) if normalize(term) else Q(pk__in=[])
        if (by_code := self.code_filter(term.replace(" ", "").upper())) is not None:
            condition |= by_code
        return queryset.filter(condition), False


@admin.register(Region)
class RegionAdmin(ReferentialAdmin):
    list_display = ["name", "code", "population", "is_active"]
    list_filter = ["is_active"]
    ordering = ["name"]

    def code_filter(self, code: str) -> Q | None:
        return Q(code=code)


@admin.register(Departement)
class DepartementAdmin(ReferentialAdmin):
    list_display = ["code", "name", "region", "population", "is_active"]
    list_filter = ["is_active", RegionListFilter]
    list_select_related = ["region"]
    ordering = ["code"]

    def code_filter(self, code: str) -> Q | None:
        return Q(code=code)


@admin.register(Epci)
class EpciAdmin(ReferentialAdmin):
    list_display = ["name", "siren", "kind", "departement", "population", "is_active"]
    list_filter = ["is_active", "kind", RegionListFilter, DepartementListFilter]
    list_select_related = ["departement"]
    ordering = ["name"]

    def code_filter(self, code: str) -> Q | None:
        return Q(siren=code) if SIREN_RE.match(code) else None


class CommunePostcodeInline(admin.TabularInline):
    model = CommunePostcode
    extra = 0
    can_delete = False
    fields = ["code"]
    readonly_fields = ["code"]

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return request.user.is_active and request.user.is_staff

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(Commune)
class CommuneAdmin(ReferentialAdmin):
    list_display = ["name", "insee_code", "siren", "postcodes", "departement", "epci", "population", "is_active"]
    list_filter = ["is_active", RegionListFilter, DepartementListFilter]
    list_select_related = ["departement", "epci"]
    ordering = ["name"]

    def code_filter(self, code: str) -> Q | None:
        condition = Q()
        if INSEE_RE.match(code):
            condition |= Q(insee_code=code)
        if POSTCODE_RE.match(code):
            condition |= Q(pk__in=CommunePostcode.objects.filter(code=code).values("commune_id"))
        if SIREN_RE.match(code):
            condition |= Q(siren=code)
        return condition or None


class ProgrammeImportForm(forms.Form):
    file = forms.FileField(
        label="Fichier CSV",
        help_text="Une ligne par membre, avec une colonne de code Insee (insee_com, code_insee ou insee) "
        "ou une colonne SIREN (siren). Séparateur virgule ou point-virgule, encodage UTF-8 ou Windows-1252.",
    )
    replace = forms.BooleanField(
        label="Remplacer la liste actuelle (retirer les membres absents du fichier)", required=False
    )


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "member_communes", "member_epcis"]
    ordering = ["name"]  # the counts group the rows: the model's ordering no longer applies
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "summary", "url", "members"]
    readonly_fields = ["members"]
    show_full_result_count = False
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(commune_count=Count("communes", distinct=True), epci_count=Count("epcis", distinct=True))
        )

    @admin.display(description="communes", ordering="commune_count")
    def member_communes(self, obj: Programme) -> int:
        return obj.commune_count

    @admin.display(description="EPCI", ordering="epci_count")
    def member_epcis(self, obj: Programme) -> int:
        return obj.epci_count

    @admin.display(description="membres")
    def members(self, obj: Programme) -> str:
        if not obj.pk:
            return "Enregistrez le programme, puis importez ses membres."
        return format_html(
            '{} commune(s), {} EPCI — <a href="{}">importer un fichier CSV</a> · <a href="{}">page publique</a>',
            obj.commune_count,
            obj.epci_count,
            reverse("admin:territories_programme_import", args=[obj.pk]),
            obj.get_absolute_url(),
        )

    def get_urls(self):
        custom = [
            path(
                "<int:pk>/importer/",
                self.admin_site.admin_view(self.import_view),
                name="territories_programme_import",
            )
        ]
        return custom + super().get_urls()

    def import_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        programme = get_object_or_404(Programme, pk=pk)
        if not self.has_change_permission(request, programme):
            raise PermissionDenied
        form = ProgrammeImportForm(request.POST or None, request.FILES or None)
        errors: list[str] = []
        if request.method == "POST" and form.is_valid():
            try:
                report = services.import_programme_members(
                    programme=programme, content=form.cleaned_data["file"].read(), replace=form.cleaned_data["replace"]
                )
            except services.ProgrammeImportError as error:
                messages.error(request, str(error))
                errors = error.errors
            else:
                messages.success(
                    request,
                    f"Import terminé : {report.communes_added} commune(s) et {report.epcis_added} EPCI ajoutés, "
                    f"{report.already_members} déjà membre(s), sur {report.rows} ligne(s).",
                )
                return HttpResponseRedirect(reverse("admin:territories_programme_change", args=[programme.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": f"Importer les membres de « {programme.name} »",
            "opts": self.model._meta,
            "original": programme,
            "form": form,
            "errors": errors,
        }
        return TemplateResponse(request, "admin/territories/programme_import.html", context)
