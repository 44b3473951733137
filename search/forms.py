from django import forms
from django.utils.translation import gettext_lazy as _

from search.models import Group
from search.services import MAX_QUERY_LENGTH


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), max_length=MAX_QUERY_LENGTH, required=False)
    group = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("All kinds")), *Group.choices], required=False
    )
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False, empty_value=None)
    theme = forms.ChoiceField(label=_("Topic or theme"), required=False)

    def __init__(self, *args, years=(), themes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("All years"))] + [(y, y) for y in years]
        self.fields["theme"].choices = [("", _("All topics and themes"))] + [(t, t) for t in themes]
