"""Receivers that keep the cached programme pages right (connected in TerritoriesConfig.ready).

A programme page lists its member communes and EPCI with their names and départements: any change of a programme,
of its members or of the referential they come from moves the token the pages are cached under.
"""

from common.fragments import bump_version

PROGRAMME_PAGES = "territories:programme-pages"


def programme_pages_changed(sender, **kwargs) -> None:
    bump_version(PROGRAMME_PAGES)
