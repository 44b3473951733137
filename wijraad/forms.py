"""Form and view helpers every app uses: bound forms, a service's refusal on a form or as
messages, the browser's own date and time inputs."""

from django import forms
from django.contrib import messages


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
