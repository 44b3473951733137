"""The forms every app builds on, and the helpers its views share.

Single-line text (a name, a title, a reason) never holds a line break or another control
character: a CR/LF in a title could start a new header in an e-mail, a new line in a log or a
CSV export. A browser cannot type one into an <input>, so only a crafted request sends one; the
form takes them out (line breaks and tabs become a space) rather than refusing the input. Text
areas keep their line breaks, passwords are left exactly as typed.

The helpers: bound forms (`posted`), a service's refusal on a form (`form_errors`) or as
messages (`error_messages`), the one form page (`form_page`), the browser's own date and time
inputs.
"""

import re

from django import forms
from django.conf import settings
from django.contrib import messages
from django.shortcuts import render

from wijraad.files import human_size

# Line breaks (also the Unicode ones, and the separators str.splitlines() breaks on) and tabs.
LINE_BREAKS = re.compile(r"[\t\n\v\f\r\x1c-\x1e\x85\u2028\u2029]+")
# Every other C0 and C1 control character, and DEL.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")


def single_line(text):
    """`text` on one line, without control characters."""
    return CONTROL_CHARACTERS.sub("", LINE_BREAKS.sub(" ", text)).strip()


def is_single_line(field):
    return isinstance(field, forms.CharField) and not isinstance(
        field.widget, forms.Textarea | forms.PasswordInput
    )


class SingleLineTextMixin:
    """Clean every single-line text field of the form with `single_line`.

    It runs in `clean()`, before a model form copies the values onto its instance, so what is
    stored is the single-line text. A form that has its own `clean()` calls `super().clean()`
    first (as Django asks anyway).
    """

    def clean(self):
        cleaned_data = super().clean()
        for name, field in self.fields.items():
            value = cleaned_data.get(name)
            if isinstance(value, str) and is_single_line(field):
                cleaned_data[name] = single_line(value)
                if field.required and not cleaned_data[name]:
                    self.add_error(name, field.error_messages["required"])
        return cleaned_data


class PortalForm(SingleLineTextMixin, forms.Form):
    pass


class PortalModelForm(SingleLineTextMixin, forms.ModelForm):
    pass


def posted(request):
    """The submitted data of a POST (also when empty, so a form shows what is missing)."""
    return request.POST if request.method == "POST" else None


def form_errors(form, error, field=None):
    """Show a service's ValidationError on the form: on the field it names, else on `field`
    (None: the form as a whole)."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else field, errors)
    else:
        form.add_error(field, error)


def error_messages(request, error):
    """Show a service's ValidationError as messages on the next page (actions without a form)."""
    for message in error.messages:
        messages.error(request, message)


def form_page(request, form, *, title, intro="", back="", submit="", template="form.html"):
    """A page with one form: a title, an introduction, the form (with files: the size limit),
    the button (`submit`, else "Save") and a way back. A POST that reaches it was refused: 400."""
    context = {
        "form": form,
        "title": title,
        "intro": intro,
        "back": back,
        "submit": submit,
        "max_size": human_size(settings.MAX_UPLOAD_SIZE),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, template, context, status=status)


class DateInput(forms.DateInput):
    """The browser's own date picker; the value is sent as YYYY-MM-DD whatever the language."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    """The browser's own time picker, 24-hour HH:MM."""

    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%H:%M")
