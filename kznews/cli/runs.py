"""`python -m kznews runs`: the last runs of each site with their health (the `runs` collection)."""

from __future__ import annotations

import sys

from kznews.settings.registry import setting


def add_parser(commands) -> None:
    runs = commands.add_parser("runs", help="list the last runs of each site with their health")
    runs.add_argument("--site", help="comma-separated site names (default: every site of the registry or with runs)")
    runs.add_argument("-n", "--limit", type=int, default=3, help="runs per site (default: 3)")
    runs.add_argument("--unhealthy", action="store_true", help="only unhealthy runs")
    runs.add_argument("--json", action="store_true",
                      help="print the run documents as JSON, with their checks, thresholds and stats")
    runs.add_argument("--check", action="store_true",
                      help="exit 1 unless the latest run of every site is healthy (archive runs are not judged)")
    runs.add_argument("--uri", help="default: MONGO_URI")
    runs.add_argument("--database", help="default: MONGO_DATABASE")
    runs.set_defaults(run=run)


def run(args) -> int:
    import json

    from scrapy.utils.project import get_project_settings

    from kznews.exporters import IsoJSONEncoder
    from kznews.monitoring.runs import format_runs
    from kznews.sites import SITES
    from kznews.storage import ArticleStore, redact_uri

    settings = get_project_settings()
    uri = args.uri or settings.get("MONGO_URI")
    database = args.database or setting(settings, "MONGO_DATABASE")
    if not uri:
        print("MONGO_URI is empty: no runs to read", file=sys.stderr)
        return 2
    store = ArticleStore(uri, database, timeout_ms=5_000)
    try:
        spiders = args.site.split(",") if args.site else sorted(set(SITES) | set(store.run_spiders()))
        runs = store.latest_runs(spiders, args.limit, unhealthy=args.unhealthy, full=args.json)
        # --check judges the sites' live crawls: an archive run (source=archive) reads the past, not the site now
        live = store.latest_runs(spiders, 1, live_only=True) if args.check else {}
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
        latest = {site: found[0] if found else None for site, found in live.items() if site in runs}
        return 0 if all(run is not None and run.get("healthy") for run in latest.values()) else 1
    return 0
