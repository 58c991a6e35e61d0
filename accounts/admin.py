"""The ANCT back-office for people and collectivités, scoped by the staff member's territory.

The default admin site is wired here for the whole portal: `/admin/login/` is allauth's login (same
throttling as the site), and no admin page opens without a second factor (see accounts.second_factor).
"""

from allauth.account.views import LoginView
from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from accounts import permissions, services
from accounts.enums import JoinRequestStatus, OrganisationStatus
from accounts.models import JoinRequest, Membership, Organisation, StaffScope, User
from accounts.second_factor import has_passed_second_factor, second_factor_redirect

admin.site.site_header = "Territoires IA — back-office ANCT"
admin.site.site_title = "Back-office ANCT"
admin.site.index_title = "Accompagnement des collectivités"

_django_has_permission = admin.site.has_permission


def _has_permission(request: HttpRequest) -> bool:
    return _django_has_permission(request) and has_passed_second_factor(request)


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


admin.site.has_permission = _has_permission
admin.site.login = _admin_login


class StaffScopedAdmin(admin.ModelAdmin):
    """A staff member sees and changes only the rows of the organisations in their territorial scope."""

    organisation_path = "organisation__"

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

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        condition = permissions.staff_organisation_filter(request.user, prefix=self.organisation_path)
        if condition is None:
            return queryset.none()
        return queryset.filter(condition)


class RegionFilter(admin.SimpleListFilter):
    title = "région"
    parameter_name = "region"
    path = "region"

    def lookups(self, request, model_admin):
        from territories.models import Region

        return [(region.code, region.name) for region in Region.objects.order_by("name")]

    def queryset(self, request, queryset):
        return queryset.filter(**{f"{self.path}_id": self.value()}) if self.value() else queryset


class DepartementFilter(RegionFilter):
    title = "département"
    parameter_name = "departement"
    path = "departement"

    def lookups(self, request, model_admin):
        from territories.models import Departement

        return [(dep.code, f"{dep.code} — {dep.name}") for dep in Departement.objects.order_by("code")]


class MembershipInline(admin.TabularInline):
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


@admin.register(Organisation)
class OrganisationAdmin(StaffScopedAdmin):
    organisation_path = ""
    list_display = ["name", "kind", "departement", "region", "status", "created_at"]
    list_filter = ["status", "kind", RegionFilter, DepartementFilter]
    search_fields = ["name", "commune__insee_code", "commune__siren", "epci__siren", "departement_territory__code"]
    list_select_related = ["departement", "region"]
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
    raw_id_fields = ["commune", "epci"]
    inlines = [MembershipInline]
    actions = ["confirm_organisations", "reject_organisations"]
    ordering = ["-created_at"]

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
    list_display = ["user", "organisation", "role", "created_at"]
    list_filter = ["role"]
    search_fields = ["user__email", "user__last_name", "organisation__name"]
    list_select_related = ["user", "organisation"]
    autocomplete_fields = ["user", "organisation"]


@admin.register(JoinRequest)
class JoinRequestAdmin(StaffScopedAdmin):
    list_display = ["user", "organisation", "role", "status", "created_at", "decided_at"]
    list_filter = ["status", "role"]
    search_fields = ["user__email", "user__last_name", "organisation__name"]
    list_select_related = ["user", "organisation"]
    readonly_fields = ["public_id", "created_at", "decided_at", "decided_by"]
    autocomplete_fields = ["user", "organisation"]
    actions = ["approve", "refuse"]

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
