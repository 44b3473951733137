from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members.dates import add_months
from wijraad.forms import DateInput, PortalForm, PortalModelForm
from wijraad.public_forms import PublicFormFields
from year.models import (
    AllowanceRates,
    ApplicationState,
    HiringPanel,
    HiringPanelState,
    TaxFreeLimit,
    Training,
    Vacancy,
    applicant_retention,
)


class ApplicationForm(PublicFormFields, PortalForm):
    """Only what the vacancy asks: no BSN, ID copy, photo or health data (DESIGN rule 14). A
    public form: the honeypot and the challenge (PublicFormFields)."""

    name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("E-mail address"))
    phone = forms.CharField(
        label=_("Phone number"),
        max_length=40,
        required=False,
        help_text=_("So that a member of the council can call you for a conversation."),
    )
    cv = forms.FileField(label=_("CV"), help_text=_("PDF, Word or OpenDocument."))
    letter = forms.FileField(
        label=_("Motivation letter"),
        help_text=_("Why do you want to join the WIJ-raad? PDF, Word or OpenDocument."),
    )
    keep_consent = forms.BooleanField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The keeping times of the rules in force, not a number written here.
        words = applicant_retention()
        field = self.fields["keep_consent"]
        field.label = (
            _("You may keep my application for %(months)s, in case a place opens later.") % words
        )
        field.help_text = (
            _("Without this, we delete your application %(weeks)s after the procedure ends.")
            % words
        )


class AlertForm(PublicFormFields, PortalForm):
    email = forms.EmailField(label=_("E-mail address"))
    consent = forms.BooleanField(
        label=_("You may keep my e-mail address to tell me about a vacancy (at most a year)."),
    )


class VacancyForm(PortalModelForm):
    class Meta:
        model = Vacancy
        fields = ["title", "seats", "note"]


class TransitionForm(PortalForm):
    to_state = forms.ChoiceField(label=_("Next step"), choices=ApplicationState.choices)
    start = forms.DateField(
        label=_("First term starts on"),
        required=False,
        widget=DateInput(),
        help_text=_("Only when appointing."),
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, application, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_state"].choices = [(s.value, s.label) for s in application.next_states()]


class NoteForm(PortalForm):
    text = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}))


class ReportForm(PortalForm):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    introduction = forms.CharField(
        label=_("Introduction"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    closing = forms.CharField(
        label=_("Closing words"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )


def _members_today():
    from members.models import User

    return User.objects.members(timezone.localdate()).order_by("name")


class HiringPanelForm(PortalModelForm):
    """The request's details; who takes part while it is accepted, the outcome once it took
    place (the steps themselves: HiringPanelTransitionForm)."""

    class Meta:
        model = HiringPanel
        fields = ["position", "requested_on", "request", "participants", "outcome"]
        widgets = {"requested_on": DateInput(), "participants": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        state = self.instance.state if self.instance.pk else None
        if state == HiringPanelState.ACCEPTED:
            self.fields["participants"].queryset = _members_today()
            self.fields["participants"].required = True
        else:
            del self.fields["participants"]
        if state != HiringPanelState.TOOK_PLACE:
            del self.fields["outcome"]


class HiringPanelTransitionForm(PortalForm):
    to_state = forms.ChoiceField(label=_("Next step"), choices=HiringPanelState.choices)
    participants = forms.ModelMultipleChoiceField(
        label=_("Who takes part"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only when accepting."),
    )
    outcome = forms.CharField(
        label=_("Outcome"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only when the procedure took place."),
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, panel, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_state"].choices = [(s.value, s.label) for s in panel.next_states()]
        self.fields["participants"].queryset = _members_today()


class TrainingForm(PortalModelForm):
    class Meta:
        model = Training
        fields = ["person", "title", "date", "provider", "hours"]
        widgets = {"date": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from members.models import User

        self.fields["person"].queryset = User.objects.members(timezone.localdate()).order_by("name")


class AllowanceRatesForm(PortalModelForm):
    class Meta:
        model = AllowanceRates
        fields = ["valid_from", "per_meeting", "per_work_visit", "per_month"]
        widgets = {"valid_from": DateInput()}


class TaxFreeLimitForm(PortalModelForm):
    class Meta:
        model = TaxFreeLimit
        fields = ["year", "per_month", "per_year"]
        help_texts = {
            "per_year": _(
                "Fill in the limits the Belastingdienst publishes for volunteer allowances in "
                "this year (belastingdienst.nl, 'vrijwilligersvergoeding'). The portal seeds none."
            )
        }


class StatementForm(PortalForm):
    person = forms.ModelChoiceField(label=_("Member"), queryset=None)
    start = forms.DateField(label=_("From (first month)"), widget=DateInput())
    end = forms.DateField(label=_("Up to and including (last month)"), widget=DateInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from members.models import Term, User

        self.fields["person"].queryset = User.objects.filter(
            pk__in=Term.objects.values("person")
        ).order_by("name")

    def clean(self):
        cleaned_data = super().clean()
        start, end = cleaned_data.get("start"), cleaned_data.get("end")
        if start and end:
            cleaned_data["period_start"] = start.replace(day=1)
            last = end.replace(day=1)
            cleaned_data["period_end"] = add_months(last, 1)
            if cleaned_data["period_end"] <= cleaned_data["period_start"]:
                self.add_error("end", _("The period ends before it starts."))
        return cleaned_data
