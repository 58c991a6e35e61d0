"""Receivers of the catalogue for signals of the apps below it (connected in CatalogueConfig.ready)."""

from django.db import transaction

from catalogue import services
from common.fragments import bump_version

# The token of the catalogue's cached pages (search results, service pages) for the writes that catalogue_version()
# does not see: themes, publishers, organisation and programme names, services deleted, a service's themes.
CATALOGUE_PAGES = "catalogue:pages"


def catalogue_pages_changed(sender, **kwargs) -> None:
    bump_version(CATALOGUE_PAGES)


def organisation_status_changed(sender, *, organisation, **kwargs) -> None:
    """A collectivité was confirmed or refused: its declarations become public (or stop being), counts follow."""
    services.refresh_organisation_adoptions(organisation=organisation)


def adoption_deleted(sender, *, instance, **kwargs) -> None:
    """A declaration deleted by cascade (its organisation deleted in the back-office): recount on commit."""
    transaction.on_commit(lambda: services.refresh_adopter_counts(service_ids=[instance.service_id]))
