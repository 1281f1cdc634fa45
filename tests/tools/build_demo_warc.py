"""Builds the WARC that `make demo` replays: every site's mini-site (tests/tools/minisite.py), one response
record per page, dated with the time the page was captured so relative dates replay as they were.

Run from the repository root after changing fixtures: python tests/tools/build_demo_warc.py"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from warcio.warcwriter import WARCWriter  # noqa: E402

from kznews.warc import write_response_record  # noqa: E402
from tests.tools import minisite  # noqa: E402

OUT = ROOT / "tests" / "fixtures" / "warc" / "demo.warc.gz"


def main() -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with OUT.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True, warc_version="1.1")
        for site in minisite.sites():
            for page in minisite.pages(site):
                body = page.path.read_bytes()
                headers = [("Content-Type", page.content_type), ("Content-Length", str(len(body)))]
                write_response_record(writer, page.url, 200, headers, body, page.fetched_at)
                count += 1
    print(f"wrote {count} records to {OUT.relative_to(ROOT)} ({OUT.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
