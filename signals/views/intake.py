"""The public side: the form (no account), the confirmation page and the private status page."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from advice.models import Dossier
from signals import services
from signals.forms import SignalForm
from signals.models import Signal, SignalState
from signals.reminders import answered_dossier_links, board_answer
from wijraad import public_forms
from wijraad.forms import form_errors, posted
from wijraad.security import client_ip, log_event

SESSION_KEY = "signals_submitted"


def _form_page(request, form, status=200):
    return render(
        request,
        "signals/submit.html",
        {"form": form, "challenge": public_forms.challenge_new()},
        status=status,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def submit(request):
    form = SignalForm(posted(request))
    if request.method == "GET":
        return _form_page(request, form)
    try:
        public_forms.rate_check(
            client_ip(request), scope="signals", limits=settings.SIGNAL_RATE_LIMITS
        )
    except public_forms.RateLimited:
        # A page without the form: a flood costs the cache one increment and no query.
        log_event("signals.rate_limited", request=request)
        return render(request, "signals/limited.html", status=429)
    if form.is_spam:
        log_event("signals.honeypot", request=request)
        form.add_error(None, public_forms.NOT_SENT)
        return _form_page(request, form, status=400)
    if not form.is_valid():
        return _form_page(request, form, status=400)
    data = form.cleaned_data
    existing = Signal.objects.filter(intake_key=data["intake_key"]).first()
    if existing is not None:  # the same form posted again: nothing is stored twice
        request.session[SESSION_KEY] = existing.pk
        return redirect("signals:submitted")
    if not public_forms.challenge_verify(data["altcha"]):
        form.add_error(None, public_forms.CHALLENGE_FAILED)
        return _form_page(request, form, status=400)
    try:
        signal, _created = services.signal_submit(
            theme=data["theme"],
            location=data["location"],
            neighbourhood=data["neighbourhood"],
            story=data["story"],
            name=data["name"],
            email=data["email"],
            phone=data["phone"],
            consent=data["consent"],
            language=translation.get_language() or "nl",
            intake_key=data["intake_key"],
        )
    except ValidationError as error:
        form_errors(form, error)
        return _form_page(request, form, status=400)
    request.session[SESSION_KEY] = signal.pk
    return redirect("signals:submitted")


@never_cache
@require_GET
def submitted(request):
    signal = Signal.objects.filter(pk=request.session.get(SESSION_KEY)).first()
    if signal is None:
        return redirect("signals:submit")
    has_email = signal.status_selector is not None
    return render(request, "signals/submitted.html", {"signal": signal, "has_email": has_email})


@never_cache
@require_GET
def status(request, token):
    signal = services.status_lookup(token)
    if signal is None:
        raise Http404
    answer = signal.merged_into if signal.state == SignalState.MERGED else signal
    # The status page is the resident's own: it shows what the e-mails said, also the dossiers.
    links = answered_dossier_links(signal=signal).values_list("dossier_id", flat=True)
    dossiers = Dossier.objects.filter(pk__in=links).select_related("topic")
    answered_dossiers = [(dossier, board_answer(dossier)) for dossier in dossiers]
    return render(
        request,
        "signals/status.html",
        {
            "signal": signal,
            "answer": answer,
            "answered_dossiers": answered_dossiers,
            "answered": answer is not None
            and answer.state in (SignalState.CLOSED, SignalState.NOT_FOR_COUNCIL),
        },
    )
