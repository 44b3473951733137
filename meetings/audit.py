"""What the audit log (django-auditlog) records for the meetings app: meetings, the minutes, the
agenda items that carry the minutes' text, the papers and the action items (DESIGN.md).

Their text is confidential (draft minutes are for the secretary and the chair; an agenda item or a
paper can be restricted; a council meeting is not for the administrator): the log shows that it
changed, by whom and when, not what it says, and names each object by kind and number
(members.audit explains why).
"""

from auditlog.registry import auditlog

from members.audit import MASK, log_under_neutral_name


def register():
    from meetings.models import ActionItem, AgendaDocument, AgendaItem, Meeting, Minutes

    auditlog.register(Minutes, mask_fields=["general"], mask_callable=MASK)
    auditlog.register(
        Meeting, mask_fields=["title", "description", "cancel_reason"], mask_callable=MASK
    )
    auditlog.register(
        AgendaItem,
        mask_fields=["title", "description", "notes", "decision"],
        mask_callable=MASK,
    )
    auditlog.register(
        AgendaDocument, exclude_fields=["file"], mask_fields=["title"], mask_callable=MASK
    )
    auditlog.register(ActionItem, mask_fields=["title"], mask_callable=MASK)
    for model in (Minutes, Meeting, AgendaItem, AgendaDocument, ActionItem):
        log_under_neutral_name(model)
