"""Who may do what in recruitment: the secretary and the chair run the procedure and read the
applications and notes; the secretary opens and closes vacancies. Nobody else sees an
application (applicants' personal data, DESIGN rule 14)."""

import rules

from members.roles import roles_for
from members.rules import is_chair, is_member, is_secretary


@rules.predicate
def has_held_a_seat(user):
    """Holds a seat today or held one before: someone who can have an allowance statement."""
    roles = roles_for(user)
    return roles.seated or roles.former_member


rules.add_perm("year.manage_vacancies", is_secretary)
rules.add_perm("year.view_applications", is_secretary | is_chair)
rules.add_perm("year.move_application", is_secretary | is_chair)
# The annual report: the secretary writes and publishes it; the secretary and the chair read it
# before it is published (AnnualReport.objects.visible_to); everyone once it is.
rules.add_perm("year.manage_reports", is_secretary)
rules.add_perm("year.view_draft_reports", is_secretary | is_chair)
# Hiring panels (WIJ's selection procedures the council joins): confidential. The secretary and
# the chair keep them; a member reads the panels they take part in (HiringPanel.visible_to).
rules.add_perm("year.manage_hiring_panels", is_secretary | is_chair)
rules.add_perm("year.view_hiring_panels", is_secretary | is_chair | is_member)
# Training (scholing) per member: kept by the secretary, read by the secretary and the chair.
rules.add_perm("year.manage_training", is_secretary)
rules.add_perm("year.view_training", is_secretary | is_chair)
# The volunteer allowance: rates, limits and statements are the secretary's.
rules.add_perm("year.manage_allowance", is_secretary)
# Their own statements: whoever holds or held a seat (a former member still needs last year's
# statement for the tax return). Another person's statement: the secretary only (others 404).
rules.add_perm("year.view_own_allowance", has_held_a_seat)
