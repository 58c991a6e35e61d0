"""The filters of the resource list: a django-filter FilterSet whose form is a DSFR form.

Query-string names are French and stable, other apps link to them: `?type=cas-usage`, `?theme=donnees`,
`?public=elus`, `?q=…`. Filtering itself is done by selectors.resource_page from `conditions()`, so the
count shown beside each value applies the same rules.
"""

import django_filters
from django import forms
from django.db.models import Q

from catalogue.facets import FacetFilterSet, FacetForm, SlugMultipleChoiceFilter
from resources.enums import Audience, ResourceKind
from resources.models import Resource, fold

# Facets in display order: (parameter, label).
FACETS = [("type", "Type de ressource"), ("theme", "Thématique"), ("public", "Public")]
AUDIENCE_CHOICES = [(Audience.ELUS.value, "Pour les élus"), (Audience.AGENTS.value, "Pour les agents")]


class ResourceFilter(FacetFilterSet):
    q = django_filters.CharFilter(
        label="Rechercher une ressource",
        method="filter_nothing",
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": "Exemples : données, AIPD, qualité de l’air"}),
    )
    type = django_filters.MultipleChoiceFilter(
        label="Type de ressource",
        choices=ResourceKind.choices,
        widget=forms.CheckboxSelectMultiple(),
        method="filter_nothing",
    )
    theme = SlugMultipleChoiceFilter(
        label="Thématique", widget=forms.CheckboxSelectMultiple(), method="filter_nothing"
    )
    public = django_filters.MultipleChoiceFilter(
        label="Public", choices=AUDIENCE_CHOICES, widget=forms.CheckboxSelectMultiple(), method="filter_nothing"
    )

    class Meta:
        model = Resource
        fields: list[str] = []
        form = FacetForm

    def conditions(self) -> dict[str, Q]:
        """One Q on Resource per active facet (values of one facet combine with OR, facets with AND)."""
        result = {}
        if (text := search_condition(self.search_terms())) is not None:
            result["q"] = text
        for name, _label in FACETS:
            if values := self.selected(name):
                result[name] = facet_condition(name, values)
        return result


def search_condition(terms: str) -> Q | None:
    """Every word of `terms`, accents and case ignored, must appear in the resource's text."""
    words = fold(terms[:200]).split()
    if not words:
        return None
    condition = Q()
    for word in words:
        condition &= Q(search_text__contains=word)
    return condition


def facet_condition(name: str, values: list[str]) -> Q:
    if name == "type":
        return Q(kind__in=values)
    if name == "theme":
        through = Resource.themes.through.objects.filter(theme__slug__in=values)
        return Q(pk__in=through.values("resource_id"))
    if name == "public":
        return Q(audience__in=[*values, Audience.ALL])
    raise ValueError(name)
