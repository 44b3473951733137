"""Views of the board's side: its answer and a correction, replacement consent, carrying out a
consented decision; and the formal letter of the advice and the answer (print view and PDF)."""

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from advice import services
from advice.access import dossier_for
from advice.forms import AnswerForm, CarriedOutForm, ReplacementConsentForm
from advice.models import BoardAnswer, DossierState
from advice.views.common import form_page, refuse_on
from members.models import User
from wijraad.files import private_file_response
from wijraad.forms import posted


def _answer_page(request, dossier, form, *, correcting=None):
    return form_page(
        request,
        form,
        title=_("Correct the answer") if correcting else _("Answer the advice"),
        intro=_(
            "The board answers in writing. If it partly follows or does not follow the advice, "
            "it gives its reasons, and it must first have discussed the advice with the council "
            "in a consultation meeting (overlegvergadering) with this dossier on its agenda. "
            "An answer cannot be changed after it is sent; a correction is a new answer."
        ),
        back=reverse("advice:detail", args=[dossier.pk]),
        dossier=dossier,
        submit=_("Send the answer"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def answer(request, pk):
    dossier = dossier_for(request, pk, "advice.answer_advice")
    if dossier.state != DossierState.SENT or dossier.is_consent:
        messages.error(request, _("This dossier is not waiting for the board's answer."))
        return redirect("advice:detail", pk=dossier.pk)
    form = AnswerForm(posted(request), consultations=services.consultations_for(dossier))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.answer_give(
                dossier=dossier,
                position=data["position"],
                text=data["text"],
                reasons=data["reasons"],
                summary=data["summary"],
                consultation=data["consultation"],
                by=request.user,
            )
        except ValidationError as error:
            refuse_on(form, error)
        else:
            messages.success(request, _("The answer is sent to the council."))
            return redirect("advice:detail", pk=dossier.pk)
    return _answer_page(request, dossier, form)


@login_required
@require_http_methods(["GET", "POST"])
def answer_correct(request, pk):
    dossier = dossier_for(request, pk, "advice.answer_advice")
    latest = BoardAnswer.objects.filter(dossier=dossier).order_by("-answered_at", "-pk").first()
    if latest is None or dossier.state != DossierState.ANSWERED:
        messages.error(request, _("This dossier is closed; its answer cannot be corrected."))
        return redirect("advice:detail", pk=dossier.pk)
    form = AnswerForm(posted(request), consultations=services.consultations_for(dossier))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.answer_correct(
                answer=latest,
                position=data["position"],
                text=data["text"],
                reasons=data["reasons"],
                summary=data["summary"],
                consultation=data["consultation"],
                by=request.user,
            )
        except ValidationError as error:
            refuse_on(form, error)
        else:
            messages.success(request, _("The correction is sent to the council."))
            return redirect("advice:detail", pk=dossier.pk)
    return _answer_page(request, dossier, form, correcting=latest)


@login_required
@require_http_methods(["GET", "POST"])
def replacement_consent(request, pk):
    dossier = dossier_for(request, pk, "advice.record_replacement_consent")
    form = ReplacementConsentForm(posted(request), request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.replacement_consent_record(
                dossier=dossier,
                upload=data["upload"],
                decided_on=data["decided_on"],
                note=data["note"],
                by=request.user,
            )
        except ValidationError as error:
            refuse_on(form, error, "upload")
        else:
            messages.success(request, _("The replacement consent is recorded."))
            return redirect("advice:detail", pk=dossier.pk)
    return form_page(
        request,
        form,
        title=_("Record replacement consent"),
        intro=_(
            "When the council refused its consent, the board can ask the confidential committee "
            "(commissie van vertrouwenslieden) for replacement consent (vervangende instemming). "
            "Add the committee's decision."
        ),
        back=reverse("advice:detail", args=[dossier.pk]),
        dossier=dossier,
    )


@login_required
@require_GET
def replacement_document(request, pk):
    dossier = dossier_for(request, pk, "advice.read_advice")
    consent = getattr(dossier, "replacement_consent", None)
    if consent is None:
        raise Http404
    return private_file_response(
        request,
        subject=consent,
        name=consent.file.name,
        download_name=consent.original_name,
        perm="advice.download_replacement_consent",
    )


@login_required
@require_http_methods(["GET", "POST"])
def carried_out(request, pk):
    dossier = dossier_for(request, pk, "advice.carry_out_decision")
    form = CarriedOutForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.decision_carried_out(
                dossier=dossier, on=form.cleaned_data["on"], by=request.user
            )
        except ValidationError as error:
            refuse_on(form, error)
        else:
            messages.success(request, _("The decision is marked as carried out."))
            return redirect("advice:detail", pk=dossier.pk)
    return form_page(
        request,
        form,
        title=_("Mark the decision carried out"),
        intro=_(
            "Only with the council's consent, or with replacement consent from the "
            "confidential committee."
        ),
        back=reverse("advice:detail", args=[dossier.pk]),
        dossier=dossier,
    )


def _letter_context(request, pk):
    dossier = dossier_for(request, pk, "advice.read_advice")
    advice = getattr(dossier, "advice", None)
    if advice is None:
        raise Http404
    today = timezone.localdate()
    return {
        "dossier": dossier,
        "advice": advice,
        "answers": BoardAnswer.objects.filter(dossier=dossier).select_related("answered_by"),
        "date": dossier.sent_at.date() if dossier.sent_at else today,
        "chairs": User.objects.chairs(today).distinct(),
        "secretaries": User.objects.secretaries(today).distinct(),
    }


@login_required
@require_GET
def letter(request, pk):
    return render(request, "advice/letter.html", _letter_context(request, pk))


@login_required
@require_GET
def letter_pdf(request, pk):
    from weasyprint import HTML

    context = _letter_context(request, pk)
    html = render_to_string("advice/letter_pdf.html", context, request=request)
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = FileResponse(
        io.BytesIO(pdf),
        as_attachment=True,
        filename=f"{context['dossier'].reference}.pdf",
        content_type="application/pdf",
    )
    response["Cache-Control"] = "no-store, private"
    return response
