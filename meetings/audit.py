"""What the audit log (django-auditlog) records for the meetings app: the minutes (DESIGN.md)."""

from auditlog.registry import auditlog


def register():
    from meetings.models import Minutes

    auditlog.register(Minutes)
