"""The real components in CI: PostgreSQL as the database, Redis as cache and broker."""

import os
import uuid

import pytest
from django.core.cache import cache
from django.db import connection

from wijraad.celery import app

pytestmark = pytest.mark.services


@pytest.mark.django_db
def test_database_is_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("DATABASE_URL does not point at PostgreSQL")
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        assert cursor.fetchone()[0]


def test_cache_is_redis():
    if not os.environ.get("REDIS_URL"):
        pytest.skip("REDIS_URL is not set")
    from django.core.cache import caches

    assert caches["default"].__class__.__name__ == "RedisCache"
    key = f"test-{uuid.uuid4().hex}"
    cache.set(key, "hallo", 10)
    assert cache.get(key) == "hallo"
    cache.delete(key)


def test_the_cache_makes_one_redis_client_per_pool():
    """wijraad.cache: Django would build a new client for every call."""
    if not os.environ.get("REDIS_URL"):
        pytest.skip("REDIS_URL is not set")
    from django.core.cache import caches

    backend = caches["default"]._cache
    assert backend.get_client(write=True) is backend.get_client(write=True)
    assert backend.get_client() is backend.get_client()
    key = f"test-{uuid.uuid4().hex}"
    caches["default"].set(key, "twee keer", 10)
    assert caches["default"].get(key) == "twee keer"
    caches["default"].delete(key)


def test_broker_is_redis_and_answers():
    url = os.environ.get("CELERY_BROKER_URL", "")
    if not url.startswith("redis://"):
        pytest.skip("CELERY_BROKER_URL does not point at Redis")
    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=2)
        assert conn.transport.driver_type == "redis"
