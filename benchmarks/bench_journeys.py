"""Journeys: the project page with a full journey (every stage answered, 50 comments) and « Mes projets » (200)."""

import secrets

from django.test import Client

from benchmarks.harness import Report, free_insee_code, time_page
from journeys.content.loader import load_default_content
from journeys.models import Comment, DiagnosticResponse, EthicsCheck, Project, ProjectEvent, Step, StepAnswer
from journeys.selectors import current_diagnostic, current_template
from tests.accounts.factories import MembershipFactory, OrganisationFactory, UserFactory
from tests.territories.factories import CommuneFactory


def _organisation():
    """A fresh organisation and member: factory sequences restart at a random offset (the database persists)."""
    offset = secrets.randbelow(80_000) + 10_000
    for factory_class in (UserFactory, CommuneFactory):
        factory_class.reset_sequence(offset)
    return OrganisationFactory(commune__insee_code=free_insee_code())


def _full_project(organisation, user) -> Project:
    template = current_template()
    last_stage = template.stages.order_by("-order").first()
    project = Project.objects.create(
        organisation=organisation,
        title="Projet complet",
        description="Toutes les étapes renseignées.",
        template=template,
        current_stage=last_stage,
        created_by=user,
    )
    StepAnswer.objects.bulk_create(
        StepAnswer(
            project=project,
            step=step,
            value={"text": "Réponse détaillée " * 20, "choice": (step.choices or [""])[0], "checked": True},
            done=True,
            version=1,
            updated_by=user,
        )
        for step in Step.objects.filter(stage__template=template)
    )
    diagnostic = current_diagnostic()
    if diagnostic:
        answers = {q.key: 2 for q in diagnostic.questions.all()}
        DiagnosticResponse.objects.create(
            project=project, diagnostic=diagnostic, answers=answers, scores={}, overall=66, updated_by=user
        )
    EthicsCheck.objects.create(project=project, answers={}, result={}, updated_by=user)
    Comment.objects.bulk_create(
        Comment(project=project, author=user, body=f"Commentaire {i}", body_html=f"<p>Commentaire {i}</p>")
        for i in range(50)
    )
    ProjectEvent.objects.bulk_create(
        ProjectEvent(project=project, actor=user, kind="step_saved", message="a renseigné une action")
        for _ in range(100)
    )
    return project


def run(report: Report) -> None:
    load_default_content()
    if current_template() is None:
        print("   (contenu du parcours absent : benchmark ignoré)")
        return
    organisation = _organisation()
    user = MembershipFactory(organisation=organisation).user
    project = _full_project(organisation, user)
    client = Client()
    client.force_login(user)
    for stage in project.template.stages.order_by("order"):
        url = f"{project.get_absolute_url()}?etape={stage.key}"
        report.add(
            f"page projet complet, étape « {stage.name} » (50 commentaires)", **time_page(client, url, repeat=30)
        )

    template = project.template
    first = template.stages.order_by("order").first()
    Project.objects.bulk_create(
        Project(
            organisation=organisation, title=f"Projet {i}", template=template, current_stage=first, created_by=user
        )
        for i in range(199)
    )
    report.add("« Mes projets » (200 projets, page 1)", **time_page(client, "/projets/", repeat=30))
    report.add("« Mes projets » (200 projets, page 5)", **time_page(client, "/projets/?page=5", repeat=30))
