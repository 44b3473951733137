"""Forms of the advice app. Single-line text is cleaned by wijraad.forms.PortalForm; the rules
live in advice.services, whose refusals the views put on these forms."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from advice.models import (
    KIND_EXPLANATIONS,
    AnswerPosition,
    ConsentOutcome,
    DeadlineKind,
    DossierKind,
    Topic,
)
from members.models import User
from wijraad.forms import DateInput, PortalForm
from wijraad.models import Visibility

FILE_HELP = _("PDF, Word, Excel, PowerPoint, OpenDocument or an image.")


def kind_choices(kinds):
    return [(kind.value, f"{kind.label}: {KIND_EXPLANATIONS[kind]}") for kind in kinds]


class RevisionForm(PortalForm):
    """Carries the dossier's revision the page showed, so a stale form is refused."""

    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)


class RequestForm(PortalForm):
    """The board asks for advice or consent (also the secretary, on the board's behalf)."""

    kind = forms.ChoiceField(
        label=_("What do you ask the council?"),
        choices=kind_choices(DossierKind.from_board()),
        widget=forms.RadioSelect,
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    topic = forms.ModelChoiceField(label=_("Topic"), queryset=Topic.objects.none())
    board_question = forms.CharField(
        label=_("Your question to the council"), widget=forms.Textarea(attrs={"rows": 4})
    )
    intended_decision = forms.CharField(
        label=_("The intended decision"), widget=forms.Textarea(attrs={"rows": 4})
    )
    decision_planned_on = forms.DateField(
        label=_("When do you plan to decide?"), widget=DateInput(), required=False
    )
    advice_due = forms.DateField(
        label=_("Deadline for the advice"),
        widget=DateInput(),
        required=False,
        help_text=_("Leave empty for the usual deadline (six weeks unless the rules differ)."),
    )
    upload = forms.FileField(label=_("Document"), required=False, help_text=FILE_HELP)
    document_title = forms.CharField(
        label=_("Title of the document"), max_length=200, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = Topic.objects.filter(is_active=True)


class RegisterForm(RequestForm):
    """A request that came in by letter or e-mail, registered by the secretary."""

    requested_on = forms.DateField(
        label=_("Received on"), widget=DateInput(), initial=timezone.localdate
    )
    requested_by = forms.ModelChoiceField(
        label=_("Asked by (board)"), queryset=User.objects.none(), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["requested_by"].queryset = (
            User.objects.board(timezone.localdate()).distinct().order_by("name")
        )


class OpenForm(PortalForm):
    """The council opens unrequested advice."""

    title = forms.CharField(label=_("Title"), max_length=200)
    topic = forms.ModelChoiceField(label=_("Topic"), queryset=Topic.objects.none())
    board_question = forms.CharField(
        label=_("What is it about?"), widget=forms.Textarea(attrs={"rows": 4})
    )
    visibility = forms.ChoiceField(
        label=_("Who may see it"),
        choices=[(v, label) for v, label in Visibility.choices if v != Visibility.PUBLIC],
        initial=Visibility.COUNCIL,
    )
    advice_due = forms.DateField(
        label=_("Planned date of the advice"),
        widget=DateInput(),
        required=False,
        help_text=_("Leave empty for six weeks from today."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = Topic.objects.filter(is_active=True)


class ReasonForm(RevisionForm):
    reason = forms.CharField(label=_("Reason"), max_length=500)


class WorkingGroupForm(PortalForm):
    people = forms.ModelMultipleChoiceField(
        label=_("Members of the working group"),
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["people"].queryset = (
            User.objects.members(timezone.localdate()).distinct().order_by("name")
        )


class AgendaForm(PortalForm):
    meeting = forms.ModelChoiceField(label=_("Meeting"), queryset=None)

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = meetings


class ExtendForm(RevisionForm):
    deadline = forms.ChoiceField(label=_("Which deadline"), choices=DeadlineKind.choices)
    new_date = forms.DateField(label=_("New deadline"), widget=DateInput())
    reason = forms.CharField(
        label=_("Reason"),
        max_length=500,
        help_text=_("What board and council agreed, and why."),
    )


class DocumentForm(PortalForm):
    upload = forms.FileField(label=_("File"), help_text=FILE_HELP)
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        required=False,
        help_text=_("Leave empty to use the file name."),
    )
    visibility = forms.ChoiceField(
        label=_("Who may see it"), choices=Visibility.choices, initial=Visibility.BOARD
    )


class DraftForm(RevisionForm):
    text = forms.CharField(label=_("Text of the advice"), widget=forms.Textarea(attrs={"rows": 14}))


class CommentForm(PortalForm):
    text = forms.CharField(label=_("Your comment"), widget=forms.Textarea(attrs={"rows": 3}))


class AdoptForm(RevisionForm):
    version = forms.ModelChoiceField(label=_("Version the council decided on"), queryset=None)
    meeting = forms.ModelChoiceField(
        label=_("Council meeting in which it was decided"), queryset=None
    )
    reasons = forms.CharField(
        label=_("Reasons"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Why the council advises this. Advice is always reasoned."),
    )
    summary = forms.CharField(
        label=_("Summary in plain language"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("A few sentences anyone can understand. The public page and e-mails use it."),
    )
    consent = forms.ChoiceField(
        label=_("The council's decision on the consent request"),
        choices=ConsentOutcome.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    conditions = forms.CharField(
        label=_("Conditions"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, versions, meetings, consent, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].queryset = versions
        self.fields["meeting"].queryset = meetings
        if not consent:
            del self.fields["consent"]
            del self.fields["conditions"]


class AnswerForm(PortalForm):
    position = forms.ChoiceField(
        label=_("The board's answer"), choices=AnswerPosition.choices, widget=forms.RadioSelect
    )
    text = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 8}))
    reasons = forms.CharField(
        label=_("Reasons for deviating"),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        help_text=_("Required when the board partly follows or does not follow the advice."),
    )
    consultation = forms.ModelChoiceField(
        label=_("Consultation meeting in which the advice was discussed"),
        queryset=None,
        required=False,
        help_text=_("Required when the board partly follows or does not follow the advice."),
    )
    summary = forms.CharField(
        label=_("Summary in plain language"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def __init__(self, *args, consultations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consultation"].queryset = consultations


class ReplacementConsentForm(PortalForm):
    decided_on = forms.DateField(label=_("Day the committee decided"), widget=DateInput())
    upload = forms.FileField(label=_("The committee's decision"), help_text=FILE_HELP)
    note = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class CarriedOutForm(PortalForm):
    on = forms.DateField(
        label=_("Day the decision was carried out"), widget=DateInput(), initial=timezone.localdate
    )


class TopicForm(PortalForm):
    name = forms.CharField(label=_("New topic"), max_length=100)
