"""Who may do what in recruitment: the secretary and the chair run the procedure and read the
applications and notes; the secretary opens and closes vacancies. Nobody else sees an
application (applicants' personal data, DESIGN rule 14)."""

import rules

from members.rules import is_chair, is_secretary

rules.add_perm("year.manage_vacancies", is_secretary)
rules.add_perm("year.view_applications", is_secretary | is_chair)
rules.add_perm("year.move_application", is_secretary | is_chair)
# The annual report: the secretary writes and publishes it; the council and the secretary read it
# before it is published; everyone once it is.
rules.add_perm("year.manage_reports", is_secretary)
# Hiring panels (WIJ's selection procedures the council joins): confidential.
rules.add_perm("year.manage_hiring_panels", is_secretary | is_chair)
# Training (scholing) per member: kept by the secretary, read by the secretary and the chair.
rules.add_perm("year.manage_training", is_secretary)
rules.add_perm("year.view_training", is_secretary | is_chair)
# The volunteer allowance: rates, limits and statements are the secretary's.
rules.add_perm("year.manage_allowance", is_secretary)
