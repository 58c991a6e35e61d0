"""Error reporting to a Sentry-compatible service (Sentry, GlitchTip…), only when SENTRY_DSN is set.

Without a DSN the SDK is never initialised: nothing leaves the machine. With one, events carry the request id
and the user id, never cookies, request bodies, local variables, emails or IP addresses.
"""

from typing import Any

from portal.jsonlog import request_id_var, task_id_var, user_id_var


def _before_send(event: dict[str, Any], hint: dict[str, Any]) -> dict[str, Any]:
    tags = event.setdefault("tags", {})
    if (request_id := request_id_var.get()) is not None:
        tags["request_id"] = request_id
    if (task_id := task_id_var.get()) is not None:
        tags["task_id"] = task_id
    user_id = user_id_var.get()
    event["user"] = {"id": str(user_id)} if user_id is not None else {}
    request = event.get("request")
    if isinstance(request, dict):
        for key in ("cookies", "data", "env", "query_string"):
            request.pop(key, None)
        request["headers"] = {
            name: value
            for name, value in (request.get("headers") or {}).items()
            if name.lower() in {"user-agent", "accept", "accept-language", "content-type", "content-length"}
        }
    return event


def init_error_reporting(dsn: str, environment: str, release: str | None, traces_sample_rate: float) -> None:
    import sentry_sdk  # imported only when used: without a DSN the SDK is not even loaded

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=release or None,
        send_default_pii=False,
        include_local_variables=False,
        max_request_body_size="never",
        traces_sample_rate=traces_sample_rate,
        before_send=_before_send,
    )
