"""A member records the modules they followed; the collectivité's members (only they) see who in the team did."""

from django.contrib.auth.models import AnonymousUser

from accounts.models import Membership
from accounts.organisation_sections import sections_for
from awareness.models import ModuleCompletion
from tests.accounts.factories import MembershipFactory

URL = "/se-former/ce-qu-est-l-ia/suivi/"


def test_member_records_a_module_once(client_as, world):
    client = client_as(world["member"])

    first = client.post(URL)
    client.post(URL)

    assert first.status_code == 302
    assert first["Location"] == "/se-former/ce-qu-est-l-ia/"
    assert ModuleCompletion.objects.filter(user=world["member"]).count() == 1
    page = client.get("/se-former/ce-qu-est-l-ia/").content.decode()
    assert "Vous avez suivi ce module" in page
    assert "Suivi</p>" in client.get("/se-former/").content.decode()


def test_anonymous_visitor_is_sent_to_log_in_and_nothing_is_recorded(client):
    response = client.post(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/compte/login/")
    assert not ModuleCompletion.objects.exists()


def test_unknown_module_records_nothing(client_as, world):
    assert client_as(world["member"]).post("/se-former/inconnu/suivi/").status_code == 404
    assert not ModuleCompletion.objects.exists()


def test_members_see_who_in_their_team_followed_which_module(client_as, world):
    ModuleCompletion.objects.create(user=world["referent"], module_slug="cadre-juridique")

    page = client_as(world["member"]).get("/mon-compte/").content.decode()

    assert f"Formation à l’IA de l’équipe — {world['org'].name}" in page
    referent_name = world["referent"].get_full_name()
    row = page[page.index(referent_name) :]
    assert "1&nbsp;sur&nbsp;6&nbsp;: Le cadre juridique" in row[:400]


def test_outsiders_get_nothing_of_the_team_record(client_as, world):
    ModuleCompletion.objects.create(user=world["referent"], module_slug="cadre-juridique")
    MembershipFactory(organisation=world["other_org"], role="agent")

    page = client_as(world["outsider"]).get("/mon-compte/").content.decode()

    assert world["org"].name not in page
    assert world["referent"].get_full_name() not in page
    # Asked with another person's membership, the sections give nothing: ANCT staff included.
    membership = Membership.objects.get(user=world["member"], organisation=world["org"])
    for person in ("outsider", "staff_in", "staff_out", "anonymous"):
        assert sections_for(world[person] or AnonymousUser(), [membership]) == ""
    assert "Le cadre juridique" in sections_for(world["member"], [membership])


def test_rgpd_export_lists_the_modules_followed(client_as, world):
    from accounts.rgpd import export_user_data

    ModuleCompletion.objects.create(user=world["member"], module_slug="les-donnees")
    assert export_user_data(world["member"])["formations_ia_suivies"][0]["module"] == "les-donnees"


def test_team_record_costs_the_same_queries_whatever_the_number_of_collectivites(client_as, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_as(world["member"])

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/mon-compte/").status_code == 200
        return len(captured)

    ModuleCompletion.objects.create(user=world["referent"], module_slug="les-donnees")
    queries()  # the first request of a session costs more
    with_one = queries()
    for _ in range(3):
        membership = MembershipFactory(user=world["member"], role="agent")
        MembershipFactory(organisation=membership.organisation, role="elu")
    assert queries() == with_one
