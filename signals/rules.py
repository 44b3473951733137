"""Who may do what with residents' signals (DESIGN.md rule 15).

- Members and the secretary see signals and their stories, never the contact details.
- Only the secretary sees contact details (every view logged), triages, merges, links and keeps
  the themes.
- The board sees signals only as aggregated figures (the trends page); so does the council.
- Residents need no account: the form and the status page (its token is the credential).
"""

import rules

from members.rules import is_board, is_council, is_secretary

rules.add_perm("signals.view_signals", is_council)
rules.add_perm("signals.record_signal", is_council)
rules.add_perm("signals.triage_signal", is_secretary)
rules.add_perm("signals.view_signal_contact", is_secretary)
rules.add_perm("signals.manage_signal_themes", is_secretary)
rules.add_perm("signals.view_signal_trends", is_council | is_board)
