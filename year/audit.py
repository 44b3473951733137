"""What the audit log (django-auditlog) records for the year app: vacancies, applications and
their procedure, annual reports, hiring panels, trainings and the allowance.

Applicants' details, notes, the report's draft words, a hiring panel's request and outcome and a
member's allowance are personal or confidential: the log shows that they changed, by whom and
when, not what they say, and names the objects by kind and number (members.audit explains why),
so nothing of an applicant outlives the deletion of the application. The "let me know" addresses
are not logged at all: the address is all there is.
"""

from auditlog.registry import auditlog

from members.audit import MASK, log_under_neutral_name


def register():
    from year.models import (
        AllowanceRates,
        AllowanceStatement,
        AnnualReport,
        Application,
        ApplicationNote,
        ApplicationStateChange,
        HiringPanel,
        TaxFreeLimit,
        Training,
        Vacancy,
    )

    auditlog.register(Vacancy)
    auditlog.register(
        Application,
        exclude_fields=["cv", "letter"],
        mask_fields=["name", "email", "phone", "cv_name", "letter_name"],
        mask_callable=MASK,
    )
    auditlog.register(ApplicationStateChange, mask_fields=["note"], mask_callable=MASK)
    auditlog.register(ApplicationNote, mask_fields=["text"], mask_callable=MASK)
    auditlog.register(AnnualReport, mask_fields=["introduction", "closing"], mask_callable=MASK)
    auditlog.register(
        HiringPanel,
        mask_fields=["position", "request", "outcome"],
        mask_callable=MASK,
        m2m_fields={"participants"},
    )
    auditlog.register(Training)
    auditlog.register(AllowanceRates)
    auditlog.register(TaxFreeLimit)
    auditlog.register(AllowanceStatement, mask_fields=["amount"], mask_callable=MASK)
    for model in (
        Application,
        ApplicationStateChange,
        ApplicationNote,
        HiringPanel,
        AllowanceStatement,
    ):
        log_under_neutral_name(model)
