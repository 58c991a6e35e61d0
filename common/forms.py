"""Form fields for input the built-in fields leave to the database: lists of texts, 64-bit ids."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.db import models

_DECIMAL_ID = re.compile(r"[+-]?[0-9]{1,19}")
_ID_RANGE = range(-(2**63), 2**63)


def fits_database_id(value: object) -> bool:
    """The value is a plain decimal integer (ASCII digits) the database can compare to a 64-bit id.

    `'²'.isdigit()` is true and int() reads Arabic-Indic digits: user input is checked with this instead.
    """
    text = str(value).strip()
    return bool(_DECIMAL_ID.fullmatch(text)) and int(text) in _ID_RANGE


def _integer_key(queryset, to_field_name: str | None) -> bool:
    opts = queryset.model._meta
    return isinstance(opts.get_field(to_field_name) if to_field_name else opts.pk, models.IntegerField)


class BoundedModelChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField whose integer key must be written in ASCII digits (Arabic-Indic "1" is 1 for int())
    within 64 bits."""

    def to_python(self, value):
        integer_key = _integer_key(self.queryset, self.to_field_name)
        if value not in self.empty_values and integer_key and not fits_database_id(value):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class BoundedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A ModelMultipleChoiceField that refuses an integer key out of the 64-bit range as an invalid value
    instead of sending it to the database (SQLite raises OverflowError on `id IN (10**30)`)."""

    def _check_values(self, value):
        if _integer_key(self.queryset, self.to_field_name) and isinstance(value, list | tuple):
            for pk in value:
                if not fits_database_id(pk):
                    raise ValidationError(
                        self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": pk}
                    )
        return super()._check_values(value)


class MultipleTextField(forms.Field):
    """A list of short texts (the values of ticked checkboxes), each checked like a CharField's value."""

    widget = forms.MultipleHiddenInput
    default_error_messages = {
        "invalid_list": "Saisissez une liste de valeurs.",
        "too_long": "Une valeur dépasse %(max_length)s caractères.",
    }

    def __init__(self, *, max_length: int = 200, **kwargs) -> None:
        self.max_length = max_length
        super().__init__(**kwargs)

    def to_python(self, value) -> list[str]:
        if not value:
            return []
        if not isinstance(value, list | tuple):
            raise ValidationError(self.error_messages["invalid_list"], code="invalid_list")
        return [str(item) for item in value]

    def validate(self, value: list[str]) -> None:
        super().validate(value)
        for item in value:
            ProhibitNullCharactersValidator()(item)
            if len(item) > self.max_length:
                raise ValidationError(
                    self.error_messages["too_long"], code="too_long", params={"max_length": self.max_length}
                )


class ListedChoiceIterator(forms.models.ModelChoiceIterator):
    """Reads the choices in one ordinary query: Django's default calls `iterator()`, which on PostgreSQL opens a
    server-side cursor (DECLARE, FETCH, CLOSE: three round trips for a list of a few dozen rows)."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for item in self.queryset:
            yield self.choice(item)
