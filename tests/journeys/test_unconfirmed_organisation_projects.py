"""A collectivité pending ANCT confirmation may run projects, and they stay private like every project."""

import pytest
from django.urls import reverse

from catalogue.services import declare_adoption
from journeys.models import Project
from journeys.services import shortlist_service
from tests.accounts.factories import MembershipFactory
from tests.catalogue.factories import ServiceFactory
from tests.journeys.factories import move_to, sample_template


@pytest.mark.parametrize("status", ["pending", "rejected"])
def test_projects_of_an_unconfirmed_organisation_are_seen_by_nobody_else(client, status):
    sample_template()
    membership = MembershipFactory(organisation__pending=True, organisation__name="Marseille", role="referent")
    client.force_login(membership.user)
    response = client.post(
        reverse("journeys:project_create"),
        {"organisation": membership.organisation.pk, "title": "Chatbot de l’accueil", "description": "x"},
    )
    assert response.status_code == 302
    project = Project.objects.get()
    assert client.get(project.get_absolute_url()).status_code == 200
    membership.organisation.status = status
    membership.organisation.save()

    service = ServiceFactory()
    move_to(project, "solution")
    shortlist_service(project=project, user=membership.user, service=service)
    declare_adoption(
        service=service, organisation=membership.organisation, status="utilise", declared_by=membership.user
    )

    outsider = MembershipFactory().user
    client.force_login(outsider)
    assert client.get(project.get_absolute_url()).status_code == 404
    assert "Chatbot de l’accueil" not in client.get(reverse("journeys:project_list")).text
    assert "Chatbot de l’accueil" not in client.get(service.get_absolute_url()).text
    client.logout()
    assert client.get(project.get_absolute_url()).status_code == 302
    public_page = client.get(service.get_absolute_url()).text
    assert "Chatbot de l’accueil" not in public_page
    assert "Marseille" not in public_page
