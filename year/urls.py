from django.urls import path

from year.views import allowance, panels, recruitment, report, training

app_name = "year"

urlpatterns = [
    path("vacature/", recruitment.vacancy, name="vacancy"),
    path("vacature/solliciteren/", recruitment.apply, name="apply"),
    path("vacature/verstuurd/", recruitment.applied, name="applied"),
    path("vacature/bericht/", recruitment.alert, name="alert"),
    path("werving/", recruitment.applications, name="applications"),
    path("werving/vacature/openen/", recruitment.vacancy_open, name="vacancy_open"),
    path("werving/vacature/<int:pk>/sluiten/", recruitment.vacancy_close, name="vacancy_close"),
    path("werving/<int:pk>/", recruitment.application_detail, name="application"),
    path("werving/<int:pk>/stap/", recruitment.application_move, name="application_move"),
    path("werving/<int:pk>/notitie/", recruitment.note_add, name="note_add"),
    path("werving/<int:pk>/<str:which>/", recruitment.application_file, name="application_file"),
]

urlpatterns += [
    path("jaarverslagen/", report.published_reports, name="published_reports"),
    path("jaarverslag/", report.reports, name="reports"),
    path("jaarverslag/nieuw/", report.report_new, name="report_new"),
    path("jaarverslag/<int:year>/", report.report, name="report"),
    path("jaarverslag/<int:year>/bewerken/", report.report_edit, name="report_edit"),
    path("jaarverslag/<int:year>/pdf/", report.report_pdf, name="report_pdf"),
    path("jaarverslag/<int:year>/publiceren/", report.report_publish, name="report_publish"),
]

urlpatterns += [
    path("sollicitatiecommissies/", panels.panels, name="panels"),
    path("sollicitatiecommissies/nieuw/", panels.panel_edit, name="panel_new"),
    path("sollicitatiecommissies/<int:pk>/", panels.panel, name="panel"),
    path("sollicitatiecommissies/<int:pk>/wijzigen/", panels.panel_edit, name="panel_edit"),
    path("sollicitatiecommissies/<int:pk>/stap/", panels.panel_move, name="panel_move"),
]

urlpatterns += [
    path("scholing/", training.trainings, name="trainings"),
    path("scholing/nieuw/", training.training_add, name="training_add"),
]

urlpatterns += [
    path("vergoeding/", allowance.allowance, name="allowance"),
    path("vergoeding/tarieven/", allowance.rates_set, name="allowance_rates"),
    path("vergoeding/grenzen/", allowance.limit_set, name="allowance_limit"),
    path("vergoeding/overzicht/", allowance.statement_new, name="statement_new"),
    path("vergoeding/overzicht/<int:pk>/", allowance.statement, name="statement"),
    path("vergoeding/mijn/", allowance.my_allowance, name="my_allowance"),
]
