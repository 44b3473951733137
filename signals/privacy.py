"""The personal data of the signals app, for the privacy statement (see wijraad.privacy; the
statement's own paragraph on signals says the same in more words)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from members.models import CouncilRules
from signals.services.retention import contact_retention_months
from wijraad.privacy import ALL, PersonalData


def contact_kept():
    """How long contact details are kept, from the rules in force today: the statement says it,
    and so does the consent box of the form (signals.forms.consent_label)."""
    months = contact_retention_months()
    return ngettext(
        "Deleted automatically %(months)d month after the signal is closed.",
        "Deleted automatically %(months)d months after the signal is closed.",
        months,
    ) % {"months": months}


def story_kept():
    """How long the story is kept, from the rules in force today (the statement calls it)."""
    months = CouncilRules.objects.in_force().signal_anonymise_after_months
    return ngettext(
        "The story is deleted automatically %(months)d month after the signal is closed; the "
        "theme, location, dates and outcome stay, only for counting.",
        "The story is deleted automatically %(months)d months after the signal is closed; the "
        "theme, location, dates and outcome stay, only for counting.",
        months,
    ) % {"months": months}


PERSONAL_DATA = [
    PersonalData(
        key="signals-contact",
        what=_(
            "The contact details a resident leaves with a signal to get an answer (name, e-mail "
            "address, phone number), and every time someone looked at them."
        ),
        who=_("Only the secretary."),
        kept=contact_kept,
        fields={"signals.SignalContact": ALL, "signals.ContactView": ALL},
    ),
    PersonalData(
        key="signals-story",
        what=_(
            "What the resident wrote, their neighbourhood or WIJ location, the language, the date, "
            "who recorded it, and the private link to the signal's page (only as a code)."
        ),
        who=_("Members of the council and the secretary; never the board."),
        kept=story_kept,
        fields={
            "signals.Signal": (
                "story",
                "neighbourhood",
                "location",
                "language",
                "received_on",
                "created_at",
                "recorded_by",
                "intake_key",
                "status_selector",
                "status_hash",
            ),
            "signals.SignalStateChange": ("by", "at"),
        },
    ),
]

NOT_PERSONAL = {
    "signals.SignalTheme": ALL,
    "signals.Signal": (
        "id",
        "reference",
        "theme",
        "channel",
        "state",
        "visit_report",
        "outcome",
        "referral",
        "closed_at",
        "merged_into",
        "contact_removed_at",
        "anonymised_at",
        "agenda_items",
        "dossiers",
    ),
    "signals.SignalStateChange": ("id", "signal", "from_state", "to_state", "note"),
    "signals.ThemeMonthCount": ALL,
    "signals.LocationMonthCount": ALL,
}
