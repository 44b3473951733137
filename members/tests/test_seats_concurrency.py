"""Two appointments at the same moment cannot both take the last seat (PostgreSQL row lock)."""

import contextlib
import datetime
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from members import services
from members.models import Term
from members.tests.factories import UserFactory, fill_seats

START = datetime.date(2026, 9, 1)


# Skipped before any database set-up (with REQUIRE_SERVICES=1 the skip fails the run:
# wijraad.testing.fixtures). No serialized_rollback: it loads the database as it was after the
# migrations on top of what an earlier transactional test left (the content types and permissions
# that its flush made again, under new ids), which broke on their unique names; this test needs
# none of the migrations' rows.
@pytest.mark.services
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL: SQLite has no row locks to test"
)
@pytest.mark.django_db(transaction=True)
def test_two_appointments_at_once_cannot_both_take_the_13th_seat(monkeypatch):
    fill_seats(12, start=datetime.date(2025, 1, 1))
    people = [UserFactory(), UserFactory()]

    # Both appointments wait for each other right after counting the seats. With the council's
    # row locked, the second one cannot count before the first commits: it blocks on the lock,
    # the first one's wait times out, it appoints and commits, and the second then counts 13.
    # Without the lock both count 12, meet here and both appoint: 14 seats.
    barrier = threading.Barrier(2, timeout=3)

    def wait_for_the_other():
        with contextlib.suppress(threading.BrokenBarrierError):
            barrier.wait()

    monkeypatch.setattr(services.membership, "after_seat_count", wait_for_the_other)
    outcomes = {}

    def appoint(person):
        try:
            services.term_appoint(person=person, start=START)
            outcomes[person.pk] = "appointed"
        except ValidationError as refused:
            outcomes[person.pk] = refused.code
        except Exception as error:  # any other error: recorded, so the assertion below fails
            outcomes[person.pk] = repr(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=appoint, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert not any(thread.is_alive() for thread in threads)
    assert sorted(outcomes.values()) == ["appointed", "max_seats"]
    assert Term.objects.active_on(START).count() == 13
