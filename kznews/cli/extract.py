"""`python -m kznews extract`: parse a saved page exactly as the crawler would and print the result as JSON."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path


def add_parser(commands) -> None:
    extract = commands.add_parser("extract", help="parse a saved page and print JSON")
    extract.add_argument("--site", required=True)
    extract.add_argument("--url", required=True, help="the URL the page was fetched from")
    extract.add_argument("--now", help="fetch time, ISO 8601 (default: now); resolves relative dates")
    extract.add_argument("--kind", choices=["list", "article"], help="default: guessed from the URL")
    extract.add_argument("--encoding", default="utf-8")
    extract.add_argument("file", help="saved HTML page, or - for stdin")
    extract.set_defaults(run=run)


def _now_arg(text: str | None) -> datetime:
    if not text:
        return datetime.now(UTC)
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    # A naive time is UTC, as in `python -m kznews dates` and the date engine's API.
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def run(args) -> int:
    from kznews.exporters import dumps
    from kznews.extract import extract_article, extract_list
    from kznews.extract.html import parse_html
    from kznews.sites import get_site

    site = get_site(args.site)
    edition = site.edition_for_url(args.url)
    if edition is None:
        print(f"{args.url} is not on {site.name} ({', '.join(sorted(site.hosts))})", file=sys.stderr)
        return 2
    html = Path(args.file).read_bytes() if args.file != "-" else sys.stdin.buffer.read()
    text = html.decode(args.encoding, errors="replace")
    now = _now_arg(args.now)
    tree = parse_html(text)
    kind = args.kind or ("article" if site.is_article_url(args.url) else "list")
    if kind == "list":
        page = extract_list(text, args.url, site, edition.lang, now, tree=tree)
        result = {
            "kind": "list",
            "layouts": page.layouts,
            "entries": [
                {
                    "url": e.url,
                    "title": e.title,
                    "published_at": e.published_at,
                    "published_day": e.published_day,
                    "date_text": e.date_text,
                }
                for e in page.entries
            ],
            "next": page.next,
        }
    else:
        data = extract_article(text, args.url, site, edition.lang, now, tree=tree)
        result = {"kind": "article", **data.__dict__}
    print(dumps(result))
    return 0
