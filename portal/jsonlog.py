"""Logs as JSON lines, one object per line, for the log collector of the platform.

Imports nothing from Django: gunicorn's own logging (gunicorn.conf.py) uses the formatter before Django loads.
The request being served (or the Celery task being run) is kept in context variables, so every line logged
while it runs carries its request id and user id. Never an email, a password or a token: the request line
names the URL pattern, not the path, since paths may hold tokens (password reset, email confirmation).
"""

import json
import logging
import traceback
from contextvars import ContextVar
from datetime import UTC, datetime

request_id_var: ContextVar[str | None] = ContextVar("request_id", default=None)
user_id_var: ContextVar[int | None] = ContextVar("user_id", default=None)
task_id_var: ContextVar[str | None] = ContextVar("task_id", default=None)

# Attributes every LogRecord has: anything else was passed with `extra=` and goes into the line.
_STANDARD_ATTRIBUTES = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, context ids, `extra=` fields, traceback."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, var in (("request_id", request_id_var), ("user_id", user_id_var), ("task_id", task_id_var)):
            value = getattr(record, key, None)
            if value is None:
                value = var.get()
            if value is not None:
                line[key] = value
        for key, value in vars(record).items():
            if key not in _STANDARD_ATTRIBUTES and not key.startswith("_"):
                line[key] = value
        if record.exc_info:
            line["exception"] = "".join(traceback.format_exception(*record.exc_info))
        return json.dumps(line, ensure_ascii=False, default=str)
