"""Import and export of services (CSV, JSON) with django-import-export, used by the back-office and the services.

Columns are the field names; choices accept the stored value or its French label; lists (themes, kinds of
collectivité, sizes) are separated by « ; ». Every problem of a row is reported as a validation error of that row.
"""

from django.core.exceptions import ValidationError
from import_export import fields, resources, widgets

from catalogue.enums import (
    Accessibility,
    CollectiviteKind,
    CollectiviteSize,
    CostModel,
    Hosting,
    Maturity,
    PublisherKind,
)
from catalogue.indexing import refresh_adopter_counts, refresh_search_index
from catalogue.licences import canonical_licence
from catalogue.models import KIND_FIELDS, SIZE_FIELDS, Publisher, Service, Theme

LIST_SEPARATOR = ";"


def _split(value) -> list[str]:
    text = str(value or "").replace(",", LIST_SEPARATOR)
    return [part.strip() for part in text.split(LIST_SEPARATOR) if part.strip()]


def _choice(choices_class, value, *, default=None) -> str:
    text = str(value or "").strip()
    if not text:
        if default is not None:
            return default
        raise ValueError("valeur obligatoire.")
    for choice_value, label in choices_class.choices:
        if text.lower() in {choice_value.lower(), str(label).lower()}:
            return choice_value
    allowed = ", ".join(choices_class.values)
    raise ValueError(f"« {text} » n’est pas une valeur possible ({allowed}).")


class ChoiceWidget(widgets.Widget):
    def __init__(self, choices_class, default=None, **kwargs):
        self.choices_class = choices_class
        self.default = default
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        return _choice(self.choices_class, value, default=self.default)


class LicenceWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        licence = canonical_licence(str(value or ""))
        if licence is None:
            raise ValueError(f"« {value or ''} » n’est pas un identifiant SPDX de licence libre reconnu.")
        return licence


class BooleanWidget(widgets.Widget):
    TRUE = {"1", "true", "vrai", "oui", "yes", "x"}
    FALSE = {"", "0", "false", "faux", "non", "no"}

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, bool):
            return value
        text = str(value if value is not None else "").strip().lower()
        if text in self.TRUE:
            return True
        if text in self.FALSE:
            return False
        raise ValueError(f"« {value} » : attendu oui ou non.")

    def render(self, value, obj=None, **kwargs):
        return "oui" if value else "non"


class TextWidget(widgets.CharWidget):
    def clean(self, value, row=None, **kwargs):
        return "" if value is None else str(value).strip()


class PublisherWidget(widgets.ForeignKeyWidget):
    """A publisher by name, created when new (its kind from the `publisher_kind` column)."""

    def __init__(self, **kwargs):
        super().__init__(Publisher, field="name", **kwargs)

    def clean(self, value, row=None, **kwargs):
        name = str(value or "").strip()
        if not name:
            raise ValueError("l’éditeur est obligatoire.")
        kind = _choice(PublisherKind, (row or {}).get("publisher_kind"), default=PublisherKind.AUTRE)
        publisher, _created = Publisher.objects.get_or_create(name=name[:200], defaults={"kind": kind})
        return publisher


class ThemesWidget(widgets.ManyToManyWidget):
    def __init__(self, **kwargs):
        super().__init__(Theme, separator=LIST_SEPARATOR, field="slug", **kwargs)

    def clean(self, value, row=None, **kwargs):
        slugs = _split(value)
        themes = list(Theme.objects.filter(slug__in=slugs))
        unknown = sorted(set(slugs) - {theme.slug for theme in themes})
        if unknown:
            raise ValueError(f"thématique inconnue : {', '.join(unknown)}.")
        if not themes:
            raise ValueError("au moins une thématique est obligatoire.")
        return themes


class ServiceResource(resources.ModelResource):
    publisher = fields.Field(attribute="publisher", column_name="publisher", widget=PublisherWidget())
    publisher_kind = fields.Field(column_name="publisher_kind", readonly=True)
    licence = fields.Field(attribute="licence", column_name="licence", widget=LicenceWidget())
    maturity = fields.Field(attribute="maturity", column_name="maturity", widget=ChoiceWidget(Maturity))
    hosting = fields.Field(attribute="hosting", column_name="hosting", widget=ChoiceWidget(Hosting))
    accessibility = fields.Field(
        attribute="accessibility",
        column_name="accessibility",
        widget=ChoiceWidget(Accessibility, default=Accessibility.NOT_ASSESSED),
    )
    cost_model = fields.Field(
        attribute="cost_model", column_name="cost_model", widget=ChoiceWidget(CostModel, default=CostModel.FREE)
    )
    themes = fields.Field(attribute="themes", column_name="themes", widget=ThemesWidget())
    kinds = fields.Field(column_name="kinds", readonly=True)
    sizes = fields.Field(column_name="sizes", readonly=True)

    class Meta:
        model = Service
        import_id_fields = ["slug"]
        fields = [
            "name",
            "slug",
            "pitch",
            "description",
            "publisher",
            "publisher_kind",
            "licence",
            "source_code_url",
            "website",
            "maturity",
            "hosting",
            "themes",
            "kinds",
            "sizes",
            "uses_ai",
            "ai_description",
            "processes_personal_data",
            "accessibility",
            "cost_model",
            "cost_note",
            "contact_url",
            "contact_email",
            "is_published",
        ]
        export_order = fields
        clean_model_instances = True
        skip_unchanged = False
        report_skipped = False
        widgets = {
            "uses_ai": {},
            "processes_personal_data": {},
            "is_published": {},
        }

    @classmethod
    def widget_from_django_field(cls, f, default=widgets.Widget):
        from django.db import models

        if isinstance(f, models.BooleanField):
            return BooleanWidget
        if isinstance(f, models.CharField | models.TextField):
            return TextWidget
        return super().widget_from_django_field(f, default)

    # --- export of the computed columns ---

    def dehydrate_publisher_kind(self, service: Service) -> str:
        return service.publisher.kind if service.publisher_id else ""

    def dehydrate_kinds(self, service: Service) -> str:
        return LIST_SEPARATOR.join(kind for kind, field in KIND_FIELDS.items() if getattr(service, field))

    def dehydrate_sizes(self, service: Service) -> str:
        return LIST_SEPARATOR.join(size for size, field in SIZE_FIELDS.items() if getattr(service, field))

    def dehydrate_themes(self, service: Service) -> str:
        return LIST_SEPARATOR.join(theme.slug for theme in service.themes.all())

    def get_export_queryset(self, request=None):
        return Service.objects.select_related("publisher").prefetch_related("themes").order_by("name")

    # --- import of the computed columns and of the themes ---

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for column, choices_class, mapping in (
            ("kinds", CollectiviteKind, KIND_FIELDS),
            ("sizes", CollectiviteSize, SIZE_FIELDS),
        ):
            if column not in row:
                continue
            try:
                values = {_choice(choices_class, part) for part in _split(row[column])}
            except ValueError as error:
                errors.setdefault(column, []).append(ValidationError(str(error)))
                continue
            for value, field in mapping.items():
                setattr(instance, field, value in values)
        if "themes" in row:
            try:
                ThemesWidget().clean(row["themes"])
            except ValueError as error:
                errors.setdefault("themes", []).append(ValidationError(str(error)))
        if errors:
            raise ValidationError(errors)

    def after_import(self, dataset, result, **kwargs):
        """Keep the search index and the adopter counts right for every imported service (admin and services)."""
        if kwargs.get("dry_run") or result.has_errors() or result.has_validation_errors():
            return
        ids = [row.object_id for row in result.rows if row.object_id]
        refresh_search_index(service_ids=ids)
        refresh_adopter_counts(service_ids=ids)
