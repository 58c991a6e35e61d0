from django import forms
from django.db import models
from dsfr.forms import DsfrBaseForm

from awareness.content import Module, charter_content

ANSWER_REQUIRED = "Choisissez une réponse."


class SelfCheckForm(DsfrBaseForm):
    """The self-check questions of a literacy module: one radio group per question (`q1`, `q2`…)."""

    def __init__(self, *args, module: Module, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.module = module
        for question in module.questions:
            self.fields[f"q{question.number}"] = forms.TypedChoiceField(
                label=question.question,
                choices=[(str(index), choice) for index, choice in enumerate(question.choices)],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": ANSWER_REQUIRED, "invalid_choice": ANSWER_REQUIRED},
            )


class Council(models.TextChoices):
    MUNICIPAL = "municipal", "Conseil municipal"
    COMMUNAUTAIRE = "communautaire", "Conseil communautaire"
    DEPARTEMENTAL = "departemental", "Conseil départemental"
    REGIONAL = "regional", "Conseil régional"


class CharterForm(DsfrBaseForm):
    organisation_name = forms.CharField(
        label="Nom de la collectivité",
        max_length=200,
        help_text="Tel qu’il figurera sur la charte, par exemple « Commune de Saint-Martin ».",
        error_messages={"required": "Indiquez le nom de la collectivité."},
    )
    council = forms.ChoiceField(
        label="Assemblée qui adopte la charte",
        choices=Council.choices,
        error_messages={"required": "Choisissez l’assemblée.", "invalid_choice": "Choisissez l’assemblée."},
    )
    commitments = forms.MultipleChoiceField(
        label="Engagements de la charte",
        help_text="Cochez les engagements que votre collectivité souhaite prendre\u202f; vous pourrez les amender.",
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Choisissez au moins un engagement.",
            "invalid_choice": "Cet engagement n’existe pas\u00a0: choisissez dans la liste.",
        },
    )
    contact_name = forms.CharField(
        label="Contact (nom ou service)",
        max_length=150,
        help_text="La personne ou le service que les habitants peuvent joindre au sujet de la charte.",
        error_messages={"required": "Indiquez un contact."},
    )
    contact_email = forms.EmailField(
        label="Adresse électronique du contact",
        max_length=254,
        help_text="Format attendu\u00a0: nom@domaine.fr",
        error_messages={
            "required": "Indiquez l’adresse électronique du contact.",
            "invalid": "Saisissez une adresse électronique valide, par exemple nom@domaine.fr.",
        },
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        _preamble, commitments = charter_content()
        self.fields["commitments"].choices = [(c.key, c.title) for c in commitments]
