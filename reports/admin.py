"""The ANCT back-office for PDF reports: read-only lists of the reports and of their emails, scoped by territory.

Reports are made and sent by the workers (reports.generation): the admin shows where each one stands (status,
attempts, last error, each email) so an administrator can follow a failure. Nothing is added, changed or deleted
here: « Réessayer » is on the project page, and the PDF is downloaded through the site's view, which applies the
project's access rule (the private storage has no public address).
"""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator

from accounts.admin import DepartementFilter, RegionFilter, StaffScopedAdmin
from reports.enums import ReportStatus
from reports.models import Report, ReportDelivery


class ReadOnlyScopedAdmin(StaffScopedAdmin):
    """Superusers see every row, chargés de mission those of the collectivités they cover; nobody writes."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class ReportRegionFilter(RegionFilter):
    path = "project__organisation__region"


class ReportDepartementFilter(DepartementFilter):
    path = "project__organisation__departement"


class DeliveryRegionFilter(RegionFilter):
    path = "report__project__organisation__region"


class DeliveryDepartementFilter(DepartementFilter):
    path = "report__project__organisation__departement"


def _short(text: str) -> str:
    return Truncator(text).chars(80) if text else "—"


class ReportDeliveryInline(admin.TabularInline):
    model = ReportDelivery
    fields = ["email", "status", "with_attachment", "attempts", "last_attempt_at", "sent_at", "error"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_view_permission(self, request, obj=None) -> bool:
        return self.admin_site._registry[Report].has_view_permission(request, obj)

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Report)
class ReportAdmin(ReadOnlyScopedAdmin):
    organisation_path = "project__organisation__"
    list_display = [
        "project",
        "organisation",
        "status",
        "is_automatic",
        "attempts",
        "requested_at",
        "finished_at",
        "short_error",
    ]
    list_filter = ["status", "is_automatic", ReportRegionFilter, ReportDepartementFilter]
    search_fields = ["project__title", "project__organisation__name"]
    list_select_related = ["project__organisation"]
    date_hierarchy = "requested_at"
    show_full_result_count = False
    fields = [
        "public_id",
        "project",
        "organisation",
        "status",
        "download",
        "is_automatic",
        "requested_by",
        "attempts",
        "error",
        "journey_version",
        "diagnostic_version",
        "size",
        "checksum",
        "requested_at",
        "dispatched_at",
        "started_at",
        "finished_at",
        "updated_at",
    ]
    readonly_fields = fields
    inlines = [ReportDeliveryInline]

    @admin.display(description="collectivité", ordering="project__organisation__name")
    def organisation(self, obj: Report):
        return obj.project.organisation

    @admin.display(description="dernière erreur")
    def short_error(self, obj: Report) -> str:
        return _short(obj.error)

    @admin.display(description="fichier")
    def download(self, obj: Report) -> str:
        if obj.status != ReportStatus.READY or not obj.file:
            return "—"
        url = reverse("reports:report_download", args=[obj.public_id])
        return format_html('<a href="{}">Télécharger le PDF</a>', url)


@admin.register(ReportDelivery)
class ReportDeliveryAdmin(ReadOnlyScopedAdmin):
    organisation_path = "report__project__organisation__"
    list_display = [
        "email",
        "project",
        "organisation",
        "status",
        "with_attachment",
        "attempts",
        "created_at",
        "sent_at",
        "short_error",
    ]
    list_filter = ["status", "with_attachment", DeliveryRegionFilter, DeliveryDepartementFilter]
    search_fields = ["email", "report__project__title", "report__project__organisation__name"]
    list_select_related = ["report__project__organisation"]
    date_hierarchy = "created_at"
    show_full_result_count = False
    fields = [
        "report",
        "email",
        "status",
        "with_attachment",
        "attempts",
        "error",
        "created_at",
        "last_attempt_at",
        "sent_at",
    ]
    readonly_fields = fields

    @admin.display(description="projet", ordering="report__project__title")
    def project(self, obj: ReportDelivery):
        return obj.report.project

    @admin.display(description="collectivité", ordering="report__project__organisation__name")
    def organisation(self, obj: ReportDelivery):
        return obj.report.project.organisation

    @admin.display(description="dernière erreur")
    def short_error(self, obj: ReportDelivery) -> str:
        return _short(obj.error)
