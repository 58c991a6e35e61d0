"""A member asks ANCT for ingénierie on a project: intake facts, attachments, routing and emails."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.enums import ScopeLevel
from accounts.models import StaffScope
from assistance import services
from assistance.enums import CostRule, EventKind, LocalSupport, RequestKind, RequestStatus, Urgency
from assistance.models import AssistanceRequest
from tests.accounts.factories import StaffUserFactory
from tests.assistance.factories import AssistanceRequestFactory, pdf_upload
from tests.journeys.factories import ProjectFactory, ThemeFactory


def _submit(project, user, **overrides):
    data = {
        "project": project,
        "user": user,
        "kind": RequestKind.PROJECT_SUPPORT,
        "need": "Rédiger le **cahier des charges** de notre assistant d’accueil.",
        "urgency": Urgency.NORMAL,
        "local_support": LocalSupport.DECLINED,
        "local_actors": ["epci", "agence_departementale"],
        "local_answer": "L’agence départementale ne traite pas les sujets numériques.",
    }
    data.update(overrides)
    return services.submit_request(**data)


@pytest.fixture
def project(world):
    return ProjectFactory(organisation=world["org"], created_by=world["member"])


def test_member_submits_a_request_with_an_attachment_and_themes(world, project, django_capture_on_commit_callbacks):
    theme = ThemeFactory(slug="donnees")
    with django_capture_on_commit_callbacks(execute=True):
        request = _submit(project, world["member"], themes=[theme], uploads=[pdf_upload("cahier.pdf")])
    request.refresh_from_db()
    assert request.status == RequestStatus.SUBMITTED
    assert request.organisation == world["org"]
    assert request.local_actors == ["epci", "agence_departementale"]
    assert list(request.themes.all()) == [theme]
    attachment = request.attachments.get()
    assert attachment.file_name == "cahier.pdf"
    assert attachment.file_type == "application/pdf"
    assert attachment.file.name.endswith(".pdf")
    assert "cahier" not in attachment.file.name
    assert [event.kind for event in request.events.all()] == [EventKind.SUBMITTED]


def test_the_request_goes_to_the_chargés_of_the_département_and_is_acknowledged_to_members(
    world, project, django_capture_on_commit_callbacks
):
    national = StaffUserFactory()
    StaffScope.objects.filter(user=national).update(level=ScopeLevel.NATIONAL)
    with django_capture_on_commit_callbacks(execute=True):
        _submit(project, world["member"])
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert world["staff_in"].email in by_recipient
    assert "Nouvelle demande d’ingénierie" in by_recipient[world["staff_in"].email].subject
    assert "/espace-anct/demandes/" in by_recipient[world["staff_in"].email].body
    # Routed to the département: the national level and the other département are not disturbed.
    assert national.email not in by_recipient
    assert world["staff_out"].email not in by_recipient
    assert world["referent"].email in by_recipient
    assert "transmise à l’ANCT" in by_recipient[world["referent"].email].subject
    assert all(len(message.to) == 1 and not message.cc and not message.bcc for message in mail.outbox)


def test_without_a_départemental_chargé_the_regional_level_receives_the_request(
    world, project, django_capture_on_commit_callbacks
):
    world["staff_in"].staff_scope.departements.clear()
    regional = StaffUserFactory()
    StaffScope.objects.filter(user=regional).update(level=ScopeLevel.REGIONAL, region_id=world["org"].region_id)
    with django_capture_on_commit_callbacks(execute=True):
        _submit(project, world["member"])
    assert regional.email in {message.to[0] for message in mail.outbox}


@pytest.mark.parametrize(
    ("population", "expected"), [(3_499, CostRule.FREE), (3_500, CostRule.COFUNDED), (None, CostRule.UNKNOWN)]
)
def test_a_small_commune_can_have_the_support_for_free(world, project, population, expected):
    commune = world["org"].commune
    commune.population = population
    commune.save()
    request = _submit(project, world["member"])
    assert request.cost_rule == expected
    assert request.population == population


@pytest.mark.parametrize("role", ["staff_in", "outsider", "staff_out"])
def test_only_members_may_ask(world, project, role):
    with pytest.raises(services.NotAllowedError):
        _submit(project, world[role])
    assert AssistanceRequest.objects.count() == 0


def test_a_refused_attachment_saves_nothing(world, project):
    fake = SimpleUploadedFile("virus.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    with pytest.raises(services.AttachmentError, match=r"virus\.pdf"):
        _submit(project, world["member"], uploads=[pdf_upload(), fake])
    assert AssistanceRequest.objects.count() == 0


@pytest.mark.parametrize(
    ("need", "message"),
    [("", "obligatoire"), ("x" * 5_001, "trop long"), ("Bonjour\x00", "caractère invalide")],
)
def test_a_bad_need_is_refused_with_a_french_message(world, project, need, message):
    with pytest.raises(services.AssistanceError, match=message):
        _submit(project, world["member"], need=need)
    assert AssistanceRequest.objects.count() == 0


@pytest.mark.parametrize(
    "overrides",
    [{"kind": "piratage"}, {"urgency": "hier"}, {"local_support": "peut-être"}, {"local_actors": ["mairie"]}],
)
def test_values_outside_the_choices_are_refused(world, project, overrides):
    with pytest.raises(services.RequestRefusedError):
        _submit(project, world["member"], **overrides)


def test_one_open_cadrage_opinion_per_project(world, project):
    AssistanceRequestFactory(project=project, kind=RequestKind.CADRAGE_OPINION)
    with pytest.raises(services.RequestRefusedError, match="déjà en cours"):
        _submit(project, world["member"], kind=RequestKind.CADRAGE_OPINION)
    AssistanceRequest.objects.update(status=RequestStatus.CLOSED, outcome="Avis rendu.")
    assert _submit(project, world["member"], kind=RequestKind.CADRAGE_OPINION).pk
