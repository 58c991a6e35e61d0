"""Licences are SPDX identifiers from a list of open-source licences; common spellings are normalised."""

import pytest
from django.core.exceptions import ValidationError

from catalogue.licences import canonical_licence, first_licence, validate_licence


def test_canonical_spellings():
    assert canonical_licence("agpl-3.0-or-later") == "AGPL-3.0-or-later"
    assert canonical_licence("GPL-3.0") == "GPL-3.0-only"
    assert canonical_licence("Licence maison") is None
    assert first_licence("MPL 2.0 et EPL 1.0") == "MPL-2.0"
    assert first_licence("N/A") is None


def test_unknown_licence_is_refused_in_french():
    validate_licence("EUPL-1.2")
    with pytest.raises(ValidationError, match="identifiant SPDX"):
        validate_licence("Propriétaire")
