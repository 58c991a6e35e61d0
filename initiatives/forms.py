"""Forms of the gallery: publishing a case study, writing to its référents, filtering the gallery."""

from django import forms
from dsfr.forms import DsfrBaseForm

from catalogue.models import Theme
from initiatives.enums import Objective, SizeClass
from initiatives.selectors import GalleryFilters
from territories.models import TerritoryKind


class PublishForm(DsfrBaseForm):
    title = forms.CharField(label="Titre de l’initiative", max_length=200)
    summary = forms.CharField(
        label="Ce que vous avez fait",
        max_length=4_000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Le besoin de départ, ce que le projet change pour les habitants ou les agents, comment vous "
        "l’avez mené. N’y mettez aucune donnée personnelle.",
    )
    lessons = forms.CharField(
        label="Ce que vous avez appris",
        max_length=4_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Ce qui a marché, ce que vous feriez autrement, les conseils à une collectivité qui se lance.",
    )
    objective = forms.ChoiceField(label="Objectif principal", choices=Objective.choices, widget=forms.RadioSelect)
    accepts_messages = forms.BooleanField(
        label="Permettre aux autres collectivités de nous écrire par le portail (vos adresses ne sont pas "
        "communiquées)",
        required=False,
        initial=True,
    )
    consent = forms.BooleanField(
        label="Je publie ce projet dans la galerie publique au nom de ma collectivité ; je pourrai retirer la "
        "publication à tout moment.",
        error_messages={"required": "Cochez la case pour confirmer la publication."},
    )


class ContactForm(DsfrBaseForm):
    subject = forms.CharField(label="Objet", min_length=5, max_length=150)
    body = forms.CharField(
        label="Message",
        min_length=20,
        max_length=3_000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Présentez-vous et dites ce que vous aimeriez savoir. N’y mettez pas de données personnelles de "
        "tiers. Votre adresse est transmise aux référents pour qu’ils puissent vous répondre.",
    )


def _empty(label: str, choices) -> list[tuple[str, str]]:
    return [("", label), *choices]


class GalleryFilterForm(forms.Form):
    """The gallery's filters (GET); an unknown value is an error shown on the page, never a 500."""

    theme = forms.ChoiceField(label="Thématique", required=False)
    objectif = forms.ChoiceField(label="Objectif", required=False, choices=_empty("Tous", Objective.choices))
    type = forms.ChoiceField(
        label="Type de collectivité", required=False, choices=_empty("Tous", TerritoryKind.choices)
    )
    taille = forms.ChoiceField(label="Taille", required=False, choices=_empty("Toutes", SizeClass.choices))
    programme = forms.ChoiceField(label="Programme", required=False)
    departement = forms.ChoiceField(label="Département", required=False)

    def __init__(self, *args, themes=(), programmes=(), departements=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = _empty("Toutes", themes)
        self.fields["programme"].choices = _empty("Tous", programmes)
        self.fields["departement"].choices = _empty("Tous", departements)

    def filters(self) -> GalleryFilters:
        data = self.cleaned_data if self.is_valid() else {}
        return GalleryFilters(
            theme=data.get("theme", ""),
            objective=data.get("objectif", ""),
            kind=data.get("type", ""),
            size=data.get("taille", ""),
            programme=data.get("programme", ""),
            departement=data.get("departement", ""),
        )


def theme_choices() -> list[tuple[str, str]]:
    return list(Theme.objects.order_by("position", "name").values_list("slug", "name"))
