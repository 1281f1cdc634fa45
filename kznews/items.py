"""The Article item: the schema downstream consumers rely on (documented in README.md, "The articles collection").

Datetimes are aware and expressed in Asia/Almaty; MongoDB stores them as BSON dates (UTC) and the JSON feed
exporters print them as ISO 8601 with the Almaty offset of that instant (kznews.exporters).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class Article:
    url: str  # canonical URL: the storage key
    site: str  # registry name, e.g. "tengrinews"
    lang: str  # edition language: "ru", "kk" or "en"
    title: str | None = None
    summary: str | None = None
    body: str | None = None  # clean text, paragraphs separated by a blank line
    authors: list[str] = field(default_factory=list)
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    images: list[str] = field(default_factory=list)
    published_at: datetime | None = None
    modified_at: datetime | None = None
    published_at_text: str | None = None  # the raw string published_at was read from
    fetched_at: datetime | None = None  # when the page was fetched (the recorded time when replayed)
    # Provenance, for observability and re-parsing: the URL actually fetched and the layout that parsed it.
    fetched_url: str | None = None
    layout: str | None = None
    # Reprints (kznews.syndication, filled by SyndicationPipeline): the outlet the text credits as its source
    # ("inform" for "Источник: Казинформ") and the hash of the normalised body (same-site duplicates).
    credited_source: str | None = None
    body_hash: str | None = None
    # Where the page came from: {"kind": "site"} for a live fetch; {"kind": "commoncrawl" | "wayback", "id": crawl
    # id or capture timestamp, "digest": ..., ...} for an archived copy (fetched_at is then the capture time).
    source: dict | None = None
