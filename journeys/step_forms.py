"""A step's answer form, made from the step's definition: its kind gives the fields (a text, one choice among
radio buttons, several among checkboxes, a box to tick with a note, a file with a note), its choices the ones
offered to the collectivité. The form checks the step's own rules and puts a French message next to the field and in
the page's error summary; the service (journeys.services.save_step_answer) checks again and saves.

The fields render here, in Python, with the DSFR markup and the ids the project page has always had
(`texte-<step>`, `choix-<step>-<n>`, `coche-<step>`, `note-<step>`, `fichier-<step>`, `supprimer-fichier-<step>`):
the page renders every step of a stage, and the kept page body (journeys.pages) holds these forms.
"""

from django import forms
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from dsfr.forms import DsfrBaseForm

from journeys.enums import StepKind
from journeys.forms import step_answer
from journeys.models import Project, Step, StepAnswer
from journeys.services import MAX_TEXT_LENGTH, offered_choices

TOO_LONG = "Le texte est trop long\u00a0: 10\u202f000 caractères au plus."
NOT_OFFERED = "Cette réponse ne fait pas partie des choix proposés\u00a0: choisissez une des réponses proposées."
UPLOAD_HINT = "Taille maximale\u00a0: 10 Mo. Formats acceptés\u00a0: PDF, PNG, JPEG, ODT, ODS, DOCX, XLSX, CSV, TXT."
REMOVE_HINT = "Il est effacé du portail à l’enregistrement (sauf si vous déposez un autre fichier, qui le remplace)."
UPLOAD_ACCEPT = ".pdf,.png,.jpg,.jpeg,.odt,.ods,.docx,.xlsx,.csv,.txt"
FORM_KINDS = (StepKind.TEXT, StepKind.SINGLE_CHOICE, StepKind.MULTIPLE_CHOICE, StepKind.CHECKLIST, StepKind.LINK)
FORM_KINDS += (StepKind.DELIVERABLE,)


def _text_field(label: str) -> forms.CharField:
    return forms.CharField(
        label=label, required=False, max_length=MAX_TEXT_LENGTH, error_messages={"max_length": TOO_LONG}
    )


class _NulFree:
    """A choice with a NUL byte is refused as such, before it is looked for among the choices offered."""

    def validate(self, value) -> None:
        for item in value if isinstance(value, list) else [value]:
            ProhibitNullCharactersValidator()(item)
        super().validate(value)


class _FirstChoiceLabel:
    """The id the error summary links to: the first choice's (set in the widget's attrs)."""

    def id_for_label(self, id_: str, index: str | None = None) -> str:
        return id_


class _Radios(_FirstChoiceLabel, forms.RadioSelect):
    pass


class _Checkboxes(_FirstChoiceLabel, forms.CheckboxSelectMultiple):
    pass


class OfferedChoiceField(_NulFree, forms.ChoiceField):
    widget = _Radios


class OfferedChoicesField(_NulFree, forms.MultipleChoiceField):
    widget = _Checkboxes


class StepForm(DsfrBaseForm):
    """One step's answer: the fields of its kind, and the version of the answer the form was opened on."""

    def __init__(self, step: Step, data=None, *, offered: list[str], value: dict | None = None, version: int = 0):
        value = value or {}
        initial = {
            "text": value.get("text", ""),
            "choice": value.get("choice", ""),
            "choices": value.get("choices") or [],
            "checked": bool(value.get("checked")),
            "note": value.get("note", ""),
            "version": version,
        }
        super().__init__(data, initial=initial, auto_id=False)
        self.step, self.offered = step, offered
        self.pk = str(step.pk)
        title = f"Votre réponse à «\u00a0{step.title}\u00a0»"
        fields: dict[str, forms.Field] = {
            "version": forms.IntegerField(
                required=False,
                min_value=0,
                max_value=2**31,
                widget=forms.HiddenInput,
            )
        }
        choices = [(choice, choice) for choice in offered]
        kind = step.kind
        if kind == StepKind.TEXT:
            fields["text"] = _text_field(title)
        elif kind == StepKind.SINGLE_CHOICE:
            fields["choice"] = OfferedChoiceField(
                label=title, required=False, choices=choices, error_messages={"invalid_choice": NOT_OFFERED}
            )
        elif kind == StepKind.MULTIPLE_CHOICE:
            fields["choices"] = OfferedChoicesField(
                label=f"{title} (plusieurs réponses possibles)",
                required=False,
                choices=choices,
                error_messages={"invalid_choice": NOT_OFFERED},
            )
        elif kind in (StepKind.CHECKLIST, StepKind.LINK):
            fields["checked"] = forms.BooleanField(
                label="J’ai consulté cette ressource" if kind == StepKind.LINK else "C’est fait", required=False
            )
            fields["note"] = _text_field("Précisions (facultatif)")
        elif kind == StepKind.DELIVERABLE:
            fields["remove_file"] = forms.BooleanField(label="Supprimer le fichier déposé", required=False)
            fields["note"] = _text_field("Commentaire sur le livrable (facultatif)")
        self.fields = fields
        ids = {"text": "texte", "choice": "choix", "choices": "choix", "checked": "coche", "note": "note"}
        for name, field in fields.items():
            if name in ids:
                field.widget.attrs["id"] = f"{ids[name]}-{self.pk}"
        # The error summary links a choice list to its first choice, the others to the field itself.
        for name in ("choice", "choices"):
            if name in fields:
                fields[name].widget.attrs["id"] = f"choix-{self.pk}-1"
        if "remove_file" in fields:
            fields["remove_file"].widget.attrs["id"] = f"supprimer-fichier-{self.pk}"

    def answer(self) -> dict:
        """The answer as the service takes it (after is_valid())."""
        return step_answer(self.cleaned_data)

    def posted_answer(self) -> dict:
        """What was posted, valid or not, shown again in the form and in the conflict view."""
        data = self.data
        return {
            "text": data.get("text", ""),
            "choice": data.get("choice", ""),
            "choices": data.getlist("choices") if hasattr(data, "getlist") else data.get("choices", []),
            "checked": bool(data.get("checked")),
            "note": data.get("note", ""),
        }

    def error_text(self) -> str:
        """Every error in one French sentence, for the alert above the step's form (the version's error included:
        a hidden field has no place of its own)."""
        messages = [message for errors in self.errors.values() for message in errors]
        return " ".join(messages) + " Rien n’a été enregistré."

    def expected_version(self) -> int:
        return self.cleaned_data.get("version") or 0

    # --- Rendering ------------------------------------------------------------------------------------------------

    def _errors_of(self, name: str) -> list[str]:
        return list(self.errors.get(name, [])) if self.is_bound else []

    def _value(self, name: str):
        return self[name].value()

    def _textarea(self, name: str, rows: int, sr_title: bool, group_class: str = "fr-input-group") -> str:
        field_id = f"{'texte' if name == 'text' else 'note'}-{self.pk}"
        errors = self._errors_of(name)
        label = conditional_escape(self.fields[name].label)
        sr = f'<span class="fr-sr-only">&nbsp;: {conditional_escape(self.step.title)}</span>' if sr_title else ""
        value = conditional_escape(self._value(name) or "")
        if not errors:
            return (
                f'<div class="{group_class}">\n'
                f'<label class="fr-label" for="{field_id}">{label}{sr}</label>\n'
                f'<textarea class="fr-input" id="{field_id}" name="{name}" rows="{rows}" maxlength="10000">'
                f"{value}</textarea>\n</div>"
            )
        error_id = f"{field_id}-desc-error"
        messages = "".join(f'<p class="fr-error-text">{conditional_escape(e)}</p>' for e in errors)
        return (
            f'<div class="{group_class} fr-input-group--error">\n'
            f'<label class="fr-label" for="{field_id}">{label}{sr}</label>\n'
            f'<textarea class="fr-input fr-input--error" id="{field_id}" name="{name}" rows="{rows}" maxlength="10000"'
            f' aria-describedby="{error_id}">{value}</textarea>\n<div id="{error_id}">{messages}</div>\n</div>'
        )

    def _choices(self, name: str, input_type: str) -> str:
        pk = self.pk
        value = self._value(name)
        selected = set(value if isinstance(value, list | tuple) else [value] if value else [])
        errors = self._errors_of(name)
        group = "fr-radio-group" if input_type == "radio" else "fr-checkbox-group"
        options = []
        # A choice posted but no longer offered (a tampered page) is not shown again: its error says why.
        for index, choice in enumerate(self.offered, start=1):
            option_id = f"choix-{pk}-{index}"
            checked = " checked" if choice in selected else ""
            choice = conditional_escape(choice)
            options.append(
                f'<div class="fr-fieldset__element">\n<div class="{group}">\n'
                f'<input type="{input_type}" id="{option_id}" name="{name}" value="{choice}"{checked}>\n'
                f'<label class="fr-label" for="{option_id}">{choice}</label>\n</div>\n</div>'
            )
        legend = conditional_escape(self.fields[name].label)
        fieldset_class, labelledby, messages = "fr-fieldset", f"legende-{pk}", ""
        if errors:
            error_id = f"choix-{pk}-desc-error"
            fieldset_class += " fr-fieldset--error"
            labelledby += f" {error_id}"
            texts = "".join(f'<p class="fr-message fr-message--error">{conditional_escape(e)}</p>' for e in errors)
            messages = f'\n<div class="fr-messages-group" id="{error_id}">{texts}</div>'
        return (
            f'<fieldset class="{fieldset_class}" id="choix-{pk}" aria-labelledby="{labelledby}">\n'
            f'<legend class="fr-fieldset__legend fr-text--regular" id="legende-{pk}">{legend}</legend>\n'
            + "\n".join(options)
            + messages
            + "\n</fieldset>"
        )

    def _checkbox(self, name: str, field_id: str, hint: str = "") -> str:
        checked = " checked" if self._value(name) else ""
        label = conditional_escape(self.fields[name].label)
        title = conditional_escape(self.step.title)
        hint = f'\n<span class="fr-hint-text">{hint}</span>' if hint else ""
        return (
            f'<div class="fr-checkbox-group fr-mb-2w">\n'
            f'<input type="checkbox" id="{field_id}" name="{name}"{checked}>\n'
            f'<label class="fr-label" for="{field_id}">{label}<span class="fr-sr-only">&nbsp;: {title}</span>{hint}'
            "</label>\n</div>"
        )

    def _upload(self, has_file: bool) -> str:
        pk = self.pk
        hint = conditional_escape(f"{self.step.deliverable_hint}. " if self.step.deliverable_hint else "")
        label = "Remplacer le fichier" if has_file else "Déposer le fichier"
        return (
            '<div class="fr-upload-group fr-mb-2w">\n'
            f'<label class="fr-label" for="fichier-{pk}">{label}<span class="fr-sr-only">&nbsp;: '
            f"{conditional_escape(self.step.title)}</span>\n"
            f'<span class="fr-hint-text">{hint}{conditional_escape(UPLOAD_HINT)}</span>\n</label>\n'
            f'<input class="fr-upload" type="file" id="fichier-{pk}" name="file" accept="{UPLOAD_ACCEPT}">\n</div>'
        )

    def render_fields(self, *, has_file: bool = False) -> SafeString:
        """The form's inputs (the <form>, its CSRF token and its button are the page's)."""
        version = conditional_escape(self._value("version") if self._value("version") is not None else 0)
        parts = [f'<input type="hidden" name="version" value="{version}">']
        kind = self.step.kind
        if kind == StepKind.TEXT:
            parts.append(self._textarea("text", 4, sr_title=False))
        elif kind == StepKind.SINGLE_CHOICE:
            parts.append(self._choices("choice", "radio"))
        elif kind == StepKind.MULTIPLE_CHOICE:
            parts.append(self._choices("choices", "checkbox"))
        elif kind in (StepKind.CHECKLIST, StepKind.LINK):
            parts.append(self._checkbox("checked", f"coche-{self.pk}"))
            parts.append(self._textarea("note", 2, sr_title=True))
        elif kind == StepKind.DELIVERABLE:
            if has_file:
                parts.append(self._checkbox("remove_file", f"supprimer-fichier-{self.pk}", REMOVE_HINT))
            parts.append(self._upload(has_file))
            parts.append(self._textarea("note", 2, sr_title=True))
        return mark_safe("\n".join(parts))  # noqa: S308 (every value, label and title escaped above)


def step_form(step: Step, collectivite_kind: str, *, value: dict | None, version: int, data=None) -> StepForm:
    """The step's form showing `value` (the saved answer, or what was posted), bound to `data` when posted."""
    kept = (value or {}).get("choices") or ([value["choice"]] if (value or {}).get("choice") else [])
    offered = offered_choices(step, collectivite_kind, kept) if step.choices else []
    return StepForm(step, data, offered=offered, value=value, version=version)


def posted_step_form(project: Project, step_id: int, data) -> StepForm | None:
    """The posted form of one of the project's steps answered on the project page; None for a step of another
    journey or one answered on its own page (the service then says why nothing was saved)."""
    step = Step.objects.select_related("stage").filter(pk=step_id, stage__template_id=project.template_id).first()
    if step is None or step.kind not in FORM_KINDS:
        return None
    saved = StepAnswer.objects.filter(project=project, step=step).values_list("value", flat=True).first() or {}
    # Offered: the choices for this collectivité plus those already saved (never lost, as the service keeps them).
    return step_form(step, project.organisation.kind, value=saved, version=0, data=data)
