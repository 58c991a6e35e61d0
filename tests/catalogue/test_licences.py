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


def test_the_shipped_services_carry_the_licence_of_their_repository():
    """Checked against each project's repository: LimeSurvey's headers say « GNU/GPL License v2 or later »;
    Publik is several components, w.c.s. (GPL-2.0-or-later) and authentic2 (AGPL-3.0-or-later)."""
    from catalogue.demo import SERVICES

    licences = {service["slug"]: service["licence"] for service in SERVICES}
    assert licences["limesurvey"] == "GPL-2.0-or-later"
    assert licences["publik"] == "GPL-2.0-or-later AND AGPL-3.0-or-later"
    for slug, licence in licences.items():
        validate_licence(licence)
        assert len(licence) <= 40, slug
