"""gunicorn's settings, read from the environment (the Dockerfile starts gunicorn with this file).

Scale by configuration: WEB_CONCURRENCY worker processes of GUNICORN_THREADS threads each per container, and
`docker compose up --scale web=N` for more containers. Nothing is written to the container's disk.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
# Recycle workers now and then: a slow leak in a library never grows without bound. A recycled worker is missing
# for about a second (gunicorn's master notices a worker's exit on its next one-second tick, then the new worker
# starts), so: workers forked from a master that has already loaded the application (preload_app: no import in the
# new worker), recycled rarely, and never together (a jitter of half the limit: with 10 %, two workers sharing the
# traffic reached their limits within the same second and requests waited for both, the ~1 s p95 spikes under load;
# benchmarks/notes.md).
preload_app = os.environ.get("GUNICORN_PRELOAD", "true").lower() != "false"
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "10000"))
max_requests_jitter = max_requests // 2
# gunicorn's control socket is a file under $HOME and an asyncio thread in the master, which workers would be
# forked from (gunicorn warns of fork deadlocks with asyncio): not used here.
control_socket_disable = True
# Heartbeat files in memory, not on the container's disk.
_SHM = "/dev/shm"  # noqa: S108 (a memory filesystem, written by gunicorn only)
worker_tmp_dir = _SHM if os.path.isdir(_SHM) else None
# Only the reverse proxy may set X-Forwarded-Proto (the same list as Django's TRUSTED_PROXIES).
forwarded_allow_ips = os.environ.get("TRUSTED_PROXIES", "")

# No access log: portal.middleware.RequestLogMiddleware writes one JSON line per request, without the path
# (which may hold a token). gunicorn's own messages as JSON lines too.
accesslog = None
_formatter = "json" if os.environ.get("LOG_FORMAT", "json") == "json" else "plain"
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "portal.jsonlog.JsonFormatter"},
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": _formatter, "stream": "ext://sys.stdout"}},
    "loggers": {
        "gunicorn.error": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "gunicorn.access": {"handlers": [], "propagate": False},
    },
}


def post_fork(server, worker) -> None:
    """A forked worker opens its own connections: none is shared with the master or a sibling (the application is
    loaded in the master, which opens none; closing here keeps it so)."""
    if not server.cfg.preload_app:
        return  # nothing is loaded yet
    from django.core.cache import caches
    from django.db import connections

    connections.close_all()
    caches.close_all()
