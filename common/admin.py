"""Admin change lists without a template render or a field lookup per cell.

- `action_checkbox`: the per-row action checkbox as plain HTML.
- `LeanChangeListAdmin`: a change list whose page of rows loads only the columns it shows (`list_only`).
- `LeanChangeListAdmin.kept_list_tokens`: the whole change list page kept in the cache per viewer and query string,
  under version tokens the writes of what it shows move.
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
import hashlib
import html
from collections.abc import Callable, Iterator
from urllib.parse import quote_plus

from django.conf import settings
from django.contrib import admin, messages
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
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.template import Context, engines
from django.template.base import render_value_in_context
from django.template.response import SimpleTemplateResponse, TemplateResponse
from django.urls import NoReverseMatch
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.encoding import iri_to_uri
from django.utils.formats import get_format
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from common.fragments import entry_at_tokens, keep_at_tokens
from common.memo import ProcessMemo

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
    """Django's change list; the page of rows is read with `.only(*model_admin.list_only)` when it is set, and
    through `model_admin.page_rows(rows)` when the admin has one (annotations only the page's columns need: the
    count, the filters and the searches go without them).

    Only the page: the count, the actions, the exports and the change view keep the full rows. A model of 20
    columns joined to two more cost 6–10 ms of CPU for 100 rows, mostly building fields no column shows.
    """

    def get_query_string(self, new_params=None, remove=None) -> str:
        """Django's, without its copies and two layers of encoding for a list shown unfiltered: each filter choice
        and sortable column asks for one (about 190 on the project list)."""
        if self.filter_params or (new_params and len(new_params) > 1):
            return super().get_query_string(new_params, remove)
        if not new_params:
            return "?"
        [(key, value)] = new_params.items()
        if value is None:
            return "?"
        if type(key) is not str or type(value) not in (str, int):
            return super().get_query_string(new_params, remove)
        return f"?{quote_plus(key)}={quote_plus(str(value))}"

    def get_results(self, request) -> None:
        fields = getattr(self.model_admin, "list_only", ())
        if not fields:
            super().get_results(request)
        else:
            full = self.queryset
            self.queryset = full.only(*fields)
            try:
                super().get_results(request)
            finally:
                self.queryset = full
        page_rows = getattr(self.model_admin, "page_rows", None)
        if page_rows is not None:
            self.result_list = page_rows(self.result_list)


# Stands for the request's CSRF token in a kept change list page (its action form and the logout form carry one).
_CSRF_STAND_IN = "kept-change-list-csrf-token"
KEPT_LIST_SECONDS = 600


class LeanChangeListAdmin(admin.ModelAdmin):
    """A ModelAdmin whose list page reads only `list_only` (the fields its columns and `__str__` use: a field left
    out costs one query per row, which the list's query-count test catches).

    With `kept_list_tokens`, the change list page (GET, no message to show) is kept in the cache, keyed by the query
    string and `kept_list_variant` (the viewer: what of them the page shows and what decides its rows and actions),
    and served while none of those version tokens (common.fragments) has moved: every write of what the list shows,
    counts and filters included, must move one of them. Building the page cost ~20 ms of CPU and 4–6 queries for
    50 rows (issue 13); serving it, one cache round trip. The permission checks of the admin site (staff, second
    factor) run before, as for any admin page.
    """

    list_only: tuple[str, ...] = ()
    kept_list_tokens: tuple[str, ...] = ()
    keep_lists = True  # off in the tests that compare renderings

    def get_changelist(self, request, **kwargs):
        return LeanChangeList

    def kept_list_variant(self, request: HttpRequest) -> list[str]:
        """What the page shows of the viewer besides the rows: their name in the header, their rights (actions, the
        add button). Admins that scope rows by the viewer add what decides the rows."""
        user = request.user
        return [str(user.pk), user.get_username(), user.get_short_name(), str(user.is_superuser), str(user.is_staff)]

    def _kept_list_key(self, request: HttpRequest) -> str | None:
        if not (self.kept_list_tokens and self.keep_lists) or request.method != "GET":
            return None
        if len(messages.get_messages(request)):  # shown once, by the page rendered for them
            return None
        query = sorted((key, value) for key, values in request.GET.lists() for value in values)
        raw = repr([get_language(), request.path, query, self.kept_list_variant(request)])
        return f"admin:kept-list:{self.opts.label_lower}:" + hashlib.sha256(raw.encode()).hexdigest()

    def changelist_view(self, request, extra_context=None):
        key = self._kept_list_key(request)
        if key is None:
            return super().changelist_view(request, extra_context)
        content, tokens = entry_at_tokens(key, self.kept_list_tokens)
        if content is not None:
            response = HttpResponse(content_type="text/html; charset=utf-8")
        else:
            response = super().changelist_view(request, {**(extra_context or {}), "csrf_token": _CSRF_STAND_IN})
            if not isinstance(response, SimpleTemplateResponse):
                return response
            response.render()  # any page rendered with the stand-in gets the token (the admin's error page too)
            content = response.content
            if (
                isinstance(response, TemplateResponse)
                and response.status_code == 200
                and not len(messages.get_messages(request))
            ):
                keep_at_tokens(key, tokens, content, KEPT_LIST_SECONDS)
        response.content = content.replace(_CSRF_STAND_IN.encode(), get_token(request).encode())
        return response


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


def _escaped(value) -> str:
    """conditional_escape(value): for a plain str, html.escape itself (what Django's escape() calls)."""
    return html.escape(value) if type(value) is str else conditional_escape(value)


# Django's date format characters a column's dates are formatted with here: enough for the French DATE_FORMAT and
# DATETIME_FORMAT ("j F Y", "j F Y H:i"); any other format goes through Django's dateformat.
_DATE_PARTS: dict[str, Callable[[datetime.date], str]] = {
    "j": lambda d: str(d.day),
    "d": lambda d: f"{d.day:02d}",
    "n": lambda d: str(d.month),
    "m": lambda d: f"{d.month:02d}",
    "Y": lambda d: f"{d.year:04d}",
    "y": lambda d: f"{d.year % 100:02d}",
}
_TIME_PARTS: dict[str, Callable[[datetime.datetime], str]] = {
    "H": lambda d: f"{d.hour:02d}",
    "G": lambda d: str(d.hour),
    "i": lambda d: f"{d.minute:02d}",
    "s": lambda d: f"{d.second:02d}",
}


def _date_formatter(format_string: str, with_time: bool) -> Callable[[datetime.date], str] | None:
    """What django.utils.dateformat.format(value, format_string) returns, as one function decided once for a
    column (Django parses the format and builds a formatter object for each value); None for a format it does not
    handle (other characters, escapes)."""
    months = {number: str(name) for number, name in MONTHS.items()}  # this request's language
    parts: list[Callable[[datetime.date], str] | str] = []
    known = {**_DATE_PARTS, **(_TIME_PARTS if with_time else {})}
    for char in format_string:
        if char == "F":
            parts.append(lambda d: months[d.month])
        elif char in known:
            parts.append(known[char])
        elif char.isalpha() or char == "\\":
            return None
        else:
            parts.append(char)
    return lambda value: "".join(part if type(part) is str else part(value) for part in parts)


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
    if type(field) in (models.DateTimeField, models.DateField):
        with_time = type(field) is models.DateTimeField
        formatter = _date_formatter(get_format("DATETIME_FORMAT" if with_time else "DATE_FORMAT"), with_time)
        if formatter is not None:
            if with_time:
                current = timezone.get_current_timezone()  # this request's, read once for the column

                def local(value):
                    # timezone.template_localtime, without reading the current time zone for each value
                    if (
                        settings.USE_TZ
                        and isinstance(value, datetime.datetime)
                        and not timezone.is_naive(value)
                        and getattr(value, "convert_to_local_time", True)
                    ):
                        return value.astimezone(current)
                    return value

                return lambda value: empty if value is None else formatter(local(value))
            return lambda value: empty if value is None else formatter(value)
    return lambda value: display_for_field(value, field, empty, avoid_link=is_link)


def _checkbox_cell() -> Callable[[object], str]:
    """The cell of `action_checkbox` (the function above, installed on ModelAdmin): its label's translation looked up
    once for the list, not once per row."""
    label = _("Select this object for an action - {}")
    start = f'<td class="action-checkbox"><input type="checkbox" name="{helpers.ACTION_CHECKBOX_NAME}" value="'

    def cell(result) -> str:
        shown = label.format(_escaped(str(result)))
        return f'{start}{_escaped(str(result.pk))}" class="action-select" aria-label="{shown}"></td>'

    return cell


def _cell(cl, name, index: int, is_link: bool, is_first: bool) -> Callable[[object], str]:
    """A function that renders this column's cell for a row, as `items_for_result` would."""
    if name == "action_checkbox" and not is_link and type(cl.model_admin).action_checkbox is action_checkbox:
        return _checkbox_cell()
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
        content = _escaped(shown)
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


def _in_context(value, context) -> str:
    """render_value_in_context(value, context); a plain str needs only its escaping (no date, no number)."""
    if type(value) is str and context.autoescape:
        return html.escape(value)
    return render_value_in_context(value, context)


def filter_choices_html(context, choices) -> SafeString:
    """What the `{% for choice in choices %}` loop of Django's admin/filter.html prints, byte for byte (compared in
    tests/portal/test_admin_change_list_rendering.py), without a template node per choice."""
    parts = []
    for choice in choices:  # Django's filters yield dicts
        selected = ' class="selected"' if choice.get("selected") else ""
        href = _in_context(iri_to_uri(choice["query_string"]), context)
        display = _in_context(choice["display"], context)
        parts.append(f'\n    <li{selected}>\n    <a href="{href}">{display}</a></li>\n  ')
    return mark_safe("".join(parts))  # noqa: S308 (values escaped by render_value_in_context)


# The actions-form block of Django's admin/actions.html (templates/admin/actions.html prints it through
# action_fields_html): the action select rendered through the site's form renderer, ~1.5 ms per list page.
_ACTION_FIELDS = (
    "{% for field in action_form %}{% if field.label %}<label>{{ field.label }} {{ field }}</label>"
    "{% else %}{{ field }}{% endif %}{% endfor %}"
)
_action_fields = ProcessMemo(max_entries=256, seconds=3600)


def _render_action_fields(action_form) -> SafeString:
    template = engines["django"].from_string(_ACTION_FIELDS)
    return mark_safe(template.template.render(Context({"action_form": action_form})))  # noqa: S308 (autoescaped)


def action_fields_html(action_form) -> SafeString:
    """What that block prints for `action_form`; for the unbound ActionForm of a change list, kept in this worker's
    memory under its action choices (the admin's actions the viewer may run) and the language: nothing else of
    the viewer or of the request goes into it."""
    if action_form.is_bound or type(action_form) is not helpers.ActionForm:
        return _render_action_fields(action_form)
    choices = tuple((str(value), str(label)) for value, label in action_form.fields["action"].choices)
    return _action_fields.get_or_build((get_language(), choices), lambda: _render_action_fields(action_form))


# admin/filter.html rendered per filter and list page (5 filters, ~100 choices for the départements): its output is
# a function of the filter's title and choices alone, kept in this worker's memory under them.
_FILTER_TEMPLATE = "admin/filter.html"
_list_filters = ProcessMemo(max_entries=512, seconds=3600)


def lean_list_filter(cl, spec) -> SafeString:
    """Django's `admin_list_filter` tag; for a filter rendered by admin/filter.html, its HTML kept under what it
    prints (title, and each choice's selection, link and label): the key is the content, so it cannot go stale."""
    choices = list(spec.choices(cl))
    if spec.template != _FILTER_TEMPLATE:
        return admin_list.get_template(spec.template).render({"title": spec.title, "choices": choices, "spec": spec})
    key = (
        get_language(),
        str(spec.title),
        tuple((bool(choice.get("selected")), choice["query_string"], str(choice["display"])) for choice in choices),
    )
    context = {"title": spec.title, "choices": choices, "spec": spec}
    return _list_filters.get_or_build(key, lambda: admin_list.get_template(_FILTER_TEMPLATE).render(context))
