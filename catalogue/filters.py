"""The catalogue facets: a django-filter FilterSet whose form is a DSFR form, and one Q per facet.

Facets combine with AND between them and OR inside one facet (two themes: services of either theme).
Each facet's counts are computed with every *other* facet applied (see selectors.catalogue_page), so
ticking a value never hides its siblings.
"""

import django_filters
from django import forms
from django.db.models import Q

from catalogue.enums import CollectiviteKind, CollectiviteSize, Hosting, Maturity
from catalogue.facets import FacetForm
from catalogue.licences import LICENCE_CHOICES
from catalogue.models import KIND_FIELDS, SIZE_FIELDS, Service
from common.facets import FacetFilterSet, SlugMultipleChoiceFilter

AI_CHOICES = [("oui", "Utilise l’IA"), ("non", "N’utilise pas l’IA")]
HOSTING_CHOICES = [(Hosting.ONLINE.value, "Disponible en ligne"), (Hosting.SELF_HOSTED.value, "À héberger soi-même")]
SORT_CHOICES = [("pertinence", "Pertinence"), ("nom", "Nom"), ("adopteurs", "Nombre de collectivités")]
# Facets in display order: (parameter, label).
FACETS = [
    ("theme", "Thématique"),
    ("ia", "Intelligence artificielle"),
    ("type", "Type de collectivité"),
    ("taille", "Taille de la collectivité"),
    ("programme", "Programme des collectivités utilisatrices"),
    ("maturite", "Maturité"),
    ("hebergement", "Hébergement"),
    ("licence", "Licence"),
]


class CatalogueFilterForm(FacetForm):
    text_fields = frozenset({"q", "tri"})


def _checkboxes() -> forms.CheckboxSelectMultiple:
    return forms.CheckboxSelectMultiple()


class ServiceFilter(FacetFilterSet):
    q = django_filters.CharFilter(
        label="Rechercher un service",
        method="filter_nothing",
        widget=forms.TextInput(attrs={"type": "search", "placeholder": "Exemples : données, école, délibérations"}),
    )
    theme = SlugMultipleChoiceFilter(label="Thématique", widget=_checkboxes(), method="filter_nothing")
    ia = django_filters.MultipleChoiceFilter(
        label="Intelligence artificielle", choices=AI_CHOICES, widget=_checkboxes(), method="filter_nothing"
    )
    type = django_filters.MultipleChoiceFilter(
        label="Type de collectivité", choices=CollectiviteKind.choices, widget=_checkboxes(), method="filter_nothing"
    )
    taille = django_filters.MultipleChoiceFilter(
        label="Taille de la collectivité",
        choices=CollectiviteSize.choices,
        widget=_checkboxes(),
        method="filter_nothing",
    )
    programme = SlugMultipleChoiceFilter(
        label="Programme des collectivités utilisatrices", widget=_checkboxes(), method="filter_nothing"
    )
    maturite = django_filters.MultipleChoiceFilter(
        label="Maturité", choices=Maturity.choices, widget=_checkboxes(), method="filter_nothing"
    )
    hebergement = django_filters.MultipleChoiceFilter(
        label="Hébergement", choices=HOSTING_CHOICES, widget=_checkboxes(), method="filter_nothing"
    )
    licence = django_filters.MultipleChoiceFilter(
        label="Licence", choices=LICENCE_CHOICES, widget=_checkboxes(), method="filter_nothing"
    )
    tri = django_filters.ChoiceFilter(
        label="Trier par", choices=SORT_CHOICES, empty_label=None, method="filter_nothing", initial="pertinence"
    )

    class Meta:
        model = Service
        fields: list[str] = []
        form = CatalogueFilterForm

    def sort(self) -> str:
        return self.data_cleaned.get("tri") or "pertinence"


def facet_condition(name: str, values: list[str]) -> Q:
    """The Q on Service that keeps services matching any of `values` of facet `name`."""
    if name == "theme":
        through = Service.themes.through.objects.filter(theme__slug__in=values)
        return Q(pk__in=through.values("service_id"))
    if name == "programme":
        through = Service.adopter_programmes.through.objects.filter(programme__slug__in=values)
        return Q(pk__in=through.values("service_id"))
    if name == "ia":
        return Q(uses_ai__in=[value == "oui" for value in values])
    if name == "type":
        return _any_true(KIND_FIELDS[CollectiviteKind(value)] for value in values)
    if name == "taille":
        return _any_true(SIZE_FIELDS[CollectiviteSize(value)] for value in values)
    if name == "maturite":
        return Q(maturity__in=values)
    if name == "hebergement":
        # A service offered both ways matches either choice.
        return Q(hosting__in=[*values, Hosting.BOTH])
    if name == "licence":
        return Q(licence__in=values)
    raise ValueError(name)


def _any_true(fields) -> Q:
    condition = Q()
    for field in fields:
        condition |= Q(**{field: True})
    return condition
