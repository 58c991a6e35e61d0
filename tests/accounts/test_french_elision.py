"""Names and roles shown in pages and emails take the French elision: « l’espace d’Œuilly », « en tant qu’élu »."""

from types import SimpleNamespace

import pytest
from django.template.loader import render_to_string

from accounts.templatetags.french_text import de, en_tant_que


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Œuilly", "d’"), ("Écouen", "d’"), ("Angers", "d’"), ("Lyon", "de "), ("Yvetot", "de "), ("", "de ")],
)
def test_de_elides_before_a_vowel(name, expected):
    assert de(name) == expected


def test_en_tant_que_elides_before_a_vowel():
    assert en_tant_que("élu") == "en tant qu’élu"
    assert en_tant_que("agent") == "en tant qu’agent"
    assert en_tant_que("référent") == "en tant que référent"


def test_the_join_request_email_reads_well_for_oeuilly_and_an_elu():
    user = SimpleNamespace(get_full_name="Marie Dupont", email="marie@example.fr", job_title="Adjointe")
    join_request = SimpleNamespace(user=user, get_role_display="élu", message="")
    organisation = SimpleNamespace(name="Œuilly")
    for suffix in ("txt", "html"):
        body = render_to_string(
            f"accounts/emails/join_request_received_body.{suffix}",
            {
                "join_request": join_request,
                "organisation": organisation,
                "url": "http://x/",
                "SITE_NAME": "T",
                "SITE_URL": "http://x",
            },
        )
        assert "d’Œuilly" in body.replace("<strong>", "").replace("</strong>", "")
        assert "en tant qu’élu" in body
        assert "de Œuilly" not in body
        assert "en tant que élu" not in body


def test_history_lines_do_not_agree_with_the_actor(world):
    """« Marie Dupont est passé à l’étape » agreed with nobody: the line now says what was done to the project."""
    from journeys import services
    from journeys.models import StepAnswer
    from tests.journeys.factories import ProjectFactory, sample_template, step

    sample_template()
    project = ProjectFactory(organisation=world["org"])
    for key in ("besoin", "porteur", "portage-politique"):
        StepAnswer.objects.create(project=project, step=step(project, key), value={"text": "x"}, done=True)
    services.advance_stage(project=project, user=world["member"])
    agenda = project.template.stages.get(key="agenda")
    services.go_back_to_stage(project=project, user=world["member"], stage_id=agenda.pk, reason="à revoir")
    messages = [event.message.replace("\u00a0", " ") for event in project.events.order_by("pk")]
    assert "a fait passer le projet à l’étape « Diagnostic »" in messages
    assert "a ramené le projet à l’étape « Mise à l’agenda » : à revoir" in messages
    assert not [message for message in messages if message.startswith("est ")]
