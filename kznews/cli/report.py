"""`python -m kznews report --days 30 -o report.html`: the health report of the last days as one self-contained HTML
file (kznews.report), from the `runs` and `articles` collections (kznews.storage.health)."""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kznews.settings.registry import setting

MAX_DAYS = 36_525


class BadInput(Exception):
    """Said in one line, exit status 2."""


def add_parser(commands) -> None:
    report = commands.add_parser("report", help="write the health report (runs and articles) as one HTML file")
    # --days is checked by `run`, not argparse, so a bad value is one line, not a usage block
    report.add_argument("--days", default="30", help="days before --until to cover (default: 30)")
    report.add_argument("--until", help="the window's exclusive end, ISO 8601 (default: now); a date without a "
                                        "zone is in Asia/Almaty")
    report.add_argument("--sites", help="comma-separated site names (default: every site with runs or articles)")
    report.add_argument("-o", "--output", default="report.html", help="the HTML file to write (default: report.html)")
    report.add_argument("--uri", help="default: MONGO_URI")
    report.add_argument("--database", help="default: MONGO_DATABASE")
    report.set_defaults(run=run)


def parse_days(value: str) -> int:
    try:
        days = int(str(value).strip())
    except ValueError:
        days = 0
    if days < 1:
        raise BadInput(f"--days {value!r}: expected a whole number of days, 1 or more")
    if days > MAX_DAYS:
        raise BadInput(f"--days {value!r}: at most {MAX_DAYS} (a century)")
    return days


def parse_until(value: str | None, now: datetime) -> datetime:
    if not value:
        return now
    from kznews.dates import ALMATY

    try:
        until = datetime.fromisoformat(value)
    except ValueError:
        raise BadInput(f"--until {value!r}: expected an ISO 8601 date or time such as 2026-11-01 or "
                       "2026-11-01T18:00+05:00") from None
    return (until if until.tzinfo else until.replace(tzinfo=ALMATY)).astimezone(UTC)


def check_output(path: Path) -> None:
    """Said before anything is read: a report that cannot be written is not worth computing."""
    directory = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise BadInput(f"-o {path}: is a directory")
    if not directory.is_dir():
        raise BadInput(f"-o {path}: directory {directory} does not exist")
    if not os.access(directory, os.W_OK | os.X_OK):
        raise BadInput(f"-o {path}: directory {directory} is not writable")


def write_atomically(path: Path, text: str) -> None:
    """A temporary file next to the target, renamed over it: a reader never sees half a report."""
    directory = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def run(args) -> int:
    from scrapy.utils.project import get_project_settings

    settings = get_project_settings()
    uri = args.uri or settings.get("MONGO_URI")
    database = args.database or setting(settings, "MONGO_DATABASE")
    try:
        return write_report(uri, database, days=args.days, until=args.until, sites=args.sites,
                            output=Path(args.output), now=datetime.now(UTC))
    except BadInput as error:
        print(f"kznews report: {error}", file=sys.stderr)
        return 2


def write_report(uri: str | None, database: str, *, days, until: str | None, sites: str | None, output: Path,
                 now: datetime) -> int:
    """Reads the window from the database, writes the report to `output`, prints its path. BadInput on bad input
    or a database that cannot be read."""
    from kznews.report import build_report, render
    from kznews.sites import SITES
    from kznews.storage import ArticleStore, redact_uri
    from kznews.storage.health import HealthReader

    days = parse_days(days)
    end = parse_until(until, now)
    start = end - timedelta(days=days)
    check_output(output)
    if not uri:
        raise BadInput("MONGO_URI is empty: no runs or articles to read")
    store = ArticleStore(uri, database, timeout_ms=5_000)
    try:
        reader = HealthReader(store)
        known = set(SITES) | set(reader.run_sites()) | set(reader.article_sites())
        if sites:
            names = [name.strip() for name in sites.split(",") if name.strip()]
            unknown = [name for name in names if name not in known]
            if unknown or not names:
                raise BadInput(f"--sites: unknown site {', '.join(map(repr, unknown)) or repr(sites)} "
                               f"(known: {', '.join(sorted(known))})")
        else:
            names = sorted(set(reader.run_sites()) | set(reader.article_sites()))
        latest = {site: reader.latest_run(site, end) for site in names}
        healthy = {site: reader.last_healthy_run(site, end) for site in names}
        failing_since = {
            site: reader.first_run_after(site, healthy[site]["started_at"] if healthy[site] else None, end)
            for site in names if latest[site] and not latest[site].get("healthy")
        }
        report = build_report(
            sites=names, start=start, end=end, now=now,
            runs=reader.runs_between(start, end, names), latest=latest, last_healthy=healthy,
            failing_since=failing_since,
            articles_per_day=reader.articles_per_day(start, end, names),
            coverage_per_day=reader.coverage_per_day(start, end, names),
            site_langs={name: list(SITES[name].langs) if name in SITES else [] for name in names},
        )
    except BadInput:
        raise
    except Exception as error:
        raise BadInput(f"cannot read {redact_uri(uri)}: {type(error).__name__}: "
                       f"{redact_uri(str(error))[:200]}") from None
    finally:
        store.close()
    try:
        write_atomically(output, render(report))
    except OSError as error:
        raise BadInput(f"-o {output}: {error.strerror or error}") from None
    print(output.resolve())
    return 0
