"""Sections higher floors add to the public home page (the latest published advice …), so the
ground floor shows them without importing an app.

    home.register(home.Section(key="advice.latest", template="advice/home_latest.html",
                               context=latest_published))

`context(request)` returns the section's template context with a fixed number of queries.
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Section:
    key: str
    template: str
    context: Callable = field(default=lambda request: {})
    order: int = 100


_sections: dict[str, Section] = {}


def register(section):
    """Add a section; registering the same key again replaces it."""
    _sections[section.key] = section
    return section


def sections_for(request):
    return [
        {"section": section, "context": section.context(request)}
        for section in sorted(_sections.values(), key=lambda s: (s.order, s.key))
    ]
