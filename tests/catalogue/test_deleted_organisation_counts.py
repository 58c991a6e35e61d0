"""A collectivité deleted in the back-office stops counting among a service's adopters."""

from django.db import transaction

from tests.catalogue.factories import AdoptionFactory, ServiceFactory
from tests.territories.factories import CommuneFactory, ProgrammeFactory


def test_deleting_an_organisation_recounts_the_services_it_declared(themes, django_capture_on_commit_callbacks):
    service = ServiceFactory()
    programme = ProgrammeFactory()
    commune = CommuneFactory()
    programme.communes.add(commune)
    adoption = AdoptionFactory(service=service, organisation__commune=commune)
    AdoptionFactory(service=service)
    service.refresh_from_db()
    assert service.adopter_count == 2
    assert list(service.adopter_programmes.all()) == [programme]
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        adoption.organisation.delete()
    service.refresh_from_db()
    assert service.adopter_count == 1
    assert not service.adopter_programmes.exists()
