"""Receivers of the catalogue for signals of the apps below it (connected in CatalogueConfig.ready)."""

from django.db import transaction

from catalogue import services
from catalogue.selectors import CATALOGUE_PAGES
from common.fragments import bump_version


def catalogue_pages_changed(sender, **kwargs) -> None:
    bump_version(CATALOGUE_PAGES)


def organisation_status_changed(sender, *, organisation, **kwargs) -> None:
    """A collectivité was confirmed or refused: its declarations become public (or stop being), counts follow."""
    services.refresh_organisation_adoptions(organisation=organisation)


def adoption_deleted(sender, *, instance, **kwargs) -> None:
    """A declaration deleted by cascade (its organisation deleted in the back-office): recount on commit."""
    transaction.on_commit(lambda: services.refresh_adopter_counts(service_ids=[instance.service_id]))
