"""Forms of the service page: declare an organisation's use or interest, write to the other adopters."""

from django import forms
from dsfr.forms import DsfrBaseForm

from catalogue.enums import AdoptionStatus


class DeclareAdoptionForm(DsfrBaseForm):
    """One organisation of the member (by public id) and the declaration, sent by one of two buttons."""

    organisation = forms.UUIDField(widget=forms.HiddenInput)
    status = forms.ChoiceField(
        label="Déclaration",
        choices=AdoptionStatus.choices,
        error_messages={"required": "Choisissez « Nous l’utilisons » ou « Ça nous intéresse »."},
    )


class WithdrawAdoptionForm(DsfrBaseForm):
    organisation = forms.UUIDField(widget=forms.HiddenInput)


class ContactAdoptersForm(DsfrBaseForm):
    organisation = forms.TypedChoiceField(label="Vous écrivez au nom de", choices=(), coerce=str)
    subject = forms.CharField(label="Objet", max_length=150, min_length=5)
    body = forms.CharField(
        label="Message",
        min_length=20,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Présentez votre projet et ce que vous proposez (mutualiser un hébergement, partager une "
        "expérience…). N’y mettez pas de données personnelles de tiers.",
    )
    share_email = forms.BooleanField(
        label="Permettre aux destinataires de me répondre directement (mon adresse leur sera communiquée)",
        required=False,
    )

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [(str(org.public_id), org.name) for org in organisations]
        if len(self.fields["organisation"].choices) == 1:
            self.fields["organisation"].initial = self.fields["organisation"].choices[0][0]
