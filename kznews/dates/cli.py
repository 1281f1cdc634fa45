"""Interim CLI face of the date engine (replaced on the `dates` branch)."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime

from kznews.dates import ALMATY, parse_date


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kznews dates")
    parser.add_argument("--lang", default="ru", choices=["ru", "kk", "en"])
    parser.add_argument("--now")
    parser.add_argument("text", nargs="*")
    args = parser.parse_args(argv)
    now = datetime.fromisoformat(args.now.replace("Z", "+00:00")) if args.now else datetime.now(UTC)
    if now.tzinfo is None:
        now = now.replace(tzinfo=ALMATY)
    lines = args.text or [line.rstrip("\n") for line in sys.stdin]
    for line in lines:
        value = parse_date(line, args.lang, now)
        print(value.isoformat() if value else "none")
    return 0
