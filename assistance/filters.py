"""Filters of the espace ANCT lists. Territorial choices only offer what the staff user covers: a département or
a région outside the scope is not a choice, and the views answer 404 when one is asked for."""

import django_filters
from django.db.models import Q, QuerySet
from django.utils import timezone
from dsfr.forms import DsfrBaseForm

from accounts.enums import OrganisationStatus
from accounts.models import Organisation
from assistance.enums import RequestKind, RequestStatus
from assistance.espace_selectors import awaiting_validation_condition, inactive_since, overdue_condition
from assistance.models import AssistanceRequest, Follow
from catalogue.models import Theme
from journeys.filters import STAGE_CHOICES
from journeys.models import Project
from territories.models import Departement, Programme, Region, TerritoryKind

TERRITORIAL_FIELDS = ("departement", "region")


class EspaceFilterForm(DsfrBaseForm):
    pass


class EspaceFilterSet(django_filters.FilterSet):
    """Common filters: text, territory of the scope, programme, theme, sort. `organisation_path` reaches the
    collectivité from the listed model ("" for collectivités themselves)."""

    organisation_path = "organisation__"

    q = django_filters.CharFilter(label="Recherche", method="filter_search", max_length=100)
    departement = django_filters.ModelChoiceFilter(
        label="Département", queryset=Departement.objects.none(), to_field_name="code", method="filter_departement"
    )
    region = django_filters.ModelChoiceFilter(
        label="Région", queryset=Region.objects.none(), to_field_name="code", method="filter_region"
    )
    programme = django_filters.ModelChoiceFilter(
        label="Programme national",
        queryset=Programme.objects.all(),
        to_field_name="slug",
        method="filter_programme",
        empty_label="Tous les programmes",
    )

    def __init__(self, data=None, queryset=None, *, scope_organisations: QuerySet[Organisation], user, **kwargs):
        super().__init__(data, queryset, **kwargs)
        self.user = user
        self.filters["departement"].queryset = Departement.objects.filter(
            code__in=scope_organisations.values("departement_id")
        ).order_by("code")
        self.filters["region"].queryset = Region.objects.filter(
            code__in=scope_organisations.values("region_id")
        ).order_by("name")
        self.filters["departement"].extra["empty_label"] = "Tous les départements du périmètre"
        self.filters["region"].extra["empty_label"] = "Toutes les régions du périmètre"

    class Meta:
        form = EspaceFilterForm
        fields: list[str] = []

    def _organisations(self, condition: Q) -> Q:
        if not self.organisation_path:
            return condition
        return Q(
            **{
                f"{self.organisation_path.removesuffix('__')}_id__in": Organisation.objects.filter(condition).values(
                    "pk"
                )
            }
        )

    def filter_search(self, queryset, name, value):
        return queryset.filter(self.search_condition(value.strip())) if value.strip() else queryset

    def search_condition(self, terms: str) -> Q:
        return Q(**{f"{self.organisation_path}name__icontains": terms})

    def filter_departement(self, queryset, name, value):
        return queryset.filter(**{f"{self.organisation_path}departement_id": value.code})

    def filter_region(self, queryset, name, value):
        return queryset.filter(**{f"{self.organisation_path}region_id": value.code})

    def filter_programme(self, queryset, name, value):
        return queryset.filter(self._organisations(Q(commune__programmes=value) | Q(epci__programmes=value)))

    def out_of_scope(self) -> bool:
        """True when the query asks for a département or a région the user does not cover."""
        form = self.form
        form.is_valid()
        return any(field in form.errors and self.data.get(field) for field in TERRITORIAL_FIELDS)


class RequestFilter(EspaceFilterSet):
    statut = django_filters.ChoiceFilter(
        label="Statut", field_name="status", choices=RequestStatus.choices, empty_label="Tous les statuts"
    )
    type = django_filters.ChoiceFilter(
        label="Type d’appui", field_name="kind", choices=RequestKind.choices, empty_label="Tous les types"
    )
    thematique = django_filters.ModelChoiceFilter(
        label="Thématique",
        queryset=Theme.objects.all(),
        to_field_name="slug",
        method="filter_theme",
        empty_label="Toutes les thématiques",
    )
    suivi = django_filters.ChoiceFilter(
        label="À regarder",
        method="filter_watch",
        empty_label="Toutes les demandes",
        choices=[
            ("nouvelles", "Nouvelles demandes"),
            ("en_retard", "Sans réponse dans le délai"),
            ("escaladees", "Signalées aux niveaux régional et national"),
            ("attente", "En attente de la collectivité"),
            ("sans_reaction", "Collectivité relancée sans réaction"),
            ("avis_cadrage", "Avis sur le cadrage demandés"),
            ("suivies", "Demandes que je suis"),
            ("a_moi", "Demandes qui me sont attribuées"),
        ],
    )
    tri = django_filters.OrderingFilter(
        label="Trier par",
        empty_label="Les plus récentes d’abord",
        fields=(("created_at", "depot"), ("updated_at", "activite"), ("organisation__name", "collectivite")),
        field_labels={
            "created_at": "date de dépôt",
            "updated_at": "dernier changement",
            "organisation__name": "collectivité",
        },
    )

    class Meta(EspaceFilterSet.Meta):
        model = AssistanceRequest

    def search_condition(self, terms: str) -> Q:
        return Q(organisation__name__icontains=terms) | Q(project__title__icontains=terms)

    def filter_theme(self, queryset, name, value):
        return queryset.filter(
            pk__in=AssistanceRequest.themes.through.objects.filter(theme=value).values("assistancerequest_id")
        )

    def filter_watch(self, queryset, name, value):
        now = timezone.now()
        conditions = {
            "nouvelles": Q(status=RequestStatus.SUBMITTED),
            "en_retard": overdue_condition(now),
            "escaladees": Q(escalated_at__isnull=False, first_answered_at__isnull=True),
            "attente": Q(waiting_since__isnull=False),
            "sans_reaction": Q(waiting_since__isnull=False, reminders_sent__gt=0),
            "avis_cadrage": Q(kind=RequestKind.CADRAGE_OPINION),
            "suivies": Q(pk__in=Follow.objects.filter(user=self.user, request__isnull=False).values("request_id")),
            "a_moi": Q(assigned_to=self.user),
        }
        return queryset.filter(conditions[value])


class OrganisationFilter(EspaceFilterSet):
    organisation_path = ""

    statut = django_filters.ChoiceFilter(
        label="Statut", field_name="status", choices=OrganisationStatus.choices, empty_label="Tous les statuts"
    )
    type = django_filters.ChoiceFilter(
        label="Type", field_name="kind", choices=TerritoryKind.choices, empty_label="Tous les types"
    )
    thematique = django_filters.ModelChoiceFilter(
        label="Thématique d’un projet",
        queryset=Theme.objects.all(),
        to_field_name="slug",
        method="filter_theme",
        empty_label="Toutes les thématiques",
    )
    tri = django_filters.OrderingFilter(
        label="Trier par",
        empty_label="Par nom",
        fields=(("name", "nom"), ("created_at", "inscription"), ("departement_id", "departement")),
        field_labels={"name": "nom", "created_at": "date d’inscription", "departement_id": "département"},
    )

    class Meta(EspaceFilterSet.Meta):
        model = Organisation

    def filter_theme(self, queryset, name, value):
        return queryset.filter(pk__in=Project.objects.filter(themes=value).values("organisation_id"))


class ProjectFilter(EspaceFilterSet):
    etape = django_filters.ChoiceFilter(
        label="Étape", field_name="current_stage__key", choices=STAGE_CHOICES, empty_label="Toutes les étapes"
    )
    thematique = django_filters.ModelChoiceFilter(
        label="Thématique",
        queryset=Theme.objects.all(),
        to_field_name="slug",
        method="filter_theme",
        empty_label="Toutes les thématiques",
    )
    suivi = django_filters.ChoiceFilter(
        label="À regarder",
        method="filter_watch",
        empty_label="Tous les projets",
        choices=[
            ("validation", "Étape en attente de validation ANCT"),
            ("inactifs", "Sans activité depuis longtemps"),
            ("demande", "Avec une demande d’ingénierie ouverte"),
            ("suivis", "Projets que je suis"),
        ],
    )
    tri = django_filters.OrderingFilter(
        label="Trier par",
        empty_label="Activité la plus récente d’abord",
        fields=(("last_activity_at", "activite"), ("title", "titre"), ("organisation__name", "collectivite")),
        field_labels={"last_activity_at": "dernière activité", "title": "titre", "organisation__name": "collectivité"},
    )

    class Meta(EspaceFilterSet.Meta):
        model = Project

    def search_condition(self, terms: str) -> Q:
        return Q(organisation__name__icontains=terms) | Q(title__icontains=terms)

    def filter_theme(self, queryset, name, value):
        return queryset.filter(pk__in=Project.themes.through.objects.filter(theme=value).values("project_id"))

    def filter_watch(self, queryset, name, value):
        conditions = {
            "validation": awaiting_validation_condition(),
            "inactifs": Q(last_activity_at__lte=inactive_since(timezone.now())),
            "demande": Q(pk__in=AssistanceRequest.objects.open().values("project_id")),
            "suivis": Q(pk__in=Follow.objects.filter(user=self.user, project__isnull=False).values("project_id")),
        }
        return queryset.filter(conditions[value])
