"""Measuring helpers shared by the benchmarks: server time percentiles and query counts."""

import secrets
import statistics
import time
from collections.abc import Callable

from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext


class Report:
    def __init__(self) -> None:
        self.results: dict[str, dict] = {}

    def add(self, name: str, **figures) -> None:
        self.results[name] = figures
        shown = ", ".join(f"{k}={v}" for k, v in figures.items())
        print(f" - {name}: {shown}")


def percentiles(samples_ms: list[float]) -> dict:
    ordered = sorted(samples_ms)
    p95_index = max(0, round(0.95 * len(ordered)) - 1)
    return {
        "p50_ms": round(statistics.median(ordered), 2),
        "p95_ms": round(ordered[p95_index], 2),
        "n": len(ordered),
    }


def time_calls(fn: Callable[[], object], *, repeat: int = 50, warmup: int = 5) -> dict:
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return percentiles(samples)


def time_page(client: Client, url: str, *, repeat: int = 50, expect: int = 200) -> dict:
    """Server time of a page through the test client (full middleware stack), plus its query count."""

    def fetch():
        response = client.get(url)
        assert response.status_code == expect, f"{url}: {response.status_code}"
        if response.streaming:  # a streamed file costs its time while it is read
            response.content_bytes = b"".join(response.streaming_content)
        else:
            response.content_bytes = response.content
        return response

    figures = time_calls(fetch, repeat=repeat)
    reset_queries()
    with CaptureQueriesContext(connection) as ctx:
        response = fetch()
    figures["queries"] = len(ctx.captured_queries)
    figures["kb"] = round(len(response.content_bytes) / 1024, 1)
    return figures


def free_insee_code() -> str:
    """A commune code nobody has: the bench database may hold the real referential, whose codes are the factory's."""
    from territories.models import Commune

    while True:
        code = f"B{secrets.randbelow(10_000):04d}"
        if not Commune.objects.filter(insee_code=code).exists():
            return code
