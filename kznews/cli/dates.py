"""``python -m kznews dates --lang ru --now 2026-02-10T12:00:00+05:00 [TEXT ...]``: one line per text.

Each line is the instant as ISO 8601 with its Asia/Almaty offset; a string that names only a day gives the day
(``2025-12-31``), never a made-up midnight; ``none`` when it is not a date (``--explain``: ``none: why``). Without
TEXT arguments the strings are read from standard input, one per line. A bad ``--lang`` or ``--now`` prints one
line and exits 2.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime

from kznews.dates import LANGUAGES, explain_none, parse_date_detail


def _instant(value: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 instant: {value!r}") from error
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _lang(value: str) -> str:
    if value not in LANGUAGES:
        raise argparse.ArgumentTypeError(f"{value!r}: expected {', '.join(LANGUAGES)}")
    return value


def add_parser(commands) -> None:
    # `dates` has its own parser (main below, for positional texts and stdin); listed here for --help.
    commands.add_parser("dates", help="parse dates: --lang ru|kk|en --now ISO8601 [TEXT ...]", add_help=False)


def main(argv: list[str] | None = None) -> int:
    from kznews.cli import OneLineParser

    parser = OneLineParser(
        prog="kznews dates", description="Parse news-site date strings into Asia/Almaty instants."
    )
    parser.add_argument("--lang", type=_lang, default="ru", help="edition language: ru, kk or en (default: ru)")
    parser.add_argument("--now", type=_instant, default=None,
                        help="reference instant, ISO 8601 (naive = UTC; default: the current time)")
    parser.add_argument("--explain", action="store_true", help="say why a string gives none")
    parser.add_argument("texts", nargs="*", metavar="TEXT", help="date strings (default: lines of stdin)")
    args = parser.parse_args(argv)
    now = args.now or datetime.now(UTC)
    texts = args.texts if args.texts else (line.rstrip("\r\n") for line in sys.stdin)
    for text in texts:
        found = parse_date_detail(text, args.lang, now)
        if found is None:
            print(f"none: {explain_none(text, args.lang, now)}" if args.explain else "none")
        else:  # a day-only string is a day: its Almaty midnight would claim a precision the text lacks
            print(found.value.isoformat() if found.has_time else found.value.date().isoformat())
    return 0
