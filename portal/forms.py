"""The form renderer shared by every form of the portal."""

from dsfr.forms import DsfrDjangoTemplates


class DsfrRenderer(DsfrDjangoTemplates):
    """django-dsfr's renderer (DSFR field templates first, then Django's), used as FORM_RENDERER.

    django-dsfr otherwise instantiates a renderer, hence a template engine without cache, for each
    form: every page with a form recompiled the field templates (about 30 ms). As FORM_RENDERER it
    is built once by `get_default_renderer()` and its compiled templates are kept.
    """

    # Our version of django-dsfr's generic field snippet: the help text sits outside the <label> (RGAA 8.2: a
    # list is not allowed in a label, and a long hint made the field's name ~300 characters, read twice).
    # The form snippet states the rule behind the « (Optionnel) » marks (RGAA 11.10).
    TEMPLATE_OVERRIDES = {
        "dsfr/form_field_snippets/input_snippet.html": "portal/forms/input_snippet.html",
        "dsfr/form_snippet.html": "portal/forms/form_snippet.html",
    }

    def get_template(self, template_name: str):
        return super().get_template(self.TEMPLATE_OVERRIDES.get(template_name, template_name))
