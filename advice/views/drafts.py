"""Views of the council's work on its advice: drafts and versions, the difference between two
versions, comments, adopting in a meeting, sending to the board. The board never reaches these:
advice.access answers 404 to anyone outside the council."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from advice import services
from advice.access import comment_for, council_only, dossier_for, version_for
from advice.forms import AdoptForm, CommentForm, DraftForm
from advice.models import DraftVersion, diff_lines
from advice.views.common import form_page, refuse_on
from meetings.models import Meeting
from wijraad.access import allowed
from wijraad.forms import error_messages, posted


def _council_dossier(request, pk, perm="advice.read_drafts"):
    """The dossier, for the council only: anyone else gets 404, as if it had no drafts."""
    council_only(request)
    return dossier_for(request, pk, perm)


@login_required
@require_http_methods(["GET", "POST"])
def drafts(request, pk):
    dossier = _council_dossier(request, pk)
    can_write = allowed(request.user, "advice.write_draft", dossier) and dossier.is_preparing
    versions = list(
        DraftVersion.objects.filter(dossier=dossier).select_related("author").order_by("-number")
    )
    latest = versions[0] if versions else None
    form = DraftForm(
        posted(request) if can_write else None,
        initial={"revision": dossier.revision, "text": latest.text if latest else ""},
    )
    if request.method == "POST":
        if not can_write:
            messages.error(request, _("The advice is no longer being drafted."))
            return redirect("advice:drafts", pk=dossier.pk)
        if form.is_valid():
            try:
                version = services.draft_save(
                    dossier=dossier,
                    text=form.cleaned_data["text"],
                    by=request.user,
                    revision=form.cleaned_data["revision"],
                )
            except ValidationError as error:
                refuse_on(form, error, "text")
            else:
                messages.success(
                    request, _("Version %(number)s is saved.") % {"number": version.number}
                )
                return redirect("advice:version", pk=version.pk)
    return render(
        request,
        "advice/drafts.html",
        {"dossier": dossier, "versions": versions, "form": form, "can_write": can_write},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_GET
def version(request, pk):
    draft = version_for(request, pk, "advice.read_drafts")
    dossier = draft.dossier
    others = DraftVersion.objects.filter(dossier=dossier).exclude(pk=draft.pk).order_by("number")
    return render(
        request,
        "advice/version.html",
        {
            "dossier": dossier,
            "version": draft,
            "others": others,
            "comments": draft.comments.select_related("author"),
            "form": CommentForm(),
            "can_comment": allowed(request.user, "advice.write_draft", dossier)
            and dossier.is_preparing,
        },
    )


@login_required
@require_GET
def version_diff(request, pk, other):
    new = version_for(request, pk, "advice.read_drafts")
    old = version_for(request, other, "advice.read_drafts")
    if old.dossier_id != new.dossier_id:
        raise Http404
    if old.number > new.number:
        old, new = new, old
    return render(
        request,
        "advice/diff.html",
        {
            "dossier": new.dossier,
            "old": old,
            "new": new,
            "lines": diff_lines(old.text, new.text),
        },
    )


@login_required
@require_POST
def comment_add(request, pk):
    draft = version_for(request, pk, "advice.write_draft")
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.comment_add(version=draft, text=form.cleaned_data["text"], by=request.user)
        except ValidationError as error:
            error_messages(request, error)
        else:
            messages.success(request, _("Your comment is added."))
    else:
        messages.error(request, _("Write your comment."))
    return redirect("advice:version", pk=draft.pk)


@login_required
@require_GET
def comment(request, pk):
    """A comment's own address: the version page, at the comment."""
    note = comment_for(request, pk)
    return redirect(reverse("advice:version", args=[note.version_id]) + f"#comment-{note.pk}")


@login_required
@require_http_methods(["GET", "POST"])
def adopt(request, pk):
    dossier = _council_dossier(request, pk, "advice.adopt_advice")
    if not dossier.is_preparing:
        messages.error(request, _("The council's advice on this dossier is already adopted."))
        return redirect("advice:detail", pk=dossier.pk)
    versions = DraftVersion.objects.filter(dossier=dossier).order_by("-number")
    meetings = Meeting.objects.filter(pk__in=services.adoptable_meetings(dossier)).order_by("-date")
    form = AdoptForm(
        posted(request),
        versions=versions,
        meetings=meetings,
        consent=dossier.is_consent,
        initial={"revision": dossier.revision, "version": versions.first()},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.advice_adopt(
                dossier=dossier,
                version=data["version"],
                meeting=data["meeting"],
                reasons=data["reasons"],
                summary=data["summary"],
                consent=data.get("consent", ""),
                conditions=data.get("conditions", ""),
                by=request.user,
                revision=data["revision"],
            )
        except ValidationError as error:
            refuse_on(form, error)
        else:
            messages.success(request, _("The advice is adopted."))
            return redirect("advice:detail", pk=dossier.pk)
    return form_page(
        request,
        form,
        title=_("Record the adopted advice"),
        intro=_(
            "After the council decided on the advice in a council meeting. That meeting must "
            "have been held with this dossier on its agenda."
        ),
        back=reverse("advice:detail", args=[dossier.pk]),
        dossier=dossier,
        extra={"no_meeting": not meetings.exists()},
    )


@login_required
@require_POST
def send(request, pk):
    dossier = dossier_for(request, pk, "advice.send_advice")
    try:
        services.advice_send(
            dossier=dossier, by=request.user, revision=request.POST.get("revision") or None
        )
    except ValidationError as error:
        error_messages(request, error)
    else:
        messages.success(request, _("The advice is sent to the board."))
    return redirect("advice:detail", pk=dossier.pk)
