"""A step's answer, the diagnostic and the ethics check are saved the same way: a save made on a version someone has
since replaced is refused with one error and one French message, and nothing already saved is lost."""

from dataclasses import dataclass
from typing import Any

import pytest
from django.db import transaction
from django.urls import reverse

from journeys import services
from journeys.enums import EventKind, StepKind
from journeys.models import DiagnosticResponse, EthicsCheck, ProjectEvent, StepAnswer
from journeys.selectors import diagnostic_with_questions
from journeys.services import saving
from tests.accounts.factories import MembershipFactory
from tests.journeys import sample_content
from tests.journeys.factories import ProjectFactory, move_to, sample_diagnostic, sample_template, step

TAIL = (
    "remplissiez\u00a0: rien n’a été enregistré, comparez les deux versions puis enregistrez à nouveau pour garder "
    "la vôtre."
)


@dataclass
class Path:
    """One of the three save paths: how to save, what it saved, and what its stale-edit message names."""

    name: str
    stage: str
    subject: str
    pronoun: str
    first: dict
    second: dict

    def save(self, project, user, data: dict, version: int):
        if self.name == "step":
            return services.save_step_answer(
                project=project,
                step_id=step(project, "besoin").pk,
                user=user,
                data=data,
                expected_version=version,
            )
        if self.name == "diagnostic":
            return services.save_diagnostic(
                project=project,
                user=user,
                diagnostic=_diagnostic(),
                raw_answers=data,
                expected_version=version,
            )
        return services.save_ethics_check(project=project, user=user, raw_answers=data, expected_version=version)

    def saved(self, project) -> tuple[Any, int, Any]:
        """(what is saved, its version, who saved it)."""
        if self.name == "step":
            row = StepAnswer.objects.get(project=project, step__key="besoin")
            return row.value, row.version, row.updated_by
        model = DiagnosticResponse if self.name == "diagnostic" else EthicsCheck
        row = model.objects.get(project=project)
        return row.answers, row.version, row.updated_by

    def url(self, project) -> str:
        if self.name == "step":
            kwargs = {"public_id": project.public_id, "step_id": step(project, "besoin").pk}
            return reverse("journeys:step_save", kwargs=kwargs)
        name = "journeys:diagnostic_form" if self.name == "diagnostic" else "journeys:ethics_form"
        return reverse(name, kwargs={"public_id": project.public_id})


def _diagnostic():
    return diagnostic_with_questions(sample_diagnostic())


PATHS = [
    Path(
        "step",
        "agenda",
        "la réponse à « Quel est le besoin ? »",
        "la",
        {"text": "Version d’Alice"},
        {"text": "Version de Bruno"},
    ),
    Path("diagnostic", "diagnostic", "le diagnostic", "le", {"strategie-1": "3"}, {"strategie-1": "0"}),
    Path(
        "ethics",
        "cadrage",
        "le cadrage éthique et juridique",
        "le",
        {"dp_traitement": "oui"},
        {"ia_utilisee": "non"},
    ),
]


@pytest.fixture
def sample_ethics(monkeypatch):
    monkeypatch.setattr("journeys.services.ethics_check.ethics_content", lambda: sample_content.ETHICS_CHECK)
    monkeypatch.setattr("journeys.views.ethics_content", lambda: sample_content.ETHICS_CHECK)


@pytest.fixture
def team(world, sample_ethics):
    sample_template()
    sample_diagnostic()
    bruno = MembershipFactory(organisation=world["org"]).user
    return world["member"], bruno


@pytest.mark.parametrize("path", PATHS, ids=lambda path: path.name)
def test_a_stale_save_is_refused_with_the_one_error_and_message_and_keeps_what_was_saved(world, team, path):
    alice, bruno = team
    project = move_to(ProjectFactory(organisation=world["org"]), path.stage)
    path.save(project, alice, path.first, 0)
    before = path.saved(project)
    events = ProjectEvent.objects.filter(project=project).count()

    with pytest.raises(services.StaleEditError) as refused:
        path.save(project, bruno, path.second, 0)

    assert str(refused.value) == f"Quelqu’un a enregistré {path.subject} pendant que vous {path.pronoun} {TAIL}"
    assert refused.value.current is not None
    assert refused.value.current.version == 1
    assert path.saved(project) == before
    assert before[1:] == (1, alice)
    assert ProjectEvent.objects.filter(project=project).count() == events


@pytest.mark.parametrize("path", PATHS, ids=lambda path: path.name)
def test_the_page_of_each_path_shows_the_same_message_and_a_fresh_save_keeps_the_second_version(
    client_as, world, team, path
):
    alice, bruno = team
    project = move_to(ProjectFactory(organisation=world["org"]), path.stage)
    path.save(project, alice, path.first, 0)

    response = client_as(bruno).post(path.url(project), {"version": "0", **path.second})

    assert response.status_code == 409
    body = response.content.decode()
    assert f"Quelqu’un a enregistré {path.subject}" in body.replace("&nbsp;", "\u00a0")
    assert TAIL in body.replace("&nbsp;", "\u00a0")
    assert path.saved(project)[1:] == (1, alice)
    client_as(bruno).post(path.url(project), {"version": "1", **path.second})
    assert path.saved(project)[1:] == (2, bruno)


def test_the_former_error_names_are_the_one_stale_edit_error():
    assert services.StaleAnswerError is services.StaleEditError
    assert services.StaleDiagnosticError is services.StaleEditError
    assert services.StaleEthicsCheckError is services.StaleEditError


def test_a_row_created_at_the_same_moment_is_a_stale_edit_and_the_transaction_goes_on(world, team):
    """Someone created the row between the read and the write (the skeleton saw none): their row is kept."""
    alice, bruno = team
    project = ProjectFactory(organisation=world["org"])
    theirs = StepAnswer.objects.create(
        project=project, step=step(project, "besoin"), value={"text": "Version d’Alice"}, version=1, updated_by=alice
    )

    def apply(_saved):
        return StepAnswer(project=project, step=theirs.step, value={"text": "Version de Bruno"}), "a modifié"

    with transaction.atomic(), pytest.raises(services.StaleEditError) as refused:
        saving.save_versioned(
            project=project,
            user=bruno,
            saved=None,
            expected_version=0,
            subject="la réponse à « Quel est le besoin ? »",
            pronoun="la",
            apply=apply,
            reread=lambda: StepAnswer.objects.get(pk=theirs.pk),
            stage=None,
            event=lambda _answer: (EventKind.STEP_SAVED, "a renseigné"),
        )
    assert refused.value.current == theirs
    assert refused.value.current.value == {"text": "Version d’Alice"}
    theirs.refresh_from_db()
    assert (theirs.value, theirs.version, theirs.updated_by) == ({"text": "Version d’Alice"}, 1, alice)
    assert not ProjectEvent.objects.filter(project=project, kind=EventKind.STEP_SAVED).exists()


def test_the_diagnostic_and_ethics_steps_mirror_their_questionnaire_once_saved(world, team):
    alice, _bruno = team
    project = move_to(ProjectFactory(organisation=world["org"]), "cadrage")
    PATHS[1].save(project, alice, {"strategie-1": "3"}, 0)
    PATHS[2].save(project, alice, {"dp_traitement": "oui"}, 0)
    mirrored = {a.step.kind: a for a in StepAnswer.objects.filter(project=project).select_related("step")}
    assert mirrored[StepKind.DIAGNOSTIC].value == {"overall": DiagnosticResponse.objects.get().overall}
    assert mirrored[StepKind.DIAGNOSTIC].updated_by == alice
    assert mirrored[StepKind.ETHICS_CHECK].value == {"level": EthicsCheck.objects.get().result["ai_act"]["level"]}
