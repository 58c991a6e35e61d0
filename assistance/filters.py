"""Filters of the espace ANCT lists. Territorial choices only offer what the staff user covers: a département or
a région outside the scope is not a choice, and the views answer 404 when one is asked for."""

from html import escape

import django_filters
from django import forms
from django.db.models import Q
from django.forms.utils import flatatt
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django_filters.widgets import BaseCSVWidget
from dsfr.forms import DsfrBaseForm
from dsfr.utils import dsfr_input_class_attr

from accounts.enums import OrganisationStatus
from accounts.models import Organisation
from assistance.enums import RequestKind, RequestStatus
from assistance.espace_selectors import (
    awaiting_validation_condition,
    filter_choices,
    inactive_since,
    overdue_condition,
    unanswered_project_waits,
)
from assistance.models import AssistanceRequest, Follow
from journeys.filters import STAGE_CHOICES
from journeys.models import Project
from territories.models import Programme, TerritoryKind

TERRITORIAL_FIELDS = ("departement", "region")


SELECTED = " selected"


def _select_html(name: str, selected: list[str], attrs: dict, choices) -> SafeString:
    # html.escape(quote=True) is what django.utils.html.escape runs, without its lazy-string wrapper: the options of
    # a national scope's filters are a few hundred.
    chosen = set(selected)
    options = "".join(
        f'<option value="{escape(str(value))}"{SELECTED if str(value) in chosen else ""}>{escape(str(label))}</option>'
        for value, label in choices
    )
    return format_html('<select name="{}"{}>{}</select>', name, flatatt(attrs), mark_safe(options))  # noqa: S308


def _flat(choices) -> bool:
    return not any(isinstance(label, (list, tuple)) for _value, label in choices)


class FlatSelect(forms.Select):
    """A select written in one string (Django renders a template per option, django-dsfr one per field: with the
    départements of a national scope, that was most of a list page's time). Grouped choices render as usual."""

    def render(self, name, value, attrs=None, renderer=None):
        if not _flat(self.choices):
            return super().render(name, value, attrs, renderer)
        return _select_html(name, self.format_value(value), self.build_attrs(self.attrs, attrs), self.choices)


class FlatCSVSelect(BaseCSVWidget, forms.Select):
    """The sort select (django-filter reads it as comma-separated values), written in one string like FlatSelect;
    several values keep django-filter's text input so none is lost."""

    def render(self, name, value, attrs=None, renderer=None):
        values = value if self._isiterable(value) else [value]
        if len(values) > 1 or not _flat(self.choices):
            return super().render(name, value, attrs, renderer)
        current = values[0] if values else ""
        return _select_html(name, self.format_value(current), self.build_attrs(self.attrs, attrs), self.choices)


class FlatTextInput(forms.TextInput):
    """The search input, written in one string."""

    def render(self, name, value, attrs=None, renderer=None):
        shown = self.format_value(value)
        value_attr = format_html(' value="{}"', shown) if shown is not None else ""
        return format_html(
            '<input type="{}" name="{}"{}{}>',
            self.input_type,
            name,
            value_attr,
            flatatt(self.build_attrs(self.attrs, attrs)),
        )


def _flat_widget(widget: forms.Widget) -> forms.Widget:
    """The one-string version of a filter's widget (the same widget when there is none)."""
    if isinstance(widget, BaseCSVWidget) and isinstance(widget, forms.Select):
        return FlatCSVSelect(attrs=widget.attrs, choices=widget.choices)
    if type(widget) is forms.Select:
        return FlatSelect(attrs=widget.attrs, choices=widget.choices)
    if type(widget) is forms.TextInput:
        return FlatTextInput(attrs=widget.attrs)
    return widget


class EspaceFilterForm(DsfrBaseForm):
    """Filters render through `rows()` in one light template (espace/_filters.html): DSFR's markup and ARIA, no
    template per field, widget or option, and no « (optionnel) » mark (every filter is optional)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for form_field in self.fields.values():
            form_field.widget = _flat_widget(form_field.widget)

    def rows(self) -> list[dict]:
        """Each filter as the page shows it: id, label, the widget's HTML, the error text and the DSFR group class."""
        rows = []
        for bound in self:
            dsfr_input_class_attr(bound)  # as django-dsfr's field template: aria-invalid and aria-describedby on error
            group = "fr-select-group" if isinstance(bound.field.widget, forms.Select) else "fr-input-group"
            error = " ".join(bound.errors)
            rows.append(
                {
                    "id": bound.auto_id,
                    "label": bound.label,
                    "widget": bound.as_widget(),
                    "error": error,
                    "group": f"{group} {group}--error" if error else group,
                }
            )
        return rows


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

    def __init__(self, data=None, queryset=None, *, user, **kwargs):
        super().__init__(data, queryset, **kwargs)
        self.user = user
        choices = filter_choices(user)
        self.filters["departement"].extra["choices"] = _choices(
            choices["departement"], "Tous les départements du périmètre"
        )
        self.filters["region"].extra["choices"] = _choices(choices["region"], "Toutes les régions du périmètre")
        self.filters["programme"].extra["choices"] = _choices(choices["programme"], "Tous les programmes")
        if "thematique" in self.filters:
            self.filters["thematique"].extra["choices"] = _choices(choices["theme"], "Toutes les thématiques")

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
            ("attente", "En attente de la collectivité"),
            ("sans_reaction", "Collectivité relancée sans réaction"),
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
            "attente": Q(pk__in=unanswered_project_waits().values("project_id")),
            "sans_reaction": Q(pk__in=unanswered_project_waits().filter(reminders_sent__gt=0).values("project_id")),
            "suivis": Q(pk__in=Follow.objects.filter(user=self.user, project__isnull=False).values("project_id")),
        }
        return queryset.filter(conditions[value])
