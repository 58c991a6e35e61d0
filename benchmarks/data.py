"""Bench data at scale on the loaded referential: `manage.py generate_bench_data --scale N`.

One unit of scale (a "chunk") is 5,000 collectivités on real communes, 15,000 users, 20,000 projects spread over
every stage (answers to the stages behind them, diagnostics answered from the diagnostic stage on), 5,000 services,
20,000 adoptions, 50,000 comments, 2,000 ingénierie requests and 1,000 reports. Chunks are numbered and skipped when
present, so raising the scale adds to the data already there and a rerun creates nothing.

Big tables are written with PostgreSQL COPY (bulk_create elsewhere): scale 1 takes about two minutes here.
Everyone generated has the e-mail domain BENCH_DOMAIN and the same password (BENCH_PASSWORD).
"""

import random
import time
from collections.abc import Callable, Iterable

from django.contrib.auth.hashers import make_password
from django.db import connection, models, transaction
from django.utils import timezone

from benchmarks.bench_catalogue import WORDS, random_service  # the catalogue bench's vocabulary and services

ORGANISATIONS = 5_000
USERS = 15_000
PROJECTS = 20_000
SERVICES = 5_000
ADOPTIONS = 20_000
COMMENTS = 50_000
REQUESTS = 2_000
REPORTS = 1_000
BENCH_DOMAIN = "bench.invalid"
BENCH_PASSWORD = "mesure-de-charge-2026"  # noqa: S105 (bench accounts only, on a bench database)
NATIONAL_STAFF_EMAIL = f"national@{BENCH_DOMAIN}"
SHOWCASE_EMAIL = f"membre@{BENCH_DOMAIN}"
SHOWCASE_TITLE = "Projet complet (banc d’essai)"


def copy_rows(model: type[models.Model], instances: Iterable[models.Model]) -> int:
    """Insert unsaved instances with COPY on PostgreSQL (bulk_create elsewhere); the pk is left to the database.

    Field defaults and auto_now(_add) values are applied as save() would; returns the number of rows.
    """
    instances = list(instances)
    if not instances:
        return 0
    if connection.vendor != "postgresql":
        model.objects.bulk_create(instances, batch_size=2000)
        return len(instances)
    fields = [f for f in model._meta.concrete_fields if not f.primary_key or not isinstance(f, models.AutoField)]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for instance in instances:
            copy.write_row([f.get_db_prep_save(f.pre_save(instance, add=True), connection=connection) for f in fields])
    return len(instances)


def _ids_of(model: type[models.Model], **filters) -> list[int]:
    return list(model.objects.filter(**filters).order_by("pk").values_list("pk", flat=True))


class Generator:
    def __init__(self, *, seed: int = 42, log: Callable[[str], None] = print) -> None:
        self.rng = random.Random(seed)
        self.log = log
        self.started = time.monotonic()

    def step(self, label: str) -> None:
        self.log(f"  {time.monotonic() - self.started:6.1f} s  {label}")

    def run(self, scale: int) -> dict:
        from journeys.content.loader import load_default_content
        from territories.models import Commune

        if not Commune.objects.exists():
            raise RuntimeError("Référentiel territorial absent : lancez d’abord `manage.py load_territoires`.")
        load_default_content()
        from catalogue.services import ensure_themes

        ensure_themes()
        self.password = make_password(BENCH_PASSWORD)
        for chunk in range(scale):
            if self._chunk_exists(chunk):
                self.log(f"Tranche {chunk} déjà générée.")
                continue
            self.log(f"Tranche {chunk} :")
            with transaction.atomic():
                self._chunk(chunk)
        with transaction.atomic():
            self._showcase()
        self._analyze()
        self.step("terminé")
        return sizes()

    @staticmethod
    def _chunk_exists(chunk: int) -> bool:
        from accounts.models import User

        return User.objects.filter(email=f"u{chunk}-0@{BENCH_DOMAIN}").exists()

    def _chunk(self, chunk: int) -> None:
        organisation_ids = self._organisations(chunk)
        user_ids = self._users(chunk, organisation_ids)
        project_ids = self._projects(chunk, organisation_ids, user_ids)
        service_ids = self._services(chunk)
        self._adoptions(organisation_ids, service_ids, user_ids)
        self._comments(project_ids, user_ids)
        self._requests(project_ids, user_ids)
        self._reports(project_ids, user_ids)

    # --- collectivités and people ----------------------------------------------------------------------------------

    def _organisations(self, chunk: int) -> list[int]:
        from accounts.enums import OrganisationStatus
        from accounts.models import Organisation
        from territories.models import Commune, Programme

        communes = list(
            Commune.objects.filter(organisation__isnull=True, is_active=True)
            .order_by("insee_code")
            .values_list("pk", "name", "departement_id", "region_id")[:ORGANISATIONS]
        )
        if len(communes) < ORGANISATIONS:
            raise RuntimeError("Plus assez de communes sans collectivité pour cette échelle.")
        now = timezone.now()
        copy_rows(
            Organisation,
            (
                Organisation(
                    name=name,
                    kind="commune",
                    commune_id=pk,
                    departement_id=departement,
                    region_id=region,
                    status=OrganisationStatus.PENDING if i % 25 == 0 else OrganisationStatus.CONFIRMED,
                    confirmed_at=None if i % 25 == 0 else now,
                )
                for i, (pk, name, departement, region) in enumerate(communes)
            ),
        )
        programmes = list(Programme.objects.order_by("pk"))
        if programmes:
            through = Programme.communes.through
            through.objects.bulk_create(
                [
                    through(programme_id=programmes[i % len(programmes)].pk, commune_id=pk)
                    for i, (pk, *_rest) in enumerate(communes)
                    if i % 3 == 0
                ],
                batch_size=5000,
                ignore_conflicts=True,
            )
        ids = _ids_of(Organisation, commune_id__in=[c[0] for c in communes])
        self.step(f"{len(ids)} collectivités")
        return ids

    def _users(self, chunk: int, organisation_ids: list[int]) -> list[int]:
        from accounts.enums import Role
        from accounts.models import Membership, User

        first_names = ["Camille", "Dominique", "Claude", "Sacha", "Alix", "Maxime", "Lou", "Noa"]
        last_names = ["Martin", "Bernard", "Durand", "Lefèvre", "Moreau", "Laurent", "Garnier", "Roux"]
        copy_rows(
            User,
            (
                User(
                    email=f"u{chunk}-{i}@{BENCH_DOMAIN}",
                    first_name=first_names[i % 8],
                    last_name=last_names[(i // 8) % 8],
                    password=self.password,
                    job_title="Chargé de mission numérique",
                    date_joined=timezone.now(),
                )
                for i in range(USERS)
            ),
        )
        ids = _ids_of(User, email__startswith=f"u{chunk}-", email__endswith=f"@{BENCH_DOMAIN}")
        per_organisation = USERS // ORGANISATIONS
        roles = [Role.REFERENT, Role.AGENT, Role.ELU]
        copy_rows(
            Membership,
            (
                Membership(user_id=user_id, organisation_id=organisation_ids[i // per_organisation], role=roles[i % 3])
                for i, user_id in enumerate(ids)
            ),
        )
        self.step(f"{len(ids)} utilisateurs et leurs adhésions")
        return ids

    # --- projects ----------------------------------------------------------------------------------------------------

    def _projects(self, chunk: int, organisation_ids: list[int], user_ids: list[int]) -> list[int]:
        from catalogue.models import Theme
        from journeys.enums import EventKind, StepKind
        from journeys.models import DiagnosticResponse, EthicsCheck, Project, ProjectEvent, StepAnswer
        from journeys.selectors import current_diagnostic, current_template

        template = current_template()
        stages = list(template.stages.order_by("order").prefetch_related("steps"))
        rng = self.rng
        per_organisation = PROJECTS // ORGANISATIONS
        users_per_organisation = USERS // ORGANISATIONS
        now = timezone.now()
        projects = []
        for i in range(PROJECTS):
            organisation_index = i // per_organisation
            projects.append(
                Project(
                    organisation_id=organisation_ids[organisation_index],
                    title=f"{rng.choice(WORDS).capitalize()} et {rng.choice(WORDS)} : projet {chunk}-{i}",
                    description="Un projet de mesure, décrit en quelques phrases. " * 3,
                    public_concerned="Agents et habitants",
                    template=template,
                    current_stage=stages[i % len(stages)],
                    created_by_id=user_ids[organisation_index * users_per_organisation],
                    last_activity_at=now - timezone.timedelta(minutes=rng.randint(0, 60 * 24 * 365)),
                )
            )
        copy_rows(Project, projects)
        rows = list(
            Project.objects.filter(title__contains=f" : projet {chunk}-")
            .order_by("pk")
            .values_list("pk", "current_stage_id", "created_by_id")
        )
        ids = [pk for pk, _, _ in rows]
        self.step(f"{len(ids)} projets")

        themes = list(Theme.objects.values_list("pk", flat=True))
        through = Project.themes.through
        copy_rows(through, (through(project_id=pk, theme_id=t) for pk in ids for t in rng.sample(themes, 2)))

        diagnostic = current_diagnostic()
        diagnostic_order = next(
            (s.order for s in stages if any(x.kind == StepKind.DIAGNOSTIC for x in s.steps.all())), 2
        )
        order_of = {s.pk: s.order for s in stages}
        patterns = self._diagnostic_patterns(diagnostic) if diagnostic else []

        def answers():
            for pk, stage_id, user_id in rows:
                order = order_of[stage_id]
                for stage in stages:
                    if stage.order > order:
                        break
                    steps = list(stage.steps.all())
                    if stage.order == order:
                        steps = steps[: len(steps) // 2]
                    for step in steps:
                        yield StepAnswer(
                            project_id=pk,
                            step=step,
                            value=_answer_value(step),
                            done=True,
                            version=1,
                            updated_by_id=user_id,
                        )

        count = copy_rows(StepAnswer, answers())
        self.step(f"{count} réponses aux actions")
        if patterns:
            copy_rows(
                DiagnosticResponse,
                (
                    DiagnosticResponse(
                        project_id=pk,
                        diagnostic=diagnostic,
                        answers=pattern[0],
                        scores=pattern[1],
                        overall=pattern[2],
                        completed_at=now,
                        version=1,
                        updated_by_id=user_id,
                    )
                    for n, (pk, stage_id, user_id) in enumerate(rows)
                    if order_of[stage_id] >= diagnostic_order
                    for pattern in [patterns[n % len(patterns)]]
                ),
            )
        copy_rows(
            EthicsCheck,
            (
                EthicsCheck(project_id=pk, answers={}, result={}, version=1, updated_by_id=user_id)
                for pk, stage_id, user_id in rows
                if order_of[stage_id] > diagnostic_order
            ),
        )
        copy_rows(
            ProjectEvent,
            (
                ProjectEvent(project_id=pk, actor_id=user_id, kind=kind, message=message)
                for pk, _stage, user_id in rows
                for kind, message in (
                    (EventKind.CREATED, "a créé le projet"),
                    (EventKind.STEP_SAVED, "a renseigné une action"),
                )
            ),
        )
        self.step("diagnostics, cadrages éthiques et historiques")
        return ids

    def _diagnostic_patterns(self, diagnostic) -> list[tuple[dict, dict, int | None]]:
        from journeys.selectors import diagnostic_with_questions
        from journeys.services import compute_scores, stored_answer

        diagnostic = diagnostic_with_questions(diagnostic)
        questions = [q for d in diagnostic.dimensions.all() for q in d.questions.all()]
        patterns = []
        for _ in range(16):
            answers = {q.key: stored_answer(self.rng.choice(q.choices)) for q in questions}
            scores, overall = compute_scores(diagnostic, answers)
            patterns.append((answers, scores, overall))
        return patterns

    # --- catalogue ---------------------------------------------------------------------------------------------------

    def _services(self, chunk: int) -> list[int]:
        from catalogue.models import Publisher, Service, Theme

        rng = self.rng
        publishers = [
            Publisher.objects.get_or_create(name=f"Éditeur de mesure {i}", defaults={"kind": "association"})[0]
            for i in range(40)
        ]
        licences = ["AGPL-3.0-or-later", "MIT", "Apache-2.0", "GPL-3.0-only", "EUPL-1.2", "MPL-2.0"]
        services = []
        longer = "\n\n" + "Une description plus longue. " * 20
        for i in range(SERVICES):
            services.append(
                random_service(
                    rng,
                    number=f"{chunk}-{i}",
                    slug=f"mesure-{chunk}-{i}",
                    publishers=publishers,
                    licences=licences,
                    extra=longer,
                )
            )
        Service.objects.bulk_create(services, batch_size=1000)
        ids = _ids_of(Service, slug__startswith=f"mesure-{chunk}-")
        themes = list(Theme.objects.values_list("pk", flat=True))
        through = Service.themes.through
        copy_rows(through, (through(service_id=pk, theme_id=t) for pk in ids for t in rng.sample(themes, 2)))
        self.step(f"{len(ids)} services")
        return ids

    def _adoptions(self, organisation_ids: list[int], service_ids: list[int], user_ids: list[int]) -> None:
        from catalogue.enums import AdoptionStatus
        from catalogue.models import Adoption
        from catalogue.services import refresh_adopter_counts, refresh_search_index

        rng = self.rng
        # A few popular services (as in life) and a long tail.
        popular = service_ids[:50]
        pairs: set[tuple[int, int]] = set()
        while len(pairs) < ADOPTIONS:
            service = rng.choice(popular) if rng.random() < 0.3 else rng.choice(service_ids)
            pairs.add((service, rng.choice(organisation_ids)))
        users_per_organisation = USERS // ORGANISATIONS
        first_user = {org: user_ids[i * users_per_organisation] for i, org in enumerate(organisation_ids)}
        statuses = list(AdoptionStatus.values)
        copy_rows(
            Adoption,
            (
                Adoption(service_id=s, organisation_id=o, status=rng.choice(statuses), declared_by_id=first_user[o])
                for s, o in sorted(pairs)
            ),
        )
        refresh_search_index(service_ids=service_ids)
        refresh_adopter_counts(service_ids=service_ids)
        self.step(f"{len(pairs)} adoptions, index de recherche et compteurs")

    # --- comments, ingénierie requests, reports ---------------------------------------------------------------------

    def _comments(self, project_ids: list[int], user_ids: list[int]) -> None:
        from journeys.models import Comment

        rng = self.rng
        count = copy_rows(
            Comment,
            (
                Comment(
                    project_id=rng.choice(project_ids),
                    author_id=rng.choice(user_ids),
                    body=f"Point d’étape {i} : la réunion s’est bien passée, **prochaine étape** le mois prochain.",
                    body_html=f"<p>Point d’étape {i} : la réunion s’est bien passée, <strong>prochaine étape</strong>"
                    " le mois prochain.</p>",
                )
                for i in range(COMMENTS)
            ),
        )
        self.step(f"{count} commentaires")

    def _requests(self, project_ids: list[int], user_ids: list[int]) -> None:
        from assistance.enums import LocalSupport, RequestKind, RequestStatus
        from assistance.models import AssistanceRequest, RequestMessage
        from journeys.models import Project

        rng = self.rng
        chosen = rng.sample(project_ids, REQUESTS)
        organisation_of = dict(Project.objects.filter(pk__in=chosen).values_list("pk", "organisation_id"))
        kinds, statuses = list(RequestKind.values), list(RequestStatus.values)
        copy_rows(
            AssistanceRequest,
            (
                AssistanceRequest(
                    project_id=pk,
                    organisation_id=organisation_of[pk],
                    kind=kinds[i % len(kinds)],
                    need="Nous avons besoin d’un regard extérieur sur notre projet. " * 4,
                    local_support=LocalSupport.DECLINED,
                    status=statuses[i % len(statuses)],
                    submitted_by_id=rng.choice(user_ids),
                    population=rng.randint(200, 50_000),
                    redirected_to="Agence départementale d’ingénierie",
                    refusal_reason="Hors du champ de l’appui national.",
                    outcome="Cadrage remis à la collectivité.",
                )
                for i, pk in enumerate(chosen)
            ),
        )
        request_ids = _ids_of(AssistanceRequest, project_id__in=chosen)
        copy_rows(
            RequestMessage,
            (
                RequestMessage(
                    request_id=pk,
                    author_id=rng.choice(user_ids),
                    from_anct=n % 2 == 1,
                    body="Merci pour ces précisions.",
                    body_html="<p>Merci pour ces précisions.</p>",
                )
                for pk in request_ids
                for n in range(2)
            ),
        )
        self.step(f"{len(request_ids)} demandes d’ingénierie")

    def _reports(self, project_ids: list[int], user_ids: list[int]) -> None:
        from reports.enums import ReportStatus
        from reports.models import Report

        rng = self.rng
        statuses = [ReportStatus.FAILED, ReportStatus.PENDING, ReportStatus.READY]
        count = copy_rows(
            Report,
            (
                Report(
                    project_id=pk,
                    status=statuses[i % 3],
                    requested_by_id=rng.choice(user_ids),
                    is_automatic=i % 2 == 0,
                    attempts=1,
                    error="Serveur de rendu indisponible" if i % 3 == 0 else "",
                    journey_version=1,
                )
                for i, pk in enumerate(rng.sample(project_ids, REPORTS))
            ),
        )
        self.step(f"{count} rapports (sans fichier)")

    # --- the accounts and project the HTTP benchmark logs in with ---------------------------------------------------

    def _showcase(self) -> None:
        """A member with a full project (every stage answered, 50 comments) and a national staff member with TOTP."""
        from accounts.enums import ScopeLevel
        from accounts.models import Membership, Organisation, StaffScope, User
        from journeys.models import Comment, DiagnosticResponse, EthicsCheck, Project, ProjectEvent, Step, StepAnswer
        from journeys.selectors import current_diagnostic, current_template

        staff, created = User.objects.get_or_create(
            email=NATIONAL_STAFF_EMAIL,
            defaults={"is_staff": True, "password": self.password},
        )
        if created:
            StaffScope.objects.create(user=staff, level=ScopeLevel.NATIONAL)
        if not staff.authenticator_set.exists():
            from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

            TOTP.activate(staff, generate_totp_secret())
        if User.objects.filter(email=SHOWCASE_EMAIL).exists():
            return
        member = User.objects.create(email=SHOWCASE_EMAIL, password=self.password)
        organisation = Organisation.objects.filter(status="confirmed", commune__isnull=False).order_by("pk").first()
        Membership.objects.create(user=member, organisation=organisation, role="referent")
        template = current_template()
        project = Project.objects.create(
            organisation=organisation,
            title=SHOWCASE_TITLE,
            description="Toutes les étapes renseignées.",
            template=template,
            current_stage=template.stages.order_by("-order").first(),
            created_by=member,
        )
        StepAnswer.objects.bulk_create(
            StepAnswer(project=project, step=step, value=_answer_value(step), done=True, version=1, updated_by=member)
            for step in Step.objects.filter(stage__template=template)
        )
        diagnostic = current_diagnostic()
        if diagnostic:
            answers, scores, overall = self._diagnostic_patterns(diagnostic)[0]
            DiagnosticResponse.objects.create(
                project=project,
                diagnostic=diagnostic,
                answers=answers,
                scores=scores,
                overall=overall,
                completed_at=timezone.now(),
                updated_by=member,
            )
        EthicsCheck.objects.create(project=project, answers={}, result={}, updated_by=member)
        Comment.objects.bulk_create(
            Comment(project=project, author=member, body=f"Commentaire {i}", body_html=f"<p>Commentaire {i}</p>")
            for i in range(50)
        )
        ProjectEvent.objects.bulk_create(
            ProjectEvent(project=project, actor=member, kind="step_saved", message="a renseigné une action")
            for _ in range(100)
        )
        self.step("compte membre (projet complet, 50 commentaires) et compte national")

    def _analyze(self) -> None:
        # What autovacuum gives a real database (it is off where the bench runs): without VACUUM, the generator's
        # updates of every service (search index, adopter counts) left six dead versions of each row, and a search
        # visited 2,189 index entries and 1,800 heap pages for 439 live rows (21 ms instead of 4 ms).
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                # VACUUM cannot run in a transaction (the generator's own test runs in one).
                cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")


def _answer_value(step) -> dict:
    choices = step.choices or []
    if step.kind == "multiple_choice":
        return {"choices": choices[:2]}
    if step.kind == "single_choice":
        return {"choice": choices[0] if choices else ""}
    if step.kind in ("checklist", "link"):
        return {"checked": True, "note": ""}
    if step.kind == "deliverable":
        return {"note": "Livrable transmis par courriel."}
    if step.kind in ("diagnostic", "ethics_check"):
        return {"overall": 60}
    return {"text": "Réponse détaillée, rédigée par l’équipe projet. " * 6}


def sizes() -> dict[str, int]:
    """Row counts of the tables the benchmark pages read (written to results.md)."""
    from accounts.models import Organisation, User
    from assistance.models import AssistanceRequest
    from catalogue.models import Adoption, Service
    from journeys.models import Comment, DiagnosticResponse, Project, StepAnswer
    from reports.models import Report

    return {
        "collectivités": Organisation.objects.count(),
        "utilisateurs": User.objects.count(),
        "projets": Project.objects.count(),
        "réponses aux actions": StepAnswer.objects.count(),
        "diagnostics": DiagnosticResponse.objects.count(),
        "services": Service.objects.count(),
        "adoptions": Adoption.objects.count(),
        "commentaires": Comment.objects.count(),
        "demandes d’ingénierie": AssistanceRequest.objects.count(),
        "rapports": Report.objects.count(),
    }
