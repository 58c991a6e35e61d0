"""The RGPD export lists the initiatives a person published or withdrew and the messages they relayed."""

from accounts.rgpd import export_user_data
from initiatives.models import InitiativeMessage
from tests.initiatives.factories import InitiativeFactory
from tests.journeys.factories import ProjectFactory


def test_export_holds_publications_and_relayed_messages(world):
    initiative = InitiativeFactory(project=ProjectFactory(organisation=world["org"]), published_by=world["referent"])
    InitiativeMessage.objects.create(
        initiative=initiative, sender=world["outsider"], subject="Bonjour", body="Comment avez-vous fait ?"
    )
    published = export_user_data(world["referent"])["initiatives_publiees"]
    assert [item["initiative"] for item in published] == [initiative.title]
    sent = export_user_data(world["outsider"])["messages_aux_initiatives"]
    assert [item["message"] for item in sent] == ["Comment avez-vous fait ?"]
    assert export_user_data(world["member"])["messages_aux_initiatives"] == []
