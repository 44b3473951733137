from django.urls import path

from signals.views import intake, trends, triage

app_name = "signals"

urlpatterns = [
    # The public side: no account
    path("melden/", intake.submit, name="submit"),
    path("melden/bedankt/", intake.submitted, name="submitted"),
    path("status/<str:token>/", intake.status, name="status"),
    # The council's side
    path("", triage.signal_list, name="list"),
    path("nieuw/", triage.signal_record, name="record"),
    path("<int:pk>/", triage.signal_detail, name="detail"),
    path("<int:pk>/contact/", triage.signal_contact, name="contact"),
    path("<int:pk>/status/", triage.signal_transition, name="transition"),
    path("<int:pk>/samenvoegen/", triage.signal_merge, name="merge"),
    path("<int:pk>/agendapunt/", triage.signal_link, name="link"),
    path("<int:pk>/agendapunt/<int:item_pk>/los/", triage.signal_unlink, name="unlink"),
    path("<int:pk>/dossier/", triage.signal_link_dossier, name="link_dossier"),
    path(
        "<int:pk>/dossier/<int:dossier_pk>/los/",
        triage.signal_unlink_dossier,
        name="unlink_dossier",
    ),
    path("<int:pk>/wijzigen/", triage.signal_edit, name="edit"),
    path("themas/", triage.themes, name="themes"),
    path("themas/<int:pk>/", triage.theme_edit, name="theme_edit"),
    path("trends/", trends.trends_page, name="trends"),
    path("trends.csv", trends.trends_csv, name="trends_csv"),
]
