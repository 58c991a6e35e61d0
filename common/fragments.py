"""Rendered fragments kept in the cache, and the version tokens that invalidate them.

A fragment is cached under a key that includes a version of what it shows: a write moves the version, so the next
request renders anew instead of serving the old fragment until it expires. The version is either read from the
database by the caller (timestamps, cheapest when the page reads that row anyway) or a token kept in the cache
itself and moved by the writes that do not leave a trace in the database a page could read cheaply (signals).

Only content that is the same for every visitor belongs in a fragment: per-user parts are rendered per request.
"""

import hashlib
import secrets
from collections.abc import Callable
from datetime import datetime
from typing import TypeVar
from urllib.parse import urlencode

from django.core.cache import cache
from django.db import transaction
from django.http import QueryDict

T = TypeVar("T")

# A token lives longer than the fragments keyed on it: losing it only costs a render of each fragment.
TOKEN_SECONDS = 7 * 24 * 3600


def token_key(name: str) -> str:
    """The cache key of the token `name` (to read it with other keys in one round trip)."""
    return f"version:{name}"


def version_token(name: str) -> str:
    """The current token of `name` (created on first use, or when the cache lost it)."""
    token = cache.get(token_key(name))
    if token is None:
        token = secrets.token_hex(8)
        # add: two processes creating it at once agree on the first one written.
        if not cache.add(token_key(name), token, TOKEN_SECONDS):
            token = cache.get(token_key(name)) or token
    return token


def bump_version(*names: str) -> None:
    """Invalidate every fragment keyed on the tokens `names` (call after the write).

    Moved at once (the rest of this transaction sees its own writes) and again on commit: a request that read the
    new token and the old data before the commit may have cached the old data under it.
    """

    def bump() -> None:
        cache.set_many({token_key(name): secrets.token_hex(8) for name in names}, TOKEN_SECONDS)

    bump()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(bump)


def query_key(prefix: str, query: QueryDict, *versions: str) -> str:
    """A cache key for a page of results: the non-empty query parameters (in any order) and the versions."""
    params = sorted((key, value) for key, values in query.lists() for value in values if value.strip())
    raw = "|".join([*versions, urlencode(params)])
    return f"{prefix}:" + hashlib.sha256(raw.encode()).hexdigest()


def cached(key: str, build: Callable[[], T], seconds: int) -> T:
    """The value cached under `key`, built by `build()` and stored for `seconds` when missing."""
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, seconds)
    return value


def _entry_at_token(key: str, name: str) -> tuple[tuple | None, str]:
    """The entry kept under `key` if it was built at the current token of `name` (else None), and that token: both
    read in one round trip. Entries start with the token they were built at."""
    found = cache.get_many([key, token_key(name)])
    token = found.get(token_key(name)) or version_token(name)
    entry = found.get(key)
    return (entry if entry is not None and entry[0] == token else None), token


def cached_at_version(key: str, name: str, build: Callable[[], T], seconds: int) -> T:
    """The value cached under `key` while the token `name` has not moved, built anew otherwise.

    For a large value read on many pages: the token and the value are read in one round trip, and the value keeps
    one key, so a token moved by a run of writes leaves no stale copy behind (a key per version would keep one each
    until they expire).
    """
    entry, token = _entry_at_token(key, name)
    if entry is not None:
        return entry[1]
    value = build()
    cache.set(key, (token, value), seconds)
    return value


def cached_at_version_until(
    key: str, name: str, build: Callable[[], tuple[T, datetime | None]], now: datetime, seconds: int
) -> T:
    """cached_at_version() for a value that also changes with the time: `build()` returns the value and the moment
    it stops being true (None: never), and the value is built anew from then on, as when the token moved."""
    entry, token = _entry_at_token(key, name)
    if entry is not None and (entry[1] is None or now < entry[1]):
        return entry[2]
    value, until = build()
    cache.set(key, (token, until, value), seconds)
    return value


def entry_at_tokens(key: str, names: tuple[str, ...]) -> tuple[object | None, list[str]]:
    """The value kept under `key` by keep_at_tokens() if it was built at the current tokens of every one of `names`
    (else None), and those tokens: all read in one round trip."""
    found = cache.get_many([key, *(token_key(name) for name in names)])
    tokens = [found.get(token_key(name)) or version_token(name) for name in names]
    entry = found.get(key)
    return (entry[1] if entry is not None and entry[0] == tokens else None), tokens


def keep_at_tokens(key: str, tokens: list[str], value: object, seconds: int) -> None:
    """Keep `value` under `key`, built at `tokens` (read by entry_at_tokens() before building it: a write meanwhile
    moved a token, and the entry is then never served)."""
    cache.set(key, (tokens, value), seconds)


def version_tokens(*names: str) -> list[str]:
    """The current tokens of `names`, in order, read in one round trip (version_token for those missing)."""
    found = cache.get_many([token_key(name) for name in names])
    return [found.get(token_key(name)) or version_token(name) for name in names]
