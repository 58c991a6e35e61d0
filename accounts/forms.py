"""Forms of the accounts app: sign-up extras, onboarding, members, RGPD. Shape checks and French messages only."""

from django import forms
from django.urls import reverse_lazy
from dsfr.forms import DsfrBaseForm

from accounts.enums import Role
from territories.forms import TerritoryAutocompleteInput

JOINABLE_ROLES = [(Role.ELU.value, "Élu ou élue"), (Role.AGENT.value, "Agent ou agente")]


class SignupForm(forms.Form):
    """Fields added to allauth's sign-up form (ACCOUNT_SIGNUP_FORM_CLASS): who the person is."""

    field_order = ["first_name", "last_name", "job_title", "email", "password1", "password2"]

    first_name = forms.CharField(
        label="Prénom", max_length=150, widget=forms.TextInput({"autocomplete": "given-name"})
    )
    last_name = forms.CharField(label="Nom", max_length=150, widget=forms.TextInput({"autocomplete": "family-name"}))
    job_title = forms.CharField(
        label="Fonction",
        max_length=150,
        help_text="Par exemple : maire, adjointe au numérique, directeur des systèmes d’information.",
        widget=forms.TextInput({"autocomplete": "organization-title"}),
    )

    def signup(self, request, user) -> None:
        user.first_name = self.cleaned_data["first_name"].strip()
        user.last_name = self.cleaned_data["last_name"].strip()
        user.job_title = self.cleaned_data["job_title"].strip()
        user.save(update_fields=["first_name", "last_name", "job_title"])


class TerritorySearchForm(DsfrBaseForm):
    q = forms.CharField(
        label="Nom, code postal, code Insee ou SIREN de votre collectivité",
        help_text="Par exemple : Saint-Étienne, 42000, 42218 ou 214202186.",
        max_length=200,
        error_messages={"required": "Saisissez le nom, le code postal, le code Insee ou le SIREN."},
        # With JavaScript, choosing a suggestion goes straight to the confirmation step.
        widget=TerritoryAutocompleteInput(select_action=reverse_lazy("accounts:onboarding_confirm")),
    )

    def clean_q(self) -> str:
        query = " ".join(self.cleaned_data["q"].split())
        if len(query) < 2:
            raise forms.ValidationError("Saisissez au moins deux caractères.")
        return query


class TerritoryChoiceForm(DsfrBaseForm):
    """The territory picked among the search results ("kind:pk", as the territories picker posts it)."""

    territory = forms.CharField(
        max_length=40,
        widget=forms.HiddenInput,
        error_messages={"required": "Choisissez votre collectivité dans la liste des résultats."},
    )


class JoinRequestForm(TerritoryChoiceForm):
    role = forms.ChoiceField(
        label="Vous êtes",
        choices=JOINABLE_ROLES,
        widget=forms.RadioSelect,
        error_messages={"required": "Indiquez si vous êtes élu ou agent.", "invalid_choice": "Rôle inconnu."},
    )
    message = forms.CharField(
        label="Message aux référents",
        help_text="Facultatif : présentez-vous en quelques mots (1 000 caractères au plus).",
        required=False,
        max_length=1000,
        widget=forms.Textarea({"rows": 3}),
    )


class MemberRoleForm(DsfrBaseForm):
    role = forms.ChoiceField(
        label="Rôle",
        choices=Role.choices,
        error_messages={"required": "Choisissez un rôle.", "invalid_choice": "Rôle inconnu."},
    )


class NotificationsForm(DsfrBaseForm):
    wants_notifications = forms.BooleanField(
        label="Recevoir les notifications par courriel",
        help_text="Nouvelles demandes de rattachement, suivi de vos projets et de vos demandes d’accompagnement.",
        required=False,
    )


class AccountDeleteForm(DsfrBaseForm):
    confirmation = forms.CharField(
        label="Pour confirmer, saisissez votre adresse électronique",
        max_length=254,
        # RGAA 11.13: the field asks for the user's own e-mail address.
        widget=forms.EmailInput({"autocomplete": "email"}),
        error_messages={"required": "Saisissez votre adresse électronique pour confirmer."},
    )

    def __init__(self, *args, user, **kwargs) -> None:
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_confirmation(self) -> str:
        value = self.cleaned_data["confirmation"].strip()
        if value.lower() != self.user.email.lower():
            raise forms.ValidationError("L’adresse saisie ne correspond pas à celle de votre compte.")
        return value


class EmailCodeForm(DsfrBaseForm):
    """The one-time code emailed to a staff account before it activates its first TOTP."""

    code = forms.CharField(
        label="Code reçu par courriel",
        help_text="6 chiffres, valable 10 minutes.",
        max_length=20,
        widget=forms.TextInput({"autocomplete": "one-time-code", "inputmode": "numeric"}),
        error_messages={"required": "Saisissez le code à 6 chiffres reçu par courriel."},
    )

    def clean_code(self) -> str:
        value = "".join(self.cleaned_data["code"].split())
        # ASCII digits only: "²" or "①" pass str.isdigit() but are no code.
        if len(value) != 6 or not all("0" <= char <= "9" for char in value):
            raise forms.ValidationError("Saisissez les 6 chiffres du code reçu par courriel.")
        return value
