"""`python -m kznews audit`: how well a site's selectors fit its pages, year by year, from archived copies.

    python -m kznews audit --site tengrinews --from 2016 --to 2026 --per-month 5 --save audit/

For every month of the window and every edition host, the audit asks the archives' indexes for the month's HTML
captures (the Wayback Machine by default; `--archives wayback,commoncrawl`), picks up to N article pages and N list
pages spread over the month's captures, reads them (the same archive requests, checks and politeness as
`-a source=archive`), and extracts them with the site's extractors (kznews.extract, pure). It prints, per year
and per layout, how many pages there were and the share that had a title, a body of 200 characters or more, an
exact `published_at` and authors; for list pages, the entries and the share of entries with a date.

`--save DIR` writes each page where a field fell back (came from the generic heuristics, or the date only to the
day) or was missing, as DIR/<site>/<kind>-<capture date>-<slug>.html, with a row in DIR/MANIFEST.tsv in the format of
tests/fixtures/real/MANIFEST.tsv (URL, capture time, archive and record digest): ready to become real fixture
pages. docs/archives.md describes the loop this is for.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

from kznews import stats as keys
from kznews.archives import COMMONCRAWL, WAYBACK, cdx, parse_archives
from kznews.dates import to_almaty
from kznews.downloadermiddlewares.fetchtime import fetched_at
from kznews.extract import extract_article, extract_list
from kznews.extract.article import MIN_BODY_CHARS
from kznews.sites.base import Site
from kznews.spiders.archive import ArchiveSourceMixin
from kznews.spiders.engine import NewsSpider, page_tree
from kznews.urls import canonicalize_url, url_key

logger = logging.getLogger(__name__)

AUDITED_FIELDS = ("title", "body", "published_at", "authors")
MANIFEST_HEADER = ("file", "site", "page_kind", "url", "fetched_around", "source (public repository @ commit : path)",
                   "notes")
NO_LAYOUT = "(none)"


# --- the window ----------------------------------------------------------------------------------------------


def parse_month(text: str, *, end: bool = False) -> datetime:
    """`2016`, `2016-03` or `2016-03-15` as the first instant (UTC) of that period, or with `end` the first
    instant after it (an inclusive `--to`)."""
    text = text.strip()
    match = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", text)
    if not match:
        raise ValueError(f"{text!r}: expected YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = int(match.group(1)), int(match.group(2) or 1), int(match.group(3) or 1)
    start = datetime(year, month, day, tzinfo=UTC)
    if not end:
        return start
    if match.group(3):
        return datetime.fromordinal(start.toordinal() + 1).replace(tzinfo=UTC)
    if match.group(2):
        return datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=UTC)
    return datetime(year + 1, 1, 1, tzinfo=UTC)


def month_windows(since: datetime, until: datetime) -> list[tuple[datetime, datetime]]:
    """[start, end) of every calendar month (UTC) in [since, until), cut to the window."""
    windows, start = [], since
    while start < until:
        end = datetime(start.year + (start.month == 12), start.month % 12 + 1, 1, tzinfo=UTC)
        windows.append((start, min(end, until)))
        start = end
    return windows


def spread(items: list, count: int) -> list:
    """`count` items evenly spread over the list (all of them when there are fewer)."""
    if len(items) <= count:
        return list(items)
    step = len(items) / count
    return [items[int(i * step + step / 2)] for i in range(count)]


# --- what a page shows ------------------------------------------------------------------------------------------


# Where a field came from when no site knowledge supplied it: the generic extractor ("heuristic") or a date read
# from the text by the headline ("visible"); kznews.extract.article names them.
FALLBACK_SOURCES = frozenset({"heuristic", "visible"})


def article_row(data) -> dict:
    """The audited facts of one extracted article (kznews.extract.article.ArticleData)."""
    exact = data.published_at is not None and "published_day_only" not in data.notes
    fallbacks = sorted(name for name in AUDITED_FIELDS if data.sources.get(name) in FALLBACK_SOURCES)
    missing = [name for name, present in (
        ("title", bool(data.title)),
        ("body", len(data.body or "") >= MIN_BODY_CHARS),
        ("published_at", exact),
        ("authors", bool(data.authors)),
    ) if not present]
    return {
        "kind": "article",
        "layout": data.layout or NO_LAYOUT,
        "title": bool(data.title),
        "body": len(data.body or "") >= MIN_BODY_CHARS,
        "published_at": exact,
        "authors": bool(data.authors),
        "fallbacks": fallbacks,
        "missing": missing,
        "sources": dict(data.sources),
    }


def list_row(page) -> dict:
    """The audited facts of one extracted list page (kznews.extract.listing.ListPage)."""
    dated = sum(1 for e in page.entries if e.published_at is not None or e.published_day is not None)
    return {
        "kind": "list",
        "layout": "+".join(page.layouts) or NO_LAYOUT,
        "entries": len(page.entries),
        "dated": dated,
        "fallbacks": [] if page.layouts else ["layout"],
        "missing": (["entries"] if not page.entries else []) + (["dates"] if dated < len(page.entries) else []),
    }


def needs_fixture(row: dict) -> bool:
    """A page worth keeping as a fixture: a field fell back or is missing, or no layout matched."""
    return bool(row["fallbacks"] or row["missing"] or row["layout"] == NO_LAYOUT)


# --- the report -------------------------------------------------------------------------------------------------


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.0%}" if whole else "-"


def summarize(rows: list[dict]) -> dict:
    """Per kind, year and layout: pages and the counts of pages (articles) or entries (lists) with each field."""
    groups: dict[tuple[str, str, str], dict] = defaultdict(lambda: defaultdict(int))
    for row in rows:
        group = groups[(row["kind"], row["year"], row["layout"])]
        group["pages"] += 1
        if row["kind"] == "article":
            for name in AUDITED_FIELDS:
                group[name] += int(row[name])
        else:
            group["entries"] += row["entries"]
            group["dated"] += row["dated"]
    summary: dict[str, list[dict]] = {"article": [], "list": []}
    for (kind, year, layout), counts in sorted(groups.items()):
        summary[kind].append({"year": year, "layout": layout, **counts})
    return summary


def format_report(site: Site, rows: list[dict], *, since: datetime, until: datetime, archives: list[str],
                  per_month: int, dropped: dict[str, int]) -> str:
    summary = summarize(rows)
    articles = sum(1 for r in rows if r["kind"] == "article")
    lists = len(rows) - articles
    last = datetime.fromordinal(until.toordinal() - 1)
    lines = [f"{site.title}: {since:%Y-%m} to {last:%Y-%m}, up to {per_month} article and {per_month} list pages "
             f"per month from {', '.join(archives)}: {articles} article pages, {lists} list pages"]
    if dropped:
        lines.append("archived pages dropped: " + ", ".join(f"{k} {v}" for k, v in sorted(dropped.items())))
    width = max([len(NO_LAYOUT), *(len(g["layout"]) for k in summary for g in summary[k])])
    lines += ["", "article pages", f"{'year':<6}{'layout':<{width + 2}}{'pages':>6}{'title':>8}{'body>=200':>11}"
              f"{'exact date':>12}{'authors':>9}"]
    for g in summary["article"]:
        lines.append(f"{g['year']:<6}{g['layout']:<{width + 2}}{g['pages']:>6}{_share(g['title'], g['pages']):>8}"
                     f"{_share(g['body'], g['pages']):>11}{_share(g['published_at'], g['pages']):>12}"
                     f"{_share(g['authors'], g['pages']):>9}")
    lines += ["", "list pages", f"{'year':<6}{'layout':<{width + 2}}{'pages':>6}{'entries':>9}{'dated':>8}"]
    for g in summary["list"]:
        lines.append(f"{g['year']:<6}{g['layout']:<{width + 2}}{g['pages']:>6}{g['entries']:>9}"
                     f"{_share(g['dated'], g['entries']):>8}")
    return "\n".join(lines)


# --- saving pages as fixtures -----------------------------------------------------------------------------------


def _slug(url: str) -> str:
    path = unquote(urlsplit(url).path).strip("/").split("/")[-1] or "home"
    slug = re.sub(r"[^\w-]+", "-", path, flags=re.UNICODE).strip("-").lower()
    return slug[:60] or "page"


def source_text(capture: dict) -> str:
    """The MANIFEST `source` column of an archived page: the archive, the capture and the record digest."""
    digest = capture.get("digest") or "no digest"
    if digest != "no digest" and ":" not in digest:
        digest = "sha1:" + digest
    if capture["archive"] == WAYBACK:
        return f"Wayback Machine @{capture['timestamp']} : {capture['url']} ({digest})"
    return (f"Common Crawl {capture.get('collection')} @{capture.get('offset')}+{capture.get('length')} : "
            f"{capture.get('filename')} ({digest})")


@dataclass
class Saver:
    """Writes pages under DIR/<site>/ and their MANIFEST.tsv rows (one file for every site saved to DIR)."""

    directory: Path
    site: Site
    saved: list[Path] = field(default_factory=list)

    def save(self, body: bytes, url: str, kind: str, edition_label: str, capture: dict, captured_at: datetime,
             notes: str) -> Path:
        folder = self.directory / self.site.name
        folder.mkdir(parents=True, exist_ok=True)
        name = f"{kind}-{captured_at:%Y-%m-%d}-{_slug(url)}.html"
        path = folder / name
        counter = 2
        while path.exists():
            path = folder / f"{name[:-5]}-{counter}.html"
            counter += 1
        path.write_bytes(body)
        manifest = self.directory / "MANIFEST.tsv"
        new = not manifest.exists()
        with manifest.open("a", encoding="utf-8") as out:
            if new:
                out.write("\t".join(MANIFEST_HEADER) + "\n")
            cells = [f"{self.site.name}/{path.name}", edition_label, kind, url, to_almaty(captured_at).isoformat(),
                     source_text(capture), notes]
            out.write("\t".join(c.replace("\t", " ").replace("\n", " ") for c in cells) + "\n")
        self.saved.append(path)
        return path


def row_notes(row: dict) -> str:
    parts = [f"layout {row['layout']}"]
    if row["fallbacks"]:
        parts.append("fell back: " + ", ".join(row["fallbacks"]))
    if row["missing"]:
        parts.append("missing: " + ", ".join(row["missing"]))
    if row["kind"] == "list":
        parts.append(f"{row['entries']} entries, {row['dated']} dated")
    return "; ".join(parts) + ". Saved by python -m kznews audit from the archived copy (raw archived HTML)."


# --- the spider -------------------------------------------------------------------------------------------------


class AuditMixin:
    """Samples a site's archived pages month by month and extracts them instead of storing articles."""

    def __init__(self, *args, per_month: int | str = 5, save: str | None = None, **kwargs):
        kwargs["source"] = "archive"
        super().__init__(*args, **kwargs)
        self.per_month = int(per_month)
        if self.per_month < 1:
            raise ValueError("per_month must be at least 1")
        self.saver = Saver(Path(save), self.site) if save else None
        self.rows: list[dict] = []

    def archive_start_requests(self):
        if COMMONCRAWL in self.archives:
            yield self._archive_request(f"{self.cc_index}/collinfo.json", "commoncrawl-index", self.parse_cc_collinfo)
        if WAYBACK in self.archives:
            for start, end in month_windows(self.since, self.until):
                for target in self.archive_targets:
                    url = cdx.wayback_cdx_query(self.wayback, target, start, end, limit=self.cdx_limit,
                                                collapse="urlkey")
                    yield self._archive_request(url, "wayback-cdx", self.audit_wayback_cdx)

    @property
    def cdx_limit(self) -> int:
        # enough captures of a month to find articles and lists among tags, images pages and the like
        return max(200, 40 * self.per_month)

    def parse_cc_collinfo(self, response):
        try:
            crawls = cdx.parse_collinfo(response.body)
        except cdx.IndexAnswerError as error:
            self._bad_index(COMMONCRAWL, response, error)
            return
        for start, end in month_windows(self.since, self.until):
            for crawl in cdx.crawls_overlapping(crawls, start, end):
                for target in self.archive_targets:
                    url = cdx.cc_index_query(self.cc_index, crawl.id, target, start, end, page=0,
                                             limit=self.cdx_limit)
                    yield self._archive_request(url, "commoncrawl-index", self.audit_cc_index,
                                                cb_kwargs={"crawl": crawl.id}, handle_httpstatus_list=[404])

    def audit_wayback_cdx(self, response):
        try:
            captures, _, _ = cdx.parse_wayback_cdx(response.body)
        except cdx.IndexAnswerError as error:
            self._bad_index(WAYBACK, response, error)
            return
        yield from self.sample(captures)

    def audit_cc_index(self, response, crawl: str):
        if response.status == 404:
            return
        try:
            captures, _ = cdx.parse_cc_index(response.body, crawl)
        except cdx.IndexAnswerError as error:
            self._bad_index(COMMONCRAWL, response, error)
            return
        yield from self.sample(captures)

    def sample(self, captures: list[cdx.Capture]):
        """Up to per_month article pages and per_month list pages of one month's captures, spread over them."""
        kinds: dict[str, list] = {"article": [], "list": []}
        seen: set[int] = set()
        for capture in sorted(captures, key=lambda c: c.timestamp):
            page = self.archive_page(capture.url)
            key = url_key(canonicalize_url(capture.url, self.site.host_aliases))
            if page is None or key in self.requested or key in seen:
                continue
            seen.add(key)
            kinds[page[1]].append((capture, page, key))
        for chosen in kinds.values():
            for capture, page, key in spread(chosen, self.per_month):
                self.requested.add(key)
                request = self.capture_request(capture, page=page)
                callback = self.audit_article if page[1] == "article" else self.audit_list
                yield request.replace(callback=callback, cb_kwargs={"edition": page[0].key})

    def _record(self, response, edition: str, row: dict) -> None:
        capture = response.meta.get("kznews_archive", {})
        captured = fetched_at(response)
        row.update(year=f"{captured:%Y}", month=f"{captured:%Y-%m}", url=response.url, captured_at=captured.isoformat(),
                   archive=capture.get("archive"), digest=capture.get("digest"))
        self.rows.append(row)
        if self.saver and needs_fixture(row):
            label = f"{urlsplit(response.url).hostname} ({self.site.edition(edition).lang})"
            path = self.saver.save(response.body, response.url, row["kind"], label, capture, captured, row_notes(row))
            row["saved"] = str(path)

    def audit_article(self, response, edition: str):
        lang = self.site.edition(edition).lang
        data = extract_article(response.body, response.url, self.site, lang, fetched_at(response),
                               tree=page_tree(response))
        self._record(response, edition, article_row(data))

    def audit_list(self, response, edition: str):
        lang = self.site.edition(edition).lang
        page = extract_list(response.body, response.url, self.site, lang, fetched_at(response), tree=page_tree(response))
        self._record(response, edition, list_row(page))


def audit_spider(site: Site) -> type:
    """The audit spider of one site: its own spider's archive machinery, the audit's sampling and callbacks."""
    return type(f"{site.name.capitalize()}AuditSpider", (AuditMixin, ArchiveSourceMixin, NewsSpider),
                {"name": site.name, "site": site, "__module__": __name__})


# --- the command ------------------------------------------------------------------------------------------------


def run_audit(args) -> int:
    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.project import get_project_settings

    from kznews.sites import SITES

    site = SITES.get(args.site)
    if site is None:
        print(f"unknown site {args.site!r}; sites: {', '.join(sorted(SITES))}", file=sys.stderr)
        return 2
    try:
        since, until = parse_month(args.since), parse_month(args.until, end=True)
        archives = parse_archives(args.archives)
        if "ccnews" in archives:
            raise ValueError("CC-NEWS has no capture index to sample from: use wayback and/or commoncrawl")
    except ValueError as error:
        print(f"audit: {error}", file=sys.stderr)
        return 2
    if until <= since:
        print(f"audit: --to {args.until} is before --from {args.since}", file=sys.stderr)
        return 2
    settings = get_project_settings()
    # An audit reads and extracts; it stores nothing and records no run.
    settings.set("ITEM_PIPELINES", {}, priority="cmdline")
    settings.set("MONGO_URI", "", priority="cmdline")
    settings.set("SPIDERMON_ENABLED", False, priority="cmdline")
    settings.set("KZNEWS_RUNS_ENABLED", False, priority="cmdline")
    settings.set("LOG_LEVEL", args.log_level, priority="cmdline")
    for assignment in args.set or []:
        name, _, value = assignment.partition("=")
        settings.set(name, value, priority="cmdline")
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(audit_spider(site))
    process.crawl(crawler, since=since.isoformat(), until=until.isoformat(), archives=",".join(archives),
                  per_month=args.per_month, save=args.save)
    process.start()
    spider = crawler.spider
    rows = spider.rows if spider is not None else []
    stats = crawler.stats.get_stats() if crawler.stats else {}
    prefix = keys.ARCHIVE_DROPPED.prefix(scope=site.name)
    dropped = {k[len(prefix):]: v for k, v in stats.items() if k.startswith(prefix)}
    if args.json:
        print(json.dumps({"site": site.name, "since": since.isoformat(), "until": until.isoformat(),
                          "archives": archives, "per_month": args.per_month, "dropped": dropped,
                          "summary": summarize(rows), "pages": rows}, ensure_ascii=False, default=str))
    else:
        print(format_report(site, rows, since=since, until=until, archives=archives, per_month=args.per_month,
                            dropped=dropped))
        if spider is not None and spider.saver:
            print(f"\n{len(spider.saver.saved)} pages saved to {args.save} (MANIFEST.tsv lists them)")
    return 0


def add_parser(commands) -> None:
    audit = commands.add_parser("audit", help="sample a site's archived pages over the years and report how its "
                                              "layouts fit (docs/archives.md)")
    audit.add_argument("--site", required=True)
    audit.add_argument("--from", dest="since", required=True, help="first year or month: 2016, 2016-03")
    audit.add_argument("--to", dest="until", required=True, help="last year or month, included: 2026, 2026-06")
    audit.add_argument("--per-month", type=int, default=5, help="article pages and list pages per month (default 5)")
    audit.add_argument("--archives", default="wayback", help="wayback, commoncrawl or both (default: wayback)")
    audit.add_argument("--save", help="directory for the pages where a field fell back or was missing")
    audit.add_argument("--json", action="store_true", help="print the summary and every page as JSON")
    audit.add_argument("-s", "--set", action="append", help="Scrapy setting NAME=VALUE")
    audit.add_argument("--log-level", default="WARNING")
    audit.set_defaults(run=run_audit)
