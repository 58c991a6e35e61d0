"""Receivers of the catalogue for signals of the apps below it (connected in CatalogueConfig.ready)."""

from catalogue import services


def organisation_status_changed(sender, *, organisation, **kwargs) -> None:
    """A collectivité was confirmed or refused: its declarations become public (or stop being), counts follow."""
    services.refresh_organisation_adoptions(organisation=organisation)
