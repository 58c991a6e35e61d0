"""The ANCT back-office for journeys: projects scoped by territory, versioned templates and diagnostic."""

import csv
import hashlib
import re

from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import path, reverse
from django.utils import timezone
from simple_history.admin import SimpleHistoryAdmin

from accounts import permissions
from accounts.admin import DepartementFilter, RegionFilter, StaffScopedAdmin
from common.fragments import cached_at_version
from common.spreadsheet import csv_cell
from journeys import services
from journeys.filters import STAGE_CHOICES
from journeys.models import (
    VERSIONING_HELP,
    Comment,
    Diagnostic,
    Dimension,
    JourneyTemplate,
    Project,
    Question,
    Recommendation,
    Stage,
    StageTransition,
    Step,
)
from journeys.page_versions import PROJECT_LIST
from journeys.selectors import with_progress
from territories.models import Programme
from territories.selectors import referential_version
from territories.signals import PROGRAMME_PAGES


class HistoryAdmin(SimpleHistoryAdmin):
    """simple-history's admin, scoped and read-only: the history of an object the admin shows, never a revert.

    simple-history loads the object from the history table (not from `get_queryset`) and checks only the view
    permission, and its past-version page is a form whose POST saves that version back: out-of-scope staff
    would read any project and move it into their collectivité, and frozen content would be rewritten.
    `SIMPLE_HISTORY_REVERT_DISABLED` only hides the button; the POST is refused here.
    """

    def get_urls(self):
        urls = super().get_urls()
        info = self.model._meta.app_label, self.model._meta.model_name
        name = "{}_{}_simple_history".format(*info)
        named = path(
            "<path:object_id>/history/<str:version_id>/",
            self.admin_site.admin_view(self.history_form_view),
            name=name,
        )
        return [named] + [url for url in urls if getattr(url, "name", None) != name]

    def _scoped_object(self, request, object_id):
        """The object through the admin's own (scoped) queryset: 403 without the view permission, 404 outside."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not self.has_view_or_change_permission(request, obj):
            raise Http404
        return obj

    def history_view(self, request, object_id, extra_context=None):
        self._scoped_object(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self._scoped_object(request, object_id)
        if not re.fullmatch(r"[0-9]{1,18}", version_id):  # simple-history would raise on it (500)
            raise Http404
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        request.history_read_only = True  # every field displayed, none in the form (get_readonly_fields)
        return super().history_form_view(request, object_id, version_id, extra_context)

    def revert_disabled(self, request, obj=None):
        return True

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not getattr(request, "history_read_only", False):
            return readonly
        if self.fieldsets or self.fields:
            shown = flatten_fieldsets(self.fieldsets) if self.fieldsets else list(self.fields)
        else:
            fields = [*self.model._meta.fields, *self.model._meta.many_to_many]
            shown = [field.name for field in fields if field.editable and not field.auto_created]
        return [*readonly, *(name for name in shown if name not in readonly)]


class FrozenInlineMixin:
    """Inlines of a published version are read-only: a change goes through a new version."""

    def _frozen(self, obj) -> bool:
        return obj is not None and getattr(obj, "is_frozen", False)

    def has_add_permission(self, request, obj=None):
        return not self._frozen(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return not self._frozen(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not self._frozen(obj) and super().has_delete_permission(request, obj)


class FrozenAdminMixin:
    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_frozen:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and (obj.is_frozen or _in_use(obj)):
            return False
        return super().has_delete_permission(request, obj)


def _in_use(obj) -> bool:
    if isinstance(obj, JourneyTemplate):
        return obj.projects.exists()
    if isinstance(obj, Diagnostic):
        return obj.responses.exists()
    return False


class StageInline(FrozenInlineMixin, admin.TabularInline):
    model = Stage
    extra = 0
    fields = ["order", "key", "name", "summary", "requires_validation"]
    show_change_link = True


class VersionedContentAdmin(FrozenAdminMixin, HistoryAdmin):
    """Published versions are frozen: staff copy one into a draft, edit it, then publish it."""

    list_display = ["name", "slug", "version", "status", "published_at"]
    readonly_fields = ["status", "published_at", "supersedes"]
    actions = ["create_new_version", "publish"]
    published_message = "{} publiée : les nouveaux projets démarreront sur cette version."

    def new_version(self, obj):
        raise NotImplementedError

    def publish_version(self, obj):
        raise NotImplementedError

    @admin.action(description="Créer une nouvelle version (brouillon) à partir de la sélection")
    def create_new_version(self, request, queryset):
        for obj in queryset:
            draft = self.new_version(obj)
            self.message_user(request, f"Brouillon créé : {draft}. Modifiez-le puis publiez-le.", messages.SUCCESS)

    @admin.action(description="Publier les versions sélectionnées")
    def publish(self, request, queryset):
        for obj in queryset:
            try:
                self.publish_version(obj)
            except services.JourneyError as error:
                self.message_user(request, f"{obj} : {error}", messages.ERROR)
            else:
                self.message_user(request, self.published_message.format(obj), messages.SUCCESS)


@admin.register(JourneyTemplate)
class JourneyTemplateAdmin(VersionedContentAdmin):
    list_filter = ["status", "slug"]
    inlines = [StageInline]
    fieldsets = [
        (None, {"fields": ["slug", "name", "description", "version", "version_note"], "description": VERSIONING_HELP}),
        ("Publication", {"fields": ["status", "published_at", "supersedes"]}),
    ]

    def new_version(self, obj):
        return services.new_template_version(template=obj)

    def publish_version(self, obj):
        return services.publish_template(template=obj)


class StepInline(FrozenInlineMixin, admin.StackedInline):
    model = Step
    extra = 0
    fields = ["order", "key", "kind", "title", "help", "required", "choices", "link", "deliverable_hint"]

    def _frozen(self, obj) -> bool:
        return obj is not None and obj.template.is_frozen


@admin.register(Stage)
class StageAdmin(HistoryAdmin):
    list_display = ["name", "order", "template", "requires_validation"]
    list_filter = ["template"]
    inlines = [StepInline]
    list_select_related = ["template"]

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.template.is_frozen:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.template.is_frozen:
            return False
        return super().has_delete_permission(request, obj)


class DimensionInline(FrozenInlineMixin, admin.TabularInline):
    model = Dimension
    extra = 0
    fields = ["order", "key", "name", "description"]
    show_change_link = True


class QuestionInline(FrozenInlineMixin, admin.StackedInline):
    model = Question
    extra = 0
    fields = ["order", "key", "dimension", "text", "help", "weight", "choices"]


@admin.register(Diagnostic)
class DiagnosticAdmin(VersionedContentAdmin):
    list_filter = ["status"]
    inlines = [DimensionInline, QuestionInline]
    fieldsets = [
        (None, {"fields": ["slug", "name", "description", "version"], "description": VERSIONING_HELP}),
        ("Publication", {"fields": ["status", "published_at", "supersedes"]}),
    ]
    published_message = "{} publié : les nouveaux diagnostics démarreront sur cette version."

    def new_version(self, obj):
        return services.new_diagnostic_version(diagnostic=obj)

    def publish_version(self, obj):
        return services.publish_diagnostic(diagnostic=obj)


class RecommendationInline(admin.StackedInline):
    model = Recommendation
    extra = 0
    fields = ["order", "below", "title", "text", "links"]

    def _frozen(self, obj) -> bool:
        return obj is not None and obj.diagnostic.is_frozen

    def has_add_permission(self, request, obj=None):
        return not self._frozen(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return not self._frozen(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not self._frozen(obj) and super().has_delete_permission(request, obj)


@admin.register(Dimension)
class DimensionAdmin(admin.ModelAdmin):
    list_display = ["name", "order", "diagnostic"]
    list_filter = ["diagnostic"]
    inlines = [RecommendationInline]
    list_select_related = ["diagnostic"]

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.diagnostic.is_frozen:
            return False
        return super().has_change_permission(request, obj)


# --- Projects ---------------------------------------------------------------------------------------------------


CHOICES_SECONDS = 3600


class StageKeyFilter(admin.SimpleListFilter):
    title = "étape en cours"
    parameter_name = "etape"

    def lookups(self, request, model_admin):
        return STAGE_CHOICES

    def queryset(self, request, queryset):
        return queryset.filter(current_stage__key=self.value()) if self.value() else queryset


class ProjectRegionFilter(RegionFilter):
    path = "organisation__region"


class ProjectDepartementFilter(DepartementFilter):
    path = "organisation__departement"


class ProgrammeFilter(admin.SimpleListFilter):
    title = "programme"
    parameter_name = "programme"

    def lookups(self, request, model_admin):
        # Kept in the cache until a programme is written (its token moves with every programme saved or deleted).
        return cached_at_version(
            "journeys:admin:programmes",
            PROGRAMME_PAGES,
            lambda: list(Programme.objects.order_by("name").values_list("slug", "name")),
            CHOICES_SECONDS,
        )

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        return queryset.filter(
            Q(organisation__commune__programmes__slug=self.value())
            | Q(organisation__epci__programmes__slug=self.value())
        ).distinct()


class UsedThemeFilter(admin.RelatedOnlyFieldListFilter):
    """The themes of at least one project the staff member sees, as Django's RelatedOnlyFieldListFilter offers.

    Django collects them with a DISTINCT over the scoped projects joined to their themes (about 50 ms at 20,000
    projects, on every page of the list); an EXISTS per theme on the themes' index answers the same in a few ms.
    """

    def field_choices(self, field, request, model_admin):
        scope = permissions.staff_organisation_filter(request.user, prefix="organisation__")
        ordering = self.field_admin_ordering(field, request, model_admin)

        def build() -> list[tuple[int, str]]:
            links = Project.themes.through.objects.filter(theme=OuterRef("pk"))
            if scope is None:
                links = links.none()
            elif scope != Q():
                links = links.filter(project__in=Project.objects.filter(scope).values("pk"))
            return field.get_choices(include_blank=False, limit_choices_to=Q(Exists(links)), ordering=ordering)

        # Kept per scope until a project, its themes or a theme is written (PROJECT_LIST moves with each).
        raw = repr([scope, ordering])
        key = "journeys:admin:used-themes:" + hashlib.sha256(raw.encode()).hexdigest()
        return cached_at_version(key, PROJECT_LIST, build, CHOICES_SECONDS)


class TransitionInline(admin.TabularInline):
    model = StageTransition
    extra = 0
    fields = ["at", "kind", "from_stage", "to_stage", "by", "reason"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class CommentInline(admin.TabularInline):
    model = Comment
    extra = 0
    fields = ["created_at", "author", "body"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Project)
class ProjectAdmin(HistoryAdmin, StaffScopedAdmin):
    list_display = ["title", "organisation", "departement", "current_stage", "progress", "last_activity_at"]
    list_filter = [
        StageKeyFilter,
        ProjectRegionFilter,
        ProjectDepartementFilter,
        ProgrammeFilter,
        ("themes", UsedThemeFilter),
    ]
    search_fields = ["title", "description", "organisation__name"]
    list_select_related = ["organisation", "current_stage"]
    list_only = (
        "title",
        "last_activity_at",
        "organisation__name",
        "organisation__departement",
        "current_stage__order",
        "current_stage__name",
    )
    readonly_fields = ["public_id", "template", "current_stage", "created_by", "created_at", "last_activity_at"]
    fields = [
        "public_id",
        "organisation",
        "title",
        "description",
        "public_concerned",
        "themes",
        "template",
        "current_stage",
        "created_by",
        "created_at",
        "last_activity_at",
    ]
    # Kept until a project or what its row shows is written (journeys.page_versions), or a programme's members
    # change (the programme filter); the départements' and régions' names follow the referential's version.
    kept_list_tokens = (PROJECT_LIST, PROGRAMME_PAGES)
    inlines = [TransitionInline, CommentInline]
    actions = ["export_selection_csv"]
    change_list_template = "admin/journeys/project/change_list.html"

    def page_rows(self, rows):
        # Only the page of rows shows the progress: its subqueries are not built into the count or the filters.
        # The CSV exports add it themselves (_csv_response).
        return with_progress(rows)

    def kept_list_variant(self, request) -> list[str]:
        return [*super().kept_list_variant(request), referential_version()]

    def has_add_permission(self, request):
        return False  # projects are created by their collectivité, on the site

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser  # ANCT staff read and comment on the site; members edit there

    @admin.display(description="département", ordering="organisation__departement")
    def departement(self, obj):
        return obj.organisation.departement_id or "—"

    @admin.display(description="avancement")
    def progress(self, obj):
        return f"{obj.required_done}/{obj.required_total}"

    def get_urls(self):
        extra = [
            path(
                "export-csv/",
                self.admin_site.admin_view(self.export_filtered_csv),
                name="journeys_project_export_csv",
            )
        ]
        return extra + super().get_urls()

    def export_filtered_csv(self, request: HttpRequest) -> HttpResponse:
        """The changelist as filtered and searched (same query string), as CSV."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        try:
            queryset = self.get_changelist_instance(request).get_queryset(request)
        except IncorrectLookupParameters:  # a hand-made query string: the list itself would say so too
            self.message_user(
                request,
                "Ces filtres ne s’appliquent pas à la liste des projets : rien n’a été exporté.",
                messages.ERROR,
            )
            return HttpResponseRedirect(reverse("admin:journeys_project_changelist"))
        return _csv_response(queryset)

    @admin.action(description="Exporter la sélection en CSV")
    def export_selection_csv(self, request, queryset):
        return _csv_response(queryset)


CSV_HEADER = [
    "identifiant",
    "titre",
    "collectivité",
    "département",
    "région",
    "étape en cours",
    "actions obligatoires faites",
    "actions obligatoires",
    "thématiques",
    "créé le",
    "dernière activité",
]


def _csv_response(queryset) -> HttpResponse:
    queryset = queryset.select_related("organisation__region", "current_stage").prefetch_related("themes")
    if "required_total" not in queryset.query.annotations:
        queryset = with_progress(queryset)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="projets-{stamp}.csv"'
    response.write("\ufeff")  # BOM: spreadsheet software then reads UTF-8 accents correctly
    writer = csv.writer(response, delimiter=";")
    writer.writerow(CSV_HEADER)
    for project in queryset:
        writer.writerow(
            [
                csv_cell(v)
                for v in (
                    project.public_id,
                    project.title,
                    project.organisation.name,
                    project.organisation.departement_id or "",
                    project.organisation.region.name,
                    project.current_stage.name,
                    project.required_done,
                    project.required_total,
                    ", ".join(theme.name for theme in project.themes.all()),
                    timezone.localtime(project.created_at).strftime("%d/%m/%Y"),
                    timezone.localtime(project.last_activity_at).strftime("%d/%m/%Y %H:%M"),
                )
            ]
        )
    return response
