"""Permissions of the ground floor. Apps higher up may widen them with rules.set_perm."""

import rules

is_administrator = rules.is_superuser

# Who sees whether Celery beat is alive. The members app adds the secretary.
rules.add_perm("wijraad.view_scheduler_status", is_administrator)
