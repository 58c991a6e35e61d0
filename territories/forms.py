"""The territory picker: a text input enhanced into an accessible autocomplete, with a no-JavaScript fallback.

Contract (see docs/territories.md):
- `TerritoryAutocompleteInput` goes on any text field. With JavaScript, static/js/territory-autocomplete.js
  turns it into an ARIA combobox fed by `territories:autocomplete`; choosing a suggestion fills the input
  with the label and the form field named `target` (created as a hidden input if the form has none)
  with "kind:pk". With `select_action`, choosing also points the form at that URL (the user still submits).
- Without JavaScript the text is submitted as typed; `search_territories` understands labels too.
- `TerritoryPickerForm` is the complete single-form picker: after a submission without a choice it offers
  the matching territories as radio buttons; `cleaned_data["territory"]` is the chosen model instance.
"""

from collections.abc import Iterable

from django import forms
from django.urls import reverse
from dsfr.forms import DsfrBaseForm

from territories.selectors import ALL_KINDS, get_territory, search_territories, territory_hit

PICKER_CHOICES_LIMIT = 10


class TerritoryAutocompleteInput(forms.TextInput):
    """A text input that territory-autocomplete.js enhances into a combobox."""

    def __init__(
        self,
        *,
        kinds: Iterable[str] | None = None,
        target: str = "territory",
        select_action: str | None = None,
        attrs: dict | None = None,
    ) -> None:
        super().__init__(attrs)
        self.kinds = tuple(kinds or ALL_KINDS)
        self.target = target
        self.select_action = select_action

    def get_context(self, name: str, value, attrs) -> dict:
        context = super().get_context(name, value, attrs)
        prefix = name.rpartition("-")[0]
        widget_attrs = context["widget"]["attrs"]
        widget_attrs.update(
            {
                "autocomplete": "off",
                "spellcheck": "false",
                "data-territory-autocomplete": reverse("territories:autocomplete"),
                "data-territory-kinds": ",".join(self.kinds),
                "data-territory-target": f"{prefix}-{self.target}" if prefix else self.target,
            }
        )
        if self.select_action:
            widget_attrs["data-territory-action"] = str(self.select_action)
        return context


class _SoftRequiredMixin:
    """Shown as required, but an empty value is left to the form's clean(): either the text or the
    radio choice may be empty when the other designates the territory (script, link)."""

    def validate(self, value) -> None:
        if value not in self.empty_values:
            super().validate(value)


class _QueryField(_SoftRequiredMixin, forms.CharField):
    pass


class _PickedChoiceField(_SoftRequiredMixin, forms.ChoiceField):
    pass


class TerritoryPickerForm(DsfrBaseForm):
    """Choose one territory: type, then pick a suggestion (JavaScript) or a radio button (without)."""

    # No browser-side `required`: a radio choice is not needed when the script filled `territory`.
    use_required_attribute = False

    q = _QueryField(
        label="Nom, code postal, code Insee ou SIREN",
        help_text="Par exemple : Saint-Étienne, 42000, 42218 ou 200046977.",
        max_length=200,
    )
    territory = forms.CharField(required=False, max_length=40, widget=forms.HiddenInput)

    def __init__(self, *args, kinds: Iterable[str] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.kinds = tuple(kinds or ALL_KINDS)
        self.fields["q"].widget = TerritoryAutocompleteInput(kinds=self.kinds)
        self.hits = []
        if self.is_bound:
            query = str(self.data.get(self.add_prefix("q"), ""))[:200]
            self.hits = search_territories(query, kinds=self.kinds, limit=PICKER_CHOICES_LIMIT)
            if self.hits:
                self.fields["choice"] = _PickedChoiceField(
                    label="Choisissez la collectivité",
                    choices=[(hit.value, hit.label) for hit in self.hits],
                    widget=forms.RadioSelect,
                    error_messages={"invalid_choice": "Choisissez une collectivité de la liste."},
                )

    @property
    def picker_fields(self) -> list:
        """The bound fields the picker partial renders (the radio choices only after a search)."""
        chosen = self.is_bound and not self.errors and self.cleaned_data.get("territory") is not None
        names = ("q", "territory") if chosen else ("q", "territory", "choice")  # no radios once chosen
        return [self[name] for name in names if name in self.fields]

    def clean(self) -> dict:
        cleaned = super().clean()
        value = cleaned.get("territory") or cleaned.get("choice") or ""
        territory = get_territory(value) if value else None
        if territory is not None and territory_hit(territory).kind in self.kinds:
            cleaned["territory"] = territory
            return cleaned
        cleaned["territory"] = None
        if "q" not in cleaned:
            return cleaned
        if not value and len(cleaned["q"].strip()) < 2:
            self.add_error("q", "Saisissez au moins deux caractères : nom, code postal, code Insee ou SIREN.")
        elif value:
            self.add_error("q", "Cette collectivité est introuvable : recherchez-la à nouveau.")
        elif not self.hits:
            self.add_error(
                "q",
                f"Aucune collectivité ne correspond à « {cleaned['q']} ». Vérifiez l’orthographe, ou cherchez "
                "par code postal (5 chiffres), code Insee (5 caractères) ou SIREN (9 chiffres).",
            )
        else:
            self.add_error("choice", "Choisissez votre collectivité dans la liste.")
        return cleaned
