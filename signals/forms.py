"""Forms of the signals app: the public form, recording, triage, themes, trends."""

import functools
import re
import uuid

from django import forms
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from meetings.models import AgendaItem, Location, MeetingState, WorkVisitReport
from signals.models import STORY_MAX_LENGTH, SignalChannel, SignalState, SignalTheme
from signals.privacy import contact_kept
from wijraad.forms import DateInput, PortalForm, PortalModelForm
from wijraad.public_forms import PublicFormFields

PHONE = re.compile(r"^\+?[0-9][0-9 \-]{5,19}$")
CONSENT = _(
    "Yes, the WIJ-raad may keep my name and contact details to answer me. Only the secretary of "
    "the council sees them."
)


class ThemeChoiceField(forms.ModelChoiceField):
    default_error_messages = {"invalid_choice": _("Choose one of the themes in the list.")}


class LocationChoiceField(forms.ModelChoiceField):
    default_error_messages = {"invalid_choice": _("Choose one of the WIJ locations in the list.")}


def consent_label():
    """The consent and the period the retention run keeps to: the rules in force today, stored
    with the contact details when the resident ticks the box (SignalContact.promised_months)."""
    return f"{CONSENT} {contact_kept()}"


class ContactFields(PortalForm):
    """Only when the resident wants an answer: name, e-mail or phone, and the consent box."""

    name = forms.CharField(label=_("Your name (optional)"), max_length=100, required=False)
    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        help_text=_("We send you a confirmation and, later, what came of it."),
    )
    phone = forms.CharField(label=_("Phone number"), max_length=30, required=False)
    consent = forms.BooleanField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Read when the form is shown, once: a refused flood never renders it and costs no query.
        self.fields["consent"].label = lazy(functools.cache(consent_label), str)()

    def clean_phone(self):
        phone = self.cleaned_data["phone"]
        if phone and not PHONE.match(phone):
            raise forms.ValidationError(
                _("Write the phone number with digits only, e.g. 050 123 45 67.")
            )
        return phone

    def clean(self):
        cleaned_data = super().clean()
        wants_answer = cleaned_data.get("email") or cleaned_data.get("phone")
        if cleaned_data.get("name") and not wants_answer:
            self.add_error(
                "email", _("Leave an e-mail address or phone number, or leave your name out.")
            )
        if wants_answer and not cleaned_data.get("consent"):
            self.add_error(
                "consent", _("Tick the box if you want an answer, or leave your details out.")
            )
        return cleaned_data


class SignalForm(PublicFormFields, ContactFields, PortalForm):
    """The public form: no account needed (the honeypot and the challenge: PublicFormFields)."""

    theme = ThemeChoiceField(
        label=_("What is it about?"),
        queryset=SignalTheme.objects.filter(is_active=True),
        empty_label=_("Choose a theme"),
    )
    location = LocationChoiceField(
        label=_("Which WIJ location? (optional)"),
        queryset=Location.objects.filter(is_active=True),
        required=False,
        empty_label=_("No location, or I do not know"),
    )
    neighbourhood = forms.CharField(
        label=_("Or which neighbourhood? (optional)"), max_length=100, required=False
    )
    story = forms.CharField(
        label=_("What happened?"),
        widget=forms.Textarea(attrs={"rows": 8, "maxlength": STORY_MAX_LENGTH}),
        max_length=STORY_MAX_LENGTH,
        help_text=_(
            "Please do not write the names of other people or details about anyone's health. "
            "At most %(max)d characters."
        )
        % {"max": STORY_MAX_LENGTH},
        error_messages={"required": _("Please tell us what happened.")},
    )
    intake_key = forms.UUIDField(widget=forms.HiddenInput)

    field_order = [
        "theme",
        "location",
        "neighbourhood",
        "story",
        "name",
        "email",
        "phone",
        "consent",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("intake_key", uuid.uuid4())
        self.fields["story"].error_messages["max_length"] = _(
            "Your story is too long: at most %(limit_value)d characters (now %(show_value)d)."
        )


class RecordForm(ContactFields, PortalForm):
    """A member records what they heard (work visit, phone call, e-mail, meeting)."""

    channel = forms.ChoiceField(
        label=_("How did the council hear it?"),
        choices=[(c.value, c.label) for c in SignalChannel if c != SignalChannel.FORM],
    )
    received_on = forms.DateField(label=_("When?"), widget=DateInput, initial=timezone.localdate)
    theme = ThemeChoiceField(label=_("Theme"), queryset=SignalTheme.objects.filter(is_active=True))
    location = LocationChoiceField(
        label=_("WIJ location (optional)"), queryset=Location.objects.all(), required=False
    )
    neighbourhood = forms.CharField(
        label=_("Neighbourhood (optional)"), max_length=100, required=False
    )
    story = forms.CharField(
        label=_("What was said?"),
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": STORY_MAX_LENGTH}),
        max_length=STORY_MAX_LENGTH,
        help_text=_("No names of residents, no details about anyone's health."),
    )
    visit_report = forms.ModelChoiceField(
        label=_("From the report of a work visit (optional)"),
        queryset=WorkVisitReport.objects.none(),
        required=False,
    )
    field_order = [
        "channel",
        "received_on",
        "theme",
        "location",
        "neighbourhood",
        "story",
        "visit_report",
    ]

    def __init__(self, *args, user, with_contact, **kwargs):
        super().__init__(*args, **kwargs)
        from meetings.models import Meeting

        meetings = Meeting.objects.visible_to(user)
        self.fields["visit_report"].queryset = (
            WorkVisitReport.objects.filter(meeting__in=meetings)
            .select_related("meeting")
            .order_by("-meeting__date")
        )
        self.fields["visit_report"].label_from_instance = lambda report: (
            f"{report.meeting.date:%d-%m-%Y} {report.meeting.title}"
        )
        if not with_contact:
            for name in ("name", "email", "phone", "consent"):
                del self.fields[name]


class TransitionForm(PortalForm):
    to = forms.ChoiceField(label=_("New state"), choices=[])
    outcome = forms.CharField(
        label=_("What came of it (the resident reads this)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=3000,
        required=False,
    )
    referral = forms.CharField(
        label=_("Not for the council: where can the resident go instead?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
        help_text=_(
            "E.g. the WIJ team in your neighbourhood, or the complaints desk of the municipality."
        ),
    )
    note = forms.CharField(label=_("Note (optional)"), max_length=300, required=False)

    def __init__(self, *args, signal, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to"].choices = [
            (state.value, state.label)
            for state in signal.allowed_transitions()
            if state != SignalState.MERGED
        ]


class MergeForm(PortalForm):
    into = forms.CharField(
        label=_("Reference of the signal it repeats"), max_length=12, help_text=_("E.g. S-AB12CD34")
    )


class LinkForm(PortalForm):
    agenda_item = forms.ModelChoiceField(label=_("Agenda item"), queryset=AgendaItem.objects.none())

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.fields["agenda_item"].queryset = (
            AgendaItem.objects.visible_to(user)
            .filter(meeting__date__gte=today)
            .exclude(meeting__state=MeetingState.CANCELLED)
            .select_related("meeting")
            .order_by("meeting__date", "position")
        )
        self.fields["agenda_item"].label_from_instance = lambda item: (
            f"{item.meeting.date:%d-%m-%Y} {item.meeting.title}: {item.title}"
        )


class TriageForm(PortalForm):
    theme = ThemeChoiceField(label=_("Theme"), queryset=SignalTheme.objects.all())
    location = LocationChoiceField(
        label=_("WIJ location"), queryset=Location.objects.all(), required=False
    )
    neighbourhood = forms.CharField(label=_("Neighbourhood"), max_length=100, required=False)


class ThemeForm(PortalModelForm):
    class Meta:
        model = SignalTheme
        fields = ["name", "description", "is_active"]


class FilterForm(forms.Form):
    state = forms.ChoiceField(
        label=_("State"),
        choices=[("", _("Open"))] + list(SignalState.choices) + [("all", _("All"))],
        required=False,
    )
    theme = forms.ModelChoiceField(
        label=_("Theme"),
        queryset=SignalTheme.objects.all(),
        required=False,
        empty_label=_("All themes"),
    )


class PeriodForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=DateInput, required=False)
    end = forms.DateField(label=_("Up to and including"), widget=DateInput, required=False)

    def clean(self):
        cleaned_data = super().clean()
        start, end = cleaned_data.get("start"), cleaned_data.get("end")
        if start and end and start > end:
            raise forms.ValidationError(_("The start of the period lies after its end."))
        if start and end and (end - start).days > 366 * 20:
            raise forms.ValidationError(_("Choose a period of at most twenty years."))
        return cleaned_data


class DossierLinkForm(PortalForm):
    dossier = forms.ModelChoiceField(label=_("Advice dossier"), queryset=None)

    def __init__(self, *args, user, **kwargs):
        from advice.models import Dossier

        super().__init__(*args, **kwargs)
        self.fields["dossier"].queryset = Dossier.objects.visible_to(user).open().for_list()
