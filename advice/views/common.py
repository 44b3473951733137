"""What the advice views share: the one form page and refusals put on a form."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.shortcuts import render

from wijraad.files import human_size
from wijraad.forms import form_errors


def form_page(request, form, *, title, intro="", back="", dossier=None, submit="", extra=None):
    context = {
        "form": form,
        "title": title,
        "intro": intro,
        "back": back,
        "dossier": dossier,
        "submit": submit,
        "max_size": human_size(settings.MAX_UPLOAD_SIZE),
        **(extra or {}),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "advice/form.html", context, status=status)


def refuse_on(form, error, field=None):
    """A service's refusal on the form: on the field it names, else on `field` or the form."""
    if isinstance(error, ValidationError):
        form_errors(form, error, field)
