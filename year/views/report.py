"""The annual report (jaarverslag): the secretary writes the introduction and closing words and
publishes it; the figures come from year.report. Before publishing only the secretary and the
chair read it (anyone else: 404); once published, everyone."""

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from signals.trends import bars
from wijraad.access import allowed, require
from wijraad.forms import form_errors, form_page, posted
from wijraad.public_pages import public_page
from year import services
from year.forms import ReportForm
from year.models import AnnualReport
from year.report import figures


def report_for(request, year):
    """The report of `year` as `request.user` may read it (AnnualReport.objects.visible_to);
    anyone else 404 (its existence is not revealed)."""
    return get_object_or_404(AnnualReport.objects.visible_to(request.user), year=year)


def _context(request, report):
    numbers = figures(report.year)
    signals = numbers["signals"]
    return {
        "report": report,
        "f": numbers,
        "theme_chart": bars(signals["themes"]),
        "can_manage": allowed(request.user, "year.manage_reports"),
    }


@login_required
@require_GET
def reports(request):
    """Every report, drafts too: the secretary writes them, the chair reads them."""
    require(request, "year.view_draft_reports")
    return render(
        request,
        "year/reports.html",
        {
            "reports": AnnualReport.objects.visible_to(request.user),
            "can_manage": allowed(request.user, "year.manage_reports"),
        },
    )


def _report_form_page(request, form):
    return form_page(
        request,
        form,
        title=_("Annual report"),
        intro=_("The figures come from the portal; you write the introduction and closing words."),
        back=reverse("year:reports"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def report_new(request):
    require(request, "year.manage_reports")
    form = ReportForm(posted(request), initial={"year": timezone.localdate().year - 1})
    if form.is_valid():
        try:
            report = services.report_create(**form.cleaned_data, by=request.user)
        except ValidationError as error:
            form_errors(form, error)
        else:
            return redirect("year:report", year=report.year)
    return _report_form_page(request, form)


@login_required
@require_http_methods(["GET", "POST"])
def report_edit(request, year):
    require(request, "year.manage_reports")
    report = get_object_or_404(AnnualReport, year=year)
    form = ReportForm(
        posted(request),
        initial={
            "year": report.year,
            "introduction": report.introduction,
            "closing": report.closing,
        },
    )
    form.fields["year"].disabled = True
    if form.is_valid():
        report = services.report_update(
            report=report,
            introduction=form.cleaned_data["introduction"],
            closing=form.cleaned_data["closing"],
            by=request.user,
        )
        return redirect("year:report", year=report.year)
    return _report_form_page(request, form)


@require_GET
@public_page
def report(request, year):
    return render(request, "year/report.html", _context(request, report_for(request, year)))


@require_GET
def report_pdf(request, year):
    from weasyprint import HTML

    context = _context(request, report_for(request, year))
    html = render_to_string("year/report_pdf.html", context, request=request)
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    return FileResponse(
        io.BytesIO(pdf),
        as_attachment=True,
        filename=f"jaarverslag-{year}.pdf",
        content_type="application/pdf",
    )


@login_required
@require_POST
def report_publish(request, year):
    require(request, "year.manage_reports")
    report = get_object_or_404(AnnualReport, year=year)
    publish = request.POST.get("publish") == "1"
    services.report_publish(report=report, publish=publish, by=request.user)
    messages.success(
        request,
        _("The annual report is on the public pages.")
        if publish
        else _("The annual report is no longer on the public pages."),
    )
    return redirect("year:report", year=year)


@require_GET
@public_page
def published_reports(request):
    return render(
        request, "year/published_reports.html", {"reports": AnnualReport.objects.published()}
    )
