"""Reads of the reports app: what a report says about a project, and the reports a user may see."""

import html
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator

from journeys import selectors as journey_selectors
from journeys import services as journey_services
from journeys.charts import radar_chart
from journeys.enums import StepKind
from journeys.models import DiagnosticResponse, EthicsCheck, Project, StepAnswer
from reports.models import Report
from reports.sections import ReportSection, sections_for

RECENT_COMMENTS = 5
NEXT_STEPS = 6
# The report quotes written answers only, shortened: élus read the status, the portal keeps the details.
ANSWER_KINDS = (StepKind.TEXT, StepKind.SINGLE_CHOICE, StepKind.MULTIPLE_CHOICE, StepKind.DELIVERABLE)
ANSWER_CHARS = 200
ANSWERS_PER_STAGE = 2


def reports_visible_to(user) -> QuerySet[Report]:
    """Reports of the projects the user may see (the project page's rule)."""
    return Report.objects.filter(project__in=journey_selectors.projects_visible_to(user).values("pk"))


def recent_reports(project: Project, limit: int = 5) -> list[Report]:
    """The latest reports of a project, newest first."""
    return list(project.reports.order_by("-requested_at", "-pk")[:limit])


def absolute_url(url: str) -> str:
    """A link a reader of the PDF can follow: site-relative URLs get the portal's address (SITE_URL)."""
    if not url or url.startswith(("http://", "https://", "mailto:")):
        return url
    return settings.SITE_URL.rstrip("/") + "/" + url.lstrip("/")


@dataclass
class StageLine:
    order: int
    name: str
    state: str
    required: int
    done: int
    validation: str
    answers: list[tuple[str, str]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


@dataclass
class ReportContent:
    """Everything the PDF shows, as plain data: the template only lays it out (and escapes every string)."""

    project: Project
    generated_at: object
    journey_name: str
    journey_version: int
    diagnostic_name: str = ""
    diagnostic_version: int | None = None
    current_order: int = 0
    stage_count: int = 0
    required_done: int = 0
    required_total: int = 0
    stages: list[StageLine] = field(default_factory=list)
    diagnostic_completed_at: object = None
    overall: int | None = None
    dimensions: list[dict] = field(default_factory=list)
    chart: str = ""
    chart_alt: str = ""
    strongest: dict | None = None
    weakest: dict | None = None
    recommendations: list[dict] = field(default_factory=list)
    ethics: dict | None = None
    ethics_completed: bool = False
    shortlist: list[dict] = field(default_factory=list)
    chosen: dict | None = None
    sections: list[ReportSection] = field(default_factory=list)
    comments: list[dict] = field(default_factory=list)
    next_steps: list[str] = field(default_factory=list)


def _plain_text(sanitised_html: str) -> str:
    """The text of a sanitised comment (Markdown markers gone, paragraphs kept); the PDF template escapes it."""
    text = re.sub(r"</p>|<br\s*/?>|</li>", "\n", sanitised_html)
    return html.unescape(strip_tags(text)).strip()


def _answer_text(step, answer: StepAnswer | None) -> str:
    """The written answer of a step, shortened for the report (checklists and links are counted, not quoted)."""
    if answer is None or step.kind not in ANSWER_KINDS:
        return ""
    value = answer.value or {}
    parts = [value.get("text", ""), value.get("choice", ""), ", ".join(value.get("choices") or [])]
    if step.kind == StepKind.DELIVERABLE and answer.file_name:
        parts.append(f"fichier déposé : {answer.file_name}")
    return Truncator(" — ".join(part.strip() for part in parts if part and part.strip())).chars(ANSWER_CHARS)


def _stages(project: Project) -> tuple[list[StageLine], list]:
    stages = journey_selectors.stages_with_steps(project.template)
    answers = journey_selectors.answers_by_step(project)
    validated = set(project.validations.values_list("stage_id", flat=True))
    current = project.current_stage
    lines, progress = [], []
    for stage in stages:
        stage_progress = journey_services.stage_progress(stage, answers, validated)
        progress.append(stage_progress)
        if stage.order < current.order:
            state = "terminée"
        elif stage.order == current.order:
            state = "en cours"
        else:
            state = "à venir"
        validation = ""
        if stage.requires_validation:
            validation = "validée par l’ANCT" if stage_progress.validated else "validation ANCT requise"
        written = [(step.title, _answer_text(step, answers.get(step.pk))) for step in stage.steps.all()]
        lines.append(
            StageLine(
                order=stage.order,
                name=stage.name,
                state=state,
                required=stage_progress.required,
                done=stage_progress.done,
                validation=validation,
                answers=[(title, text) for title, text in written if text][:ANSWERS_PER_STAGE]
                if stage.order <= current.order
                else [],
                missing=[step.title for step in stage_progress.missing] if stage.order <= current.order else [],
            )
        )
    return lines, progress


def _diagnostic(content: ReportContent, project: Project, response: DiagnosticResponse | None) -> None:
    if response is None or not response.answers:
        return
    diagnostic = journey_selectors.diagnostic_with_questions(response.diagnostic)
    content.diagnostic_name = diagnostic.name
    content.diagnostic_version = diagnostic.version
    content.diagnostic_completed_at = response.completed_at
    content.overall = response.overall
    for dimension in diagnostic.dimensions.all():
        questions = dimension.questions.all()
        content.dimensions.append(
            {
                "name": dimension.name,
                "score": response.scores.get(dimension.key),
                "answered": sum(1 for q in questions if q.key in response.answers),
                "total": len(questions),
            }
        )
    scored = [row for row in content.dimensions if row["score"] is not None]
    if scored and max(row["score"] for row in scored) > min(row["score"] for row in scored):
        content.strongest = max(scored, key=lambda row: row["score"])
        content.weakest = min(scored, key=lambda row: row["score"])
    if len(content.dimensions) >= 3:
        # The same SVG as the page (journeys/charts.py); its <desc> is the chart's text alternative.
        content.chart_alt = "Radar de la maturité données et IA. Scores sur 100 : " + " ; ".join(
            f"{row['name']} {'non renseigné' if row['score'] is None else row['score']}" for row in content.dimensions
        )
        # WeasyPrint tags the SVG as a Figure whose alternative text is its <title>: the title carries the data.
        content.chart = radar_chart(
            [(row["name"], row["score"]) for row in content.dimensions],
            title=content.chart_alt,
            description=content.chart_alt,
            chart_id="radar-rapport",
        )
    for group in journey_services.recommendations_for(diagnostic, response.scores):
        content.recommendations.append(
            {
                "dimension": group["dimension"].name,
                "score": group["score"],
                "items": [
                    {
                        "title": item.title,
                        "text": item.text,
                        "links": [
                            {
                                "label": link.get("label") or link.get("url", ""),
                                "url": absolute_url(link.get("url", "")),
                            }
                            for link in item.links or []
                            if link.get("url")
                        ],
                    }
                    for item in group["items"]
                ],
            }
        )


def _shortlist(content: ReportContent, project: Project) -> None:
    for entry in journey_selectors.shortlist_of(project):
        item = {
            "name": entry.service.name,
            "pitch": entry.service.pitch,
            "publisher": entry.service.publisher.name,
            "note": entry.note,
            "is_chosen": entry.is_chosen,
            "url": absolute_url(entry.service.get_absolute_url()),
        }
        content.shortlist.append(item)
        if entry.is_chosen:
            content.chosen = item


def _lower_first(sentence: str) -> str:
    """French takes a lower case after a colon (acronyms such as « IA » keep theirs)."""
    if len(sentence) > 1 and sentence[0].isupper() and not sentence[1].isupper():
        return sentence[0].lower() + sentence[1:]
    return sentence


def _next_steps(content: ReportContent, progress: list, project: Project) -> list[str]:
    steps: list[str] = []
    current = next((p for p in progress if p.stage.pk == project.current_stage_id), None)
    later = [p for p in progress if p.stage.order > project.current_stage.order]
    if current is not None:
        for step in current.missing[:3]:
            steps.append(f"Renseigner « {step.title} » (étape « {current.stage.name} »).")
        if current.steps_complete and current.stage.requires_validation and not current.validated:
            steps.append(f"Faire valider l’étape « {current.stage.name} » par un chargé de mission de l’ANCT.")
        if current.complete and later:
            steps.append(f"Passer à l’étape « {later[0].stage.name} ».")
    if content.dimensions and content.diagnostic_completed_at is None:
        steps.append("Terminer le diagnostic de maturité : les scores ne portent que sur les questions répondues.")
    if content.ethics and content.ethics["alerts"]:
        count = len(content.ethics["alerts"])
        steps.append(
            f"Traiter {'l’alerte' if count == 1 else f'les {count} alertes'} du cadrage éthique et juridique."
        )
    for group in content.recommendations:
        for item in group["items"][:1]:
            steps.append(f"{group['dimension']} : {_lower_first(item['title'])}.")
    if content.shortlist and content.chosen is None:
        steps.append(f"Retenir une solution parmi les {len(content.shortlist)} présélectionnées.")
    if not steps and not later:
        steps.append("Partager votre expérience avec d’autres collectivités sur le portail.")
    return steps[:NEXT_STEPS]


def report_content(project: Project) -> ReportContent:
    """Everything a report shows about `project`, read now (the report is a snapshot)."""
    project = Project.objects.select_related("organisation", "template", "current_stage").get(pk=project.pk)
    response = DiagnosticResponse.objects.filter(project=project).select_related("diagnostic").first()
    content = ReportContent(
        project=project,
        generated_at=timezone.now(),
        journey_name=project.template.name,
        journey_version=project.template.version,
    )
    content.stages, progress = _stages(project)
    content.stage_count = len(content.stages)
    content.current_order = project.current_stage.order
    content.required_total = sum(p.required for p in progress)
    content.required_done = sum(p.done for p in progress)
    _diagnostic(content, project, response)
    check = EthicsCheck.objects.filter(project=project).first()
    if check is not None and check.result:
        content.ethics = check.result
        content.ethics_completed = check.completed_at is not None
    _shortlist(content, project)
    content.sections = sections_for(project)
    content.comments = [
        {
            "author": str(comment.author) if comment.author else "Compte supprimé",
            "at": comment.created_at,
            "body": _plain_text(comment.body_html),
        }
        for comment in project.comments.select_related("author").order_by("-created_at", "-pk")[:RECENT_COMMENTS]
    ]
    content.next_steps = _next_steps(content, progress, project)
    return content
