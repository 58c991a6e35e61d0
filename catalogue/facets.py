"""Faceted search building blocks shared by the catalogue and the resources library.

A facet is a multiple-choice filter whose values carry their count for the current result.
Facet values that live in the database (themes, programmes) are accepted as any slug: an
unknown one simply matches nothing instead of raising a form error.
"""

import re
from dataclasses import dataclass, field

import django_filters
from django import forms

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
