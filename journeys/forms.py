from django import forms
from dsfr.forms import DsfrBaseForm

from accounts.models import Organisation
from catalogue.models import Service, Theme
from common.forms import BoundedModelChoiceField, BoundedModelMultipleChoiceField, MultipleTextField
from journeys.models import Project
from journeys.services import MAX_TEXT_LENGTH


class ProjectForm(forms.ModelForm, DsfrBaseForm):
    organisation = forms.ModelChoiceField(label="Collectivité", queryset=Organisation.objects.none(), empty_label=None)
    themes = BoundedModelMultipleChoiceField(
        label="Thématiques",
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Elles aident l’ANCT à vous orienter vers les bons services et ressources.",
    )

    class Meta:
        model = Project
        fields = ["organisation", "title", "description", "public_concerned", "themes"]
        labels = {"title": "Titre du projet", "public_concerned": "Publics concernés"}
        help_texts = {
            "title": "Par exemple : « Répondre plus vite aux demandes des habitants ».",
            "description": "Le besoin en quelques phrases : ce qui ne va pas aujourd’hui, ce que vous voulez changer.",
            "public_concerned": "Par exemple : habitants, agents de l’accueil, associations.",
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = (
            organisations if organisations is not None else Organisation.objects.none()
        )
        self.fields["description"].required = True


class CommentForm(DsfrBaseForm):
    body = forms.CharField(
        label="Votre commentaire",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Texte simple ; mise en forme possible : **gras**, *italique*, listes avec « - », liens [texte](https://…).",
    )


class GoBackForm(DsfrBaseForm):
    stage = forms.TypedChoiceField(label="Revenir à l’étape", coerce=int)
    reason = forms.CharField(
        label="Motif du retour",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Obligatoire : il apparaît dans l’historique du projet.",
    )

    def __init__(self, *args, stages=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stage"].choices = [(stage.pk, stage.name) for stage in stages]


class ProjectUpdateForm(ProjectForm):
    organisation = None  # a project never changes collectivité

    class Meta(ProjectForm.Meta):
        fields = ["title", "description", "public_concerned", "themes"]

    def __init__(self, *args, **kwargs):
        super(ProjectForm, self).__init__(*args, **kwargs)
        self.fields["description"].required = True


def step_answer(data: dict) -> dict:
    """A step's answer as the service takes it, from a form's cleaned data: the fields missing are empty."""
    return {
        "text": data.get("text", ""),
        "choice": data.get("choice", ""),
        "choices": data.get("choices", []),
        "checked": data.get("checked", False),
        "note": data.get("note", ""),
        "remove_file": data.get("remove_file", False),
    }


class StepAnswerForm(forms.Form):
    """The shape of an answer posted for a step the project page has no form for (another journey's step, the
    diagnostic, the ethics check): the service refuses it with its own message. Every other step posts through its
    own form (journeys.step_forms)."""

    text = forms.CharField(required=False)
    choice = forms.CharField(required=False, max_length=200)
    choices = MultipleTextField(required=False)
    checked = forms.BooleanField(required=False)
    note = forms.CharField(required=False, max_length=MAX_TEXT_LENGTH)
    remove_file = forms.BooleanField(required=False)
    # The version the form was loaded with; a tampered value never matches (the save is then refused).
    version = forms.IntegerField(required=False, min_value=0, max_value=2**31)

    def answer(self) -> dict:
        """The answer as the service takes it: the valid fields, the others empty (after is_valid())."""
        return step_answer(self.cleaned_data)

    def error_text(self) -> str:
        """Every error in one French sentence, for the step's error message."""
        messages = [message for errors in self.errors.values() for message in errors]
        return " ".join(messages) + " Rien n’a été enregistré."


class StageAdvanceForm(forms.Form):
    stage = forms.IntegerField(required=False, min_value=1, max_value=2**63 - 1)


class ServiceSearchForm(DsfrBaseForm):
    service_q = forms.CharField(label="Chercher un service du catalogue", required=False, max_length=100)


class ShortlistAddForm(DsfrBaseForm):
    service = BoundedModelChoiceField(
        queryset=Service.objects.published(),
        error_messages={
            "required": "Choisissez un service du catalogue.",
            "invalid_choice": "Choisissez un service du catalogue.",
        },
    )
    note = forms.CharField(label="Pourquoi cette piste\u00a0?", required=False, max_length=300)
