from django.urls import path

from year import views, views_allowance, views_panels, views_report, views_training

app_name = "year"

urlpatterns = [
    path("vacature/", views.vacancy, name="vacancy"),
    path("vacature/solliciteren/", views.apply, name="apply"),
    path("vacature/verstuurd/", views.applied, name="applied"),
    path("vacature/bericht/", views.alert, name="alert"),
    path("werving/", views.applications, name="applications"),
    path("werving/vacature/openen/", views.vacancy_open, name="vacancy_open"),
    path("werving/vacature/<int:pk>/sluiten/", views.vacancy_close, name="vacancy_close"),
    path("werving/<int:pk>/", views.application_detail, name="application"),
    path("werving/<int:pk>/stap/", views.application_move, name="application_move"),
    path("werving/<int:pk>/notitie/", views.note_add, name="note_add"),
    path("werving/<int:pk>/<str:which>/", views.application_file, name="application_file"),
]

urlpatterns += [
    path("jaarverslagen/", views_report.published_reports, name="published_reports"),
    path("jaarverslag/", views_report.reports, name="reports"),
    path("jaarverslag/nieuw/", views_report.report_edit, name="report_new"),
    path("jaarverslag/<int:year>/", views_report.report, name="report"),
    path("jaarverslag/<int:year>/bewerken/", views_report.report_edit, name="report_edit"),
    path("jaarverslag/<int:year>/pdf/", views_report.report_pdf, name="report_pdf"),
    path("jaarverslag/<int:year>/publiceren/", views_report.report_publish, name="report_publish"),
]

urlpatterns += [
    path("sollicitatiecommissies/", views_panels.panels, name="panels"),
    path("sollicitatiecommissies/nieuw/", views_panels.panel_edit, name="panel_new"),
    path("sollicitatiecommissies/<int:pk>/", views_panels.panel_edit, name="panel_edit"),
]

urlpatterns += [
    path("scholing/", views_training.trainings, name="trainings"),
    path("scholing/nieuw/", views_training.training_add, name="training_add"),
]

urlpatterns += [
    path("vergoeding/", views_allowance.allowance, name="allowance"),
    path("vergoeding/tarieven/", views_allowance.rates_set, name="allowance_rates"),
    path("vergoeding/grenzen/", views_allowance.limit_set, name="allowance_limit"),
    path("vergoeding/overzicht/", views_allowance.statement_new, name="statement_new"),
    path("vergoeding/overzicht/<int:pk>/", views_allowance.statement, name="statement"),
]
