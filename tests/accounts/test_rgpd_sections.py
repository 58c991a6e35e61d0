"""The personal-data export covers what the person wrote in every app, not only their profile."""

import json

from django.urls import reverse

from catalogue.models import AdopterMessage
from journeys.models import Comment
from tests.catalogue.factories import AdoptionFactory, ServiceFactory
from tests.journeys.factories import ProjectFactory, sample_template


def test_member_downloads_their_projects_comments_declarations_and_messages(client_as, world):
    member = world["member"]
    sample_template()
    project = ProjectFactory(organisation=world["org"], created_by=member, title="Qualité de l’air")
    Comment.objects.create(project=project, author=member, body="Voir avec le syndicat mixte.", body_html="")
    service = ServiceFactory(name="Decidim")
    AdoptionFactory(service=service, organisation=world["org"], declared_by=member)
    AdopterMessage.objects.create(
        service=service, sender=member, organisation=world["org"], subject="Mutualiser", body="Bonjour à tous."
    )
    response = client_as(member).get(reverse("accounts:data_export"))
    data = json.loads(b"".join(response.streaming_content) if response.streaming else response.content)
    assert data["projets_crees"][0]["projet"] == "Qualité de l’air"
    assert data["commentaires"][0]["texte"] == "Voir avec le syndicat mixte."
    assert data["declarations_de_services"][0]["service"] == "Decidim"
    assert data["messages_aux_collectivites_utilisatrices"][0]["message"] == "Bonjour à tous."
    assert data["collectivites_inscrites"] == []
