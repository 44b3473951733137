"""Recruitment's views: the public vacancy page, applying, the "let me know" list, and the
procedure for the secretary and the chair. Thin: a rule (year.rules), a service, a redirect."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from members.models import CouncilRules
from wijraad import public_forms
from wijraad.access import allowed, require
from wijraad.files import human_size, private_file_response
from wijraad.forms import error_messages, form_errors, form_page, posted
from wijraad.public_pages import not_for_everyone, public_page
from wijraad.security import client_ip, log_event
from year import services
from year.access import application_for
from year.forms import AlertForm, ApplicationForm, NoteForm, TransitionForm, VacancyForm
from year.models import (
    Application,
    ApplicationNote,
    ApplicationState,
    Vacancy,
    applicant_retention,
)


def _guard(request, scope):
    """The public forms' checks before a POST is read: the rate limit per client address (a page
    without the form, no query), then the honeypot. A response when refused, else None."""
    try:
        public_forms.rate_check(
            client_ip(request), scope=scope, limits=settings.RECRUITMENT_RATE_LIMITS
        )
    except public_forms.RateLimited:
        log_event(f"{scope}.rate_limited", request=request)
        return render(request, "year/limited.html", status=429)
    return None


def _refused(form, request, scope):
    """The honeypot filled in, or the challenge not solved: an error on the form, nothing kept."""
    if form.is_spam:
        log_event(f"{scope}.honeypot", request=request)
        form.add_error(None, public_forms.NOT_SENT)
        return True
    if not public_forms.challenge_verify(form.cleaned_data["altcha"]):
        form.add_error(None, public_forms.CHALLENGE_FAILED)
        return True
    return False


def _vacancy_page(request, vacancy, alert_form, status=200):
    response = render(
        request,
        "year/vacancy.html",
        {
            "vacancy": vacancy,
            "alert_form": alert_form,
            "challenge": None if vacancy else public_forms.challenge_new(),
        },
        status=status,
    )
    # Without a vacancy the page holds the "let me know" form with a challenge used once.
    return response if vacancy else not_for_everyone(response)


@never_cache
@require_GET
@public_page
def vacancy(request):
    """The public vacancy page: the profile and the practical facts, and either the way to apply
    or the offer to be told when there is a vacancy. While a vacancy is open it is the same for
    every visitor, and kept (wijraad.public_pages)."""
    return _vacancy_page(request, Vacancy.objects.open_on().first(), AlertForm())


@never_cache
@require_http_methods(["GET", "POST"])
def apply(request):
    vacancy = Vacancy.objects.open_on().first()
    if vacancy is None:
        return redirect("year:vacancy")
    if request.method == "POST" and (refusal := _guard(request, "year.apply")):
        return refusal
    form = ApplicationForm(posted(request), request.FILES or None)
    if form.is_valid() and not _refused(form, request, "year.apply"):
        data = form.cleaned_data
        try:
            services.application_submit(
                vacancy=vacancy,
                name=data["name"],
                email=data["email"],
                phone=data["phone"],
                cv=data["cv"],
                letter=data["letter"],
                keep_consent=data["keep_consent"],
                language=translation.get_language() or settings.LANGUAGE_CODE,
            )
        except ValidationError as error:
            form_errors(form, error)
        else:
            return redirect("year:applied")
    return render(
        request,
        "year/apply.html",
        {
            "form": form,
            "challenge": public_forms.challenge_new(),
            "max_size": human_size(settings.MAX_UPLOAD_SIZE),
        },
        status=400 if request.method == "POST" else 200,
    )


@require_GET
def applied(request):
    return render(request, "year/applied.html")


@never_cache
@require_POST
def alert(request):
    if refusal := _guard(request, "year.alert"):
        return refusal
    form = AlertForm(request.POST)
    if not form.is_valid() or _refused(form, request, "year.alert"):
        return _vacancy_page(request, None, form, status=400)
    services.alert_subscribe(email=form.cleaned_data["email"])
    messages.success(request, _("Thank you. We will send you an e-mail when there is a vacancy."))
    return redirect("year:vacancy")


@login_required
@require_GET
def applications(request):
    require(request, "year.view_applications")
    rows = (
        Application.objects.visible_to(request.user)
        .select_related("vacancy")
        .order_by("-submitted_at", "-pk")
    )
    vacancies = Vacancy.objects.annotate(application_count=Count("applications"))
    return render(
        request,
        "year/applications.html",
        {
            "applications": rows,
            "vacancies": vacancies,
            "open_vacancy": next((v for v in vacancies if v.is_open()), None),
            "retention": applicant_retention(),
            "can_manage_vacancies": allowed(request.user, "year.manage_vacancies"),
            "can_read_reports": allowed(request.user, "year.view_draft_reports"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def vacancy_open(request):
    require(request, "year.manage_vacancies")
    form = VacancyForm(posted(request))
    if form.is_valid():
        try:
            services.vacancy_open(**form.cleaned_data, by=request.user)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("The vacancy is open and shown on the public pages."))
            return redirect("year:applications")
    return form_page(
        request,
        form,
        title=_("Open a vacancy"),
        intro=_("The public vacancy page shows the profile and the practical facts."),
        back=reverse("year:applications"),
        submit=_("Open the vacancy"),
    )


@login_required
@require_POST
def vacancy_close(request, pk):
    require(request, "year.manage_vacancies")
    try:
        services.vacancy_close(vacancy=get_object_or_404(Vacancy, pk=pk), by=request.user)
    except ValidationError as error:
        error_messages(request, error)
    else:
        messages.success(request, _("The vacancy is closed."))
    return redirect("year:applications")


def _detail(request, application, *, transition_form=None, note_form=None, status=200):
    rules = CouncilRules.objects.in_force()
    notes = ApplicationNote.objects.filter(application=application).select_related("author")
    history = application.state_changes.select_related("by")
    return render(
        request,
        "year/application.html",
        {
            "application": application,
            "notes": notes,
            "history": history,
            "transition_form": transition_form
            or (
                TransitionForm(application=application, initial={"start": services.default_start()})
                if application.next_states()
                else None
            ),
            "note_form": note_form or NoteForm(),
            "delete_after": application.delete_after(rules),
            "retention": applicant_retention(rules),
            "can_move": allowed(request.user, "year.move_application", application),
        },
        status=status,
    )


@login_required
@require_GET
def application_detail(request, pk):
    return _detail(request, application_for(request, pk, "year.view_applications"))


@login_required
@require_POST
def application_move(request, pk):
    application = application_for(request, pk, "year.move_application")
    form = TransitionForm(request.POST, application=application)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.application_transition(
                application=application,
                to_state=data["to_state"],
                note=data["note"],
                start=data["start"],
                by=request.user,
            )
        except ValidationError as error:
            form_errors(form, error)
        else:
            label = ApplicationState(data["to_state"]).label
            messages.success(request, _("The application is now: %(state)s.") % {"state": label})
            if data["to_state"] == ApplicationState.APPOINTED:
                messages.info(request, _appointed_message(application))
            return redirect("year:application", pk=application.pk)
    return _detail(request, application, transition_form=form, status=400)


def _appointed_message(application):
    application.refresh_from_db(fields=["person"])
    person = application.person
    if person.has_usable_password():
        return _(
            "%(name)s already had an account with this address (%(email)s): the new term is on "
            "that account, and they log in as before."
        ) % {"name": person.name, "email": person.email}
    return _("%(name)s got an e-mail with a link to choose a password.") % {"name": person.name}


@login_required
@require_POST
def note_add(request, pk):
    application = application_for(request, pk, "year.move_application")
    form = NoteForm(request.POST)
    if form.is_valid():
        services.application_note_add(
            application=application, text=form.cleaned_data["text"], by=request.user
        )
        return redirect("year:application", pk=application.pk)
    return _detail(request, application, note_form=form, status=400)


@login_required
@require_GET
def application_file(request, pk, which):
    application = application_for(request, pk)
    if which not in ("cv", "letter"):
        raise Http404
    file, name = (
        (application.cv, application.cv_name)
        if which == "cv"
        else (application.letter, application.letter_name)
    )
    return private_file_response(
        request,
        subject=application,
        name=file.name,
        download_name=name,
        perm="year.view_applications",
    )
