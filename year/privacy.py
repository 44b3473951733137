"""The personal data of the year app, for the privacy statement (see wijraad.privacy)."""

from django.utils.translation import gettext_lazy as _

from wijraad.privacy import ALL, PersonalData

PERSONAL_DATA = [
    PersonalData(
        key="year-applications",
        what=_(
            "An application for the council: name, e-mail address, phone number, CV, motivation "
            "letter, the language of the form, whether it may be kept a year, the steps of the "
            "procedure with the notes made at each step."
        ),
        who=_("The secretary and the chair."),
        kept=_(
            "Deleted automatically four weeks after the procedure ends; with the applicant's "
            "consent, a year after the application came in."
        ),
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
        key="year-members-work",
        what=_(
            "A member's trainings, approved allowance statements (meetings and work visits "
            "attended, the amount) and taking part in a hiring panel of WIJ."
        ),
        who=_("The secretary and the chair."),
        kept=_("As long as the council's administration of that year needs them."),
        fields={
            "year.Training": ALL,
            "year.AllowanceStatement": ALL,
            "year.HiringPanel": ALL,
        },
    ),
]

NOT_PERSONAL = {
    "year.Vacancy": ALL,
    "year.AnnualReport": ALL,
    "year.AllowanceRates": ALL,
    "year.TaxFreeLimit": ALL,
}
