"""The first run shows something: a demo collectivité with projects at different stages and a demo member.

Loaded by `manage.py bootstrap` on the embedded default only (settings.LOAD_DEMO: a development run on SQLite,
never production), once: nothing is changed if the demo account exists. Its credentials are in the README.
"""

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from accounts.enums import OrganisationStatus, Role
from accounts.models import Membership, Organisation, User
from catalogue.models import Service, Theme
from initiatives import services as initiative_services
from initiatives.enums import Objective
from journeys import ethics
from journeys import services as journey_services
from journeys.content.loader import ethics_content
from journeys.models import DiagnosticResponse, EthicsCheck, Project, ProjectShortlist, Stage
from journeys.selectors import current_diagnostic, diagnostic_with_questions
from territories.models import Commune, TerritoryKind

DEMO_EMAIL = "demo@territoires-ia.example.fr"
DEMO_PASSWORD = "demo-territoires-ia"  # noqa: S105 (the documented password of the local demo account)
OTHER_EMAIL = "demo-voisine@territoires-ia.example.fr"


def demo_enabled() -> bool:
    return bool(getattr(settings, "LOAD_DEMO", False)) and not settings.IS_PRODUCTION


def _commune(population_range: tuple[int, int], *, away_from: Commune | None = None) -> Commune | None:
    """A commune without an organisation in the population range (deterministic: the smallest INSEE code), in
    another département than `away_from` when one exists (the map then shows two)."""
    low, high = population_range
    communes = Commune.objects.filter(
        is_active=True, population__gte=low, population__lt=high, organisation__isnull=True
    ).order_by("insee_code")
    if away_from is not None:
        communes = communes.exclude(pk=away_from.pk)
        return communes.exclude(departement_id=away_from.departement_id).first() or communes.first()
    return communes.first()


def _organisation(commune: Commune) -> Organisation:
    return Organisation.objects.create(
        name=commune.name,
        kind=TerritoryKind.COMMUNE,
        commune=commune,
        departement_id=commune.departement_id,
        region_id=commune.region_id,
        status=OrganisationStatus.CONFIRMED,
        confirmed_at=timezone.now(),
    )


def _referent(email: str, organisation: Organisation, *, password: str | None, first_name: str) -> User:
    from allauth.account.models import EmailAddress

    user = User.objects.create_user(email, password, first_name=first_name, last_name="Démo", job_title="Référente")
    if password is None:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    Membership.objects.create(user=user, organisation=organisation, role=Role.REFERENT)
    return user


def _project(organisation, user, title, description, themes, stage_key) -> Project:
    project = journey_services.create_project(
        organisation=organisation,
        title=title,
        description=description,
        public_concerned="Habitants",
        themes=themes,
        created_by=user,
    )
    project.current_stage = Stage.objects.get(template=project.template, key=stage_key)
    project.save(update_fields=["current_stage"])
    return project


def _answer_diagnostic(project: Project, user: User) -> None:
    diagnostic = current_diagnostic()
    if diagnostic is None:
        return
    diagnostic = diagnostic_with_questions(diagnostic)
    answers = {
        question.key: question.choices[min(1 + index % 2, len(question.choices) - 1)]["score"]
        for dimension in diagnostic.dimensions.all()
        for index, question in enumerate(dimension.questions.all())
        if question.choices
    }
    scores, overall = journey_services.compute_scores(diagnostic, answers)
    DiagnosticResponse.objects.create(
        project=project,
        diagnostic=diagnostic,
        answers=answers,
        scores=scores,
        overall=overall,
        completed_at=timezone.now(),
        version=1,
        updated_by=user,
    )


def _answer_ethics(project: Project, user: User) -> None:
    content = ethics_content()
    raw = {}
    for question in content["questions"]:
        choices = ethics._choices(question)
        if not choices:
            continue
        # « non » to yes/no questions: a project without personal data nor high-risk AI.
        choice = "non" if "non" in choices else choices[0]
        raw[question["key"]] = [choice] if question.get("kind") == "multiple_choice" else choice
    answers, _errors = ethics.clean_answers(content, raw)
    EthicsCheck.objects.create(
        project=project,
        answers=answers,
        result=ethics.evaluate(content, answers),
        completed_at=timezone.now() if ethics.is_complete(content, answers) else None,
        version=1,
        updated_by=user,
    )


@transaction.atomic
def load_demo(stdout) -> None:
    if User.objects.filter(email=DEMO_EMAIL).exists():
        return
    themes = list(Theme.objects.order_by("position")[:3])
    services = list(Service.objects.published().order_by("name")[:2])
    commune = _commune((1_500, 3_000))
    other_commune = _commune((2_000, 5_000), away_from=commune) if commune else None
    if commune is None or other_commune is None or not Stage.objects.exists():
        stdout.write("Démonstration : référentiel ou parcours absent, rien n’est chargé.")
        return
    organisation = _organisation(commune)
    user = _referent(DEMO_EMAIL, organisation, password=DEMO_PASSWORD, first_name="Camille")

    diagnostic = _project(
        organisation,
        user,
        "Un assistant pour les questions des habitants",
        "Répondre plus vite aux questions fréquentes posées à l’accueil de la mairie.",
        themes[:1],
        "diagnostic",
    )
    _answer_diagnostic(diagnostic, user)
    framed = _project(
        organisation,
        user,
        "Détecter les fuites du réseau d’eau",
        "Repérer les fuites à partir des relevés des compteurs pour économiser l’eau.",
        themes[1:2],
        "cadrage",
    )
    _answer_diagnostic(framed, user)
    _answer_ethics(framed, user)
    solution = _project(
        organisation,
        user,
        "Suivre les demandes des habitants",
        "Un outil pour enregistrer et suivre les signalements des habitants jusqu’à leur traitement.",
        themes[:1],
        "solution",
    )
    for service in services:
        ProjectShortlist.objects.create(project=solution, service=service, note="Déjà utilisé par des communes.")
    published = _project(
        organisation,
        user,
        "Optimiser les tournées de collecte des déchets",
        "Des tournées recalculées chaque semaine à partir des taux de remplissage des bacs.",
        themes[1:2],
        "realisation",
    )
    initiative_services.publish(
        project=published,
        user=user,
        title="Des tournées de collecte plus courtes",
        summary="Nous avons équipé les bacs de capteurs de remplissage et recalculons les tournées chaque semaine : "
        "moins de kilomètres parcourus, des bacs qui ne débordent plus.",
        lessons="Associer les agents de collecte dès le début ; commencer par un quartier avant d’étendre.",
        objective=Objective.ECOLOGICAL_TRANSITION,
        accepts_messages=True,
    )

    # Another commune that already did what the first project starts: « Des projets comme le vôtre » shows it.
    other = _organisation(other_commune)
    other_user = _referent(OTHER_EMAIL, other, password=None, first_name="Dominique")
    done = _project(
        other,
        other_user,
        "Un assistant pour l’accueil de la mairie",
        "Un assistant en ligne qui répond aux questions fréquentes et oriente vers le bon service.",
        themes[:1],
        "realisation",
    )
    initiative_services.publish(
        project=done,
        user=other_user,
        title="Un assistant en ligne pour l’accueil",
        summary="Un assistant répond jour et nuit aux questions fréquentes (horaires, état civil, déchets) et "
        "oriente vers un agent quand il ne sait pas.",
        lessons="Relire chaque réponse avec les agents d’accueil ; afficher clairement qu’il s’agit d’un outil "
        "automatisé.",
        objective=Objective.PUBLIC_SERVICES,
        accepts_messages=True,
    )
    stdout.write(f"Démonstration : collectivité « {organisation.name} » et compte {DEMO_EMAIL} créés.")
