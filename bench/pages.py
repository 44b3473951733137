"""The pages: which ones (ids from the data), queries per request, and each under load next to
the bare view, marked against the targets in docs/performance.md."""

import re

from bench.client import Browser, settle, wrk
from bench.stack import Broke, log

# Issue 14's pass line (not a CI gate: a table to read).
TARGET_LOGGED_IN_RATIO = 0.10
TARGET_P99_MS = 50
TARGET_PUBLIC_RATIO = 0.30
TARGET_QUERIES = 8
# Issue 19: a search answers in under 100 ms at p99 (one person searching: one connection).
TARGET_SEARCH_P99_MS = 100

# The kinds of page, for the targets.
MEMBER, SECRETARY, PUBLIC = "member", "secretary", "public"
# What the portal answers cheaply: the probe that waits for its queue to empty (client.settle).
PROBE = "/privacy"

PERSONAS = {
    "lid": "lid@example.org",
    "secretaris": "secretaris@example.org",
    "bestuurder": "bestuurder@example.org",
}


def choose_pages():
    """The pages to measure, with ids from the data: (label, role, path, kind)."""
    from django.db.models import Count
    from django.urls import reverse
    from django.utils import timezone

    from advice.models import Dossier, DossierState
    from meetings import services
    from meetings.models import Meeting, MeetingKind, MeetingState
    from members.models import User

    year = timezone.localdate().year
    meeting = (
        Meeting.objects.filter(kind=MeetingKind.COUNCIL, state=MeetingState.MINUTES_ADOPTED)
        .annotate(items=Count("agenda_items"))
        .filter(items__gt=0)
        .order_by("-items", "-date")
        .first()
    )
    if meeting is None:
        raise Broke("no council meeting with an agenda and adopted minutes in the bench data")
    chair = User.objects.get(email="voorzitter@example.org")
    # The advice dossier with the most history: answered, with versions, comments and agenda items.
    dossier = (
        Dossier.objects.filter(state=DossierState.CLOSED, answers__isnull=False)
        .annotate(changes=Count("state_changes"))
        .order_by("-changes", "-pk")
        .first()
    )
    if dossier is None:
        raise Broke("no answered advice dossier in the bench data")
    # Only a hash of a feed's token is stored: make the address here, as the calendar page does.
    _feed, feed_token = services.calendar_feed_reset(user=User.objects.get(email=PERSONAS["lid"]))
    lid = [
        ("home, logged in", reverse("home")),
        ("dashboard", reverse("dashboard")),
        ("meetings list", reverse("meetings:list")),
        ("year overview", reverse("meetings:year", args=[year])),
        ("agenda", reverse("meetings:agenda", args=[meeting.pk])),
        ("minutes", reverse("meetings:minutes", args=[meeting.pk])),
        ("attendance", reverse("meetings:attendance", args=[meeting.pk])),
        ("people", reverse("members:people")),
        ("one person", reverse("members:person", args=[chair.pk])),
        ("documents", reverse("members:documents")),
        ("term schedule", reverse("members:term_schedule")),
        ("advice list", reverse("advice:list")),
        ("advice dossier", reverse("advice:detail", args=[dossier.pk])),
        # Issue 19: a search across the portal, with the ten-year index.
        ("search", reverse("search:search") + "?q=advies+telefoon"),
        # A plural that must find the singular too (Dutch stemming and its spellings).
        ("search, plural", reverse("search:search") + "?q=adviezen+wijkteam"),
        ("mail preferences", reverse("members:mail_preferences")),
        *member_year_pages(),
    ]
    # The secretary's own dashboard, and the page that costs the secretary most.
    secretary = [
        ("dashboard", reverse("dashboard")),
        ("year overview", reverse("meetings:year", args=[year])),
        # The secretary searches everything the council has, people included.
        ("search", reverse("search:search") + "?q=vergadering+jaarverslag"),
        *signal_pages(),
        *year_pages(),
    ]
    public = [
        ("home", reverse("home")),
        ("about", reverse("about")),
        ("privacy", reverse("privacy")),
        ("accessibility", reverse("accessibility")),
        ("contact", reverse("contact")),
        ("search", reverse("search:search") + "?q=advies"),
        *public_year_pages(),
    ]
    pages = [(label, "lid", path, MEMBER) for label, path in lid]
    # The feed needs no session: its token is the credential. A member's page all the same.
    feed_path = reverse("meetings:feed", args=[feed_token])
    pages.append(("calendar feed", "lid (token)", feed_path, MEMBER))
    pages += [(label, "secretaris", path, SECRETARY) for label, path in secretary]
    # The board's own dashboard: its requests and the advice waiting for its answer.
    pages.append(("dashboard", "bestuurder", reverse("dashboard"), MEMBER))
    pages += [(label, "anoniem", path, PUBLIC) for label, path in public]
    ids = {"meeting": meeting.pk, "year": year, "person": chair.pk, "dossier": dossier.pk}
    return pages, ids


def only(pages, words):
    """The pages whose "label as role" holds one of the comma-separated `words` (all without)."""
    wanted = [word.strip() for word in words.split(",") if word.strip()]
    if not wanted:
        return pages
    chosen = [page for page in pages if any(w in f"{page[0]} as {page[1]}" for w in wanted)]
    if not chosen:
        raise Broke(f"no page matches --pages {words!r}")
    return chosen


def signal_pages():
    """Issue 16: the triage list, one signal and the trends page of the last ten years."""
    import datetime

    from django.urls import reverse
    from django.utils import timezone

    from signals.models import Signal

    signal = Signal.objects.filter(reference__startswith="B-").order_by("-received_on").first()
    if signal is None:
        raise Broke("no bench signals: run manage.py bench_data")
    today = timezone.localdate()
    start = (today - datetime.timedelta(days=3652)).isoformat()
    return [
        ("signals triage list", reverse("signals:list")),
        ("one signal", reverse("signals:detail", args=[signal.pk])),
        ("signal trends, 10 years", f"{reverse('signals:trends')}?start={start}&end={today}"),
    ]


def year_pages():
    """The council's year: the application pipeline, one application, last year's report, the
    hiring panels of ten years and the latest one."""
    from django.urls import reverse
    from django.utils import timezone

    from year.models import Application, ApplicationState, HiringPanel

    application = (
        Application.objects.filter(state=ApplicationState.CALL_PLANNED).order_by("-pk").first()
    )
    if application is None:
        raise Broke("no running application in the bench data: run manage.py bench_data")
    last_year = timezone.localdate().year - 1
    panel = HiringPanel.objects.order_by("-requested_on", "-pk").first()
    if panel is None:
        raise Broke("no hiring panel in the bench data: run manage.py bench_data")
    return [
        ("applications", reverse("year:applications")),
        ("one application", reverse("year:application", args=[application.pk])),
        ("annual report, last year", reverse("year:report", args=[last_year])),
        ("hiring panels", reverse("year:panels")),
        ("one hiring panel", reverse("year:panel", args=[panel.pk])),
    ]


def member_year_pages():
    """A member's own allowance: the statements of ten years and the latest one as it prints."""
    from django.urls import reverse

    from year.models import AllowanceStatement

    statement = (
        AllowanceStatement.objects.filter(person__email=PERSONAS["lid"])
        .order_by("-period_start")
        .first()
    )
    if statement is None:
        raise Broke("no allowance statement of lid in the bench data: run manage.py bench_data")
    return [
        ("my allowance", reverse("year:my_allowance")),
        ("one statement", reverse("year:statement", args=[statement.pk])),
    ]


def public_year_pages():
    """The public vacancy page and the latest published annual report."""
    from django.urls import reverse

    from year.models import AnnualReport

    report = AnnualReport.objects.published().order_by("-year").first()
    if report is None:
        raise Broke("no published annual report in the bench data: run manage.py bench_data")
    return [
        ("vacancy", reverse("year:vacancy")),
        ("annual report, published", reverse("year:report", args=[report.year])),
    ]


def count_queries(pages, sessions):
    """Queries per request, in this process through Django's test client: the second request of
    the same session (the first warms what a running worker keeps warm)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    counts = {}
    for label, role, path, _kind in pages:
        client = Client()
        session = sessions.get(role)
        if session:
            client.cookies["sessionid"] = session
        for _attempt in range(2):
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path, secure=True, headers={"host": "127.0.0.1"})
        if response.status_code != 200:
            raise Broke(f"{path} as {role} answered {response.status_code} in process")
        counts[(label, role)] = len(queries)
    connection.close()
    return counts


def check_pages(port, pages, sessions):
    """Every page answers 200 to its role before the load starts (and warms the workers)."""
    for label, role, path, _kind in pages:
        browser = Browser(port)
        if sessions.get(role):
            browser.cookies["sessionid"] = sessions[role]
        for _warm in range(2):
            status, location, _page = browser.request("GET", path)
            if status != 200:
                raise Broke(f"{label} ({path}) as {role} answered {status} {location}")


def measure_pages(options, ports, pages, sessions, queries, report):
    """Each page under load, the bare view before and after it; results go into `report` as
    they come, so a broken run still shows how far it got."""
    results, bare_runs = report["pages"], report["bare_runs"]

    def bare():
        run = wrk(
            ports["bare"],
            "/",
            seconds=options.bare_seconds,
            connections=options.connections,
            threads=options.threads,
        )
        if run["not_200"] or not run["requests"]:
            raise Broke(f"the bare view answered other than 200 ({run['not_200']} times)")
        settle(ports["bare"], workers=options.workers)
        bare_runs.append(run)
        return run["rps"]

    before = bare()
    for label, role, path, kind in pages:
        run = wrk(
            ports["portal"],
            path,
            seconds=options.seconds,
            connections=options.connections,
            threads=options.threads,
            cookie=sessions.get(role),
        )
        settle(ports["portal"], workers=options.workers, path=PROBE)
        after = bare()
        floor = (before + after) / 2
        result = {
            "page": label,
            "role": role,
            # The feed's token is a credential: not in the report.
            "path": re.sub(r"/agenda/[^/]+\.ics$", "/agenda/<token>.ics", path),
            "kind": kind,
            "rps": round(run["rps"], 1),
            "bare_rps": round(floor, 1),
            "ratio": round(run["rps"] / floor, 4),
            "p50_ms": round(run["latency_us"]["p50"] / 1000, 1),
            "p90_ms": round(run["latency_us"]["p90"] / 1000, 1),
            "p99_ms": round(run["latency_us"]["p99"] / 1000, 1),
            "queries": queries[(label, role)],
            "requests": run["requests"],
            "not_200": run["not_200"],
            "socket_errors": run["errors"],
        }
        result["failed"] = targets_missed(result)
        results.append(result)
        log(
            f"{label:<18} {role:<12} {result['rps']:>8.1f} req/s  ×{result['ratio']:.3f}  "
            f"p99 {result['p99_ms']:>7.1f} ms  {result['queries']:>3} queries  "
            f"{'PASS' if not result['failed'] else 'FAIL'}"
        )
        if run["not_200"]:
            raise Broke(f"{label} ({path}) as {role}: {run['not_200']} answers other than 200")
        if not run["requests"]:
            raise Broke(f"{label} ({path}): no request finished in {options.seconds} s")
        before = after


def measure_search_latency(options, ports, pages, sessions, report):
    """How long one search takes when one person searches: each search page with one connection
    (under 8 connections the p99 is mostly the queue in front of 2 workers, measured above)."""
    searches = [page for page in pages if page[0].startswith("search")]
    for label, role, path, _kind in searches:
        run = wrk(
            ports["portal"],
            path,
            seconds=options.seconds,
            connections=1,
            threads=1,
            cookie=sessions.get(role),
        )
        if run["not_200"] or not run["requests"]:
            raise Broke(f"{label} ({path}) as {role}: {run['not_200']} answers other than 200")
        settle(ports["portal"], workers=options.workers, path=PROBE)
        result = {
            "page": label,
            "role": role,
            "path": path,
            "rps": round(run["rps"], 1),
            "p50_ms": round(run["latency_us"]["p50"] / 1000, 1),
            "p99_ms": round(run["latency_us"]["p99"] / 1000, 1),
            "requests": run["requests"],
        }
        result["failed"] = (
            [f"p99 >= {TARGET_SEARCH_P99_MS} ms"]
            if result["p99_ms"] >= TARGET_SEARCH_P99_MS
            else []
        )
        report["search_latency"].append(result)
        log(
            f"{label:<18} {role:<12} one at a time: p50 {result['p50_ms']:>6.1f} ms  "
            f"p99 {result['p99_ms']:>6.1f} ms  {'PASS' if not result['failed'] else 'FAIL'}"
        )


def targets_missed(result):
    """Issue 14's targets this page misses: public pages ≥ 0.30× the bare view; logged-in pages
    ≥ 0.10× and p99 < 50 ms; a member's page at most 8 queries."""
    missed = []
    if result["kind"] == PUBLIC:
        if result["ratio"] < TARGET_PUBLIC_RATIO:
            missed.append(f"ratio < {TARGET_PUBLIC_RATIO}")
        return missed
    if result["ratio"] < TARGET_LOGGED_IN_RATIO:
        missed.append(f"ratio < {TARGET_LOGGED_IN_RATIO}")
    if result["p99_ms"] >= TARGET_P99_MS:
        missed.append(f"p99 >= {TARGET_P99_MS} ms")
    if result["kind"] == MEMBER and result["queries"] > TARGET_QUERIES:
        missed.append(f"queries > {TARGET_QUERIES}")
    return missed
