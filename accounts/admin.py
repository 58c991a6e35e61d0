"""The ANCT back-office for people and collectivités, scoped by the staff member's territory.

The default admin site is wired here for the whole portal: `/admin/login/` is allauth's login (same
throttling as the site), no admin page opens without a second factor (see accounts.second_factor), and
the "view on site" shortcut only follows objects the staff member's admin shows them.
Every admin page is crawled for every staff role by tests/test_admin_crawl.py (table: tests/admin_rules.py).
"""

from functools import partial

from allauth.account.admin import EmailAddressAdmin as AllauthEmailAddressAdmin
from allauth.account.models import EmailAddress
from allauth.account.views import LoginView
from allauth.mfa.models import Authenticator
from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import unquote
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.decorators import login_not_required
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import SimpleLazyObject
from django.utils.http import url_has_allowed_host_and_scheme

from accounts import permissions, services
from accounts.enums import JoinRequestStatus, OrganisationStatus
from accounts.list_versions import ORGANISATION_LIST
from accounts.models import JoinRequest, Membership, Organisation, StaffScope, User
from accounts.second_factor import second_factor_redirect
from common.admin import LeanChangeListAdmin, ScopedChoicesMixin, ScopedRowsMixin
from territories.selectors import departement_choices, referential_version, region_choices

admin.site.site_header = "Territoires IA — administration ANCT"
admin.site.site_title = "Administration ANCT"
admin.site.index_title = "Accompagnement des collectivités"

_django_has_permission = admin.site.has_permission


def _has_permission(request: HttpRequest) -> bool:
    # The second-factor mark SecondFactorMiddleware left on request.user (session used TOTP and the account has one),
    # read by every staff page: asking the database again cost one query per admin page.
    return _django_has_permission(request) and permissions.has_staff_powers(request.user)


@login_not_required
def _admin_login(request: HttpRequest, extra_context=None) -> HttpResponse:
    next_url = request.GET.get(REDIRECT_FIELD_NAME, "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = reverse("admin:index")
    next_url = next_url or reverse("admin:index")
    user = request.user
    if user.is_authenticated:
        if not (user.is_active and user.is_staff):
            raise PermissionDenied
        return second_factor_redirect(request, next_url) or HttpResponseRedirect(next_url)
    # One login for the whole portal: allauth's, with its rate limits (issue 3).
    return LoginView.as_view()(request)


def _view_on_site(request: HttpRequest, content_type_id: str, object_id: str) -> HttpResponse:
    """Django's "view on site" shortcut, for an object the staff member's admin shows them; 404 otherwise."""
    try:
        model = ContentType.objects.get_for_id(int(content_type_id)).model_class()
    except (ValueError, ContentType.DoesNotExist) as error:
        raise Http404 from error
    model_admin = admin.site._registry.get(model)
    if model_admin is None or not model_admin.has_view_permission(request):
        raise Http404
    obj = model_admin.get_object(request, unquote(object_id))  # through the admin's (scoped) queryset
    if obj is None or not model_admin.has_view_permission(request, obj):
        raise Http404
    return shortcut(request, content_type_id, object_id)


_django_get_urls = admin.site.get_urls


def _get_urls():
    # Django's own shortcut answers for any object of any model: it would give out-of-scope project addresses.
    scoped = path(
        "r/<path:content_type_id>/<path:object_id>/", admin.site.admin_view(_view_on_site), name="view_on_site"
    )
    return [scoped if getattr(url, "name", None) == "view_on_site" else url for url in _django_get_urls()]


_django_get_app_list = admin.site.get_app_list


def _lazy_app_list(request: HttpRequest, app_label: str | None = None):
    """The list of apps and models the staff member may open, built when a template reads it (the home and app
    pages do; a change list, without the sidebar, does not): two permission queries and ~25 URL reversals."""
    return SimpleLazyObject(partial(_django_get_app_list, request, app_label))


admin.site.has_permission = _has_permission
admin.site.login = _admin_login
admin.site.get_urls = _get_urls
admin.site.get_app_list = _lazy_app_list
# No navigation sidebar (the admin's home and breadcrumbs lead to every list): it rebuilt that app list and
# rendered it on every page of a change list, about a fifth of a staff list's time (issue 13).
admin.site.enable_nav_sidebar = False


class StaffScopedRowsMixin(ScopedChoicesMixin, ScopedRowsMixin):
    """Rows of the organisations in the staff member's territorial scope, reached through `organisation_path`; the
    related rows offered in forms scoped the same way."""

    organisation_path = "organisation__"

    def rows_condition(self, request) -> Q | None:
        return permissions.staff_organisation_filter(request.user, prefix=self.organisation_path)


class StaffScopedAdmin(StaffScopedRowsMixin, LeanChangeListAdmin):
    """A staff member sees and changes only the rows of the organisations in their territorial scope.

    A filtered list says « 12 résultats » with a link to show them all, without the size of the whole scope beside
    it: that second COUNT over every row in scope cost a query on each page of the list.
    """

    show_full_result_count = False
    # 50 rows, not Django's 100: staff sort, filter or search before reading (the espace ANCT lists show 25), and
    # the project list exports the whole filtered list as CSV; each row is CPU on every page of the list.
    list_per_page = 50

    def kept_list_variant(self, request) -> list[str]:
        # The rows (and the filters' choices drawn from them) are those of the viewer's scope.
        return [*super().kept_list_variant(request), repr(self.rows_condition(request))]

    def _is_scoped_staff(self, request) -> bool:
        user = request.user
        return user.is_active and (user.is_superuser or permissions.staff_scope_of(user) is not None)

    def has_module_permission(self, request) -> bool:
        return self._is_scoped_staff(request)

    def has_view_permission(self, request, obj=None) -> bool:
        return self._is_scoped_staff(request)

    def has_change_permission(self, request, obj=None) -> bool:
        return self._is_scoped_staff(request)

    def has_add_permission(self, request) -> bool:
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None) -> bool:
        return request.user.is_superuser


class RegionFilter(admin.SimpleListFilter):
    title = "région"
    parameter_name = "region"
    path = "region"

    def lookups(self, request, model_admin):
        # Tuples kept per worker (the referential's version moves them): this list renders on every page.
        return region_choices()

    def queryset(self, request, queryset):
        return queryset.filter(**{f"{self.path}_id": self.value()}) if self.value() else queryset


class DepartementFilter(RegionFilter):
    title = "département"
    parameter_name = "departement"
    path = "departement"

    def lookups(self, request, model_admin):
        return [(code, f"{code} — {name}") for code, name in departement_choices()]


class MembershipInline(ScopedChoicesMixin, admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]
    fields = ["user", "role", "created_at"]
    readonly_fields = ["created_at"]

    def has_view_permission(self, request, obj=None) -> bool:
        return request.user.is_superuser or permissions.staff_scope_of(request.user) is not None

    def has_change_permission(self, request, obj=None) -> bool:
        return request.user.is_superuser

    def has_add_permission(self, request, obj=None) -> bool:
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None) -> bool:
        return request.user.is_superuser


class OrganisationRejectForm(forms.Form):
    """The reason ANCT gives when refusing a collectivité: it is emailed to its référents as written."""

    reason = forms.CharField(
        label="Motif du refus",
        help_text="Envoyé tel quel aux membres de la collectivité : dites pourquoi et ce qu’ils peuvent faire.",
        max_length=services.REJECTION_REASON_MAX_LENGTH,
        widget=forms.Textarea({"rows": 6, "cols": 80}),
        error_messages={
            "required": services.REJECTION_REASON_REQUIRED,
            "max_length": f"Le motif ne doit pas dépasser {services.REJECTION_REASON_MAX_LENGTH} caractères.",
        },
    )

    def clean_reason(self) -> str:
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(services.REJECTION_REASON_REQUIRED)
        return reason


TERRITORY_LINKS = ["commune", "epci", "departement_territory", "region_territory"]
# Derived from the territory link (services.placement_of), never typed in.
PLACEMENT_FIELDS = ["kind", "departement", "region"]


class OrganisationAdminForm(forms.ModelForm):
    """A superuser may rebind a collectivité to another territory; kind, département and région follow it."""

    class Meta:
        model = Organisation
        fields = ["name", *TERRITORY_LINKS]

    def clean(self):
        cleaned = super().clean()
        if not all(name in self.fields for name in TERRITORY_LINKS):
            return cleaned  # read-only territory (chargés de mission): nothing to derive
        chosen = [cleaned[name] for name in TERRITORY_LINKS if cleaned.get(name)]
        if len(chosen) != 1:
            raise forms.ValidationError(
                "Choisissez un seul territoire : une commune, un EPCI, un département ou une région."
            )
        kind, departement, region = services.placement_of(chosen[0])
        if region is None:
            raise forms.ValidationError("Ce territoire n’est rattaché à aucune région dans le référentiel.")
        self.instance.kind, self.instance.departement_id, self.instance.region_id = kind, departement, region
        return cleaned


@admin.register(Organisation)
class OrganisationAdmin(StaffScopedAdmin):
    organisation_path = ""
    form = OrganisationAdminForm
    list_display = ["name", "kind", "departement", "region", "status", "created_at"]
    list_filter = ["status", "kind", RegionFilter, DepartementFilter]
    search_fields = ["name", "commune__insee_code", "commune__siren", "epci__siren", "departement_territory__code"]
    list_select_related = ["departement", "region"]
    list_only = ("name", "kind", "status", "created_at", "departement__code", "departement__name", "region__name")
    # The page is kept until a collectivité is written; the names of départements and régions (columns and filters)
    # follow the referential's version.
    kept_list_tokens = (ORGANISATION_LIST,)
    # The status changes only through the actions, which apply the rules and email the people concerned.
    readonly_fields = [
        "public_id",
        "status",
        "created_at",
        "created_by",
        "confirmed_at",
        "confirmed_by",
        "rejected_at",
        "rejected_by",
        "rejection_reason",
    ]
    raw_id_fields = ["commune", "epci", "departement_territory", "region_territory"]
    inlines = [MembershipInline]
    actions = ["confirm_organisations", "reject_organisations"]
    ordering = ["-created_at"]

    def kept_list_variant(self, request) -> list[str]:
        return [*super().kept_list_variant(request), referential_version()]

    def get_readonly_fields(self, request, obj=None):
        # The territory places the collectivité in a chargé de mission's scope: only a superuser rebinds it.
        territory = PLACEMENT_FIELDS if request.user.is_superuser else [*TERRITORY_LINKS, *PLACEMENT_FIELDS]
        return [*self.readonly_fields, *territory]

    @admin.action(description="Confirmer les collectivités sélectionnées")
    def confirm_organisations(self, request, queryset):
        confirmed = 0
        # A refused collectivité may be confirmed after all, once ANCT has been in touch with it.
        for organisation in queryset.filter(status__in=[OrganisationStatus.PENDING, OrganisationStatus.REJECTED]):
            services.confirm_organisation(organisation=organisation, confirmed_by=request.user)
            self.log_change(request, organisation, "Inscription confirmée.")
            confirmed += 1
        self.message_user(
            request,
            f"{confirmed} collectivité(s) confirmée(s) ; leurs référents sont prévenus par courriel.",
            messages.SUCCESS,
        )

    @admin.action(description="Refuser les collectivités sélectionnées (motif demandé)")
    def reject_organisations(self, request, queryset):
        """First POST: a page asking the reason; second POST (`apply`): refuse each pending one, then the list."""
        pending = list(queryset.filter(status=OrganisationStatus.PENDING).order_by("name"))
        if not pending:
            self.message_user(
                request, "Aucune des collectivités sélectionnées n’est en attente de confirmation.", messages.WARNING
            )
            return None
        form = OrganisationRejectForm(request.POST if "apply" in request.POST else None)
        if form.is_bound and form.is_valid():
            rejected = 0
            for organisation in pending:
                try:
                    services.reject_organisation(
                        organisation=organisation, rejected_by=request.user, reason=form.cleaned_data["reason"]
                    )
                except services.AccountsError as error:
                    self.message_user(request, str(error), messages.ERROR)
                else:
                    self.log_change(
                        request, organisation, f"Inscription refusée. Motif : {form.cleaned_data['reason']}"
                    )
                    rejected += 1
            if rejected:
                self.message_user(
                    request,
                    f"{rejected} collectivité(s) refusée(s) ; leurs membres sont prévenus par courriel avec le motif.",
                    messages.SUCCESS,
                )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": "Refuser l’inscription de collectivités",
            "opts": self.model._meta,
            "organisations": pending,
            "form": form,
            "action_name": "reject_organisations",
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/accounts/organisation/reject.html", context)


@admin.register(Membership)
class MembershipAdmin(StaffScopedAdmin):
    """Read-only for chargés de mission: they change roles on the site's member pages, where the rules hold."""

    list_display = ["user", "organisation", "role", "created_at"]
    list_filter = ["role"]
    search_fields = ["user__email", "user__last_name", "organisation__name"]
    list_select_related = ["user", "organisation"]
    autocomplete_fields = ["user", "organisation"]

    def has_change_permission(self, request, obj=None) -> bool:
        return request.user.is_superuser


@admin.register(JoinRequest)
class JoinRequestAdmin(StaffScopedAdmin):
    """Requests are decided through the actions (the services apply the rules and tell the requester).

    Chargés de mission read them and run the actions; only a superuser edits a request's fields.
    """

    list_display = ["user", "organisation", "role", "status", "created_at", "decided_at"]
    list_filter = ["status", "role"]
    search_fields = ["user__email", "user__last_name", "organisation__name"]
    list_select_related = ["user", "organisation"]
    readonly_fields = ["public_id", "status", "created_at", "decided_at", "decided_by"]
    autocomplete_fields = ["user", "organisation"]
    actions = ["approve", "refuse"]

    def has_change_permission(self, request, obj=None) -> bool:
        return request.user.is_superuser

    def _decide(self, request, queryset, approve: bool) -> None:
        done = 0
        for join_request in queryset.filter(status=JoinRequestStatus.PENDING):
            if approve:
                services.approve_join_request(join_request=join_request, decided_by=request.user)
            else:
                services.refuse_join_request(join_request=join_request, decided_by=request.user)
            done += 1
        self.message_user(request, f"{done} demande(s) traitée(s) ; les demandeurs sont prévenus.", messages.SUCCESS)

    @admin.action(description="Accepter les demandes sélectionnées")
    def approve(self, request, queryset):
        self._decide(request, queryset, approve=True)

    @admin.action(description="Refuser les demandes sélectionnées")
    def refuse(self, request, queryset):
        self._decide(request, queryset, approve=False)


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "job_title", "is_staff", "is_active", "last_login"]
    list_filter = ["is_staff", "is_superuser", "is_active"]
    search_fields = ["email", "first_name", "last_name"]
    readonly_fields = ["public_id", "last_login", "date_joined"]
    fieldsets = [
        (None, {"fields": ["email", "password", "public_id"]}),
        ("Identité", {"fields": ["first_name", "last_name", "job_title", "wants_notifications"]}),
        ("Droits", {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]}),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]

    def has_module_permission(self, request) -> bool:
        return request.user.is_superuser or permissions.staff_scope_of(request.user) is not None

    def has_view_permission(self, request, obj=None) -> bool:
        return self.has_module_permission(request)

    def has_change_permission(self, request, obj=None) -> bool:
        return request.user.is_superuser

    def get_queryset(self, request):
        """Staff see the people of the organisations they cover (and themselves); superusers see everyone."""
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        condition = permissions.staff_organisation_filter(request.user, prefix="memberships__organisation__")
        if condition is None:
            return queryset.filter(pk=request.user.pk)
        if condition == Q():
            return queryset
        return queryset.filter(condition | Q(pk=request.user.pk)).distinct()


@admin.register(StaffScope)
class StaffScopeAdmin(admin.ModelAdmin):
    list_display = ["user", "level", "region"]
    list_filter = ["level", "region"]
    ordering = ["user__email"]  # the list and its autocomplete paginate: a stable order
    search_fields = ["user__email", "user__last_name"]
    autocomplete_fields = ["user"]
    filter_horizontal = ["departements"]

    def has_module_permission(self, request) -> bool:
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None) -> bool:
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None) -> bool:
        return request.user.is_superuser

    def has_add_permission(self, request) -> bool:
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None) -> bool:
        return request.user.is_superuser


# allauth's admin shows and edits the authenticator's `data`, which holds the TOTP secret and recovery codes:
# whoever reads it can produce that person's codes. Superusers list authenticators and delete a lost one.
admin.site.unregister(Authenticator)


@admin.register(Authenticator)
class AuthenticatorAdmin(admin.ModelAdmin):
    list_display = ["user", "type", "created_at", "last_used_at"]
    list_filter = ["type"]
    fields = ["user", "type", "created_at", "last_used_at"]
    readonly_fields = fields

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


admin.site.unregister(EmailAddress)


@admin.register(EmailAddress)
class EmailAddressAdmin(AllauthEmailAddressAdmin):
    ordering = ["email"]  # the list and its autocomplete paginate: a stable order
