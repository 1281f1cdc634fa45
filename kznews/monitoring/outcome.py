"""The outcome of a crawl process (`python -m kznews crawl`, `scrapy crawl`, `demo`): a per-site summary table (the
`python -m kznews runs` view) and the exit status.

Exit statuses (docs/operations.md): 0 every site passed its checks; 1 a site failed its checks or did not run,
nothing was found at all, or articles were left in a spill file; 2 a wrong argument (the commands' own checks,
before any spider starts).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from kznews import stats as keys
from kznews.monitoring.runs import format_runs

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


@dataclass
class SiteOutcome:
    """One spider of the process: its final stats, the `runs` document its monitors built (None when the monitors
    did not run) and the error that kept it from starting (None when it started)."""

    site: str
    stats: Mapping[str, Any] = field(default_factory=dict)
    run: Mapping[str, Any] | None = None
    error: str | None = None


def of_crawler(crawler, site: str, error: str | None = None) -> SiteOutcome:
    """A finished crawler's outcome (kznews.monitoring.monitors.RecordRun leaves the run document on it)."""
    stats = dict(crawler.stats.get_stats()) if getattr(crawler, "stats", None) is not None else {}
    return SiteOutcome(site, stats, getattr(crawler, "kznews_run", None), error)


def _num(value) -> int | float:
    return value if isinstance(value, int | float) and not isinstance(value, bool) else 0


def problems(outcome: SiteOutcome) -> list[str]:
    """Why a site's run counts as failed; empty when it passed."""
    if outcome.error is not None:
        return [f"did not start: {outcome.error}"]
    found: list[str] = []
    stats = outcome.stats
    if "finish_reason" not in stats and outcome.run is None:
        found.append("did not finish")
    unreachable = stats.get(keys.UNREACHABLE(site=outcome.site))
    if unreachable:
        found.append(f"could not be reached: {unreachable}")
    if outcome.run is not None and not outcome.run.get("healthy"):
        found.append("failed checks: " + ", ".join(f.get("check", "?") for f in outcome.run.get("failures", [])))
    unstored = _num(stats.get(keys.MONGO_UNSTORED()))
    if unstored:  # named even when the storage check failed too: the operator needs the file
        spill = stats.get(keys.SPILL(count="file"))
        where = f" (left in {spill})" if spill else ""
        found.append(f"{unstored} articles not stored in MongoDB{where}")
    return found


def articles_found(outcome: SiteOutcome) -> int | float:
    stats = outcome.stats
    items = sum(_num(v) for v in keys.under(stats, keys.ITEMS.prefix(site=outcome.site)).values())
    return items + _num(stats.get(keys.KNOWN(site=outcome.site, count="skipped")))


def exit_code(outcomes: Iterable[SiteOutcome]) -> int:
    outcomes = list(outcomes)
    if not outcomes:
        return EXIT_FAILED
    if any(problems(o) for o in outcomes):
        return EXIT_FAILED
    if not sum(articles_found(o) for o in outcomes):  # every site "passed", yet not one article anywhere
        return EXIT_FAILED
    return EXIT_OK


def summary(outcomes: Iterable[SiteOutcome]) -> str:
    """The per-site table (as `python -m kznews runs` prints it) and a line per problem, then the verdict."""
    outcomes = list(outcomes)
    table = format_runs({o.site: [o.run] if o.run is not None else [] for o in outcomes})
    lines = ["", "Sites of this crawl:", table]
    for outcome in outcomes:
        lines += [f"  {outcome.site}: {problem}" for problem in problems(outcome)]
    code = exit_code(outcomes)
    if outcomes and all(o.stats.get(keys.UNREACHABLE(site=o.site)) for o in outcomes):
        lines.append("no site could be reached: this machine looks offline (check its network, DNS or proxy)")
    if code == EXIT_OK:
        lines.append("every site passed its checks")
    elif not any(problems(o) for o in outcomes) and outcomes:
        lines.append("no articles found on any site: exit status 1")
    else:
        failed = [o.site for o in outcomes if problems(o)]
        lines.append(f"{len(failed)} of {len(outcomes)} sites failed: exit status 1")
    return "\n".join(lines)
