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
# Recycle workers now and then: a slow leak in a library never grows without bound.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = max_requests // 10
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
