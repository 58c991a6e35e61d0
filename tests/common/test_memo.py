"""ProcessMemo.get_or_build: built once while kept, built again once expired or evicted, a None never kept."""

from common import memo as module
from common.memo import ProcessMemo


def test_built_once_while_kept_then_again_once_expired(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(module.time, "monotonic", lambda: now[0])
    memo = ProcessMemo(max_entries=2, seconds=60)
    built = []

    def build():
        built.append(1)
        return f"valeur {len(built)}"

    assert memo.get_or_build("clé", build) == "valeur 1"
    assert memo.get_or_build("clé", build) == "valeur 1"
    now[0] += 61
    assert memo.get_or_build("clé", build) == "valeur 2"
    assert len(built) == 2


def test_the_oldest_entry_is_evicted_and_none_is_not_kept():
    memo = ProcessMemo(max_entries=2, seconds=60)
    for key in ("a", "b", "c"):
        memo.get_or_build(key, lambda key=key: key.upper())
    assert memo.get("a") is None
    assert memo.get("c") == "C"
    calls = []
    assert memo.get_or_build("vide", lambda: calls.append(1)) is None
    assert memo.get_or_build("vide", lambda: calls.append(1)) is None
    assert len(calls) == 2
