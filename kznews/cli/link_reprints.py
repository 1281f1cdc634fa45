"""`python -m kznews link-reprints --since 3d`: link again the reprints of recent articles (idempotent), for pairs
two spiders stored at the same moment (hourly by a systemd timer, deploy/systemd/)."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta

from kznews.settings.registry import setting


def add_parser(commands) -> None:
    relink = commands.add_parser("link-reprints", help="link again the reprints of recent articles (idempotent)")
    relink.add_argument("--since", default="3d", help="ISO 8601 or 3d/12h: articles published since then")
    relink.set_defaults(run=run)


def run(args) -> int:
    from scrapy.utils.project import get_project_settings

    from kznews.spiders.arguments import SpiderArgumentError, parse_since
    from kznews.storage import ArticleStore, redact_uri

    settings = get_project_settings()
    uri = settings.get("MONGO_URI")
    if not uri:
        print("MONGO_URI is empty", file=sys.stderr)
        return 2
    try:
        since = parse_since(args.since, datetime.now(UTC)) or datetime.now(UTC) - timedelta(days=3)
    except SpiderArgumentError as error:
        print(f"link-reprints: --{error}", file=sys.stderr)
        return 2
    store = ArticleStore(uri, setting(settings, "MONGO_DATABASE"))
    try:
        store.ensure_indexes()
        counts = store.relink_reprints(since)
    except Exception as error:  # the database is down or refuses: one line without credentials, exit 1 for cron
        print(f"link-reprints: could not link in {redact_uri(uri)}: {type(error).__name__}: "
              f"{redact_uri(str(error))[:300]}", file=sys.stderr)
        return 1
    finally:
        store.close()
    print(f"{counts['articles']} articles since {since.isoformat()} checked in {redact_uri(uri)}; "
          f"{counts['linked']} linked to another site's article")
    return 0
