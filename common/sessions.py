"""Sessions read from the cache and kept in the database (Django's cached_db engine), never from a stale copy.

Every logged-in page read its session from PostgreSQL: one round trip of the 6 to 12 of a staff page. This engine
reads it from the cache (Redis in production, the process memory on the embedded default) and writes both, like
Django's cached_db, with two guards for a Redis outage, when common.cache.FailSafeRedisCache answers from each
process's own memory:
- sessions skip that per-process memory: while Redis is unreachable they are read from and written to the
  database only, so a session ended in one process (logout) is not still served by another process's copy;
- a session stays in the cache 5 minutes at most: a logout made while Redis was unreachable could not delete the
  Redis copy, which then lives on for at most that long once Redis is back.
"""

from asgiref.sync import sync_to_async
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY
from django.contrib.sessions.backends import cached_db
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

from common.cache import FailSafeRedisCache

CACHE_SECONDS = 5 * 60


class _SessionCache:
    """The session cache as cached_db uses it; on Redis, without the fail-safe memory (a failure reads as a miss)."""

    def __init__(self, cache) -> None:
        self._cache = cache
        self._redis = isinstance(cache, FailSafeRedisCache)

    def _call(self, name: str, *args, default=None):
        if not self._redis:
            return getattr(self._cache, name)(*args)
        circuit = self._cache._circuit
        if circuit.is_open():
            return default
        try:
            return getattr(RedisCache, name)(self._cache, *args)
        except RedisError as error:
            circuit.trip(self._cache._location, error)
            return default

    def get(self, key: str):
        return self._call("get", key)

    def set(self, key: str, value, timeout: int) -> None:
        self._call("set", key, value, min(timeout, CACHE_SECONDS))

    def delete(self, key: str) -> None:
        self._call("delete", key)

    def __contains__(self, key: str) -> bool:
        return self._call("has_key", key, default=False)

    async def aget(self, key: str):
        return await sync_to_async(self.get)(key)

    async def aset(self, key: str, value, timeout: int) -> None:
        await sync_to_async(self.set)(key, value, timeout)

    async def adelete(self, key: str) -> None:
        await sync_to_async(self.delete)(key)


class SessionStore(cached_db.SessionStore):
    def __init__(self, session_key: str | None = None) -> None:
        super().__init__(session_key)
        self._cache = _SessionCache(caches[settings.SESSION_CACHE_ALIAS])

    def load(self) -> dict:
        data = super().load()
        # A session opened under an authentication backend since renamed stays logged in (Django would log it out:
        # it only trusts the paths in AUTHENTICATION_BACKENDS).
        renamed = settings.AUTH_BACKEND_RENAMES.get(data.get(BACKEND_SESSION_KEY))
        if renamed:
            data[BACKEND_SESSION_KEY] = renamed
        return data
