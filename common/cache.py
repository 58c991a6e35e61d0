"""A Redis cache that degrades instead of failing: when Redis does not answer, each process falls back to its own
memory for a few seconds, then tries Redis again.

Pages then render uncached or cached per process, and what counts in the cache (allauth's login throttling) keeps
counting per process: weaker than across processes, never a 500. /sante/ pings Redis itself and reports the outage.
"""

import logging
import threading
import time

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# After a failure, Redis is left alone this long: a frozen server costs one socket timeout, not one per call.
RETRY_AFTER_SECONDS = 5.0
SOCKET_TIMEOUT_SECONDS = 1


def redis_caches(url: str) -> dict:
    """The CACHES setting for a Redis at `url`, falling back to process memory when it does not answer."""
    return {
        "default": {
            "BACKEND": "common.cache.FailSafeRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "tia",
            "OPTIONS": {"socket_connect_timeout": SOCKET_TIMEOUT_SECONDS, "socket_timeout": SOCKET_TIMEOUT_SECONDS},
        }
    }


class _Circuit:
    """Whether Redis failed lately; one per server, shared by the threads of the process."""

    def __init__(self) -> None:
        self.open_until = 0.0

    def is_open(self) -> bool:
        return time.monotonic() < self.open_until

    def trip(self, server: str, error: Exception) -> None:
        if not self.is_open():
            logger.warning(
                "Cache Redis %s injoignable (%s) : cache en mémoire du processus pendant %s s.",
                server,
                error.__class__.__name__,
                RETRY_AFTER_SECONDS,
            )
        self.open_until = time.monotonic() + RETRY_AFTER_SECONDS


_circuits: dict[str, _Circuit] = {}
_circuits_lock = threading.Lock()


def _circuit_for(server: str) -> _Circuit:
    with _circuits_lock:
        return _circuits.setdefault(server, _Circuit())


def reset_circuits() -> None:
    """Forget past failures (tests that start a new server)."""
    with _circuits_lock:
        _circuits.clear()


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django's client builds a redis.Redis (≈ 60 µs: its response-callback table) for every cache operation; one per
    connection pool is enough (a redis.Redis is thread-safe: each command takes a connection from the pool)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, object] = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class FailSafeRedisCache(RedisCache):
    """Django's RedisCache; each operation that Redis fails goes to a per-process LocMemCache instead."""

    def __init__(self, server: str, params: dict) -> None:
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient
        self._location = str(server)
        self._circuit = _circuit_for(self._location)
        local = {key: value for key, value in params.items() if key != "OPTIONS"}
        # LocMemCache instances of the same name share their store: one per process and server.
        self._fallback = LocMemCache(f"fail-safe:{server}", {**local, "OPTIONS": {"MAX_ENTRIES": 5_000}})


def _fail_safe(name: str):
    redis_operation = getattr(RedisCache, name)

    def operation(self: FailSafeRedisCache, *args, **kwargs):
        if not self._circuit.is_open():
            try:
                return redis_operation(self, *args, **kwargs)
            except RedisError as error:
                self._circuit.trip(self._location, error)
        return getattr(self._fallback, name)(*args, **kwargs)

    operation.__name__ = operation.__qualname__ = name
    operation.__doc__ = redis_operation.__doc__
    return operation


# Every operation RedisCache implements (the others, get_or_set, decr, the async ones, are built on these).
for _name in (
    "add",
    "get",
    "set",
    "touch",
    "delete",
    "get_many",
    "has_key",
    "incr",
    "set_many",
    "delete_many",
    "clear",
):
    setattr(FailSafeRedisCache, _name, _fail_safe(_name))
