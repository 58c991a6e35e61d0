"""Reports test data: a project with everything a report shows, and reports in each state."""

import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from journeys import ethics
from journeys.content.loader import ethics_content
from journeys.enums import StepKind
from journeys.markup import render_markdown
from journeys.models import Comment, DiagnosticResponse, EthicsCheck, Project, ProjectShortlist, Step, StepAnswer
from journeys.selectors import current_diagnostic, current_template, diagnostic_with_questions
from journeys.services import compute_scores
from reports.enums import ReportStatus
from reports.models import Report
from tests.accounts.factories import MembershipFactory, OrganisationFactory
from tests.catalogue.factories import PublisherFactory, ServiceFactory
from tests.journeys import sample_content
from tests.journeys.factories import sample_diagnostic, sample_template

MINIMAL_PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"

# Answers of the ethics check that raise alerts (AIPD to carry out, a high-risk AI system with weak oversight).
ETHICS_ANSWERS = {
    "dp_traitement": "oui",
    "dp_categories": ["identite_contact", "sante"],
    "aipd_criteres": ["evaluation_notation", "decision_automatisee"],
    "aipd_liste_cnil": ["aucun"],
    "aipd_realisee": "non",
    "ia_utilisee": "oui",
    "ia_pratiques_interdites": ["aucune"],
    "ia_domaines_annexe_iii": ["prestations_sociales"],
    "ia_transparence_art50": ["agent_conversationnel"],
    "tr_decision_individuelle": "oui",
    "tr_effectif": "50_et_plus",
    "ch_niveau_automatisation": "validation_formelle",
    "ch_contestation": "oui",
    "env_mesure": "non",
}


def _value(step: Step, text: str) -> dict:
    if step.kind == StepKind.SINGLE_CHOICE:
        return {"choice": (step.choices or [""])[0]}
    if step.kind == StepKind.MULTIPLE_CHOICE:
        return {"choices": list(step.choices[:2])}
    if step.kind in (StepKind.CHECKLIST, StepKind.LINK):
        return {"checked": True, "note": text}
    return {"text": text}


def full_project(
    *,
    organisation=None,
    title: str = "Assistant de réponse aux demandes des habitants",
    answer_text: str = "Réduire de moitié le délai de réponse aux demandes des habitants.",
    comment: str = "Le conseil municipal attend ce rapport pour sa séance de juin.",
    diagnostic_answer: int = 1,
    chosen_service_name: str = "Démarches simplifiées",
) -> Project:
    """A project at its last stage: every step answered, the diagnostic completed, an ethics check with alerts,
    two shortlisted services (one chosen) and a comment. Uses the published content, or the test sample."""
    template = current_template() or sample_template()
    diagnostic = current_diagnostic() or sample_diagnostic()
    organisation = organisation or OrganisationFactory()
    member = MembershipFactory(organisation=organisation, role="referent").user
    project = Project.objects.create(
        organisation=organisation,
        title=title,
        description="Un assistant aide les agents à répondre plus vite aux demandes des habitants.",
        public_concerned="Habitants, agents d’accueil",
        template=template,
        current_stage=template.stages.order_by("-order").first(),
        created_by=member,
    )
    steps = Step.objects.filter(stage__template=template).exclude(kind=StepKind.DELIVERABLE)
    StepAnswer.objects.bulk_create(
        StepAnswer(project=project, step=step, value=_value(step, answer_text), done=True, version=1) for step in steps
    )
    diagnostic = diagnostic_with_questions(diagnostic)
    answers = {q.key: diagnostic_answer for d in diagnostic.dimensions.all() for q in d.questions.all()}
    scores, overall = compute_scores(diagnostic, answers)
    DiagnosticResponse.objects.create(
        project=project,
        diagnostic=diagnostic,
        answers=answers,
        scores=scores,
        overall=overall,
        completed_at=timezone.now(),
        version=1,
    )
    content = ethics_content() if ethics_content()["questions"] else sample_content.ETHICS_CHECK
    EthicsCheck.objects.create(
        project=project,
        answers=ETHICS_ANSWERS,
        result=ethics.evaluate(content, ETHICS_ANSWERS),
        completed_at=timezone.now(),
        version=1,
    )
    publisher = PublisherFactory(name="Direction interministérielle du numérique")
    chosen = ServiceFactory(name=chosen_service_name, publisher=publisher)
    other = ServiceFactory(name="Signalements citoyens", publisher=publisher)
    ProjectShortlist.objects.create(project=project, service=other, note="Plus simple à déployer.", added_by=member)
    ProjectShortlist.objects.create(
        project=project, service=chosen, note="Déjà utilisé par nos voisins.", is_chosen=True, added_by=member
    )
    Comment.objects.create(project=project, author=member, body=comment, body_html=render_markdown(comment))
    return project


class ReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Report
        skip_postgeneration_save = True

    project = factory.SubFactory("tests.journeys.factories.ProjectFactory")
    status = ReportStatus.PENDING

    class Params:
        ready = factory.Trait(status=ReportStatus.READY, finished_at=factory.LazyFunction(timezone.now))
        failed = factory.Trait(
            status=ReportStatus.FAILED, error="Le rendu a échoué.", finished_at=factory.LazyFunction(timezone.now)
        )

    @factory.post_generation
    def with_file(self, create, extracted, **kwargs):
        """A ready report gets a small stored PDF (pass with_file=b"…" for other bytes)."""
        if not create or self.status != ReportStatus.READY:
            return
        content = extracted if isinstance(extracted, bytes) else MINIMAL_PDF
        self.file.save(f"rapport-{self.public_id}.pdf", ContentFile(content), save=False)
        self.size = len(content)
        self.save()
