"""A faceted list cleans a valid query string without building its form, to exactly the form's values, and writes
the search field as the form does; a value the form would refuse builds the form, whose errors the page shows."""

from django.http import QueryDict
from hypothesis import given, settings
from hypothesis import strategies as st

from catalogue.filters import ServiceFilter
from common.facets import quick_cleaned
from resources.filters import ResourceFilter

# Keys of both filters, others the forms ignore, and values valid for some field, invalid for others, or hostile.
KEYS = [
    "q",
    "theme",
    "ia",
    "type",
    "taille",
    "programme",
    "maturite",
    "hebergement",
    "licence",
    "tri",
    "public",
    "page",
]
VALUES = [
    "",
    " ",
    "données",
    "  école  ",
    "oui",
    "non",
    "peut-être",
    "commune",
    "petite",
    "MIT",
    "EUPL-1.2",
    "nom",
    "adopteurs",
    "pertinence",
    "Mauvais Slug",
    "donnees",
    "x" * 201,
    "a\x00b",
    "<script>alert('x')</script>&\"",
    "elus",
    "guide",
]
pairs = st.lists(st.tuples(st.sampled_from(KEYS), st.sampled_from(VALUES)), max_size=6)


def _query(items: list[tuple[str, str]]) -> QueryDict:
    query = QueryDict(mutable=True)
    for key, value in items:
        query.appendlist(key, value)
    return query


@settings(max_examples=300, deadline=None)
@given(items=pairs, filter_class=st.sampled_from([ServiceFilter, ResourceFilter]))
def test_the_quick_cleaning_equals_the_form_or_leaves_the_page_to_it(items, filter_class):
    query = _query(items)
    form = filter_class(query).form
    valid = form.is_valid()
    quick = quick_cleaned(filter_class().get_form_class(), query)
    if quick is None:
        assert not valid, query.urlencode()
    else:
        assert valid, query.urlencode()
        assert quick == form.cleaned_data, query.urlencode()


@settings(max_examples=200, deadline=None)
@given(items=pairs)
def test_the_search_field_is_written_as_the_form_writes_it(items):
    query = _query(items)
    fast = ServiceFilter(query)
    html = fast.text_field_html("q")
    form = ServiceFilter(query).form
    valid = form.is_valid()  # as the page does: the list is filtered before its fields are written
    assert html == form["q"].as_field_group(), query.urlencode()
    # The form was built only for an invalid query string: its errors are then shown.
    assert fast.form_built == (not valid)


def test_an_unbound_list_is_cleaned_empty_without_its_form():
    unbound = ServiceFilter(None)
    assert unbound.data_cleaned == {}
    assert unbound.sort() == "pertinence"
    assert unbound.text_field_html("q") == ServiceFilter(None).form["q"].as_field_group()
    assert not unbound.form_built


def test_a_filter_field_of_an_unknown_kind_leaves_the_cleaning_to_the_form():
    from django import forms

    class WithDate(forms.Form):
        day = forms.DateField(required=False)

    assert quick_cleaned(WithDate, QueryDict("day=2026-11-28")) is None
    assert quick_cleaned(ServiceFilter().get_form_class(), {"q": "données"}) is None  # not a query string
