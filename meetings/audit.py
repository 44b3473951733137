"""What the audit log (django-auditlog) records for the meetings app: meetings, the minutes, the
agenda items that carry the minutes' text, the papers and the action items (DESIGN.md).

An agenda item's `notes` and `decision` are the minutes' real text, and a paper's title can be
restricted: the log shows that they changed, by whom and when, not what they say.
"""

from auditlog.registry import auditlog

from members.audit import MASK


def register():
    from meetings.models import ActionItem, AgendaDocument, AgendaItem, Meeting, Minutes

    auditlog.register(Minutes)
    auditlog.register(Meeting)
    auditlog.register(AgendaItem, mask_fields=["notes", "decision"], mask_callable=MASK)
    auditlog.register(
        AgendaDocument, exclude_fields=["file"], mask_fields=["title"], mask_callable=MASK
    )
    auditlog.register(ActionItem)
