"""Relances on a project: when ANCT waits on the collectivité about a project (a question asked, a document
expected), its members are reminded on the requests' cadence until one of them acts on the project; the espace
lists the collectivités that have not reacted."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from assistance import services
from assistance.models import AssistanceRequest, Follow, ProjectWait
from journeys import services as journeys_services
from tests.journeys.factories import ProjectFactory


@pytest.fixture
def project(world):
    return ProjectFactory(organisation=world["org"], title="Assistant pour l’accueil")


def _wait(world, project, what: str = "Le compte rendu du conseil municipal") -> ProjectWait:
    return services.wait_on_project(project=project, user=world["staff_in"], waiting_for=what)


def test_members_are_told_then_reminded_on_the_requests_cadence(
    world, project, settings, django_capture_on_commit_callbacks
):
    settings.ASSISTANCE_REMINDER_DAYS = 7
    settings.ASSISTANCE_REMINDER_MAX = 2
    with django_capture_on_commit_callbacks(execute=True):
        wait = _wait(world, project)
    assert {message.to[0] for message in mail.outbox} == {world["member"].email, world["referent"].email}
    assert "Assistant pour l’accueil" in mail.outbox[0].subject
    assert "Le compte rendu du conseil municipal" in mail.outbox[0].body
    assert project.get_absolute_url() in mail.outbox[0].body
    assert world["staff_in"].email not in mail.outbox[0].body
    start = wait.waiting_since
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_due_reminders(now=start + timedelta(days=6)) == 0
        assert services.send_due_reminders(now=start + timedelta(days=7, minutes=1)) == 1
        assert services.send_due_reminders(now=start + timedelta(days=10)) == 0
        assert services.send_due_reminders(now=start + timedelta(days=14, minutes=2)) == 1
        assert services.send_due_reminders(now=start + timedelta(days=60)) == 0  # maximum reached
    wait.refresh_from_db()
    assert wait.reminders_sent == 2
    assert len(mail.outbox) == 2 * 2  # two members, twice
    assert all(message.subject.startswith("[Territoires IA] Relance") for message in mail.outbox)


def test_requests_and_projects_share_one_reminder_run(world, project, settings):
    settings.ASSISTANCE_REMINDER_DAYS = 7
    request = AssistanceRequest.objects.create(
        project=project, organisation=project.organisation, kind="amo", need="x", local_support="refus"
    )
    services.change_status(request=request, user=world["staff_in"], to_status="instruction")
    services.wait_for_collectivite(request=request, user=world["staff_in"], waiting_for="Le budget")
    _wait(world, project)
    assert services.send_due_reminders(now=timezone.now() + timedelta(days=8)) == 2


def test_activity_of_a_member_on_the_project_stops_the_reminders(world, project, settings):
    settings.ASSISTANCE_REMINDER_DAYS = 7
    wait = _wait(world, project)
    journeys_services.add_comment(project=project, author=world["member"], body="Le voici, en pièce jointe.")
    assert services.send_due_reminders(now=timezone.now() + timedelta(days=30)) == 0
    wait.refresh_from_db()
    assert wait.waiting_since is None
    assert wait.answered_at is not None


def test_anct_activity_or_activity_before_the_wait_is_no_answer(world, project, settings):
    settings.ASSISTANCE_REMINDER_DAYS = 7
    journeys_services.add_comment(project=project, author=world["member"], body="Avant la question.")
    _wait(world, project)
    journeys_services.add_comment(project=project, author=world["staff_in"], body="Avez-vous le compte rendu ?")
    assert services.send_due_reminders(now=timezone.now() + timedelta(days=8)) == 1


def test_waiting_again_restarts_the_cadence(world, project, settings):
    settings.ASSISTANCE_REMINDER_DAYS = 7
    _wait(world, project)
    services.send_due_reminders(now=timezone.now() + timedelta(days=8))
    wait = _wait(world, project, "La délibération")
    assert (wait.reminders_sent, wait.waiting_for) == (0, "La délibération")
    assert ProjectWait.objects.filter(project=project).count() == 1


def test_the_chargé_follows_the_project_they_wait_on_and_may_stop_waiting(world, project, settings):
    _wait(world, project)
    assert Follow.objects.filter(user=world["staff_in"], project=project).exists()
    services.stop_waiting_on_project(project=project, user=world["staff_in"])
    assert services.send_due_reminders(now=timezone.now() + timedelta(days=30)) == 0


def test_waiting_outside_the_scope_is_refused(world, project):
    with pytest.raises(services.NotAllowedError):
        services.wait_on_project(project=project, user=world["staff_out"], waiting_for="x")
    with pytest.raises(services.NotAllowedError):
        services.wait_on_project(project=project, user=world["member"], waiting_for="x")
    assert not ProjectWait.objects.exists()


def test_what_is_expected_is_required_and_bounded(world, project):
    for bad in ("", "   ", "x" * 301, "nul\x00"):
        with pytest.raises(services.AssistanceError):
            services.wait_on_project(project=project, user=world["staff_in"], waiting_for=bad)
    assert not ProjectWait.objects.exists()


# --- Pages ------------------------------------------------------------------------------------------------------


def test_the_chargé_waits_from_the_project_page_and_members_see_what_is_expected(client_as, world, project):
    staff = client_as(world["staff_in"])
    page = staff.get(project.get_absolute_url()).content.decode()
    assert "Ce que vous attendez de la collectivité" in page
    url = reverse("espace:project_waiting", kwargs={"public_id": project.public_id})
    response = staff.post(url, {"waiting_for": "La délibération du conseil"})
    assert response.status_code == 302
    assert ProjectWait.objects.get(project=project).waiting_for == "La délibération du conseil"
    member_page = client_as(world["member"]).get(project.get_absolute_url()).content.decode()
    assert "L’ANCT attend de votre part" in member_page
    assert "La délibération du conseil" in member_page
    assert "Ce que vous attendez de la collectivité" not in member_page


def test_an_empty_expectation_is_refused_with_a_message(client_as, world, project):
    url = reverse("espace:project_waiting", kwargs={"public_id": project.public_id})
    response = client_as(world["staff_in"]).post(url, {"waiting_for": ""}, follow=True)
    assert "Ce que vous attendez de la collectivité est obligatoire." in response.content.decode()
    assert not ProjectWait.objects.exists()


def test_the_chargé_stops_waiting_from_the_project_page(client_as, world, project):
    _wait(world, project)
    url = reverse("espace:project_waiting", kwargs={"public_id": project.public_id})
    assert client_as(world["staff_in"]).post(url, {"stop": "1"}).status_code == 302
    assert ProjectWait.objects.get(project=project).waiting_since is None


def test_waiting_on_a_project_of_another_département_is_a_404(client_as, world, project):
    url = reverse("espace:project_waiting", kwargs={"public_id": project.public_id})
    assert client_as(world["staff_out"]).post(url, {"waiting_for": "x"}).status_code == 404
    assert not ProjectWait.objects.exists()


def test_the_espace_lists_collectivités_that_have_not_reacted(client_as, world, settings):
    settings.ASSISTANCE_REMINDER_DAYS = 7
    silent = ProjectFactory(organisation=world["org"], title="Projet resté sans réponse")
    fresh = ProjectFactory(organisation=world["org"], title="Projet qui vient d’être relancé")
    answered = ProjectFactory(organisation=world["org"], title="Projet qui a répondu")
    for item in (silent, answered):
        _wait(world, item)
    services.send_due_reminders(now=timezone.now() + timedelta(days=8))
    _wait(world, fresh)
    # The member acts before the next reminder run: the espace no longer counts it, the sweep closes it later.
    journeys_services.add_comment(project=answered, author=world["referent"], body="Voici le document.")
    client = client_as(world["staff_in"])
    home = client.get(reverse("espace:home")).content.decode()
    section = home[
        home.index('id="projects_no_reaction"') : home.index("</section>", home.index('id="projects_no_reaction"'))
    ]
    assert "Projet resté sans réponse" in section
    assert "relancée 1 fois" in section
    assert "Projet qui a répondu" not in section
    assert "Projet qui vient d’être relancé" not in section
    listing = client.get(reverse("espace:project_list"), {"suivi": "sans_reaction"}).content.decode()
    assert "Projet resté sans réponse" in listing
    assert "Projet qui a répondu" not in listing
    assert "Projet qui vient d’être relancé" not in listing
    waiting = client.get(reverse("espace:project_list"), {"suivi": "attente"}).content.decode()
    assert "Projet resté sans réponse" in waiting
    assert "Projet qui vient d’être relancé" in waiting
    assert "Projet qui a répondu" not in waiting
    assert "attend la collectivité (1 relance)" in waiting


def test_another_département_sees_none_of_it(client_as, world, project, settings):
    settings.ASSISTANCE_REMINDER_DAYS = 7
    _wait(world, project)
    services.send_due_reminders(now=timezone.now() + timedelta(days=8))
    client = client_as(world["staff_out"])
    assert "Assistant pour l’accueil" not in client.get(reverse("espace:home")).content.decode()
    listing = client.get(reverse("espace:project_list"), {"suivi": "sans_reaction"}).content.decode()
    assert "Assistant pour l’accueil" not in listing
