"""Journeys test data: the sample journey/diagnostic (tests/journeys/sample_content.py) and projects on it."""

import factory
from django.core.files.base import ContentFile

from catalogue.models import Theme
from journeys.content.loader import load_diagnostic, load_template
from journeys.models import Comment, DiagnosticResponse, Project, Step, StepAnswer
from journeys.selectors import current_template
from tests.accounts.factories import OrganisationFactory, UserFactory
from tests.journeys import sample_content

PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def sample_template():
    return load_template(sample_content.TEMPLATE)[0]


def sample_diagnostic():
    return load_diagnostic(sample_content.DIAGNOSTIC)[0]


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("slug",)

    slug = "donnees"
    name = factory.LazyAttribute(lambda o: {"donnees": "Données et open data"}.get(o.slug, o.slug.capitalize()))
    position = 0


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Projet {n} : accueil des habitants")
    description = "Répondre plus vite aux demandes des habitants."
    public_concerned = "Habitants"
    template = factory.LazyFunction(lambda: current_template() or sample_template())
    current_stage = factory.LazyAttribute(lambda o: o.template.stages.order_by("order").first())
    created_by = factory.SubFactory(UserFactory)


def step(project: Project, key: str) -> Step:
    return Step.objects.get(stage__template=project.template, key=key)


def answer(project: Project, key: str, value: dict, *, done: bool = True, user=None) -> StepAnswer:
    return StepAnswer.objects.create(
        project=project, step=step(project, key), value=value, done=done, version=1, updated_by=user
    )


def complete_stage(project: Project, stage_key: str, user=None) -> None:
    """Mark every required step of a stage done (directly, for setup)."""
    for item in Step.objects.filter(stage__template=project.template, stage__key=stage_key, required=True):
        StepAnswer.objects.update_or_create(
            project=project, step=item, defaults={"value": {"text": "ok"}, "done": True, "version": 1}
        )


def move_to(project: Project, stage_key: str) -> Project:
    project.current_stage = project.template.stages.get(key=stage_key)
    project.save()
    return project


def journeys_world(world: dict) -> dict:
    """A project of world["org"] with a deliverable and a diagnostic response, cached in the world."""
    if "journeys_project" not in world:
        sample_diagnostic()
        project = ProjectFactory(organisation=world["org"], created_by=world["member"])
        move_to(project, "cadrage")
        deliverable = StepAnswer(project=project, step=step(project, "note-cadrage"), file_name="note.pdf")
        deliverable.file_type = "application/pdf"
        deliverable.file.save("livrable.pdf", ContentFile(PDF_BYTES), save=False)
        deliverable.done = True
        deliverable.save()
        DiagnosticResponse.objects.create(
            project=project, diagnostic=sample_diagnostic(), answers={"strategie-1": 2}, scores={"strategie": 67}
        )
        Comment.objects.create(project=project, author=world["member"], body="Bonjour", body_html="<p>Bonjour</p>")
        world["journeys_project"] = project
        world["journeys_text_step"] = step(project, "objectifs")
    return world
