"""Admin change lists without a template render or a field lookup per cell.

- `action_checkbox`: the per-row action checkbox as plain HTML.
- `LeanChangeListAdmin`: a change list whose page of rows loads only the columns it shows (`list_only`).
- `filter_choices_html`: a filter's choices as Django's admin/filter.html loops over them, in one pass.
- `ScopedChoicesMixin`, `ScopedRowsMixin`: an admin that shows only the rows a condition on the user allows, and
  offers in its forms only the related rows their own admin shows. The condition is the domain's (accounts.admin
  gives the staff member's territorial scope): this package imports no app.
- `lean_results`: the rows of a change list, each cell built by a renderer decided once per column (field, display
  method, link, empty value), then one string per row. Django's `items_for_result` resolves the field, the empty
  value, the change URL and the preserved filters again for each of the 700 cells of a 100-row, 7-column list,
  and the template then renders each cell: most of the CPU of the national staff lists (issue 13). The markup is
  the same, byte for byte (tests/portal/test_admin_change_list_rendering.py compares both on every list).
"""

import datetime
from collections.abc import Callable, Iterator

from django.contrib import admin
from django.contrib.admin import helpers
from django.contrib.admin.templatetags import admin_list
from django.contrib.admin.templatetags.admin_urls import add_preserved_filters
from django.contrib.admin.utils import (
    FieldIsAForeignKeyColumnName,
    _get_non_gfk_field,
    display_for_field,
    display_for_value,
    lookup_field,
)
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist
from django.db import models
from django.db.models import Q
from django.template.base import render_value_in_context
from django.urls import NoReverseMatch
from django.utils.encoding import iri_to_uri
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

_django_results = admin_list.results
_PK_MARK = "9182736450"  # stands for the primary key in the change URL built once per list; digits survive reverse()


def action_checkbox(model_admin, obj) -> SafeString:
    """The same markup as Django's `ModelAdmin.action_checkbox`, without a template render per row.

    Django renders that checkbox through the project-wide FORM_RENDERER (django-dsfr's template
    renderer here): about 40 % of a 100-row change list's time. The markup is Django's
    `django/forms/widgets/input.html` for an unchecked CheckboxInput with these attributes.
    """
    label = _("Select this object for an action - {}").format(conditional_escape(str(obj)))
    return mark_safe(  # noqa: S308 (the values are escaped; the label is format_html's trusted format string)
        f'<input type="checkbox" name="{helpers.ACTION_CHECKBOX_NAME}" value="{conditional_escape(str(obj.pk))}"'
        f' class="action-select" aria-label="{label}">'
    )


class LeanChangeList(ChangeList):
    """Django's change list; the page of rows is read with `.only(*model_admin.list_only)` when it is set.

    Only the page: the count, the actions, the exports and the change view keep the full rows. A model of 20
    columns joined to two more cost 6–10 ms of CPU for 100 rows, mostly building fields no column shows.
    """

    def get_results(self, request) -> None:
        fields = getattr(self.model_admin, "list_only", ())
        if not fields:
            super().get_results(request)
            return
        full = self.queryset
        self.queryset = full.only(*fields)
        try:
            super().get_results(request)
        finally:
            self.queryset = full


class LeanChangeListAdmin(admin.ModelAdmin):
    """A ModelAdmin whose list page reads only `list_only` (the fields its columns and `__str__` use: a field left
    out costs one query per row, which the list's query-count test catches)."""

    list_only: tuple[str, ...] = ()

    def get_changelist(self, request, **kwargs):
        return LeanChangeList


class ScopedChoicesMixin:
    """A related object offered (or accepted) in a form is one the staff member's admin of that model shows them.

    Django offers every row of the related table by default, and validates the posted id against it: a
    chargé de mission could then pick any collectivité or any person, whatever the widget (select,
    autocomplete, raw id). Superusers keep every row.
    """

    def get_field_queryset(self, db, db_field, request):
        related_admin = self.admin_site._registry.get(db_field.remote_field.model)
        if related_admin is None or request.user.is_superuser:
            return super().get_field_queryset(db, db_field, request)
        return related_admin.get_queryset(request).using(db)


class ScopedRowsMixin:
    """The admin shows the rows that match `rows_condition(request)`: None shows none, `Q()` every row."""

    def rows_condition(self, request) -> Q | None:
        raise NotImplementedError

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        condition = self.rows_condition(request)
        return queryset.none() if condition is None else queryset.filter(condition)


def _change_url(cl) -> Callable[[object], str] | None:
    """The escaped link target of a row, from a URL reversed once; None when rows have no change page."""
    pk_field = cl.lookup_opts.pk
    if not isinstance(pk_field, models.IntegerField):  # AutoField and BigAutoField are IntegerFields
        return lambda result: conditional_escape(_preserved(cl, cl.url_for_result(result)))
    try:
        url = _preserved(cl, cl.url_for_result(type("Row", (), {cl.pk_attname: _PK_MARK})()))
    except NoReverseMatch:
        return None
    before, _mark, after = conditional_escape(url).partition(_PK_MARK)
    attname = cl.pk_attname
    return lambda result: f"{before}{getattr(result, attname)}{after}"


def _preserved(cl, url: str) -> str:
    return add_preserved_filters({"preserved_filters": cl.preserved_filters, "opts": cl.opts}, url)


def _value_getter(cl, name) -> tuple[models.Field | None, object, Callable[[object], object]] | None:
    """(field, attr, value of a row) for a column, resolved as `lookup_field` does; None: resolve it per row."""
    model_admin = cl.model_admin
    try:
        field = _get_non_gfk_field(cl.lookup_opts, name)
    except (FieldDoesNotExist, FieldIsAForeignKeyColumnName):
        if callable(name):
            return None, name, name
        if hasattr(model_admin, name) and name != "__str__":
            method = getattr(model_admin, name)
            return None, method, method
        return None  # a model attribute, property or related lookup: Django's own resolution, per row
    return field, None, lambda result: getattr(result, name)


def _field_display(field: models.Field, empty, is_link: bool) -> Callable[[object], object]:
    """`display_for_field` for one column, with what does not depend on the value worked out once: a field's
    choices are flattened into a new dict at every call of Django's."""
    if getattr(field, "flatchoices", None):
        choices = dict(field.flatchoices)

        def with_choices(value):
            try:
                return choices.get(value, empty)
            except TypeError:  # an unhashable value: Django's own fallback
                return display_for_field(value, field, empty, avoid_link=is_link)

        return with_choices
    if type(field) in (models.CharField, models.TextField, models.SlugField):
        empty_values = field.empty_values
        return lambda value: empty if value in empty_values else str(value)
    return lambda value: display_for_field(value, field, empty, avoid_link=is_link)


def _cell(cl, name, index: int, is_link: bool, is_first: bool) -> Callable[[object], str]:
    """A function that renders this column's cell for a row, as `items_for_result` would."""
    empty = cl.model_admin.get_empty_value_display()
    field_class = admin_list._coerce_field_name(name, index)
    getter = _value_getter(cl, name)
    url_of = _change_url(cl) if is_link else None
    tag = "th" if is_link and is_first else "td"
    display = None
    if getter is not None and getter[0] is not None and not getter[0].auto_created:
        display = _field_display(getter[0], empty, is_link)

    def cell(result) -> str:
        classes = [f"field-{field_class}"]
        shown_empty = empty
        try:
            if getter is None:
                field, attr, value = lookup_field(name, result, cl.model_admin)
            else:
                field, attr, read = getter
                value = read(result)
        except ObjectDoesNotExist:
            shown = shown_empty
        else:
            shown_empty = getattr(attr, "empty_value_display", shown_empty)
            if isinstance(value, str) and value.strip() == "":
                value = ""
            if field is None or field.auto_created:
                if name == "action_checkbox":
                    classes = ["action-checkbox"]
                boolean = getattr(attr, "boolean", False)
                if isinstance(attr, property) and hasattr(attr, "fget"):
                    boolean = getattr(attr.fget, "boolean", False)
                shown = display_for_value(value, shown_empty, boolean)
                if isinstance(value, datetime.date | datetime.time):
                    classes.append("nowrap")
            else:
                if isinstance(field.remote_field, models.ManyToOneRel):
                    related = getattr(result, field.name)
                    shown = shown_empty if related is None else related
                elif display is not None and shown_empty is empty:
                    shown = display(value)
                else:
                    shown = display_for_field(value, field, shown_empty, avoid_link=is_link)
                if isinstance(field, models.DateField | models.TimeField | models.ForeignKey):
                    classes.append("nowrap")
        content = conditional_escape(shown)
        if url_of is not None:
            content = f'<a href="{url_of(result)}">{content}</a>'
        return f'<{tag} class="{" ".join(classes)}">{content}</{tag}>'

    return cell


def _row_renderer(cl) -> Callable[[object], SafeString]:
    cells = []
    links = cl.list_display_links
    first = True
    for index, name in enumerate(cl.list_display):
        is_link = links is not None and ((first and not links) or name in links)
        cells.append(_cell(cl, name, index, is_link, first))
        if is_link:
            first = False
    return lambda result: mark_safe("".join(cell(result) for cell in cells))  # noqa: S308 (cells escape their values)


def lean_results(cl) -> Iterator[admin_list.ResultList]:
    """Django's `admin_list.results`: one item per row (its cells joined), which the template prints as it would
    print the cells one by one. Editable lists, pop-ups and `to_field` lists keep Django's path."""
    if cl.formset or cl.is_popup or cl.to_field:
        yield from _django_results(cl)
        return
    row = _row_renderer(cl)
    for result in cl.result_list:
        yield admin_list.ResultList(None, [row(result)])


def django_results(cl) -> Iterator[admin_list.ResultList]:
    """Django's own rows (the reference the lean rows are compared with)."""
    return _django_results(cl)


def filter_choices_html(context, choices) -> SafeString:
    """What the `{% for choice in choices %}` loop of Django's admin/filter.html prints, byte for byte (compared in
    tests/portal/test_admin_change_list_rendering.py), without a template node per choice."""
    parts = []
    for choice in choices:  # Django's filters yield dicts
        selected = ' class="selected"' if choice.get("selected") else ""
        href = render_value_in_context(iri_to_uri(choice["query_string"]), context)
        display = render_value_in_context(choice["display"], context)
        parts.append(f'\n    <li{selected}>\n    <a href="{href}">{display}</a></li>\n  ')
    return mark_safe("".join(parts))  # noqa: S308 (values escaped by render_value_in_context)
