"""HTTP benchmark as users feel it: the portal behind gunicorn against a bare Django page, in the same run.

Usage: python -m benchmarks.http [--scale N] [--duration S] [--connections C] [--load-users U] [--load-seconds S]

- Database: BENCH_HTTP_DATABASE_URL (default PostgreSQL territoires_ia_bench_http, apart from the server-time
  benchmarks' rows), created, migrated, the referential loaded and `generate_bench_data --scale N` run when
  missing. Cache: BENCH_REDIS_URL (default Redis db 11).
- Two gunicorn servers (2 sync workers each): the portal with production settings (generated SECRET_KEY, the
  database, the Redis cache, an SMTP address nothing listens on), and benchmarks/bare (default middleware, no
  database, a small template).
- wrk (Debian package `wrk`) loads each page with a few connections; the bare page is measured just before each
  page, so both see the same machine load; ratio = bare req/s ÷ page req/s. Query counts come from the same
  request made in-process through the test client. Logged-in pages use sessions created here.
- Then the load run: U connections for S seconds over logged-in browsing (catalogue, resources, projects, staff
  lists), each connection with its own session.
- Writes benchmarks/results.md and var/bench/http.json. Nothing is asserted on time.
"""

import argparse
import datetime
import json
import os
import platform
import random
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LUA = Path(__file__).resolve().parent / "wrk_report.lua"
RESULTS = Path(__file__).resolve().parent / "results.md"
NOTES = Path(__file__).resolve().parent / "notes.md"  # hand-written conclusions, appended to every results.md
BIN = Path(sys.executable).parent
HOST = "127.0.0.1"
# Production sits behind a TLS proxy: the header keeps SECURE_SSL_REDIRECT from answering 301.
PROXY_HEADERS = {"X-Forwarded-Proto": "https", "Host": HOST}
TIMES = "\u00d7"  # the multiplication sign of the ratios


@dataclass
class Page:
    name: str
    path: str
    target: float | None = None  # the ratio target at scale 1
    cookie: str = ""
    rotate: list[str] = field(default_factory=list)  # each request takes the next path (cache misses)
    figures: dict = field(default_factory=dict)


def _environment(args) -> dict[str, str]:
    static_root = ROOT / "var" / "bench" / "static"
    return {
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "DJANGO_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        # Its own database: the server-time benchmarks add their own rows to BENCH_DATABASE_URL's.
        "DATABASE_URL": os.environ.get(
            "BENCH_HTTP_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/territoires_ia_bench_http"
        ),
        "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/11"),
        # Nothing listens there: no page sent in the benchmark sends mail.
        "EMAIL_URL": "smtp://127.0.0.1:2",
        "ALLOWED_HOSTS": f"{HOST},localhost,testserver",
        # The harness plays the reverse proxy (X-Forwarded-Proto: https); without it every page is a 301 to https.
        "TRUSTED_PROXIES": HOST,
        "STATIC_ROOT": str(static_root),
        "CONN_MAX_AGE": "60",
        "LOG_LEVEL": "WARNING",
    }


def _prepare_data(scale: int) -> dict:
    from django.core.management import call_command

    from benchmarks.__main__ import _create_database
    from benchmarks.data import sizes

    _create_database(os.environ["DATABASE_URL"])
    import django

    django.setup()
    call_command("migrate", verbosity=0)
    call_command("bootstrap", stdout=open(os.devnull, "w"))  # noqa: SIM115 (referential, content, demo catalogue)
    call_command("generate_bench_data", scale=scale)
    call_command("collectstatic", interactive=False, verbosity=0)
    return sizes()


def _sessions() -> dict[str, str]:
    """Session cookies of the member with the full project and of the national staff member (TOTP passed)."""
    from django.conf import settings
    from django.test import Client

    from accounts.models import User
    from benchmarks.data import NATIONAL_STAFF_EMAIL, SHOWCASE_EMAIL
    from tests.accounts.factories import login_with_second_factor

    cookies = {}
    member = User.objects.get(email=SHOWCASE_EMAIL)
    client = Client()
    client.force_login(member)
    cookies["member"] = f"{settings.SESSION_COOKIE_NAME}={client.session.session_key}"
    staff = User.objects.get(email=NATIONAL_STAFF_EMAIL)
    client = Client()
    login_with_second_factor(client, staff)
    cookies["staff"] = f"{settings.SESSION_COOKIE_NAME}={client.session.session_key}"
    return cookies


def _member_session(user) -> str:
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.session.session_key}"


def _pages(cookies: dict[str, str]) -> list[Page]:
    from benchmarks.data import SHOWCASE_TITLE, WORDS
    from catalogue.models import Service
    from journeys.models import Project
    from territories.models import Programme

    service = Service.objects.order_by("-adopter_count", "pk").first()
    programme = Programme.objects.order_by("pk").first()
    project = Project.objects.get(title=SHOWCASE_TITLE)
    # Every request a search never seen before (more than wrk sends in a run): two words, and the same two words less
    # a third one (websearch syntax, about 80 % of the pair's results). 380 pairs alone were served 5 times each
    # once the page got faster, most of them from the cache.
    terms = [f"{a} {b}" for a in WORDS for b in WORDS if a != b]
    terms += [f"{a} {b} -{c}" for a in WORDS for b in WORDS for c in WORDS if len({a, b, c}) == 3]
    random.Random(13).shuffle(terms)
    searches = [f"/catalogue/?q={urllib.parse.quote_plus(query)}" for query in terms]
    member, staff = cookies["member"], cookies["staff"]
    pages = [
        Page("accueil, anonyme", "/", 3),
        Page("catalogue, recherche (en cache)", "/catalogue/?q=donn%C3%A9es", 3),
        Page("catalogue, nouvelle recherche (hors cache)", searches[0], 5, rotate=searches),
        Page("page d’un service (le plus adopté)", service.get_absolute_url(), 5),
    ]
    if programme is not None:
        pages.append(Page("page d’un programme", f"/territoires/programmes/{programme.slug}/", 5))
    pages += [
        Page("autocomplétion des territoires", "/territoires/recherche/?q=saint", 2),
        Page("ressources", "/ressources/", None),
        # The floor every logged-in page pays: session, user, middleware, layout, around a static text.
        Page("page connectée minimale", "/mentions-legales/", None, cookie=member),
        Page("page projet complet (50 commentaires)", project.get_absolute_url(), 10, cookie=member),
        Page("« Mes projets »", "/projets/", 5, cookie=member),
        Page("résultats du diagnostic", f"{project.get_absolute_url()}diagnostic/resultats/", 8, cookie=member),
        Page("admin, liste des projets (national)", "/admin/journeys/project/", 10, cookie=staff),
        Page("admin, liste des collectivités (national)", "/admin/accounts/organisation/", 10, cookie=staff),
        Page("espace ANCT, accueil (national)", "/espace-anct/", 10, cookie=staff),
    ]
    return pages


def _query_count(page: Page) -> int:
    """Queries of the page in-process (same settings and data); a cache-miss page counts a fresh search."""
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(headers={"X-Forwarded-Proto": "https"})
    if page.cookie:
        _name, value = page.cookie.split("=", 1)
        client.cookies[settings.SESSION_COOKIE_NAME] = value
    path = page.path
    if page.rotate:
        # Warmed by another search, as the measured run's workers are: the search counted is still a new one.
        client.get(page.rotate[-1], secure=True)
        path = "/catalogue/?q=cantine+%C3%A9nergie+voirie"
    else:
        client.get(path, secure=True)  # warm the caches as the measured run does
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path, secure=True)
    if response.status_code != 200:
        raise RuntimeError(f"{page.name} : {path} répond {response.status_code} dans le processus de mesure")
    return len(ctx.captured_queries)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def _start_gunicorn(app: str, port: int, env: dict[str, str], log: Path) -> subprocess.Popen:
    command = [
        str(BIN / "gunicorn"),
        app,
        # The production configuration (preload, worker recycling, logs), named rather than found in the working
        # directory; the options below override its bind address, workers and timeout.
        f"--config={ROOT / 'gunicorn.conf.py'}",
        "--workers=2",
        "--worker-class=sync",
        f"--bind={HOST}:{port}",
        "--timeout=120",
        "--log-level=warning",
        f"--chdir={ROOT}",
    ]
    return subprocess.Popen(  # noqa: S603 (fixed command)
        command, env={**os.environ, **env}, stdout=log.open("w"), stderr=subprocess.STDOUT, start_new_session=True
    )


def _get(port: int, path: str, cookie: str = "", timeout: float = 60) -> tuple[int, bytes]:
    headers = dict(PROXY_HEADERS)
    if cookie:
        headers["Cookie"] = cookie
    request = urllib.request.Request(f"http://{HOST}:{port}{path}", headers=headers)

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def _wait_ready(port: int, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn s’est arrêté :\n{log.read_text()[-2000:]}")
        try:
            _get(port, "/", timeout=5)
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"gunicorn ne répond pas sur le port {port}")


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def wrk(port: int, path: str, *, cookie: str = "", rotate: list[str] | None = None, connections: int, seconds: int):
    """One wrk run; returns req/s, p50/p95/p99 (ms), errors and the load average when it started."""
    load = os.getloadavg()[0]
    command = ["wrk", f"-c{connections}", "-t1", f"-d{seconds}s", "--timeout=30s", f"--script={LUA}"]
    for name, value in PROXY_HEADERS.items():
        command.append(f"--header={name}: {value}")
    if cookie:
        command.append(f"--header=Cookie: {cookie}")
    env = dict(os.environ)
    paths_file = None
    if rotate:
        paths_file = tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False)  # noqa: SIM115
        paths_file.write("\n".join(rotate) + "\n")
        paths_file.close()
        env["WRK_PATHS"] = paths_file.name
    command.append(f"http://{HOST}:{port}{path}")
    try:
        output = subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout  # noqa: S603
    finally:
        if paths_file:
            os.unlink(paths_file.name)
    line = next(line for line in output.splitlines() if line.startswith("WRK-JSON "))
    raw = json.loads(line.removeprefix("WRK-JSON "))
    return {
        "rps": round(raw["requests"] / (raw["duration_us"] / 1e6), 1),
        "p50_ms": round(raw["p50_us"] / 1000, 1),
        "p95_ms": round(raw["p95_us"] / 1000, 1),
        "p99_ms": round(raw["p99_us"] / 1000, 1),
        "requests": raw["requests"],
        "errors": raw["not_ok"] + raw["socket_errors"] + raw["timeouts"],
        "load": round(load, 2),
    }


def _measured(page: Page, args, *, portal_port: int, bare_port: int) -> dict:
    """`args.rounds` alternations of the bare page and the page; the figures of the round whose ratio is the median.

    Two runs minutes apart gave the same page ratios 15 % apart on a quiet machine: one round is a sample of the
    machine's moment as much as of the page. A rotating page takes its own share of the paths in each round, so no
    round serves a path another one already put in a cache."""
    rounds = []
    for number in range(args.rounds):
        share = page.rotate[number :: args.rounds] if page.rotate else []
        bare_figures = wrk(bare_port, "/", connections=args.connections, seconds=args.duration)
        figures = wrk(
            portal_port,
            share[0] if share else page.path,
            cookie=page.cookie,
            rotate=share,
            connections=args.connections,
            seconds=args.duration,
        )
        # A rotating page served more requests than it has paths measured its own cache, not the miss.
        figures["repeated"] = bool(share) and figures["requests"] > len(share)
        if figures["repeated"]:
            print(
                f"   mesure faussée : {figures['requests']} requêtes pour {len(share)} chemins "
                "(des chemins servis plusieurs fois, donc depuis le cache)",
                file=sys.stderr,
            )
        figures["bare_rps"] = bare_figures["rps"]
        figures["ratio"] = round(bare_figures["rps"] / figures["rps"], 1) if figures["rps"] else float("inf")
        rounds.append(figures)
    median = sorted(rounds, key=lambda figures: figures["ratio"])[len(rounds) // 2]
    return {
        **median,
        "ratios": [figures["ratio"] for figures in rounds],
        "repeated": any(figures["repeated"] for figures in rounds),
        "errors": sum(figures["errors"] for figures in rounds),
    }


def _load_targets(cookies: dict[str, str], users: int) -> list[str]:
    """Paths (each with a session) for the load run: members browse the catalogue, resources and their projects;
    one in five connections is national staff browsing its lists."""
    from accounts.models import Membership
    from benchmarks.data import BENCH_DOMAIN, WORDS
    from journeys.models import Project

    members = list(
        Membership.objects.filter(user__email__endswith=f"@{BENCH_DOMAIN}", organisation__status="confirmed")
        .select_related("user")
        .order_by("pk")[: users * 3 : 3]
    )
    lines = []
    for n, membership in enumerate(members):
        cookie = _member_session(membership.user)
        project = Project.objects.filter(organisation_id=membership.organisation_id).order_by("pk").first()
        word = WORDS[n % len(WORDS)]
        lines += [
            f"/catalogue/\t{cookie}",
            f"/catalogue/?q={urllib.parse.quote_plus(word)}\t{cookie}",
            f"/ressources/\t{cookie}",
            f"/projets/\t{cookie}",
        ]
        if project is not None:
            lines += [f"{project.get_absolute_url()}\t{cookie}", f"{project.get_absolute_url()}historique/\t{cookie}"]
        if n % 5 == 0:
            staff = cookies["staff"]
            lines += [
                f"/espace-anct/\t{staff}",
                f"/admin/journeys/project/\t{staff}",
                f"/admin/accounts/organisation/\t{staff}",
            ]
    return lines


def _machine() -> dict[str, str]:
    from django.db import connection

    cpu = "?"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory = "?"
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal"):
            memory = f"{int(line.split()[1]) // 1024 // 1024} Gio"
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0]
    import django

    wrk_version = subprocess.run(["wrk", "--version"], capture_output=True, text=True).stdout.split("\n")[0]  # noqa: S607
    return {
        "cpu": f"{cpu}, {os.cpu_count()} cœurs",
        "memory": memory,
        "system": platform.platform(),
        "software": f"Python {platform.python_version()}, Django {django.get_version()}, PostgreSQL {postgres}, "
        f"{wrk_version.strip()}",
    }


def _write_results(*, args, machine, sizes, pages, load_run, started) -> None:
    lines = [
        "# Benchmarks: the portal against a bare Django page, over HTTP",
        "",
        f"Written by `make bench` (benchmarks/http.py) on {started:%Y-%m-%d %H:%M} UTC; figures are replaced at "
        "each run. The machine is shared (other processes run at the same time): every figure carries the load "
        "average (1 min) when it was taken, and the ratio compares two runs taken one after the other.",
        "",
        "## Method",
        "",
        "- Two gunicorn servers, 2 sync workers each: the portal with production settings (PostgreSQL, Redis cache, "
        "generated SECRET_KEY), and a bare Django page (startproject middleware, no database, a 10-item template) "
        "from benchmarks/bare.",
        f"- wrk, 1 thread, {args.connections} connections; for each page, {args.rounds} rounds of {args.duration} s "
        "each, the bare page measured just before the page in every round. **Ratio = bare req/s ÷ page req/s** "
        "(lower is better; 1" + TIMES + " is the bare page): the table gives the round whose ratio is the median "
        "(its req/s, p50 and p95), every round's ratio in brackets; errors are those of every round.",
        "- Query count: the same request in-process through the test client, caches warm (cold for the "
        "cache-miss search). Logged-in pages use sessions made by the harness (the national staff session "
        "passed TOTP).",
        "- « Nouvelle recherche »: each request is a search not yet made in the run (7,220 of them: two words, or "
        "two words less a third, a third of them in each round), the cache emptied first.",
        "",
        "## Machine",
        "",
        *(f"- {key}: {value}" for key, value in machine.items()),
        "",
        f"## Data (`generate_bench_data --scale {args.scale}` on the loaded referential)",
        "",
        "| table | rows |",
        "|---|---:|",
        *(f"| {label} | {count:,} |".replace(",", "\u202f") for label, count in sizes.items()),
        "",
        "## Pages",
        "",
        "| page | req/s | p50 ms | p95 ms | queries | bare req/s | ratio | target | errors | load |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for page in pages:
        f = page.figures
        target = f"≤ {page.target:g}{TIMES}" if page.target else "–"
        flag = " ⚠" if page.target and f["ratio"] > page.target else ""
        if f.get("repeated"):
            flag += " ✗ invalid: paths repeated, partly served from the cache"
        rounds = ", ".join(f"{ratio}" for ratio in f["ratios"])
        lines.append(
            f"| {page.name} | {f['rps']} | {f['p50_ms']} | {f['p95_ms']} | {f['queries']} | {f['bare_rps']} | "
            f"**{f['ratio']}{TIMES}**{flag} ({rounds}) | {target} | {f['errors']} | {f['load']} |"
        )
    slowest = max(pages, key=lambda p: p.figures["ratio"])
    lines += [
        "",
        f"Slowest page: **{slowest.name}** ({slowest.figures['ratio']}{TIMES} the bare page, p95 "
        f"{slowest.figures['p95_ms']} ms). ⚠ marks a ratio above the issue’s target at scale 1.",
        "",
    ]
    if load_run:
        lines += [
            "## Load run",
            "",
            f"wrk, {load_run['connections']} connections for {load_run['seconds']} s, each request the next of "
            f"{load_run['targets']} logged-in paths (each connection’s member browses the catalogue, a search, the "
            "resources, « Mes projets », its project and its history; one in five paths is national staff on "
            "the espace ANCT and the admin lists), against the same 2-worker gunicorn.",
            "",
            "| requests | req/s | p50 ms | p95 ms | p99 ms | errors | load at start |",
            "|---:|---:|---:|---:|---:|---:|---:|",
            f"| {load_run['requests']} | {load_run['rps']} | {load_run['p50_ms']} | {load_run['p95_ms']} | "
            f"{load_run['p99_ms']} | {load_run['errors']} | {load_run['load']} |",
            "",
        ]
    if NOTES.exists():
        lines += [NOTES.read_text().rstrip(), ""]
    RESULTS.write_text("\n".join(lines))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=int, default=int(os.environ.get("BENCH_SCALE", "1")))
    parser.add_argument("--duration", type=int, default=3, help="seconds per page and per bare run, in each round")
    parser.add_argument("--rounds", type=int, default=3, help="alternations of the bare page and each page")
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--load-users", type=int, default=50, help="0: no load run")
    parser.add_argument("--load-seconds", type=int, default=60)
    parser.add_argument("--only", default="", help="pages whose name contains this text (comma: several)")
    args = parser.parse_args(argv)
    if shutil.which("wrk") is None:
        print("wrk est absent : bash scripts/system-deps.sh bench (ou apt-get install wrk).", file=sys.stderr)
        return 1
    sys.path.insert(0, str(ROOT))
    os.chdir(ROOT)
    env = _environment(args)
    os.environ.update(env)
    started = datetime.datetime.now(datetime.UTC)
    print("→ Données")
    sizes = _prepare_data(args.scale)
    from django.core.cache import cache

    cookies = _sessions()
    wanted = [text.strip().lower() for text in args.only.split(",")]
    pages = [p for p in _pages(cookies) if any(text in p.name.lower() for text in wanted)]
    machine = _machine()
    for page in pages:
        page.figures["queries"] = _query_count(page)

    logs = ROOT / "var" / "bench"
    logs.mkdir(parents=True, exist_ok=True)
    portal_port, bare_port = _free_port(), _free_port()
    portal = _start_gunicorn("portal.wsgi:application", portal_port, env, logs / "gunicorn-portal.log")
    bare = _start_gunicorn("benchmarks.bare.wsgi:application", bare_port, env, logs / "gunicorn-bare.log")
    load_run = None
    try:
        _wait_ready(portal_port, portal, logs / "gunicorn-portal.log")
        _wait_ready(bare_port, bare, logs / "gunicorn-bare.log")
        status, _ = _get(bare_port, "/")
        if status != 200:
            raise RuntimeError(f"page de référence : {status}")
        print(
            f"→ Pages ({args.rounds} manches de {args.duration} s, {args.connections} connexions, "
            "la référence avant chaque page)"
        )
        for page in pages:
            status, _body = _get(portal_port, page.path, page.cookie)
            if status != 200:
                raise RuntimeError(f"{page.name} : {page.path} répond {status} par HTTP")
            for _ in range(6):  # both workers compile their templates and fill their caches
                _get(portal_port, page.path, page.cookie)
            if page.rotate:
                cache.clear()  # Redis db of the benchmark only
            figures = _measured(page, args, portal_port=portal_port, bare_port=bare_port)
            page.figures.update(figures)
            spread = ", ".join(f"{ratio}{TIMES}" for ratio in figures["ratios"])
            print(
                f" - {page.name}: {figures['rps']} req/s, p50 {figures['p50_ms']} ms, p95 {figures['p95_ms']} ms, "
                f"{page.figures['queries']} requêtes SQL, référence {figures['bare_rps']} req/s → "
                f"{figures['ratio']}{TIMES} (manches : {spread} ; charge {figures['load']})"
            )
        if args.load_users:
            targets = _load_targets(cookies, args.load_users)
            print(f"→ Charge : {args.load_users} connexions, {args.load_seconds} s, {len(targets)} chemins")
            load_run = wrk(
                portal_port,
                "/",
                rotate=targets,
                connections=args.load_users,
                seconds=args.load_seconds,
            )
            load_run.update(connections=args.load_users, seconds=args.load_seconds, targets=len(targets))
            print(
                f" - {load_run['requests']} requêtes, {load_run['rps']} req/s, p95 {load_run['p95_ms']} ms, "
                f"{load_run['errors']} erreurs"
            )
    finally:
        _stop(portal)
        _stop(bare)
    if not args.only:
        _write_results(args=args, machine=machine, sizes=sizes, pages=pages, load_run=load_run, started=started)
        print(f"\nRésultats : {RESULTS.relative_to(ROOT)}")
    (logs / "http.json").write_text(
        json.dumps(
            {"pages": {p.name: p.figures for p in pages}, "load": load_run, "sizes": sizes},
            indent=2,
            ensure_ascii=False,
        )
    )
    # The run fails when a figure is known to be wrong (its results are still written, marked).
    return 1 if any(page.figures.get("repeated") for page in pages) else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
