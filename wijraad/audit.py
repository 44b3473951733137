"""The actor of the audit log (django-auditlog): `by` in a service is the person acting."""

import contextlib

from auditlog.context import auditlog_value, set_actor


@contextlib.contextmanager
def acting(by):
    """Record `by` as the actor of the audit log entries written inside the block.

    auditlog's set_actor does not restore an actor set further out (e.g. by its middleware), so
    put it back afterwards. `by=None` (a task, the demo data) leaves the actor as it is.
    """
    if by is None:
        yield
        return
    outer = auditlog_value.get(None)
    try:
        with set_actor(by):
            yield
    finally:
        if outer is not None:
            auditlog_value.set(outer)
