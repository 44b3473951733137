"""Security events as structured log records, never with secrets.

Every record goes to the `wijraad.security` logger with an `event` name and plain fields; the
JSON formatter writes one line per event. E-mail addresses that did not log in are kept only as
a short hash, so the log shows repeated attempts on one account without naming it.
"""

import hashlib
import json
import logging

logger = logging.getLogger("wijraad.security")


def address_hash(address):
    return hashlib.sha256((address or "").strip().lower().encode()).hexdigest()[:12]


def client_ip(request):
    return request.META.get("REMOTE_ADDR", "") if request is not None else ""


def log_event(event, *, request=None, user=None, level=logging.INFO, **fields):
    record = {"event": event, **fields}
    if user is not None and getattr(user, "pk", None) is not None:
        record["user_id"] = user.pk
    if request is not None:
        record["ip"] = client_ip(request)
        record["path"] = request.path
    logger.log(level, event, extra={"security": record})
    return record


class JSONFormatter(logging.Formatter):
    def format(self, record):
        data = {"time": self.formatTime(record), "level": record.levelname, "logger": record.name}
        data.update(getattr(record, "security", {"message": record.getMessage()}))
        return json.dumps(data, ensure_ascii=False, default=str)
