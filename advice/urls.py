from django.urls import path

from advice.views import answers, dossiers, drafts, public

app_name = "advice"

urlpatterns = [
    path("", dossiers.dossier_list, name="list"),
    path("gepubliceerd/", public.published, name="published"),
    path("onderwerpen/", dossiers.topics, name="topics"),
    path("aanvragen/", dossiers.request_submit, name="submit"),
    path("registreren/", dossiers.request_register, name="register"),
    path("openen/", dossiers.dossier_open, name="open"),
    path("<int:pk>/", dossiers.dossier_detail, name="detail"),
    path("<int:pk>/intrekken/", dossiers.dossier_withdraw, name="withdraw"),
    path("<int:pk>/afsluiten/", dossiers.dossier_close, name="close"),
    path("<int:pk>/werkgroep/", dossiers.working_group, name="working_group"),
    path("<int:pk>/agenda/", dossiers.agenda, name="agenda"),
    path("<int:pk>/termijn/", dossiers.deadline_extend, name="extend"),
    path("<int:pk>/document/nieuw/", dossiers.document_add, name="document_add"),
    path("document/<int:pk>/", dossiers.document_download, name="document"),
    path("<int:pk>/publiceren/", dossiers.dossier_publish, name="publish"),
    # The council's own work: drafts, versions, comments, adopting, sending.
    path("<int:pk>/concepten/", drafts.drafts, name="drafts"),
    path("versie/<int:pk>/", drafts.version, name="version"),
    path("versie/<int:pk>/verschil/<int:other>/", drafts.version_diff, name="diff"),
    path("versie/<int:pk>/reactie/", drafts.comment_add, name="comment_add"),
    path("reactie/<int:pk>/", drafts.comment, name="comment"),
    path("<int:pk>/vaststellen/", drafts.adopt, name="adopt"),
    path("<int:pk>/versturen/", drafts.send, name="send"),
    # The board's side, and the letter.
    path("<int:pk>/antwoord/", answers.answer, name="answer"),
    path("<int:pk>/antwoord/correctie/", answers.answer_correct, name="answer_correct"),
    path(
        "<int:pk>/vervangende-instemming/",
        answers.replacement_consent,
        name="replacement_consent",
    ),
    path(
        "<int:pk>/vervangende-instemming/besluit/",
        answers.replacement_document,
        name="replacement_document",
    ),
    path("<int:pk>/uitgevoerd/", answers.carried_out, name="carried_out"),
    path("<int:pk>/brief/", answers.letter, name="letter"),
    path("<int:pk>/brief.pdf", answers.letter_pdf, name="letter_pdf"),
]
