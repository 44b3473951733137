"""The personal data of the year app, for the privacy statement (see wijraad.privacy)."""

from django.utils.translation import gettext_lazy as _

from wijraad.privacy import ALL, PersonalData

PERSONAL_DATA = [
    PersonalData(
        key="year-applicants",
        what=_(
            "An application for the council: name, e-mail address, phone number, CV, motivation "
            "letter, the steps of the procedure with notes; and an e-mail address on the list "
            "to hear about a vacancy."
        ),
        who=_("The secretary and the chair."),
        kept=_(
            "Four weeks after the procedure closes, or a year with the applicant's consent; an "
            "address on the vacancy list until a vacancy opens, a year at most."
        ),
        fields={
            "year.Application": ALL,
            "year.ApplicationStateChange": ALL,
            "year.ApplicationNote": ALL,
            "year.VacancyAlert": ALL,
        },
    ),
    PersonalData(
        key="year-allowance",
        what=_(
            "A member's volunteer allowance: the approved statements per period with their lines "
            "(meetings and work visits attended, fixed amounts), who approved them and when."
        ),
        who=_("The member and the secretary."),
        kept=_("As long as WIJ's financial records require (seven years)."),
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
            "year.HiringPanel": ("request", "outcome"),
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
