from django import forms
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from dsfr.forms import DsfrBaseForm
from dsfr.templatetags.dsfr_tags import dsfr_mark_optionnal_fields
from dsfr.utils import dsfr_input_class_attr

from accounts.models import User
from assistance import services
from assistance.enums import LocalActor, LocalSupport, Recommendation, RequestKind, RequestStatus, Urgency, Usefulness
from assistance.models import Expert
from catalogue.models import Theme
from common.error_summary import OPTIONAL_RULE_HTML, help_text_has_link, optional_rule_applies
from common.forms import ListedChoiceIterator
from territories.models import Programme

MARKDOWN_HELP = (
    "Texte simple ; mise en forme possible : **gras**, *italique*, listes avec « - », liens [texte](https://…)."
)
UPLOAD_HELP = (
    "Facultatif, 5 fichiers au plus, 10 Mo chacun. "
    "Formats acceptés : PDF, PNG, JPEG, ODT, ODS, DOCX, XLSX, CSV ou TXT."
)


# The triage page's widgets are written in Python: Django renders a select through one template per option (two
# with its attributes), so the experts select alone cost ~3 ms for 60 experts, more than the rest of the page's
# HTML. Same markup as Django's templates; DSFR's field templates (label, hint, errors) still wrap them.


def _attributes(attrs: dict) -> SafeString:
    """Django's attrs.html: `True` writes the bare name, `False` nothing, anything else name="value" (escaped)."""
    return mark_safe(  # noqa: S308 (every value goes through format_html, names are the widget's own)
        "".join(
            f" {name}" if value is True else format_html(' {}="{}"', name, value)
            for name, value in attrs.items()
            if value is not False
        )
    )


class PlainSelect(forms.Select):
    """A single select rendered without templates (no option groups in these forms)."""

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]
        options = "".join(
            f'\n  <option value="{conditional_escape(str(option["value"]))}"{_attributes(option["attrs"])}>'
            f"{conditional_escape(option['label'])}</option>"
            for _group, choices, _index in widget["optgroups"]
            for option in choices
        )
        return mark_safe(  # noqa: S308 (name, attributes, values and labels escaped above)
            f'<select name="{conditional_escape(name)}"{_attributes(widget["attrs"])}>{options}\n</select>'
        )


class PlainTextarea(forms.Textarea):
    """A textarea rendered without templates."""

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]
        return format_html(
            '<textarea name="{}"{}>\n{}</textarea>', name, _attributes(widget["attrs"]), widget["value"] or ""
        )


INPUT_SNIPPET = "dsfr/form_field_snippets/input_snippet.html"


def _field_group(bound) -> SafeString:
    """The portal's input snippet (portal/templates/portal/forms/input_snippet.html) written in Python: same markup,
    less blank space. The hint sits outside the label, after the field when it holds a link (RGAA 8.2, 12.8)."""
    dsfr_input_class_attr(bound)  # as the snippet's filter: aria-invalid and aria-describedby once the form has errors
    field = bound.field
    group = getattr(field.widget, "group_class", "") or "fr-input-group"
    classes = (
        group + (f" {group}--error" if bound.errors else "") + (" fr-input-group--disabled" if field.disabled else "")
    )
    hint_before = hint_after = ""
    if bound.help_text:
        # help_text|safe in the snippet: the help texts are the forms' own.
        help_text = mark_safe(bound.help_text)  # noqa: S308
        if help_text_has_link(help_text):
            hint_after = format_html(
                '<div class="fr-hint-text fr-mt-1w" id="{}_helptext">{}</div>', bound.id_for_label, help_text
            )
        else:
            hint_before = format_html(
                '<div class="fr-hint-text fr-mb-1w" id="{}_helptext">{}</div>', bound.id_for_label, help_text
            )
    errors = format_html('<div id="{}-desc-error">{}</div>', bound.auto_id, bound.errors) if bound.errors else ""
    return format_html(
        '<div class="{}">\n  <label for="{}" class="fr-label">{}{}</label>\n  {}{}{}{}\n</div>',
        classes,
        bound.id_for_label,
        bound.label,
        dsfr_mark_optionnal_fields(bound),
        hint_before,
        bound.as_widget(),
        errors,
        hint_after,
    )


class LightForm(DsfrBaseForm):
    """A DSFR form whose text, select and textarea fields render in Python with the markup of django-dsfr's
    templates (form_snippet.html, input_snippet.html): four such forms were a quarter of the triage page's time.
    Other kinds of fields (radios, checkboxes…) keep their templates."""

    def render(self, template_name=None, context=None, renderer=None) -> SafeString:
        if template_name is not None or context is not None:
            return super().render(template_name, context, renderer)
        parts = []
        if optional_rule_applies(self):
            parts.append(mark_safe(OPTIONAL_RULE_HTML))  # noqa: S308 (a constant)
        if self.non_field_errors():
            parts.append(
                format_html(
                    '<section class="fr-my-4v fr-input-group fr-input-group--error">{}</section>',
                    self.non_field_errors(),
                )
            )
        for bound in self:
            if bound.is_hidden:
                parts.append(bound.as_hidden())
            elif bound.template_name == INPUT_SNIPPET:
                parts.append(_field_group(bound))
            else:
                parts.append(bound.as_field_group())
        return mark_safe("\n".join(parts))  # noqa: S308 (each part is escaped or rendered by Django)

    __str__ = render


class ListedModelChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField whose choices are read in one query and shown in a PlainSelect."""

    iterator = ListedChoiceIterator
    widget = PlainSelect


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
