"""`python -m kznews demo` (`make demo`): replay recorded pages through the real spiders and pipelines into MongoDB, then summarise.

Works offline: every response comes from the WARC files (kznews.warc); a URL missing from them is a counted
404, never a network request. The recorded fetch times resolve relative dates, so the demo prints the same
exact instants every time.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from kznews.settings.registry import setting

DEFAULT_WARC = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "warc"


DEFAULT_REPORT = Path(".local") / "demo-report.html"


def add_parser(commands) -> None:
    demo = commands.add_parser("demo", help="replay recorded pages into MongoDB and print a summary")
    demo.add_argument("--warc", default=str(DEFAULT_WARC))
    demo.add_argument("--sites", help="comma-separated site names (default: all)")
    demo.add_argument("--report", default=str(DEFAULT_REPORT),
                      help=f"where to write the health report of the replayed data (default: {DEFAULT_REPORT})")
    demo.set_defaults(run=run)


def run(args) -> int:
    from kznews.cli.crawl import archive_problem

    # the archive first: without it there is nothing to replay, whatever the database
    problem = archive_problem(args.warc) or _bad_input(args.sites)
    if problem:
        print(f"demo: {problem}", file=sys.stderr)
        return 2
    return run_demo(args.warc, args.sites, report=Path(args.report))


def _bad_input(sites: str | None) -> str | None:
    """What makes the demo pointless before it starts (one line), or None."""
    from scrapy.utils.project import get_project_settings

    from kznews.sites import SITES
    from kznews.storage.articles import refused_credentials

    unknown = [name for name in (sites or "").split(",") if name and name not in SITES]
    if unknown:
        return f"--sites: no site named {unknown[0]!r}; sites: {', '.join(sorted(SITES))}"
    uri = get_project_settings().get("MONGO_URI")
    if not uri:
        return "MONGO_URI is empty: the demo stores the replayed articles in MongoDB (make demo starts a local one)"
    return refused_credentials(uri)


def run_demo(warc: str, sites: str | None = None, report: Path | None = None) -> int:
    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.project import get_project_settings

    from kznews.cli.crawl import crawl_and_judge, replay_problem
    from kznews.settings.registry import from_environment
    from kznews.sites import SITES

    names = sites.split(",") if sites else sorted(SITES)
    given = from_environment(os.environ)  # the demo's own defaults, unless the environment names others
    settings = get_project_settings()
    settings.set("WARC_REPLAY", warc, priority="cmdline")
    settings.set("MONGO_DATABASE", given.get("MONGO_DATABASE", "kznews_demo"), priority="cmdline")
    settings.set("LOG_LEVEL", given.get("LOG_LEVEL", "WARNING"), priority="cmdline")
    # The recorded mini-sites hold a few articles per site: a healthy run here is one that stores any.
    settings.set("KZNEWS_MONITOR_MIN_ITEMS", 1, priority="cmdline")
    problem = replay_problem(settings)
    if problem:  # never the live sites instead of the archive
        print(f"demo: {problem}", file=sys.stderr)
        return 2
    # The archive is the whole world: take everything in it, whatever its age.
    code = crawl_and_judge(CrawlerProcess(settings), names,
                           {name: {"since": "2000-01-01", "refresh": "1"} for name in names})
    if settings.get("MONGO_URI"):
        print_summary(settings.get("MONGO_URI"), setting(settings, "MONGO_DATABASE"), names)
        if report is not None:
            return write_demo_report(settings.get("MONGO_URI"), setting(settings, "MONGO_DATABASE"), names,
                                     report) or code
    return code


def write_demo_report(uri: str, database: str, sites: list[str], output: Path) -> int:
    """The health report of the replayed data. The recordings span years, so the window reaches back to the
    oldest replayed article (the charts then count per week or month)."""
    from datetime import UTC, datetime

    from kznews.cli.report import BadInput, write_report
    from kznews.storage import ArticleStore
    from kznews.storage.health import HealthReader

    now = datetime.now(UTC)
    store = ArticleStore(uri, database)
    try:
        oldest = HealthReader(store).oldest_article(sites)
    finally:
        store.close()
    days = (now - oldest).days + 2 if oldest else 30
    output.parent.mkdir(parents=True, exist_ok=True)
    print(f"\nHealth report of the replayed data ({days} days):")
    try:
        return write_report(uri, database, days=days, until=None, sites=",".join(sites), output=output, now=now)
    except BadInput as error:
        print(f"kznews demo: report: {error}")
        return 2


def print_summary(uri: str, database: str, sites: list[str]) -> None:
    from kznews.dates import to_almaty
    from kznews.storage import ArticleStore, redact_uri

    store = ArticleStore(uri, database)
    try:
        print(f"\nArticles in {redact_uri(uri)} / {database}:")
        for site in sites:
            counts = store.editions_of(site)
            editions = ", ".join(f"{lang} {counts[lang]}" for lang in sorted(counts)) or "none"
            print(f"  {site}: {sum(counts.values())} ({editions})")
            for doc in store.latest_articles(site, 3):
                when = to_almaty(doc["published_at"]).isoformat() if doc.get("published_at") else "no date"
                print(f"    {when}  [{doc['lang']}] {doc['title']}")
    finally:
        store.close()
