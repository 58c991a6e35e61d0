from django import forms
from dsfr.forms import DsfrBaseForm

from accounts.models import Organisation
from catalogue.models import Theme
from journeys.models import Project


class ProjectForm(forms.ModelForm, DsfrBaseForm):
    organisation = forms.ModelChoiceField(label="Collectivité", queryset=Organisation.objects.none(), empty_label=None)
    themes = forms.ModelMultipleChoiceField(
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
