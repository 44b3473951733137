"""What the audit log (django-auditlog) records for the meetings app: the minutes (DESIGN.md).

Their text is confidential (draft minutes are for the secretary and the chair): the log shows that
it changed, by whom and when, not what it says (members.audit explains why).
"""

from auditlog.registry import auditlog

from members.audit import MASK, log_under_neutral_name


def register():
    from meetings.models import Minutes

    auditlog.register(Minutes, mask_fields=["general"], mask_callable=MASK)
    # "Minutes of <meeting title>": the title of a council meeting is not for the administrator.
    log_under_neutral_name(Minutes)
