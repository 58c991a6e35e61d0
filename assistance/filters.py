"""Filters of the espace ANCT lists. Territorial choices only offer what the staff user covers: a département or
a région outside the scope is not a choice, and the views answer 404 when one is asked for."""

import django_filters
from django import forms
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
from territories.models import Programme, TerritoryKind

TERRITORIAL_FIELDS = ("departement", "region")


class FlatSelect(forms.Select):
    """A select whose options are written by one template (Django includes a template per option: with the
    départements of a national scope, that was most of a list page's rendering time)."""

    template_name = "assistance/widgets/select.html"


class EspaceFilterForm(DsfrBaseForm):
    """Filters render with a light field template: no « (optionnel) » mark (every filter is optional)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for form_field in self.fields.values():
            form_field.template_name = "espace/forms/filter_field.html"
            if type(form_field.widget) is forms.Select:
                form_field.widget = FlatSelect(attrs=form_field.widget.attrs, choices=form_field.widget.choices)


def _choices(rows, empty: str) -> list[tuple[str, str]]:
    return [("", empty), *rows]


class EspaceFilterSet(django_filters.FilterSet):
    """Common filters: text, territory of the scope, programme, theme, sort. `organisation_path` reaches the
    collectivité from the listed model ("" for collectivités themselves). Territorial, programme and theme choices
    are read once per page as plain values (one query each); a value outside them is refused by the form."""

    organisation_path = "organisation__"

    q = django_filters.CharFilter(label="Recherche", method="filter_search", max_length=100)
    departement = django_filters.ChoiceFilter(label="Département", method="filter_departement", empty_label=None)
    region = django_filters.ChoiceFilter(label="Région", method="filter_region", empty_label=None)
    programme = django_filters.ChoiceFilter(label="Programme national", method="filter_programme", empty_label=None)

    def __init__(self, data=None, queryset=None, *, scope_organisations: QuerySet[Organisation], user, **kwargs):
        super().__init__(data, queryset, **kwargs)
        self.user = user
        # The départements and régions where the scope has collectivités, in one grouped pass.
        places = (
            scope_organisations.order_by()
            .values_list("departement_id", "departement__name", "region_id", "region__name")
            .distinct()
        )
        departements, regions = {}, {}
        for departement, departement_name, region, region_name in places:
            if departement:
                departements[departement] = f"{departement} — {departement_name}"
            regions[region] = region_name
        self.filters["departement"].extra["choices"] = _choices(
            sorted(departements.items()), "Tous les départements du périmètre"
        )
        self.filters["region"].extra["choices"] = _choices(
            sorted(regions.items(), key=lambda item: item[1]), "Toutes les régions du périmètre"
        )
        self.filters["programme"].extra["choices"] = _choices(
            list(Programme.objects.order_by("name").values_list("slug", "name")), "Tous les programmes"
        )
        if "thematique" in self.filters:
            self.filters["thematique"].extra["choices"] = _choices(
                list(Theme.objects.order_by("position", "name").values_list("slug", "name")), "Toutes les thématiques"
            )

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
        return queryset.filter(**{f"{self.organisation_path}departement_id": value})

    def filter_region(self, queryset, name, value):
        return queryset.filter(**{f"{self.organisation_path}region_id": value})

    def filter_programme(self, queryset, name, value):
        programme = Programme.objects.filter(slug=value)
        return queryset.filter(
            self._organisations(Q(commune__programmes__in=programme) | Q(epci__programmes__in=programme))
        )

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
    thematique = django_filters.ChoiceFilter(label="Thématique", method="filter_theme", empty_label=None)
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
    thematique = django_filters.ChoiceFilter(label="Thématique d’un projet", method="filter_theme", empty_label=None)
    tri = django_filters.OrderingFilter(
        label="Trier par",
        empty_label="Par nom",
        fields=(("name", "nom"), ("created_at", "inscription"), ("departement_id", "departement")),
        field_labels={"name": "nom", "created_at": "date d’inscription", "departement_id": "département"},
    )

    class Meta(EspaceFilterSet.Meta):
        model = Organisation

    def filter_theme(self, queryset, name, value):
        return queryset.filter(pk__in=Project.objects.filter(themes__slug=value).values("organisation_id"))


class ProjectFilter(EspaceFilterSet):
    etape = django_filters.ChoiceFilter(
        label="Étape", field_name="current_stage__key", choices=STAGE_CHOICES, empty_label="Toutes les étapes"
    )
    thematique = django_filters.ChoiceFilter(label="Thématique", method="filter_theme", empty_label=None)
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
        return queryset.filter(pk__in=Project.themes.through.objects.filter(theme__slug=value).values("project_id"))

    def filter_watch(self, queryset, name, value):
        conditions = {
            "validation": awaiting_validation_condition(),
            "inactifs": Q(last_activity_at__lte=inactive_since(timezone.now())),
            "demande": Q(pk__in=AssistanceRequest.objects.open().values("project_id")),
            "suivis": Q(pk__in=Follow.objects.filter(user=self.user, project__isnull=False).values("project_id")),
        }
        return queryset.filter(conditions[value])
