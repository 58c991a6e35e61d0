"""The RGPD export carries the person's ingénierie requests, messages and closure opinions."""

from accounts.rgpd import export_user_data
from assistance import services
from assistance.models import Satisfaction
from tests.assistance.factories import AssistanceRequestFactory


def test_requests_messages_and_opinions_are_exported(world):
    found = AssistanceRequestFactory(project__organisation=world["org"], submitted_by=world["member"], closed=True)
    services.post_message(request=found, author=world["member"], body="Merci pour l’appui.")
    Satisfaction.objects.create(request=found, usefulness="oui", would_recommend="oui", answered_by=world["member"])
    data = export_user_data(world["member"])
    assert data["demandes_d_ingenierie"][0]["besoin"] == found.need
    assert data["demandes_d_ingenierie"][0]["statut"] == "clôturée"
    assert data["messages_d_ingenierie"] == [
        {
            "projet": found.project.title,
            "message": "Merci pour l’appui.",
            "envoye_le": data["messages_d_ingenierie"][0]["envoye_le"],
        }
    ]
    assert data["avis_sur_l_ingenierie"][0]["utile"] == "oui, tout à fait"
    assert export_user_data(world["referent"])["demandes_d_ingenierie"] == []
