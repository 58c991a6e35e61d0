"""Faceted lists: multiple-choice filters whose values carry their count for the current result.

What any faceted list needs and no domain owns: the facet and its values as plain data, the query-string filterset
that only validates (each app's selector filters from the cleaned values, so a facet's counts apply exactly the
rules of the results), slug-valued facets and the DSFR form whose text inputs and checkbox groups use the
templates its subclass names. Facet values that live in the database (themes, programmes) are accepted as any
slug: an unknown one simply matches nothing instead of raising a form error.
"""

import copy
import re
from dataclasses import dataclass, field

import django_filters
from django import forms
from django.http import QueryDict
from dsfr.forms import DsfrBaseForm

SLUG = re.compile(r"^[-a-z0-9]{1,60}$")


class SlugMultipleChoiceField(forms.MultipleChoiceField):
    def valid_value(self, value) -> bool:
        return bool(SLUG.match(str(value)))


class SlugMultipleChoiceFilter(django_filters.MultipleChoiceFilter):
    field_class = SlugMultipleChoiceField


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    label: str
    values: list[FacetValue] = field(default_factory=list)

    @property
    def selected_count(self) -> int:
        return sum(1 for value in self.values if value.selected)


class FacetForm(DsfrBaseForm):
    """The facet form: `text_fields` rendered by `text_template`, every other field by `choice_template` (a
    checkbox fieldset); a subclass names both templates.

    No « (optionnel) » marks: every filter is optional.
    """

    text_fields: frozenset[str] = frozenset({"q"})
    text_template: str = ""
    choice_template: str = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, form_field in self.fields.items():
            form_field.template_name = self.text_template if name in self.text_fields else self.choice_template


class FacetFilterSet(django_filters.FilterSet):
    """A FilterSet that only validates the query string: the app's selector filters from the cleaned values,
    so each facet's counts apply exactly the same rules as the results."""

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        # django-filter deep-copies every filter for each instance (a third of a millisecond for the catalogue's),
        # for the filtering these filtersets never do: the copies are made only when something reads `filters`.
        self.is_bound = data is not None
        self.data = data or QueryDict()
        self.queryset = self._meta.model._default_manager.all() if queryset is None else queryset
        self.request = request
        self.form_prefix = prefix

    @property
    def filters(self) -> dict:
        filters = self.__dict__.get("_filters")
        if filters is None:
            filters = self.__dict__["_filters"] = copy.deepcopy(self.base_filters)
            for filter_ in filters.values():
                filter_.model = self.queryset.model
                filter_.parent = self
        return filters

    def filter_nothing(self, queryset, name, value):
        return queryset

    def get_form_class(self):
        # django-filter builds a new form class (and a field per filter) for every filterset; these filtersets never
        # change their filters per instance, so one class per filterset class is built, on first use.
        form_class = type(self).__dict__.get("_form_class")
        if form_class is None:
            form_class = super().get_form_class()
            type(self)._form_class = form_class
        return form_class

    @property
    def data_cleaned(self) -> dict:
        """The valid part of the query string: an invalid value is ignored rather than failing the page."""
        form = self.form
        form.is_valid()
        return getattr(form, "cleaned_data", {})

    def search_terms(self) -> str:
        return (self.data_cleaned.get("q") or "").strip()

    def selected(self, name: str) -> list[str]:
        return list(self.data_cleaned.get(name) or [])
