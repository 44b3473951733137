"""The technical administration shows what says nothing about a person: vacancies (when they
were open), the allowance rates and the tax-free limits, read-only. Applications, notes, the
"let me know" addresses, hiring panels, trainings, statements and the reports' draft words are
council business and personal data: not for the administrator (DESIGN.md); the secretary keeps
all of it on the portal itself."""

from django.contrib import admin

from year.models import AllowanceRates, TaxFreeLimit, Vacancy


class ReadOnlyAdmin(admin.ModelAdmin):
    """Changes go through the services (opening a vacancy writes to the "let me know" list)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Vacancy)
class VacancyAdmin(ReadOnlyAdmin):
    list_display = ["title", "seats", "opened_on", "closed_on"]


@admin.register(AllowanceRates)
class AllowanceRatesAdmin(ReadOnlyAdmin):
    list_display = ["valid_from", "per_meeting", "per_work_visit", "per_month"]


@admin.register(TaxFreeLimit)
class TaxFreeLimitAdmin(ReadOnlyAdmin):
    list_display = ["year", "per_month", "per_year"]
