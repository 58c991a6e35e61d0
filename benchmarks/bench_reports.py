"""Reports: render time of a full report (warm), reports per minute with 2 worker processes, a worker's peak memory.

Targets (issue 9): a full report under 0.5 s warm, at least 60 reports a minute, under 250 MB per worker.
The throughput part runs a real `celery -A portal worker --concurrency 2` on Redis (BENCH_REDIS_URL, default
redis://127.0.0.1:6379/15, on a queue of its own); without Redis it is skipped with a message.
"""

import io
import os
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import redis
from django.conf import settings
from django.db import connection
from pypdf import PdfReader

from benchmarks.harness import Report, free_insee_code
from journeys.content.loader import load_default_content
from reports import rendering, selectors
from reports.enums import ReportStatus
from reports.models import Report as ReportRow
from tests.accounts.factories import OrganisationFactory, UserFactory
from tests.catalogue.factories import ServiceFactory
from tests.reports.factories import full_project
from tests.territories.factories import CommuneFactory

ROOT = Path(__file__).resolve().parent.parent
RENDERS = 15
THROUGHPUT_REPORTS = 24


def _organisation():
    """A fresh organisation: factory sequences restart at a random offset (the database persists)."""
    offset = secrets.randbelow(80_000) + 10_000
    for factory_class in (UserFactory, CommuneFactory, ServiceFactory):
        factory_class.reset_sequence(offset)
    return OrganisationFactory(commune__insee_code=free_insee_code())


def _render(project) -> tuple[bytes, float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    pdf = rendering.render_pdf(rendering.render_html(selectors.report_content(project)))
    return pdf, time.perf_counter() - wall, time.process_time() - cpu


REFERENCE_HTML = (
    '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Référence</title></head>'
    "<body><h1>Page de référence</h1><p>Une page, un paragraphe : le coût fixe d’un rendu.</p></body></html>"
)


def _reference() -> float:
    cpu = time.process_time()
    rendering.render_pdf(REFERENCE_HTML)
    return time.process_time() - cpu


def _load() -> str:
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


def _render_times(report: Report, project) -> None:
    for _ in range(3):  # warm: templates, fonts, WeasyPrint's caches
        _render(project)
        _reference()
    walls, cpus, references = [], [], []
    load_before = _load()
    # Alternated with a one-page reference render: on a shared machine, its CPU time shows how loaded the run was.
    for _ in range(RENDERS):
        pdf, wall, cpu = _render(project)
        walls.append(wall * 1000)
        cpus.append(cpu * 1000)
        references.append(_reference() * 1000)
    report.add(
        "rapport complet, rendu à chaud (données + HTML + PDF/UA)",
        median_ms=round(statistics.median(walls)),
        median_cpu_ms=round(statistics.median(cpus)),
        min_ms=round(min(walls)),
        min_cpu_ms=round(min(cpus)),
        reference_cpu_ms=round(statistics.median(references)),
        pages=len(PdfReader(io.BytesIO(pdf)).pages),
        kb=round(len(pdf) / 1024),
        n=RENDERS,
        load=f"{load_before} → {_load()}",
        target_ms=500,
    )


def _redis_url() -> str | None:
    url = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15")
    host, port = url.split("//", 1)[1].split("/", 1)[0].rsplit(":", 1)
    try:
        with socket.create_connection((host, int(port)), timeout=0.5):
            return url
    except OSError:
        return None


def _children(pid: int) -> list[int]:
    try:
        return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _peak_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (/proc/<pid>/stat, fields 14 and 15)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _database_url() -> str:
    db = connection.settings_dict
    credentials = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _throughput(report: Report, organisation) -> None:
    from portal.celery import app
    from reports import tasks

    redis_url = _redis_url()
    if redis_url is None or not settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        print("   (Redis ou PostgreSQL absent : débit des workers non mesuré)")
        return
    queue = f"bench-rapports-{secrets.token_hex(4)}"
    workdir = Path(tempfile.mkdtemp(prefix="bench-rapports-"))
    log = workdir / "worker.log"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "DATABASE_URL": _database_url(),
        "REDIS_URL": redis_url,
        "CELERY_TASK_DEFAULT_QUEUE": queue,
        "VAR_DIR": str(workdir),  # PDFs and the emails (.eml files) of the run stay in a temporary folder
        "PRIVATE_STORAGE_ROOT": str(workdir / "prive"),
    }
    command = [
        *(sys.executable, "-m", "celery", "-A", "portal", "worker", "--pool", "prefork", "--concurrency", "2"),
        *("--queues", queue, "--loglevel", "WARNING", "--without-gossip", "--without-mingle", "--without-heartbeat"),
    ]
    app.conf.update(broker_url=redis_url, task_always_eager=False, task_default_queue=queue)
    for name in ("queues", "default_queue", "router"):
        app.amqp.__dict__.pop(name, None)
    app._after_fork()
    with log.open("wb") as output:
        worker = subprocess.Popen(  # noqa: S603 (our own command line)
            command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        deadline = time.monotonic() + 60
        while len(_children(worker.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        projects = [
            full_project(organisation=organisation, title=f"Projet mesuré {i}") for i in range(2 + THROUGHPUT_REPORTS)
        ]

        def run(batch) -> float:
            rows = [ReportRow.objects.create(project=project) for project in batch]
            started = time.perf_counter()
            for row in rows:
                tasks.enqueue_render(row.pk)
            ids = [row.pk for row in rows]
            while ReportRow.objects.filter(
                pk__in=ids, status__in=(ReportStatus.PENDING, ReportStatus.RUNNING)
            ).exists():
                if time.perf_counter() - started > 600 or worker.poll() is not None:
                    raise RuntimeError(f"les workers n’ont pas fini :\n{log.read_text()[-2000:]}")
                time.sleep(0.05)
            failed = ReportRow.objects.filter(pk__in=ids, status=ReportStatus.FAILED).count()
            if failed:
                raise RuntimeError(f"{failed} rapport(s) en échec :\n{log.read_text()[-2000:]}")
            return time.perf_counter() - started

        run(projects[:2])  # each pool process renders once cold
        pool = _children(worker.pid)
        cpu_before, load_before = sum(_cpu_seconds(pid) for pid in pool), _load()
        elapsed = run(projects[2:])
        cpu_per_report = (sum(_cpu_seconds(pid) for pid in pool) - cpu_before) / THROUGHPUT_REPORTS
        peaks = [_peak_mb(pid) for pid in _children(worker.pid)]
        report.add(
            "rapports par minute, 2 processus worker (rendu, stockage, courriels)",
            per_minute=round(THROUGHPUT_REPORTS * 60 / elapsed, 1),
            seconds=round(elapsed, 1),
            n=THROUGHPUT_REPORTS,
            # What two free cores would give: the workers' own CPU time per report, whatever the machine's load.
            worker_cpu_ms_per_report=round(cpu_per_report * 1000),
            per_minute_two_free_cores=round(2 * 60 / cpu_per_report, 1) if cpu_per_report else None,
            load=f"{load_before} → {_load()}",
            target_per_minute=60,
        )
        report.add(
            "mémoire maximale d’un processus worker",
            peak_mb=max(peaks) if peaks else None,
            per_process_mb=peaks,
            main_process_mb=_peak_mb(worker.pid),
            target_mb=250,
        )
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(worker.pid, signal.SIGKILL)
        with redis.Redis.from_url(redis_url) as client:
            client.delete(queue, f"_kombu.binding.{queue}")


def run(report: Report) -> None:
    load_default_content()
    organisation = _organisation()
    project = full_project(organisation=organisation)
    _render_times(report, project)
    _throughput(report, organisation)
