"""A generated archive for crawl benchmarks: thousands of realistic article pages of several sites, with their
list pages, as a WARC that the real spiders replay (kznews.warc).

Every page is made from that site's own fixture pages (tests/fixtures/sites/<site>/), using the site's own layouts:
a list page's first item is cloned for each generated article (new link, new title); an article page gets a new
URL (canonical, og:url, JSON-LD), a new title and new paragraph text (so every body is distinct), and is padded
to a real page's size (100–200 KB) with a block of real page chrome (the tengrinews home page's headline blocks).
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import lxml.html
from warcio.warcwriter import WARCWriter

from kznews.extract.html import parse_html, select, select_one
from kznews.extract.structured import _load_json, _objects
from kznews.sites import get_site
from kznews.warc import write_response_record

ROOT = Path(__file__).resolve().parents[2]
SITES_DIR = ROOT / "tests" / "fixtures" / "sites"
PADDING_SOURCE = ROOT / "tests" / "fixtures" / "real" / "tengrinews" / "home-2024-10-24-dom.html"
PER_PAGE = 20


@dataclass(frozen=True)
class Spec:
    site: str
    edition: str
    list_page: str  # fixture file of a list page served at the edition's first list source
    article_page: str  # fixture file of an article of that edition


SPECS = (
    Spec("tengrinews", "ru", "../../real/tengrinews/news-2024-10-15.html", "ru-news-550643.html"),
    Spec("inform", "ru", "ru-lenta.html", "ru-7f087e.html"),
    Spec("baq", "kk", "kk-news.html", "kk-news-320016461.html"),
    Spec("kursiv", "ru", "ru-news.html", "ru-2025-04-10-tseny-zhile.html"),
    Spec("vlast", "ru", "ru-novosti-archive.html", "ru-novosti-58071.html"),
)

def _vocabulary() -> list[str]:
    """Every word of the fixtures' expected article bodies: generated text with a real vocabulary, so unrelated
    articles share few word 3-shingles, as real ones do (reprint linking compares them)."""
    words: set[str] = set()
    for path in SITES_DIR.glob("*/*.expected.json"):
        body = json.loads(path.read_text(encoding="utf-8")).get("body") or ""
        words.update(w for w in re.findall(r"\w+", body) if len(w) > 2 and not w.isdigit())
    return sorted(words)


WORDS = _vocabulary()


def _sentence(rng: random.Random, number: int) -> str:
    words = rng.choices(WORDS, k=rng.randint(12, 24))
    return f"{' '.join(words).capitalize()} {number}."


def _padding() -> str:
    text = PADDING_SOURCE.read_text(encoding="utf-8")
    start = text.index("<body")
    return text[start : start + 400_000]


class PageMaker:
    def __init__(self, spec: Spec, seed: int = 1):
        self.spec = spec
        self.site = get_site(spec.site)
        self.edition = self.site.edition(spec.edition)
        self.source = self.edition.lists[0]
        self.rng = random.Random(seed)
        self._list_template: tuple[str, str, str] | None = None
        self._article_template: tuple[str, int] | None = None
        self.list_html = (SITES_DIR / spec.site / spec.list_page).read_text(encoding="utf-8")
        self.article_html = (SITES_DIR / spec.site / spec.article_page).read_text(encoding="utf-8")
        self.padding = _padding()
        self.list_layout = next(
            layout for layout in self.site.list_layouts if select(parse_html(self.list_html), layout.item)
        )
        spec_cases = json.loads((SITES_DIR / spec.site / "cases.json").read_text(encoding="utf-8"))["cases"]
        self.fixture_url = next(c["url"] for c in spec_cases if c["page"] == spec.article_page)
        article_tree = parse_html(self.article_html)
        self.article_layout = next(
            layout for layout in self.site.article_layouts if select_one(article_tree, layout.detect) is not None
        )

    def article_url(self, number: int) -> str:
        url = _renumber(self.fixture_url, number)
        if not self.site.is_article_url(url):
            raise ValueError(f"generated URL {url} is not an article URL of {self.spec.site}")
        return url

    def list_page(self, page: int, numbers: list[int]) -> str:
        if self._list_template is None:
            self._list_template = self._make_list_template()
        head, item, tail = self._list_template
        items = "".join(
            item.replace("@@URL@@", self.article_url(n)).replace("@@TITLE@@", f"Сгенерированная новость {n}")
            for n in numbers
        )
        return head + items + tail

    def _make_list_template(self) -> tuple[str, str, str]:
        """The list page split around its items, with one item whose link and title are placeholders: the
        site's own item markup, cloned by string replacement (fast enough for tens of thousands of pages)."""
        tree = lxml.html.fromstring(self.list_html)
        items = select(tree, self.list_layout.item)
        template = items[0]
        link = select_one(template, self.list_layout.link)
        old = link.get("href")
        for anchor in template.iter("a"):
            if anchor.get("href") == old:
                anchor.set("href", "@@URL@@")
        title = select_one(template, self.list_layout.title) if self.list_layout.title else link
        _set_text(title, "@@TITLE@@")
        marker = lxml.html.fromstring("<div>@@ITEMS@@</div>")
        template.addprevious(marker)
        item_html = lxml.html.tostring(template, encoding="unicode", with_tail=False)
        for item in items:
            item.getparent().remove(item)
        page = "<!DOCTYPE html>\n" + lxml.html.tostring(tree, encoding="unicode")
        head, tail = page.split("<div>@@ITEMS@@</div>", 1)
        return head, item_html, tail

    def article_page(self, number: int, target_kb: int) -> str:
        if self._article_template is None:
            self._article_template = self._make_article_template(target_kb)
        template, paragraphs = self._article_template
        title = f"Сгенерированная новость {number}: {_sentence(self.rng, number)[:60]}"
        html = template.replace("@@URL@@", self.article_url(number)).replace("@@TITLE@@", title)
        for index in range(paragraphs):
            text = " ".join(_sentence(self.rng, number) for _ in range(3))
            html = html.replace(f"@@P{index}@@", text, 1)
        return html

    def _make_article_template(self, target_kb: int) -> tuple[str, int]:
        """The article page with placeholders for its URL, title and paragraphs, padded to `target_kb`."""
        tree = lxml.html.fromstring(self.article_html)
        for node in tree.xpath('//link[@rel="canonical"]'):
            node.set("href", "@@URL@@")
        for node in tree.xpath('//meta[@property="og:url"]'):
            node.set("content", "@@URL@@")
        for node in tree.xpath('//meta[@property="og:title" or @name="twitter:title"]'):
            node.set("content", "@@TITLE@@")
        for node in tree.xpath("//title"):
            node.text = "@@TITLE@@"
        if self.article_layout.title:
            for node in select(tree, self.article_layout.title):
                _set_text(node, "@@TITLE@@")
        for script in tree.xpath('//script[@type="application/ld+json"]'):
            data = _load_json(script.text or "")
            changed = False
            for obj in _objects(data):
                if "headline" in obj:
                    obj["headline"] = "@@TITLE@@"
                    obj["mainEntityOfPage"] = {"@type": "WebPage", "@id": "@@URL@@"}
                    obj.pop("articleBody", None)
                    changed = True
            if changed:
                script.text = json.dumps(data, ensure_ascii=False)
        paragraphs = 0
        for container in select(tree, self.article_layout.body):
            for paragraph in container.iter("p"):
                if paragraph.text_content().strip():
                    _set_text(paragraph, f"@@P{paragraphs}@@")
                    paragraphs += 1
        html = "<!DOCTYPE html>\n" + lxml.html.tostring(tree, encoding="unicode")
        # what a page with real text weighs: placeholders are shorter than the paragraphs they stand for
        missing = target_kb * 1024 - len(html.encode("utf-8")) - paragraphs * 450
        if missing > 0:
            chunk = self.padding[:missing]
            while len(chunk.encode("utf-8")) > missing:  # Cyrillic takes two bytes a character
                chunk = chunk[: int(len(chunk) * 0.9)]
            html = html.replace("</body>", f'<div class="bench-chrome" hidden>{_close(chunk)}</div></body>', 1)
        return html, paragraphs


def _renumber(url: str, number: int) -> str:
    """The fixture's article URL with a new id of the same shape (slug-550643/ -> slug-100007/, -7f087e ->
    -100007, 58071-slug.html -> 10007-slug.html), or a new slug where the URL has no id (kursiv's dated paths)."""
    parts = urlsplit(url)
    trailing = "/" if parts.path.endswith("/") else ""
    segments = parts.path.rstrip("/").split("/")
    last = segments[-1]

    def new_id(old: str) -> str:
        if old.isdigit():
            return str(10 ** (len(old) - 1) + number)
        return format(16 ** (len(old) - 1) + number, "x")

    match = re.search(r"(\d{4,}|[0-9a-f]{6})(?=(\.html)?$)", last) or re.match(r"^(\d{4,})(?=-)", last)
    if match:
        last = last[: match.start(1)] + new_id(match.group(1)) + last[match.end(1) :]
    else:
        last = f"bench-{number}-{last}"
    segments[-1] = last
    return urlunsplit((parts.scheme, parts.netloc, "/".join(segments) + trailing, parts.query, ""))


def _close(fragment: str) -> str:
    """Make a cut of markup harmless: escape it, so it adds bytes to parse but cannot unbalance the page."""
    return lxml.html.tostring(lxml.html.fragment_fromstring(fragment, create_parent="div"), encoding="unicode")


def _set_text(node, text: str) -> None:
    for child in list(node):
        node.remove(child)
    node.text = text


def build_archive(path: Path, articles_per_site: int, target_kb: int = 150, specs=SPECS) -> dict:
    """Write the WARC (uncompressed: gigabytes of gzip at warcio's level 9 would take minutes to write);
    returns what a crawl of it needs (site names, list pages per site, counts)."""
    fetched = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
    summary = {"sites": [], "articles": 0, "list_pages": 0, "bytes": 0, "max_pages": 0}
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=False, warc_version="1.1")
        for index, spec in enumerate(specs):
            maker = PageMaker(spec, seed=index + 1)
            numbers = list(range(articles_per_site, 0, -1))
            pages = (len(numbers) + PER_PAGE - 1) // PER_PAGE
            for page in range(1, pages + 1):
                chunk = numbers[(page - 1) * PER_PAGE : page * PER_PAGE]
                relative = maker.source.path if page == 1 else maker.source.page.format(n=page)
                url = maker.edition.absolute(relative)
                body = maker.list_page(page, chunk).encode("utf-8")
                _record(writer, url, body, fetched)
                summary["list_pages"] += 1
                summary["bytes"] += len(body)
            for number in numbers:
                body = maker.article_page(number, target_kb).encode("utf-8")
                _record(writer, maker.article_url(number), body, fetched + timedelta(minutes=1))
                summary["articles"] += 1
                summary["bytes"] += len(body)
            summary["sites"].append(spec.site)
            summary["max_pages"] = max(summary["max_pages"], pages)
    return summary


def _record(writer, url: str, body: bytes, fetched: datetime) -> None:
    headers = [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))]
    write_response_record(writer, url, 200, headers, body, fetched)
