"""The facet form of the catalogue's and the library's lists: the generic machinery is common.facets; this names the
DSFR templates of its text inputs and checkbox groups (catalogue/templates/catalogue/forms/).

The other names are re-exported for resources.filters and resources.selectors until they import common.facets.
"""

from common import facets
from common.facets import Facet, FacetFilterSet, FacetValue, SlugMultipleChoiceFilter

__all__ = ["Facet", "FacetFilterSet", "FacetForm", "FacetValue", "SlugMultipleChoiceFilter"]


class FacetForm(facets.FacetForm):
    text_template = "catalogue/forms/input.html"
    choice_template = "catalogue/forms/facet.html"
