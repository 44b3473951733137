"""The history page's rows: who changed what and when (django-auditlog's LogEntry) and who
downloaded which non-public file (wijraad.models.DownloadLog), across every app that logs.

Reads the rows by their content types only, so this floor never imports a higher one (meetings'
minutes, agenda items and papers appear because meetings.audit registers them). The values are
shown as the audit log stored them: personal and confidential fields are already masked there
(members.audit, meetings.audit).
"""

import contextlib
from dataclasses import dataclass

from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext_lazy as _

from wijraad.models import DownloadLog

ACTIONS = {
    LogEntry.Action.CREATE: _("added"),
    LogEntry.Action.UPDATE: _("changed"),
    LogEntry.Action.DELETE: _("removed"),
    LogEntry.Action.ACCESS: _("viewed"),
}


def kind_key(model):
    return f"{model._meta.app_label}.{model._meta.model_name}"


def kinds():
    """(key, name) of every kind of object the audit log records, by name. Asks no database."""
    found = [
        (kind_key(model), str(model._meta.verbose_name_plural)) for model in auditlog.get_models()
    ]
    return sorted(found, key=lambda kind: kind[1].lower())


def _by_kind(rows, kind):
    app_label, _dot, model_name = (kind or "").partition(".")
    if not model_name:
        return rows
    return rows.filter(content_type__app_label=app_label, content_type__model=model_name)


def _in_period(rows, field, start, end):
    if start:
        rows = rows.filter(**{f"{field}__date__gte": start})
    if end:
        rows = rows.filter(**{f"{field}__date__lte": end})
    return rows


def changes(*, kind=None, person=None, start=None, end=None):
    """The audit log, newest first, filtered by kind ("app_label.model"), actor and period."""
    rows = LogEntry.objects.select_related("actor", "content_type").order_by("-timestamp", "-id")
    rows = _by_kind(rows, kind)
    if person is not None:
        rows = rows.filter(actor=person)
    return _in_period(rows, "timestamp", start, end)


def downloads(*, kind=None, person=None, start=None, end=None):
    """The download log, newest first, filtered the same way (the person downloaded)."""
    rows = DownloadLog.objects.select_related("user", "content_type").order_by(
        "-downloaded_at", "-id"
    )
    rows = _by_kind(rows, kind)
    if person is not None:
        rows = rows.filter(user=person)
    return _in_period(rows, "downloaded_at", start, end)


@dataclass
class Change:
    """One log entry, ready to show: the field names in words, the values as logged."""

    entry: LogEntry

    @property
    def action(self):
        return ACTIONS.get(self.entry.action, "")

    @property
    def kind(self):
        model = self.entry.content_type.model_class()
        return model._meta.verbose_name if model is not None else self.entry.content_type.model

    @property
    def fields(self):
        """(field name, old, new) for each changed field, without asking the database (auditlog's
        own display looks up related rows one by one)."""
        model = self.entry.content_type.model_class()
        rows = []
        for name, values in (self.entry.changes_dict or {}).items():
            label = name
            if model is not None:
                with contextlib.suppress(FieldDoesNotExist):
                    label = getattr(model._meta.get_field(name), "verbose_name", name)
            old, new = (list(values) + ["", ""])[:2]
            rows.append((label, _shown(old), _shown(new)))
        return rows


def _shown(value):
    return "" if value in (None, "None") else value


def download_kind(row):
    model = row.content_type.model_class()
    return model._meta.verbose_name if model is not None else row.content_type.model
