"""The URL × persona permission matrix: a hand-written table of what each persona gets.

Every app keeps its part of the table in `APP/tests/matrix.py`:

    def objects(personas, made):
        '''Create what the routes need; `made` holds what the floors below made.'''
        return {"meeting": MeetingFactory(...)}

    ROUTES = [
        Route(
            "meetings:detail",
            kwargs=lambda o: {"pk": o["meeting"].pk},
            get={"anoniem": LOGIN, "lid": 200, "lid_ongetekend": 404, "oud_lid": 404,
                 "voorzitter": 200, "secretaris": 200, "bestuurder": 404, "beheerder": 404},
        ),
        Route(
            "meetings:cancel",
            kwargs=lambda o: {"pk": o["meeting"].pk},
            get={...: 405, ...},
            post={"anoniem": LOGIN, "lid": 403, ..., "secretaris": ALLOWED, ...},
            data=lambda o: {"reason": "ziek"},
            snapshot=lambda o: Meeting.objects.values_list("state").get(pk=o["meeting"].pk),
        ),
    ]

- `get` / `post`: persona -> expected status code, or LOGIN (a redirect to the login page), or
  ALLOWED for a POST a persona may make (it is not sent by the matrix: the app's own tests cover
  what it does). Every persona is named; `post=None` means the URL takes no POST worth testing
  beyond `get` (e.g. it answers 405).
- `snapshot(objects)`: the state a refused POST must leave unchanged (compared before and after).
- `absent`: persona -> function(objects) giving a text that must NOT appear on that persona's
  page (the hidden object of a list view).
- `present`: persona -> function(objects) giving a text that must appear (the check that the
  `absent` text would be found if it were there).
- `name` may end in `*` to cover every URL name with that prefix (used for the Django admin,
  whose URLs are many and uniform); such a route is checked on `sample` names only.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

PERSONAS = (
    "anoniem",
    "lid",
    "lid_ongetekend",
    "oud_lid",
    "voorzitter",
    "secretaris",
    "bestuurder",
    "beheerder",
)
LOGIN = "login"
ALLOWED = "allowed"


def everyone(expected):
    return dict.fromkeys(PERSONAS, expected)


def logged_in(expected, *, anoniem=LOGIN, **overrides):
    """`expected` for every logged-in persona, LOGIN for anoniem, with exceptions."""
    table = dict.fromkeys(PERSONAS, expected)
    table["anoniem"] = anoniem
    table.update(overrides)
    return table


@dataclass(frozen=True)
class Route:
    name: str
    get: dict | None = None
    post: dict | None = None
    kwargs: Callable = field(default=lambda objects: {})
    data: Callable = field(default=lambda objects: {})
    snapshot: Callable | None = None
    absent: dict = field(default_factory=dict)
    present: dict = field(default_factory=dict)
    query: str = ""
    sample: tuple = ()

    def __post_init__(self):
        for table in (self.get, self.post):
            if table is not None and set(table) != set(PERSONAS):
                raise ValueError(f"{self.name}: name every persona, got {sorted(table)}")
        if self.post is not None and self.snapshot is None:
            refused = [p for p, expected in self.post.items() if expected != ALLOWED]
            if refused:
                raise ValueError(f"{self.name}: a POST refused to {refused} needs a snapshot")
