"""The Redis cache reuses one redis-py client per connection pool instead of building one per operation."""

from common.cache import FailSafeRedisCache


def test_operations_share_one_client_and_still_work(redis_url):
    cache = FailSafeRedisCache(redis_url, {"KEY_PREFIX": "test-client-reuse"})

    cache.set("clé", "valeur", 30)

    assert cache.get("clé") == "valeur"
    assert cache._cache.get_client() is cache._cache.get_client(write=True)
    cache.delete("clé")
    assert cache.get("clé") is None
