"""Deleting an account leaves the person's name and address nowhere: not even in the back-office log."""

import json

from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.urls import reverse

from accounts import services
from accounts.models import Membership
from journeys.models import Comment
from tests.accounts.factories import JoinRequestFactory, MembershipFactory, StaffUserFactory, UserFactory
from tests.journeys.factories import ProjectFactory, sample_template

NAME = "Clémence Martin-Lefèvre"
EMAIL = "clemence.martin@mairie-aurillac.example.fr"


def _traces(entries) -> str:
    return " ".join(f"{entry.object_repr} {entry.change_message} {entry.get_change_message()}" for entry in entries)


def test_deleting_the_account_scrubs_the_admin_log(client):
    person = UserFactory(first_name="Clémence", last_name="Martin-Lefèvre", email=EMAIL)
    staff = StaffUserFactory(first_name="Paul", last_name="Durand")
    membership = MembershipFactory(user=person, organisation__name="Aurillac")
    join_request = JoinRequestFactory(user=person)
    LogEntry.objects.log_actions(staff.pk, [person], CHANGE, "Fonction modifiée.", single_object=True)
    LogEntry.objects.log_actions(staff.pk, [membership], ADDITION, [{"added": {}}], single_object=True)
    LogEntry.objects.log_actions(staff.pk, [join_request], CHANGE, "Demande acceptée.", single_object=True)
    LogEntry.objects.log_actions(
        staff.pk,
        [membership.organisation],
        CHANGE,
        [{"added": {"name": "rattachement", "object": str(membership)}}],
        single_object=True,
    )
    LogEntry.objects.log_actions(
        staff.pk,
        [membership.organisation],
        CHANGE,
        f"Rattachement de {NAME} ({EMAIL.upper()}) approuvé par téléphone.",
        single_object=True,
    )
    unrelated = LogEntry.objects.log_actions(
        person.pk, [staff], CHANGE, "Paul Durand a changé de fonction.", single_object=True
    )
    before = _traces(LogEntry.objects.all())
    assert NAME in before
    assert json.dumps(NAME)[1:-1] in before  # the JSON change messages escape accents

    services.delete_account(user=person)

    after = _traces(LogEntry.objects.all())
    for trace in (NAME, json.dumps(NAME)[1:-1], EMAIL, EMAIL.upper()):
        assert trace not in after
    assert "Utilisateur supprimé" in after
    assert LogEntry.objects.filter(object_repr__contains="Aurillac").exists()
    unrelated.refresh_from_db()
    assert unrelated.get_change_message() == "Paul Durand a changé de fonction."
    assert len(LogEntry.objects.get(change_message__contains="rattachement").get_change_message()) > 0


def test_a_short_name_does_not_scrub_the_rest_of_the_log():
    person = UserFactory(first_name="Al", last_name="", email="al@mairie.example.fr")
    staff = StaffUserFactory()
    other = UserFactory(first_name="Alice", last_name="Dupont")
    entry = LogEntry.objects.log_actions(staff.pk, [other], CHANGE, "Alice a été nommée.", single_object=True)
    services.delete_account(user=person)
    entry.refresh_from_db()
    assert entry.object_repr == "Alice Dupont"
    assert entry.change_message == "Alice a été nommée."


def test_pages_show_the_deleted_author_without_their_name(client_as, world):
    sample_template()
    person = MembershipFactory(
        organisation=world["org"], user__first_name="Clémence", user__last_name="Martin-Lefèvre"
    ).user
    project = ProjectFactory(organisation=world["org"], created_by=person)
    Comment.objects.create(project=project, author=person, body="Bonjour", body_html="<p>Bonjour</p>")
    services.delete_account(user=person)
    assert not Membership.objects.filter(user=person).exists()
    client = client_as(world["member"])
    for url in (
        project.get_absolute_url(),
        reverse("journeys:project_history", kwargs={"public_id": project.public_id}),
    ):
        page = client.get(url).text
        assert "Clémence" not in page
        assert "Martin-Lefèvre" not in page
