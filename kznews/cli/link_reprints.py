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

    from kznews.safety import scrub, secrets_of
    from kznews.spiders.arguments import SpiderArgumentError, parse_since
    from kznews.storage import ArticleStore, redact_uri
    from kznews.storage.errors import describe, is_auth_error, is_outage

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
    store = ArticleStore(uri, setting(settings, "MONGO_DATABASE"), timeout_ms=setting(settings, "MONGO_TIMEOUT_MS"))
    try:
        store.ensure_indexes()
        counts = store.relink_reprints(since)
    except Exception as error:
        if not (is_outage(error) or is_auth_error(error)):
            raise  # a bug in linking: its traceback is what fixes it
        # the database down or the password wrong: one line, without the password; the timer tries again
        print(f"link-reprints: {scrub(describe(error, redact_uri(uri)), secrets_of(uri))}", file=sys.stderr)
        return 1
    finally:
        store.close()
    print(f"{counts['articles']} articles since {since.isoformat()} checked in {redact_uri(uri)}; "
          f"{counts['linked']} linked to another site's article")
    return 0
