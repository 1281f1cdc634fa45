"""`python -m kznews export`: articles or stories to JSON Lines (optionally gzip), CSV or Parquet, in a file, a
partitioned directory or on stdout; `--after CURSOR` pulls what was written since the cursor a previous pull printed
(it prints the next cursor as its last line on stdout). See docs/exports.md.

Bad input (an unknown site, a malformed cursor, `--until` before `--since`, an unwritable output) gives one line on
stderr naming the value, and exit status 2, before anything is read or written."""

from __future__ import annotations

import os
import signal
import sys
from datetime import UTC, datetime
from pathlib import Path

EXPORT_SOCKET_TIMEOUT_MS = 30 * 60 * 1000


class ExportArgumentError(ValueError):
    """One line naming the bad value."""


def add_parser(commands) -> None:
    export = commands.add_parser("export", help="export articles or stories (JSON Lines, CSV, Parquet); pull changes")
    export.add_argument("--sites", help="comma-separated site names (default: all)")
    export.add_argument("--lang", help="comma-separated edition languages: ru,kk,en (default: all)")
    export.add_argument("--since", help="published at or after: 2026-11-01, 2026-11-01T06:00+05:00, 2d, 6h")
    export.add_argument("--until", help="published before (the window's exclusive end); same forms")
    export.add_argument("--stories", action="store_true",
                        help="one document per reprint cluster: the original with `copies`")
    export.add_argument("--after", metavar="CURSOR",
                        help="incremental pull: what was written after this cursor ('' or 'start': everything); "
                             "prints the next cursor as the last line on stdout")
    export.add_argument("--limit", type=int, help="with --after: at most this many documents per pull")
    export.add_argument("--format", choices=("jsonl", "jsonl.gz", "csv", "parquet"),
                        help="default: from the output's name, else jsonl (parquet for a directory)")
    export.add_argument("-o", "--output", default="-",
                        help="a file, a directory (ending in / or existing: partitioned part files), or - for stdout")
    export.add_argument("--uri", help="default: MONGO_URI")
    export.add_argument("--database", help="default: MONGO_DATABASE")
    export.set_defaults(run=run)


def _items(text: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (text or "").split(",") if part.strip())


def plan(args, now: datetime):
    """The checked request: (filter, cursor or None, format, output kind, output path). Raises
    ExportArgumentError with one line."""
    from kznews.export import format_of
    from kznews.sites import SITES
    from kznews.storage.pulls import ArticleFilter, Cursor, CursorError

    sites = _items(args.sites)
    unknown = [site for site in sites if site not in SITES]
    if unknown:
        raise ExportArgumentError(f"--sites: unknown site {unknown[0]!r}; known: {', '.join(sorted(SITES))}")
    langs = _items(args.lang)
    bad_langs = [lang for lang in langs if lang not in ("ru", "kk", "en")]
    if bad_langs:
        raise ExportArgumentError(f"--lang: unknown language {bad_langs[0]!r}; known: ru, kk, en")
    since = _instant("--since", args.since, now)
    until = _instant("--until", args.until, now)
    if since is not None and until is not None and until <= since:
        raise ExportArgumentError(f"--until={args.until!r} is not after --since={args.since!r}")
    cursor = None
    if args.after is not None:
        if args.stories:
            raise ExportArgumentError("--after: incremental pulls are of articles, not --stories")
        if args.after not in ("", "start"):
            try:
                cursor = Cursor.decode(args.after)
            except CursorError as error:
                raise ExportArgumentError(f"--after: {error}") from None
    if args.limit is not None and args.limit < 1:
        raise ExportArgumentError(f"--limit={args.limit}: expected a whole number, 1 or more")
    output = args.output
    if output == "-":
        kind, path = "stream", None
        fmt = args.format or "jsonl"
        if fmt == "parquet":
            raise ExportArgumentError("-o -: Parquet needs a file or a directory, not stdout")
    else:
        path = Path(output)
        kind = "directory" if output.endswith(("/", os.sep)) or path.is_dir() else "file"
        fmt = args.format or (format_of(output) if kind == "file" else "parquet") or "jsonl"
        _check_writable(path if kind == "directory" else path.parent, output)
    return ArticleFilter(sites, langs, since, until), cursor, fmt, kind, path


def _instant(option: str, text: str | None, now: datetime) -> datetime | None:
    """The spider arguments' parser of `since`/`until` (naive: Almaty time; ages before now)."""
    from kznews.spiders.arguments import parse_instant

    if text in (None, ""):
        return None
    try:
        return parse_instant(text, now)
    except ValueError:
        raise ExportArgumentError(f"{option}={text!r}: expected an ISO 8601 date or instant (2026-11-01, "
                                  f"2026-11-01T06:00+05:00) or an age (2d, 6h, 30m)") from None


def _check_writable(directory: Path, output: str) -> None:
    existing = directory
    while not existing.exists():
        existing = existing.parent
    if not existing.is_dir() or not os.access(existing, os.W_OK | os.X_OK):
        raise ExportArgumentError(f"-o {output!r}: cannot write there ({existing} is not a writable directory)")


def run(args) -> int:
    from scrapy.utils.project import get_project_settings

    from kznews.export import columns, export_to_directory, export_to_file, export_to_stream
    from kznews.settings.registry import setting
    from kznews.storage import ArticleStore, redact_uri
    from kznews.storage.pulls import ArticleReader

    now = datetime.now(UTC)
    try:
        where, cursor, fmt, kind, path = plan(args, now)
    except ExportArgumentError as error:
        print(f"export: {error}", file=sys.stderr)
        return 2
    settings = get_project_settings()
    uri = args.uri or settings.get("MONGO_URI")
    database = args.database or setting(settings, "MONGO_DATABASE")
    if not uri:
        print("export: MONGO_URI is empty: no articles to read", file=sys.stderr)
        return 2
    # SIGTERM (a cron job's timeout, systemd) unwinds like Ctrl-C, so the temporary files are removed
    previous = signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    # the first batch of a large sorted read can take minutes on a slow server: a long export waits for it
    store = ArticleStore(uri, database, timeout_ms=10_000, socket_timeout_ms=EXPORT_SOCKET_TIMEOUT_MS)
    reader = ArticleReader(store)
    pull = None
    try:
        if args.after is not None:
            reader.ensure_indexes()
            pull = reader.changes(where, cursor, limit=args.limit)
            documents = iter(pull)
        elif args.stories:
            documents = reader.stories(where, grouped=kind == "directory")
        else:
            documents = reader.articles_matching(where, grouped=kind == "directory")
        cols = columns(stories=args.stories)
        if kind == "stream":
            count = export_to_stream(documents, sys.stdout.buffer, fmt, cols)
            sys.stdout.buffer.flush()
        elif kind == "directory":
            count = export_to_directory(documents, path, fmt, cols, now)
        else:
            count = export_to_file(documents, path, fmt, cols, now)
    except OSError as error:
        print(f"export: -o {args.output!r}: {error.strerror or error}", file=sys.stderr)
        return 2
    except Exception as error:
        if type(error).__module__.startswith(("pymongo", "bson")):
            print(f"export: cannot read articles from {redact_uri(uri)}: {type(error).__name__}: "
                  f"{redact_uri(str(error))}", file=sys.stderr)
            return 2
        raise
    finally:
        store.close()
        signal.signal(signal.SIGTERM, previous)
    what = "stories" if args.stories else "articles"
    print(f"export: {count} {what} ({fmt}) to {args.output}", file=sys.stderr)
    if pull is not None:
        print(pull.cursor.encode() if pull.cursor is not None else "start", flush=True)
    return 0
