"""Forms of the meetings app. They check the input; the rules live in the services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from meetings.models import (
    ActionKind,
    Activity,
    AgendaItem,
    AttendanceAnswer,
    Location,
    Meeting,
    ScheduleEntry,
    Theme,
    WorkPlan,
    YearSchedule,
)
from meetings.services import EDITABLE_FIELDS, SETTINGS
from wijraad.forms import DateInput, PortalForm, PortalModelForm, TimeInput
from wijraad.models import Visibility


def active_locations(current=None):
    """Locations in use, plus the one already chosen (which may have gone out of use)."""
    rows = Location.objects.filter(is_active=True)
    if current is not None:
        rows = rows | Location.objects.filter(pk=current.pk)
    return rows.order_by("name")


class MeetingForm(PortalModelForm):
    class Meta:
        model = Meeting
        # What meetings.services.meeting_update accepts.
        fields = list(EDITABLE_FIELDS)
        widgets = {
            "date": DateInput(),
            "start_time": TimeInput(),
            "end_time": TimeInput(),
            "description": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "kind": _(
                "Consultation (overlegvergadering): a meeting of the council with the board of "
                "WIJ Groningen; the board sees these. The board does not see the other kinds."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["location"].queryset = active_locations(self.instance.location)
        self.fields["location"].empty_label = _("Not at a WIJ location")


class CancelForm(PortalForm):
    reason = forms.CharField(
        label=_("Reason for cancelling"),
        max_length=300,
        help_text=_("Members (and for a consultation the board) see this reason."),
    )


class LocationForm(PortalModelForm):
    class Meta:
        model = Location
        fields = ["name", "address", "accessibility", "is_active"]
        widgets = {"accessibility": forms.Textarea(attrs={"rows": 3})}


class ScheduleSettingsForm(forms.ModelForm):
    class Meta:
        model = YearSchedule
        fields = list(SETTINGS)
        widgets = {
            "council_start": TimeInput(),
            "consultation_start": TimeInput(),
            "first_day": DateInput(),
            "last_day": DateInput(),
            "summer_break_first_day": DateInput(),
            "summer_break_last_day": DateInput(),
        }
        help_texts = {
            "consultation_weekday": _(
                "Consultation (overlegvergadering): the council meets the board of WIJ Groningen."
            ),
            "summer_break_last_day": _(
                "No meetings from the first through the last day of the summer break. Dutch "
                "public holidays are skipped too: the meeting moves a week on."
            ),
        }


class ScheduleEntryForm(forms.ModelForm):
    class Meta:
        model = ScheduleEntry
        fields = ["kind", "date", "start_time", "end_time", "location"]
        widgets = {"date": DateInput(), "start_time": TimeInput(), "end_time": TimeInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = self.instance.location if self.instance.location_id else None
        self.fields["location"].queryset = active_locations(current)


class WorkPlanForm(forms.ModelForm):
    class Meta:
        model = WorkPlan
        fields = ["introduction", "adopted_on"]
        widgets = {"adopted_on": DateInput(), "introduction": forms.Textarea(attrs={"rows": 5})}


class ThemeForm(PortalModelForm):
    class Meta:
        model = Theme
        fields = ["title", "description", "position"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"position": _("Themes are shown from low to high.")}


class MeetingChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.date:%d-%m-%Y} – {obj.display_title}"


class ActivityForm(PortalModelForm):
    meetings = MeetingChoiceField(
        label=_("Meetings"),
        queryset=Meeting.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Meetings of this year where the activity is discussed or done."),
    )

    class Meta:
        model = Activity
        fields = ["title", "description", "planned_for", "status", "meetings"]
        widgets = {"planned_for": DateInput(), "description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meetings"].queryset = meetings


class VisitReportForm(PortalForm):
    heard = forms.CharField(
        label=_("What we heard"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "What residents and staff told you, in general terms. Never write residents' names, "
            "addresses or anything else that shows who someone is."
        ),
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes of the work plan"),
        queryset=Theme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    other_topics = forms.CharField(
        label=_("Other topics"),
        max_length=300,
        required=False,
        help_text=_("Topics that are not in the work plan, separated by commas."),
    )
    no_names = forms.BooleanField(
        label=_("This report holds no names of residents and nothing that shows who someone is."),
        required=True,
    )

    def __init__(self, *args, themes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = themes


# --- Agendas, papers, attendance, minutes, action items ------------------------------------------


class AgendaItemForm(PortalModelForm):
    class Meta:
        model = AgendaItem
        fields = ["title", "description", "kind", "presenter", "duration_minutes", "visibility"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "kind": _(
                "Information: members hear about it. Discussion: members talk about it. "
                "Decision: the council decides. Advice: the council prepares an advice."
            ),
            "visibility": _(
                "Council and board: the board sees this item on a consultation. Restricted: only "
                "the chair and the secretary. Public: everyone, also on the public agenda of "
                "council meetings and consultations once the agenda is out."
            ),
        }


class DocumentForm(PortalForm):
    upload = forms.FileField(
        label=_("File"),
        help_text=_("PDF, Word, Excel, PowerPoint, OpenDocument or an image."),
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        required=False,
        help_text=_("Leave empty to use the file name."),
    )
    visibility = forms.ChoiceField(
        label=_("Who may see it"),
        choices=Visibility.choices,
        initial=Visibility.COUNCIL,
        help_text=_(
            "Someone sees a paper only if they may also see its agenda item. A public paper "
            "on a public item is on the public agenda."
        ),
    )


class DocumentChangeForm(PortalForm):
    """Another title or visibility, and optionally a new version of the file."""

    title = forms.CharField(label=_("Title"), max_length=200)
    visibility = forms.ChoiceField(
        label=_("Who may see it"),
        choices=Visibility.choices,
        help_text=_(
            "Someone sees a paper only if they may also see its agenda item. A public paper "
            "on a public item is on the public agenda."
        ),
    )
    upload = forms.FileField(
        label=_("New version (optional)"),
        required=False,
        help_text=_(
            "Replaces the paper on the agenda; the current version stays as an earlier version."
        ),
    )


class AttendanceAnswerForm(PortalForm):
    answer = forms.ChoiceField(
        label=_("Will you come?"), choices=AttendanceAnswer.choices, widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label=_("Reason (if you cannot come)"),
        max_length=300,
        required=False,
        help_text=_("Optional. Members and the secretary see it."),
    )


class PersonChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name or obj.email


class AttendanceRecordForm(forms.Form):
    present = PersonChoiceField(
        label=_("Who was there"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["present"].queryset = people


class MinutesForm(forms.Form):
    general = forms.CharField(
        label=_("General remarks"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("E.g. who chaired the meeting and announcements."),
    )

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            self.fields[f"notes_{item.pk}"] = forms.CharField(
                label=_("%(number)s. %(title)s: what was said")
                % {"number": item.number, "title": item.title},
                required=False,
                initial=item.notes,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
            self.fields[f"decision_{item.pk}"] = forms.CharField(
                label=_("%(number)s. %(title)s: decision")
                % {"number": item.number, "title": item.title},
                required=False,
                initial=item.decision,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def item_texts(self):
        data = self.cleaned_data
        return {
            item: (data[f"notes_{item.pk}"], data[f"decision_{item.pk}"]) for item in self.items
        }


class AdoptionMeetingField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.date:%d-%m-%Y} – {obj.display_title}"


class AdoptForm(forms.Form):
    at_meeting = AdoptionMeetingField(
        label=_("Adopted at the meeting of"), queryset=Meeting.objects.none()
    )

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["at_meeting"].queryset = meetings


class ActionItemForm(PortalForm):
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=ActionKind.choices,
        initial=ActionKind.ACTION,
        help_text=_(
            "Action item (actiepunt): something a member or the secretary will do. Board "
            "commitment (toezegging): something the board promised in a consultation."
        ),
    )
    title = forms.CharField(label=_("What"), max_length=250)
    owner = forms.ModelChoiceField(label=_("Who"), queryset=None)
    due_date = forms.DateField(label=_("Due date"), required=False, widget=DateInput())
    agenda_item = forms.ModelChoiceField(label=_("Agenda item"), queryset=None, required=False)

    def __init__(self, *args, owners, items, consultation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners
        self.fields["owner"].label_from_instance = lambda obj: obj.name or obj.email
        self.fields["agenda_item"].queryset = items
        if not consultation:
            self.fields["kind"].choices = [(ActionKind.ACTION, ActionKind.ACTION.label)]


class ActionItemChangeForm(PortalForm):
    """What, who and when of an existing action item or commitment (its kind stays)."""

    title = forms.CharField(label=_("What"), max_length=250)
    owner = forms.ModelChoiceField(label=_("Who"), queryset=None)
    due_date = forms.DateField(label=_("Due date"), required=False, widget=DateInput())

    def __init__(self, *args, owners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners
        self.fields["owner"].label_from_instance = lambda obj: obj.name or obj.email


class DecisionFilterForm(PortalForm):
    """The decision list's filters: a year and a word from the topic."""

    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False, empty_value=None)
    topic = forms.CharField(
        label=_("Topic"),
        max_length=100,
        required=False,
        help_text=_("A word from the agenda item or the decision, e.g. privacy."),
    )

    def __init__(self, *args, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("All years"))] + [(year, year) for year in years]
