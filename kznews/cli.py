"""`python -m kznews COMMAND`: developer and operator tools.

  extract    parse a saved page as the crawler would and print the result as JSON
  dates      parse date strings with the date engine
  crawl      run several spiders in one process (the main job of `make run`)
  demo       replay recorded pages through the real spiders into MongoDB and print a summary
  sites      print the table of supported sites (docs/sites.md is generated from it)
  runs       list the last runs of each site with their health (the `runs` collection)
  load-spill load articles spilled to a local file while MongoDB was down (docs/reliability.md)
  link-reprints  link again the reprints of recent articles (a periodic sweep after concurrent crawls)
  audit      sample a site's archived pages over the years and report how its layouts fit (kznews.archives.audit)
  ccnews     read the CC-NEWS files of a window once for several sites (kznews.archives.ccnews_crawl)
"""

from __future__ import annotations

import argparse
import sys
from contextlib import nullcontext
from datetime import UTC, datetime
from pathlib import Path


def _now_arg(text: str | None) -> datetime:
    if not text:
        return datetime.now(UTC)
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    # A naive time is UTC, as in `python -m kznews dates` and the date engine's API.
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def cmd_extract(args) -> int:
    from kznews.exporters import dumps
    from kznews.extract.page import extract_batch, extract_page
    from kznews.sites import get_site

    site = get_site(args.site) if args.site else None
    options = {"site": site, "kind": args.kind, "use_layouts": not args.no_layouts}
    now = _now_arg(args.now)
    if args.batch:
        stdin = args.batch == "-"
        base = Path.cwd() if stdin else Path(args.batch).resolve().parent
        failed = 0
        with nullcontext(sys.stdin) if stdin else Path(args.batch).open(encoding="utf-8") as lines:
            for result in extract_batch(lines, base, now, encoding=args.encoding, **options):
                failed += "error" in result
                print(dumps(result), flush=True)
        return 1 if failed else 0
    if not args.url or not args.file:
        print("extract: give --url and FILE, or --batch LIST.tsv", file=sys.stderr)
        return 2
    html = Path(args.file).read_bytes() if args.file != "-" else sys.stdin.buffer.read()
    try:
        result = extract_page(html.decode(args.encoding, errors="replace"), args.url, now, **options)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2
    print(dumps(result))
    return 0


def cmd_crawl(args) -> int:
    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.project import get_project_settings

    from kznews.sites import SITES

    names = args.sites.split(",") if args.sites else sorted(SITES)
    settings = get_project_settings()
    for assignment in args.set or []:
        name, _, value = assignment.partition("=")
        settings.set(name, value, priority="cmdline")
    process = CrawlerProcess(settings)
    spider_args = dict(a.split("=", 1) for a in args.arg or [])
    for name in names:
        process.crawl(name, **spider_args)
    process.start()
    return 0


def cmd_demo(args) -> int:
    from kznews.demo import run_demo

    return run_demo(args.warc, args.sites)


def cmd_sites(args) -> int:
    from kznews.docs import sites_table

    print(sites_table())
    return 0


def cmd_runs(args) -> int:
    import json

    from scrapy.utils.project import get_project_settings

    from kznews.exporters import IsoJSONEncoder
    from kznews.monitoring import format_runs
    from kznews.sites import SITES
    from kznews.storage import ArticleStore, redact_uri

    settings = get_project_settings()
    uri = args.uri or settings.get("MONGO_URI")
    database = args.database or settings.get("MONGO_DATABASE")
    if not uri:
        print("MONGO_URI is empty: no runs to read", file=sys.stderr)
        return 2
    store = ArticleStore(uri, database, timeout_ms=5_000)
    try:
        spiders = args.site.split(",") if args.site else sorted(set(SITES) | set(store.runs.distinct("spider")))
        runs = store.latest_runs(spiders, args.limit, unhealthy=args.unhealthy)
    except Exception as error:
        print(f"cannot read runs from {redact_uri(uri)}: {type(error).__name__}: {redact_uri(str(error))}",
              file=sys.stderr)
        return 2
    finally:
        store.close()
    if args.unhealthy:
        runs = {site: found for site, found in runs.items() if found}
    if args.json:
        print(json.dumps(runs, cls=IsoJSONEncoder, ensure_ascii=False, indent=1))
    else:
        print(format_runs(runs))
    if args.check:
        # For cron and alerting: 1 when the latest run of a listed site is unhealthy or missing.
        latest = {site: found[0] if found else None for site, found in runs.items()}
        return 0 if all(run is not None and run.get("healthy") for run in latest.values()) else 1
    return 0
# --- reliability: load-spill (docs/reliability.md) ---------------------------------------------------------


def cmd_load_spill(args) -> int:
    import os

    from kznews.spill import main as load_spill_main

    # Credentials only from the environment (MONGO_URI), never from the command line.
    uri = os.environ.get("MONGO_URI", "mongodb://127.0.0.1:27017")
    return load_spill_main(args.files, uri, os.environ.get("MONGO_DATABASE", "kznews"))


def cmd_link_reprints(args) -> int:
    from datetime import timedelta

    from scrapy.utils.project import get_project_settings

    from kznews.spiders.engine import parse_since
    from kznews.storage import ArticleStore, redact_uri

    settings = get_project_settings()
    uri = settings.get("MONGO_URI")
    if not uri:
        print("MONGO_URI is empty", file=sys.stderr)
        return 2
    since = parse_since(args.since, datetime.now(UTC)) or datetime.now(UTC) - timedelta(days=3)
    store = ArticleStore(uri, settings.get("MONGO_DATABASE", "kznews"))
    try:
        store.ensure_indexes()
        counts = store.relink_reprints(since)
    finally:
        store.close()
    print(f"{counts['articles']} articles since {since.isoformat()} checked in {redact_uri(uri)}; "
          f"{counts['linked']} linked to another site's article")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kznews", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)

    extract = commands.add_parser("extract", help="parse a saved page and print JSON")
    extract.add_argument("--site", help="read the page with this site's knowledge (default: none at all)")
    extract.add_argument("--no-layouts", action="store_true", help="without the site's layouts: the fallback alone")
    extract.add_argument("--url", help="the URL the page was fetched from")
    extract.add_argument("--now", help="fetch time, ISO 8601 (default: now); resolves relative dates")
    extract.add_argument("--kind", choices=["list", "article"], help="default: guessed from the URL (or the page)")
    extract.add_argument("--encoding", default="utf-8")
    extract.add_argument("--batch", metavar="LIST.tsv",
                         help="lines URL<TAB>PATH (PATH relative to the list's directory; - reads the list from "
                              "stdin): one JSON object per line, in order; exit 1 if any line failed")
    extract.add_argument("file", nargs="?", help="saved HTML page, or - for stdin")
    extract.set_defaults(func=cmd_extract)

    # `dates` has its own parser (kznews.dates.cli); listed here for --help.
    commands.add_parser("dates", help="parse dates: --lang ru|kk|en --now ISO8601 [TEXT ...]", add_help=False)

    crawl = commands.add_parser("crawl", help="run spiders in one process")
    crawl.add_argument("--sites", help="comma-separated site names (default: all)")
    crawl.add_argument("-a", "--arg", action="append", help="spider argument NAME=VALUE, for every spider")
    crawl.add_argument("-s", "--set", action="append", help="Scrapy setting NAME=VALUE, as with scrapy crawl -s")
    crawl.set_defaults(func=cmd_crawl)

    demo = commands.add_parser("demo", help="replay recorded pages into MongoDB and print a summary")
    demo.add_argument("--warc", default=str(Path(__file__).parent.parent / "tests" / "fixtures" / "warc"))
    demo.add_argument("--sites", help="comma-separated site names (default: all)")
    demo.set_defaults(func=cmd_demo)

    sites = commands.add_parser("sites", help="print the supported sites table (Markdown)")
    sites.set_defaults(func=cmd_sites)

    runs = commands.add_parser("runs", help="list the last runs of each site with their health")
    runs.add_argument("--site", help="comma-separated site names (default: every site of the registry or with runs)")
    runs.add_argument("-n", "--limit", type=int, default=3, help="runs per site (default: 3)")
    runs.add_argument("--unhealthy", action="store_true", help="only unhealthy runs")
    runs.add_argument("--json", action="store_true", help="print the run documents as JSON")
    runs.add_argument("--check", action="store_true", help="exit 1 unless the latest run of every site is healthy")
    runs.add_argument("--uri", help="default: MONGO_URI")
    runs.add_argument("--database", help="default: MONGO_DATABASE")
    runs.set_defaults(func=cmd_runs)
    relink = commands.add_parser("link-reprints", help="link again the reprints of recent articles (idempotent)")
    relink.add_argument("--since", default="3d", help="ISO 8601 or 3d/12h: articles published since then")
    relink.set_defaults(func=cmd_link_reprints)

    load_spill = commands.add_parser(
        "load-spill", help="load spill files into MongoDB (MONGO_URI, MONGO_DATABASE); idempotent"
    )
    load_spill.add_argument("files", nargs="+", help="spill files (.local/spill/*.jsonl)")
    load_spill.set_defaults(func=cmd_load_spill)

    from kznews.archives.audit import add_parser as add_audit_parser
    from kznews.archives.ccnews_crawl import add_parser as add_ccnews_parser

    add_audit_parser(commands)
    add_ccnews_parser(commands)

    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "dates":
        from kznews.dates.cli import main as dates_main

        return dates_main(argv[1:])
    args = parser.parse_args(argv)
    return args.func(args)
