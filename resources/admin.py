"""ANCT back-office of the resource library: national content, edited by staff holding the model permissions."""

from django import forms
from django.contrib import admin
from django.db import models
from django.utils.html import format_html

from resources.enums import CollectiviteSize
from resources.models import Resource
from resources.rendering import render_markdown


class ResourceAdminForm(forms.ModelForm):
    sizes = forms.MultipleChoiceField(
        label="Tailles de collectivité concernées",
        choices=CollectiviteSize.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Aucune case cochée : toutes les tailles.",
    )

    source_url = forms.URLField(label="Adresse de la source", max_length=500, required=False, assume_scheme="https")

    class Meta:
        model = Resource
        fields = [
            "title", "slug", "kind", "summary", "themes", "audience", "sizes", "body",
            "problem", "data_used", "approach", "results", "adopters", "ethics",
            "source_publisher", "source_date", "source_url", "source_licence", "source_status",
            "is_published", "updated_on",
        ]  # fmt: skip
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "body": forms.Textarea(attrs={"rows": 30, "cols": 100}),
            **{
                name: forms.Textarea(attrs={"rows": 5, "cols": 100})
                for name in ["problem", "data_used", "approach", "results", "adopters", "ethics"]
            },
        }


@admin.register(Resource)
class ResourceAdmin(admin.ModelAdmin):
    form = ResourceAdminForm
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}  # Django 6 default, without the warning
    list_display = ["title", "kind", "audience", "source_status", "is_published", "updated_on"]
    list_filter = ["kind", "audience", "is_published", "source_status", "themes"]
    list_editable = ["is_published"]
    search_fields = ["title", "slug", "summary", "source_publisher"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["themes"]
    date_hierarchy = "updated_on"
    readonly_fields = ["reading_minutes", "preview"]
    save_on_top = True
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "summary", "themes", ("audience", "sizes")]}),
        ("Contenu", {"fields": ["body", "preview", "reading_minutes"]}),
        (
            "Cas d’usage",
            {
                "description": "À remplir pour un cas d’usage (Markdown simple) ; laisser vide pour les autres types.",
                "fields": ["problem", "data_used", "approach", "results", "adopters", "ethics"],
            },
        ),
        (
            "Source",
            {"fields": ["source_publisher", "source_date", "source_url", "source_licence", "source_status"]},
        ),
        ("Publication", {"fields": ["is_published", "updated_on"]}),
    ]

    @admin.display(description="aperçu du contenu (après enregistrement)")
    def preview(self, obj: Resource):
        if obj is None or not obj.body:
            return "—"
        rendered = render_markdown(obj.body)
        return format_html('<div class="tia-admin-preview">{}</div>', rendered.html)
