"""The forms of the two questionnaires, their fields made from the content: the maturity diagnostic (one scale of
radio buttons per question) and the ethics check (yes/no and single choices as radio buttons, multiple choices as
checkboxes).

The forms check the shape of each answer (a choice the question offers, « Aucun » alone) and put the message next to
the question and in the page's error summary; the services check again and apply the rules (the stage gate, the
version). Every question is optional: both questionnaires save partial answers and say what is left. A posted key
that names no question is ignored, as the services always did: a page opened before a new version of the content
was published still saves its other answers.
"""

from typing import Self

from django import forms
from django.core.exceptions import ValidationError
from dsfr.forms import DsfrBaseForm

from journeys import ethics, services
from journeys.models import Diagnostic
from journeys.questionnaire_render import KeyedQuestionCheckboxes, KeyedQuestionRadios, QuestionRadios

NOT_OFFERED = "Réponse non prévue\u00a0: choisissez une des réponses proposées."
NONE_ALONE = "«\u00a0{label}\u00a0» ne peut pas être coché avec une autre réponse."


class VersionField(forms.Field):
    """The version the questionnaire was opened on. Missing, it is 0 (a first save); a tampered value becomes -1,
    which never matches: the service then refuses the save as someone else's edit (409), nothing is lost."""

    widget = forms.HiddenInput(attrs={"id": False})  # the page's other ids are the questions' keys

    def __init__(self) -> None:
        super().__init__(required=False)

    def to_python(self, value) -> int:
        if value in self.empty_values:
            return 0
        try:
            number = int(value)
        except (TypeError, ValueError):
            return -1
        return number if 0 <= number < 2**31 else -1


class SavedChoiceField(forms.ChoiceField):
    """A diagnostic answer: left blank, the saved one stays (the service keeps it), so the page shows it."""

    def bound_data(self, data, initial):
        return initial if data in self.empty_values else data


class ExclusiveNoneField(forms.MultipleChoiceField):
    """A multiple choice whose « Aucun » / « Aucune » choice excludes the others."""

    def validate(self, value) -> None:
        super().validate(value)
        if ethics.none_with_another(value):
            labels = dict(self.choices)
            none = next(key for key in value if key in ethics.NONE_KEYS)
            raise ValidationError(NONE_ALONE.format(label=labels.get(none, none)), code="none_alone")


class QuestionnaireForm(DsfrBaseForm):
    """A questionnaire's fields, named by the question keys, and the version it was opened on."""

    def __init__(self, data=None, *, answers: dict, version: int, editable: bool) -> None:
        # auto_id "%s": the fields' ids are the question keys, as the pages' anchors (#question-<key>) expect.
        super().__init__(data, initial={**answers, "version": version}, auto_id="%s")
        self._answers, self._editable = answers, editable
        self.fields["version"] = VersionField()
        for name, field in self.question_fields():
            field.disabled = not editable
            self.fields[name] = field

    def question_fields(self) -> list[tuple[str, forms.Field]]:
        raise NotImplementedError

    def answers(self) -> dict:
        """The cleaned answers, blank ones included, as the services take them (after is_valid())."""
        return {name: value for name, value in self.cleaned_data.items() if name != "version"}

    def after_stale_edit(self, saved: dict, version: int) -> Self:
        """This form's answers over someone else's newer save: what I posted stays, ready to be saved again on the
        version they saved."""
        data = self.data.copy()
        data["version"] = str(version)
        return self.copy(data, answers=saved, version=version)

    def copy(self, data, *, answers: dict, version: int) -> Self:
        raise NotImplementedError


class DiagnosticForm(QuestionnaireForm):
    """The maturity diagnostic: one scale per question (a score, or « nc » for a choice without one)."""

    def __init__(self, diagnostic: Diagnostic, data=None, *, answers: dict, version: int, editable: bool) -> None:
        self.diagnostic = diagnostic  # prefetched (selectors.page_diagnostic)
        super().__init__(
            data, answers={key: str(value) for key, value in answers.items()}, version=version, editable=editable
        )

    def question_fields(self) -> list[tuple[str, forms.Field]]:
        return [
            (
                question.key,
                SavedChoiceField(
                    label=question.text,
                    required=False,
                    choices=[(services.choice_value(choice), choice["label"]) for choice in question.choices],
                    widget=QuestionRadios,
                    error_messages={"invalid_choice": NOT_OFFERED},
                ),
            )
            for dimension in self.diagnostic.dimensions.all()
            for question in dimension.questions.all()
        ]

    def copy(self, data, *, answers: dict, version: int) -> Self:
        return type(self)(self.diagnostic, data, answers=answers, version=version, editable=self._editable)


class EthicsForm(QuestionnaireForm):
    """The ethics check: yes/no and single choices as radio buttons, multiple choices as checkboxes. Saved, it
    replaces the whole questionnaire: a blank answer is no answer."""

    def __init__(self, content: dict, data=None, *, answers: dict, version: int, editable: bool) -> None:
        self.content = content
        super().__init__(data, answers=answers, version=version, editable=editable)

    def question_fields(self) -> list[tuple[str, forms.Field]]:
        fields = []
        for question in self.content.get("questions", []):
            offered = ethics.offered_choices(question)
            choices = [(choice["key"], choice.get("label", choice["key"])) for choice in offered]
            options = {
                "label": question.get("text", question["key"]),
                "required": False,
                "choices": choices,
                "error_messages": {"invalid_choice": NOT_OFFERED},
            }
            if question.get("kind") == "multiple_choice":
                field = ExclusiveNoneField(widget=KeyedQuestionCheckboxes, **options)
            else:
                field = forms.ChoiceField(widget=KeyedQuestionRadios, **options)
            fields.append((question["key"], field))
        return fields

    def copy(self, data, *, answers: dict, version: int) -> Self:
        return type(self)(self.content, data, answers=answers, version=version, editable=self._editable)
