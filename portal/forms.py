"""The form renderer shared by every form of the portal."""

from dsfr.forms import DsfrDjangoTemplates


class DsfrRenderer(DsfrDjangoTemplates):
    """django-dsfr's renderer (DSFR field templates first, then Django's), used as FORM_RENDERER.

    django-dsfr otherwise instantiates a renderer, hence a template engine without cache, for each
    form: every page with a form recompiled the field templates (about 30 ms). As FORM_RENDERER it
    is built once by `get_default_renderer()` and its compiled templates are kept.
    """
