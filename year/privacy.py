"""The personal data of the year app, for the privacy statement (see wijraad.privacy)."""

from django.utils.translation import gettext_lazy as _

from wijraad.privacy import ALL, PersonalData
from year.models import applicant_retention


def applications_kept():
    """How long applications are kept, from the rules in force today (the statement calls it)."""
    return (
        _(
            "Deleted automatically %(weeks)s after the procedure ends; with the applicant's "
            "consent, %(months)s after the application came in."
        )
        % applicant_retention()
    )


PERSONAL_DATA = [
    PersonalData(
        key="year-applications",
        what=_(
            "An application for the council: name, e-mail address, phone number, CV, motivation "
            "letter, the language of the form, whether it may be kept longer, the steps of the "
            "procedure with the notes made at each step."
        ),
        who=_("The secretary and the chair."),
        kept=applications_kept,
        fields={
            "year.Application": ALL,
            "year.ApplicationStateChange": ALL,
            "year.ApplicationNote": ALL,
        },
    ),
    PersonalData(
        key="year-alerts",
        what=_("An e-mail address left to hear when there is a vacancy."),
        who=_("Nobody reads it; the portal writes to it once."),
        kept=_("Deleted once we have told you about a vacancy, and after a year at the latest."),
        fields={"year.VacancyAlert": ALL},
    ),
    PersonalData(
        key="year-allowance",
        what=_(
            "A member's volunteer allowance: the approved statements per period with their lines "
            "(meetings and work visits attended, fixed amounts), who approved them and when."
        ),
        who=_("The member and the secretary."),
        kept=_(
            "Seven years after the end of the year the statement is for, as the tax rules ask "
            "for financial records; then deleted automatically."
        ),
        fields={
            "year.AllowanceStatement": ALL,
            "year.AllowanceStatementLine": ALL,
        },
    ),
    PersonalData(
        key="year-council-work",
        what=_(
            "The trainings a member followed, and who took part in a hiring panel of WIJ with "
            "its steps, the outcome and who recorded them."
        ),
        who=_(
            "Trainings: the secretary and the chair. Hiring panels: the secretary, the chair and "
            "the members who take part."
        ),
        kept=_("As long as the council's archive is kept."),
        fields={
            "year.Training": ALL,
            "year.HiringPanel": ("request", "outcome", "participants"),
            "year.HiringPanelStateChange": ALL,
        },
    ),
]

NOT_PERSONAL = {
    "year.Vacancy": ALL,
    "year.AnnualReport": ALL,
    "year.HiringPanel": ("id", "position", "requested_on", "state"),
    "year.AllowanceRates": ALL,
    "year.TaxFreeLimit": ALL,
}
