"""What a run reports: the machine, the table (Markdown, for docs/performance.md)."""

import contextlib
import os
import platform
from pathlib import Path


def machine():
    cpu = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return {
        "host": platform.node(),
        "system": platform.platform(),
        "python": platform.python_version(),
        "cpu": cpu,
        "cores": os.cpu_count(),
    }


def heading(report):
    machine = report["machine"]
    start, end = report["load_average_at_start"][0], report["load_average_at_end"][0]
    return (
        f"Benchmark of {report['date']} on {machine['cpu']} ({machine['cores']} cores), "
        f"PostgreSQL {report.get('postgresql', '?')}, Redis {report.get('redis', '?')}; "
        f"load average {start:.2f} at the start, {end:.2f} at the end"
    )


def _verdict(failed):
    return "PASS" if not failed else "FAIL: " + ", ".join(failed)


def table(report):
    lines = [
        "| page | as | req/s | × bare | p50 | p99 | queries | target |",
        "|---|---|---:|---:|---:|---:|---:|---|",
    ]
    for page in report["pages"]:
        verdict = _verdict(page["failed"])
        lines.append(
            f"| {page['page']} (`{page['path']}`) | {page['role']} | {page['rps']:,.1f} | "
            f"{page['ratio']:.3f} | {page['p50_ms']:.1f} ms | {page['p99_ms']:.1f} ms | "
            f"{page['queries']} | {verdict} |"
        )
    bare = report["bare"]
    lines.append(
        f"| bare Django view (mean of {bare['runs']} runs, {bare['min_rps']:,.0f}–"
        f"{bare['max_rps']:,.0f}) | – | {bare['mean_rps']:,.1f} | 1 | "
        f"{bare['p50_ms']:.1f} ms | {bare['p99_ms']:.1f} ms | 0 | |"
    )
    if report.get("search_latency"):
        lines += [
            "",
            "| one search at a time (1 connection) | as | req/s | p50 | p99 | target |",
            "|---|---|---:|---:|---:|---|",
        ]
        for search in report["search_latency"]:
            verdict = _verdict(search["failed"])
            lines.append(
                f"| {search['page']} (`{search['path']}`) | {search['role']} | "
                f"{search['rps']:,.1f} | {search['p50_ms']:.1f} ms | {search['p99_ms']:.1f} ms | "
                f"{verdict} |"
            )
    reminders = report.get("reminders")
    if reminders:
        verdict = _verdict(reminders["failed"])
        lines += [
            "",
            "| background work | tasks | seconds | per second | × no-op | target |",
            "|---|---:|---:|---:|---:|---|",
            f"| no-op Celery task | {reminders['tasks']:,} | {reminders['noop_seconds']} | "
            f"{reminders['noop_rate']:,.1f} | 1 | |",
            f"| due reminders through the sweep | {reminders['reminders_queued']:,} | "
            f"{reminders['reminder_seconds']} | {reminders['reminder_rate']:,.1f} | "
            f"{reminders['ratio']:.3f} | {verdict} |",
        ]
    return "\n".join(lines)


def bare_summary(runs):
    rates = [run["rps"] for run in runs]
    p99 = sorted(run["latency_us"]["p99"] for run in runs)
    p50 = sorted(run["latency_us"]["p50"] for run in runs)
    return {
        "runs": len(runs),
        "mean_rps": round(sum(rates) / len(rates), 1),
        "min_rps": round(min(rates), 1),
        "max_rps": round(max(rates), 1),
        "p50_ms": round(p50[len(p50) // 2] / 1000, 1),
        "p99_ms": round(p99[len(p99) // 2] / 1000, 1),
    }
