"""`python -m kznews extract`: parse a saved page exactly as the crawler would and print the result as JSON.

A thin wrapper around kznews.extract.page.extract_page: with `--site` the page is read with that site's knowledge
(`--no-layouts`: without its layouts, what the generic fallback alone makes of it), without it by a generic site
that knows nothing; `--batch LIST.tsv` reads many pages in one process.

Exit status: 0 printed; 1 the input is not an HTML page (empty, gzip-compressed, binary) or a batch line failed;
2 a bad argument (a missing file, an unknown site, a `--now` that is not ISO 8601), one line on stderr."""

from __future__ import annotations

import sys
from contextlib import nullcontext
from datetime import UTC, datetime
from pathlib import Path


def add_parser(commands) -> None:
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
    extract.set_defaults(run=run)


class BadArgument(ValueError):
    """One line naming the argument and what it accepts."""


def _now_arg(text: str | None) -> datetime:
    if not text:
        return datetime.now(UTC)
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise BadArgument(
            f"--now {text!r}: expected an ISO 8601 instant such as 2024-10-15T20:00:00+05:00"
        ) from None
    # A naive time is UTC, as in `python -m kznews dates` and the date engine's API.
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def run(args) -> int:
    try:
        return _run(args)
    except BadArgument as error:
        print(f"extract: {error}", file=sys.stderr)
        return 2


def _site(name: str | None):
    from kznews.sites import SITES, get_site

    if not name:
        return None
    if name not in SITES:
        raise BadArgument(f"--site {name!r}: no such site; sites: {', '.join(sorted(SITES))}")
    return get_site(name)


def _read(path: str, option: str = "FILE") -> bytes:
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise BadArgument(f"{option} {path!r}: no such file") from None
    except IsADirectoryError:
        raise BadArgument(f"{option} {path!r}: is a directory, expected a saved HTML page") from None
    except OSError as error:
        raise BadArgument(f"{option} {path!r}: cannot be read ({error.strerror})") from None


def _run(args) -> int:
    from kznews.exporters import dumps
    from kznews.extract.page import extract_batch, extract_page, not_html_reason

    site = _site(args.site)
    options = {"site": site, "kind": args.kind, "use_layouts": not args.no_layouts}
    now = _now_arg(args.now)
    try:
        "".encode(args.encoding)
    except LookupError:
        raise BadArgument(f"--encoding {args.encoding!r}: no such encoding (utf-8, cp1251, ...)") from None
    if args.batch:
        stdin = args.batch == "-"
        if not stdin:
            _read(args.batch, "--batch")  # a missing list is a bad argument, not a failed line
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
    html = _read(args.file) if args.file != "-" else sys.stdin.buffer.read()
    reason = not_html_reason(html)
    if reason:
        print(f"extract: {args.file}: not an HTML page: {reason}", file=sys.stderr)
        return 1
    try:
        result = extract_page(html.decode(args.encoding, errors="replace"), args.url, now, **options)
    except ValueError as error:  # a URL that is not the site's
        print(f"extract: {error}", file=sys.stderr)
        return 2
    print(dumps(result))
    return 0
