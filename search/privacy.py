"""The personal data of the search app, for the privacy statement (see wijraad.privacy)."""

from django.utils.translation import gettext_lazy as _

from wijraad.privacy import PersonalData

PERSONAL_DATA = [
    PersonalData(
        key="search-index",
        what=_(
            "The search index: a copy of the words of what can be searched (titles, texts, the "
            "text of uploaded papers, the names of people for the secretary, the story of a "
            "signal), so that a search is fast."
        ),
        who=_(
            "Nobody reads the index itself: a search shows a result only to who may open the "
            "page it comes from."
        ),
        kept=_(
            "As long as what it was copied from: changed and deleted together with it; a "
            "signal's words go when its story is deleted."
        ),
        fields={"search.SearchDocument": ("title", "body", "file_text", "vector")},
    ),
]

NOT_PERSONAL = {
    "search.SearchDocument": ("id", "kind", "group", "object_id", "year", "theme", "url"),
}
