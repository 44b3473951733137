"""Django's Redis cache with one client object per connection pool, and versions in the cache.

Django's `RedisCacheClient.get_client` builds a new `redis.Redis` for every cache call; building
one fills its table of response callbacks (about 170 entries), which on a page served from the
cache (the roles, a kept public page's version) cost more than the round trip to Redis. A client
is safe to share (its connections come from the pool, per call), so it is made once per pool.
"""

import secrets

from django.core.cache import cache
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class ReusedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient


# --- Versions: a token in the shared cache that every change replaces ----------------------------
# What is kept under a version (a person's roles, a public page) is used only while the version is
# the same; a change sets a new one, so nothing kept before it is used again.


def version_new(key):
    """Replace the version under `key`: everything kept under the old one is dropped. Returns
    the new version."""
    version = secrets.token_hex(8)
    cache.set(key, version, timeout=None)
    return version


def version_current(key, found=None):
    """The version under `key` (from `found`, a get_many result that asked for it, when given).
    With none yet (an empty or evicted cache) one is started: entries of any earlier version are
    never trusted."""
    version = found.get(key) if found is not None else cache.get(key)
    if version is None:
        cache.add(key, secrets.token_hex(8), timeout=None)
        version = cache.get(key)
    return version
