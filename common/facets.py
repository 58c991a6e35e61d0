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
from html import escape

import django_filters
import django_filters.fields
from django import forms
from django.http import QueryDict
from django.utils.safestring import SafeString, mark_safe
from dsfr.forms import DsfrBaseForm

from common.memo import ProcessMemo

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


# The fields quick_cleaned() knows, each cleaned the way Django cleans it (the fast path is tested against the form).
_CHOICE_FIELDS = (SlugMultipleChoiceField, django_filters.fields.MultipleChoiceField)
_MARKER = "tia-valeur-du-champ"


def quick_cleaned(form_class: type[forms.Form], data) -> dict | None:
    """The form's cleaned_data for `data`, without building the form (every field deep-copied, then cleaned one by
    one: a third of a catalogue search's Python time), or None when a value would be an error, or a field is of a
    kind this does not know: the form then says what is wrong."""
    if not isinstance(data, QueryDict):
        return None
    cleaned: dict = {}
    for name, form_field in form_class.base_fields.items():
        kind = type(form_field)
        if kind is forms.CharField:
            value = data.get(name)
            if value in form_field.empty_values:
                cleaned[name] = form_field.empty_value
                continue
            value = str(value).strip() if form_field.strip else str(value)
            if value in form_field.empty_values:
                cleaned[name] = form_field.empty_value
                continue
            if "\x00" in value or (form_field.max_length is not None and len(value) > form_field.max_length):
                return None
            cleaned[name] = value
        elif kind in _CHOICE_FIELDS:
            values = [str(value) for value in data.getlist(name)]
            if not all(form_field.valid_value(value) for value in values):
                return None
            cleaned[name] = values
        elif kind is django_filters.fields.ChoiceField:
            value = data.get(name)
            value = "" if value in form_field.empty_values else str(value)
            if value and not form_field.valid_value(value):
                return None
            cleaned[name] = value
        else:
            return None
    return cleaned


_text_shells = ProcessMemo(max_entries=64, seconds=24 * 3600)  # the markup is the code's: it never goes stale


def _text_field_shells(form_class: type[forms.Form], name: str) -> tuple[SafeString, SafeString]:
    """The field group of a text field rendered once per worker: empty, and with a marker where the value goes."""

    def build() -> tuple[SafeString, SafeString]:
        empty = form_class(QueryDict())[name].as_field_group()
        marked = form_class(QueryDict(f"{name}={_MARKER}"))[name].as_field_group()
        if marked.count(_MARKER) != 1:
            raise ValueError(f"{form_class.__name__}.{name} : la valeur doit apparaître une fois")
        return empty, marked

    return _text_shells.get_or_build((form_class.__module__, form_class.__qualname__, name), build)


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
        return self.cleaned_values()

    def cleaned_values(self) -> dict:
        """data_cleaned, computed on first use: without the form when every value is valid, by the form otherwise
        (which is then built, its errors to be shown)."""
        cleaned = self.__dict__.get("_cleaned")
        if cleaned is None:
            if not self.is_bound:
                cleaned = {}  # an unbound form is not valid: no cleaned_data
            elif not self.form_prefix:
                cleaned = quick_cleaned(self.get_form_class(), self.data)
            if cleaned is None:
                form = self.form
                form.is_valid()
                cleaned = getattr(form, "cleaned_data", {})
            self.__dict__["_cleaned"] = cleaned
        return cleaned

    @property
    def form_built(self) -> bool:
        """Whether the form was built (an invalid value, or a caller asked for it): its errors are to be shown."""
        return "_form" in self.__dict__

    def submitted(self, name: str) -> list[str]:
        """The values submitted for the field `name`, as its bound field's value() gives them."""
        if self.form_built:
            return [str(value) for value in self.form[name].value() or []]
        return [str(value) for value in self.data.getlist(name)] if self.is_bound else []

    def text_field_html(self, name: str) -> SafeString:
        """The field group of the text field `name`, as the form renders it, without building the form when every
        value of the query string is valid (the form renders it otherwise, with its errors)."""
        self.cleaned_values()  # builds the form when a value is invalid
        if self.form_built:
            return self.form[name].as_field_group()
        value = self.data.get(name) if self.is_bound else None
        empty, marked = _text_field_shells(self.get_form_class(), name)
        if value is None or value == "":
            return empty
        return mark_safe(marked.replace(_MARKER, escape(value)))  # noqa: S308 (the form's markup, the value escaped)

    def search_terms(self) -> str:
        return (self.data_cleaned.get("q") or "").strip()

    def selected(self, name: str) -> list[str]:
        return list(self.data_cleaned.get(name) or [])
