"""SPDX identifiers of the licences accepted in the catalogue (open-source and open-data licences).

The list follows the licences the French State recommends for public source code (décret n° 2017-638,
https://www.data.gouv.fr/fr/pages/legal/licences/) plus the other OSI-approved licences commonly met
in public digital services. Identifiers are those of https://spdx.org/licenses/.
"""

import re

from django.core.exceptions import ValidationError

SPDX_LICENCES: dict[str, str] = {
    "AGPL-3.0-only": "GNU Affero GPL v3 seulement",
    "AGPL-3.0-or-later": "GNU Affero GPL v3 ou ultérieure",
    "GPL-2.0-only": "GNU GPL v2 seulement",
    "GPL-2.0-or-later": "GNU GPL v2 ou ultérieure",
    "GPL-3.0-only": "GNU GPL v3 seulement",
    "GPL-3.0-or-later": "GNU GPL v3 ou ultérieure",
    "LGPL-2.1-only": "GNU LGPL v2.1 seulement",
    "LGPL-2.1-or-later": "GNU LGPL v2.1 ou ultérieure",
    "LGPL-3.0-only": "GNU LGPL v3 seulement",
    "LGPL-3.0-or-later": "GNU LGPL v3 ou ultérieure",
    "MIT": "MIT",
    "Apache-2.0": "Apache 2.0",
    "BSD-2-Clause": "BSD 2 clauses",
    "BSD-3-Clause": "BSD 3 clauses",
    "ISC": "ISC",
    "MPL-2.0": "Mozilla Public License 2.0",
    "EUPL-1.1": "EUPL 1.1",
    "EUPL-1.2": "EUPL 1.2",
    "CECILL-2.0": "CeCILL 2.0",
    "CECILL-2.1": "CeCILL 2.1",
    "CECILL-B": "CeCILL-B",
    "CECILL-C": "CeCILL-C",
    "EPL-2.0": "Eclipse Public License 2.0",
    "OSL-3.0": "Open Software License 3.0",
    "Unlicense": "Unlicense",
    "0BSD": "BSD zéro clause",
    "Zlib": "zlib",
    "Artistic-2.0": "Artistic 2.0",
    "CC0-1.0": "Creative Commons Zero 1.0",
    "etalab-2.0": "Licence Ouverte 2.0 (Etalab)",
    "PostgreSQL": "PostgreSQL",
    "Python-2.0": "Python 2.0",
    "LGPL-2.0-only": "GNU LGPL v2 seulement",
    "LGPL-2.0-or-later": "GNU LGPL v2 ou ultérieure",
    "GPL-1.0-or-later": "GNU GPL v1 ou ultérieure",
    "MPL-1.1": "Mozilla Public License 1.1",
    "EPL-1.0": "Eclipse Public License 1.0",
    "CPL-1.0": "Common Public License 1.0",
    "CPAL-1.0": "Common Public Attribution License 1.0",
    "IPL-1.0": "IBM Public License 1.0",
    "OLDAP-2.8": "OpenLDAP Public License 2.8",
    "X11": "X11",
    "Zimbra-1.3": "Zimbra Public License 1.3",
    "BSL-1.0": "Boost Software License 1.0",
    "CC-BY-4.0": "Creative Commons Attribution 4.0",
    "CC-BY-SA-4.0": "Creative Commons Attribution – Partage dans les mêmes conditions 4.0",
    # SPDX expressions for services made of components under different licences (Publik).
    "GPL-2.0-or-later AND AGPL-3.0-or-later": "GNU GPL v2 ou ultérieure et GNU Affero GPL v3 ou ultérieure",
}

# Lower-case lookup: imports accept "agpl-3.0-or-later" and store the canonical spelling.
_CANONICAL = {key.lower(): key for key in SPDX_LICENCES}
# Old SPDX spellings still found in public lists (deprecated identifiers → current ones).
_ALIASES = {
    "agpl-3.0": "AGPL-3.0-only",
    "agpl-3.0+": "AGPL-3.0-or-later",
    "gpl-2.0": "GPL-2.0-only",
    "gpl-2.0+": "GPL-2.0-or-later",
    "gpl-3.0": "GPL-3.0-only",
    "gpl-3.0+": "GPL-3.0-or-later",
    "lgpl-2.1": "LGPL-2.1-only",
    "lgpl-2.1+": "LGPL-2.1-or-later",
    "lgpl-3.0": "LGPL-3.0-only",
    "lgpl-3.0+": "LGPL-3.0-or-later",
    "lgpl-2.0": "LGPL-2.0-only",
    "lgpl-2.0+": "LGPL-2.0-or-later",
    "agpl-3": "AGPL-3.0-only",
    "gpl-3": "GPL-3.0-only",
    "gpl-2": "GPL-2.0-only",
    "lgpl-2": "LGPL-2.0-only",
    "lgpl-3": "LGPL-3.0-only",
    "gpl v2.0": "GPL-2.0-only",
    "lgpl-v2.1": "LGPL-2.1-only",
    "bsd-3.0": "BSD-3-Clause",
    "mpl 2.0": "MPL-2.0",
    "cpa": "CPAL-1.0",
    "apache 2.0": "Apache-2.0",
    "eupl": "EUPL-1.2",
    "cecill": "CECILL-2.1",
}

LICENCE_CHOICES = [(key, f"{label} ({key})" if label != key else key) for key, label in SPDX_LICENCES.items()]


def canonical_licence(value: str) -> str | None:
    """The canonical SPDX identifier for `value` (case-insensitive, deprecated spellings accepted), or None."""
    key = (value or "").strip().lower()
    return _CANONICAL.get(key) or _ALIASES.get(key)


def first_licence(value: str) -> str | None:
    """The first recognised identifier of a list such as "GPL-2.0, LGPL-3.0" or "MPL 2.0 et EPL 1.0", or None."""
    for token in re.split(r",|/| et | or | ou |;", value or ""):
        if found := canonical_licence(token):
            return found
    return None


def validate_licence(value: str) -> None:
    if value not in SPDX_LICENCES:
        raise ValidationError(
            "« %(value)s » n’est pas un identifiant SPDX de licence libre reconnu "
            "(exemples : AGPL-3.0-or-later, MIT, EUPL-1.2).",
            params={"value": value},
            code="invalid_licence",
        )
