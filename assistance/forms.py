from django import forms
from dsfr.forms import DsfrBaseForm

from accounts.models import User
from assistance import services
from assistance.enums import LocalActor, LocalSupport, Recommendation, RequestKind, RequestStatus, Urgency, Usefulness
from assistance.models import Expert
from catalogue.models import Theme
from common.light_forms import LightForm, ListedModelChoiceField, PlainSelect, PlainTextarea
from territories.models import Programme

MARKDOWN_HELP = (
    "Texte simple ; mise en forme possible : **gras**, *italique*, listes avec « - », liens [texte](https://…)."
)
UPLOAD_HELP = (
    "Facultatif, 5 fichiers au plus, 10 Mo chacun. "
    "Formats acceptés : PDF, PNG, JPEG, ODT, ODS, DOCX, XLSX, CSV ou TXT."
)


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True
    group_class = "fr-upload-group"

    def __init__(self, attrs=None):
        super().__init__({"class": "fr-upload", **(attrs or {})})


class MultipleFileField(forms.FileField):
    """Several files under one name; each is checked by the service with the deliverables' upload rules."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        if len(files) > services.MAX_ATTACHMENTS:
            raise forms.ValidationError(f"Joignez au plus {services.MAX_ATTACHMENTS} fichiers à la fois.")
        return [super(MultipleFileField, self).clean(item, initial) for item in files]


class RequestForm(DsfrBaseForm):
    kind = forms.ChoiceField(
        label="Quel appui demandez-vous ?",
        choices=[("", "Choisissez le type d’appui"), *RequestKind.choices],
    )
    need = forms.CharField(
        label="Votre besoin, dans vos mots",
        max_length=services.MAX_NEED_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Ce qui bloque, ce que vous attendez de l’ANCT, les échéances. " + MARKDOWN_HELP,
    )
    themes = forms.ModelMultipleChoiceField(
        label="Thématiques",
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    urgency = forms.ChoiceField(label="Urgence", choices=Urgency.choices, widget=forms.RadioSelect)
    local_support = forms.ChoiceField(
        label="Avez-vous sollicité l’ingénierie de votre territoire ?",
        choices=LocalSupport.choices,
        widget=forms.RadioSelect,
        help_text="L’ANCT intervient quand l’offre locale ne suffit pas : dites-nous ce qu’il en est.",
    )
    local_actors = forms.MultipleChoiceField(
        label="Qui avez-vous sollicité ?",
        choices=LocalActor.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    local_answer = forms.CharField(
        label="Qu’ont-ils répondu ?",
        required=False,
        max_length=services.MAX_REASON_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    attachments = MultipleFileField(label="Documents utiles", help_text=UPLOAD_HELP)


class MessageForm(LightForm):
    body = forms.CharField(
        label="Votre message",
        max_length=services.MAX_MESSAGE_LENGTH,
        widget=PlainTextarea(attrs={"rows": 4}),
        help_text=MARKDOWN_HELP,
    )
    attachments = MultipleFileField(label="Pièces jointes", help_text=UPLOAD_HELP)


class SatisfactionForm(DsfrBaseForm):
    usefulness = forms.ChoiceField(
        label="L’appui de l’ANCT vous a-t-il été utile ?", choices=Usefulness.choices, widget=forms.RadioSelect
    )
    what_changed = forms.CharField(
        label="Qu’est-ce qui a changé pour votre projet ?",
        required=False,
        max_length=services.MAX_REASON_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    would_recommend = forms.ChoiceField(
        label="Recommanderiez-vous cet appui à une autre collectivité ?",
        choices=Recommendation.choices,
        widget=forms.RadioSelect,
    )


class StatusForm(LightForm):
    status = forms.ChoiceField(label="Nouveau statut", choices=RequestStatus.choices, widget=PlainSelect)
    redirected_to = forms.CharField(
        label="Réorientée vers",
        required=False,
        max_length=200,
        help_text="Obligatoire pour une réorientation : l’acteur qui reprend la demande (agence départementale…).",
    )
    refusal_reason = forms.CharField(
        label="Motif du refus",
        required=False,
        max_length=services.MAX_REASON_LENGTH,
        widget=PlainTextarea(attrs={"rows": 2}),
        help_text="Obligatoire pour un refus : il est envoyé à la collectivité.",
    )
    outcome = forms.CharField(
        label="Résultat de l’accompagnement",
        required=False,
        max_length=services.MAX_REASON_LENGTH,
        widget=PlainTextarea(attrs={"rows": 2}),
        help_text="Obligatoire pour clôturer : ce que l’appui a permis.",
    )
    note = forms.CharField(
        label="Précision pour la collectivité",
        required=False,
        max_length=services.MAX_REASON_LENGTH,
        widget=PlainTextarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, allowed=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [(status, RequestStatus(status).label) for status in allowed]


class AssignForm(LightForm):
    assignee = ListedModelChoiceField(
        label="Chargé de mission",
        queryset=User.objects.none(),
        required=False,
        empty_label="Personne",
    )

    def __init__(self, *args, staff=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = staff if staff is not None else User.objects.none()
        self.fields["assignee"].label_from_instance = lambda user: user.get_full_name() or user.email


class MobilisationForm(LightForm):
    expert = ListedModelChoiceField(label="Expert", queryset=Expert.objects.none(), empty_label="Choisissez un expert")
    reason = forms.CharField(
        label="Pourquoi cet expert ?",
        max_length=services.MAX_REASON_LENGTH,
        widget=PlainTextarea(attrs={"rows": 2}),
        help_text="Le courriel envoyé à l’expert le reprend, avec un résumé de la demande.",
    )

    def __init__(self, *args, experts=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expert"].queryset = experts if experts is not None else Expert.objects.none()


class WaitingForm(LightForm):
    waiting_for = forms.CharField(
        label="Ce que vous attendez de la collectivité",
        max_length=300,
        help_text="Une réponse, un document… La collectivité est prévenue puis relancée jusqu’à sa réponse.",
        error_messages={
            "required": "Ce que vous attendez de la collectivité est obligatoire.",
            "max_length": "Ce que vous attendez de la collectivité tient en 300 caractères au plus.",
        },
    )


class RejectForm(LightForm):
    reason = forms.CharField(
        label="Motif du refus",
        max_length=2000,
        widget=PlainTextarea(attrs={"rows": 3}),
        help_text="Il est envoyé aux membres de la collectivité.",
    )


class ProgrammeForm(DsfrBaseForm):
    programmes = forms.ModelMultipleChoiceField(
        label="Programmes nationaux de la collectivité",
        queryset=Programme.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=(
            "Cochez les programmes dont la collectivité est lauréate : les pages des programmes en tiennent compte."
        ),
    )
