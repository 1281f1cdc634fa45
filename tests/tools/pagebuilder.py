"""What the page constructors (tests/tools/construct_<site>.py) share: the provenance comment every constructed file
opens with, writing and checking a site's files, JSON-LD and schema.org pieces, sitemaps and RSS feeds, the month
names and date forms the sites print, and cases.json.

A constructor holds only what is specific to its site (markup templates, class names, date formats, texts) and
exposes `build() -> {file name: text}`; `Constructor.main` writes those files into tests/fixtures/sites/<site>/, or
with --check compares them with the committed ones (tests/test_constructors.py does the same for every site).
"""

from __future__ import annotations

import email.utils
import html
import json
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[2]
SITES_DIR = ROOT / "tests" / "fixtures" / "sites"
EVIDENCE_DIR = ROOT / "docs" / "evidence"
ALMATY = ZoneInfo("Asia/Almaty")  # UTC+6 until 2024-03-01, UTC+5 since

Files = dict[str, str]

# --- provenance, writing, checking ---------------------------------------------------------------------------

_EVIDENCE_NAME = re.compile(r"(?:SITES|site-evidence)\.md")
_CITATION = re.compile(r"docs/evidence/(SITES\.md) row (\d+)|docs/evidence/(site-evidence\.md) section (\d+)")


def check_citations(text: str) -> None:
    """Evidence is cited by the paths of its copies in the repository, and a cited row or section exists."""
    for match in _EVIDENCE_NAME.finditer(text):
        if text[: match.start()].endswith("docs/evidence/"):
            continue
        raise ValueError(f"cite docs/evidence/{match.group(0)}: ...{text[max(0, match.start() - 60):match.end()]}")
    for match in _CITATION.finditer(text):
        if match.group(1):
            rows = {m.group(1) for m in re.finditer(r"^\| (\d+) \|", _evidence("SITES.md"), re.M)}
            if match.group(2) not in rows:
                raise ValueError(f"{match.group(0)}: docs/evidence/SITES.md has no such row")
        elif not re.search(rf"^## {match.group(4)}\. ", _evidence("site-evidence.md"), re.M):
            raise ValueError(f"{match.group(0)}: docs/evidence/site-evidence.md has no such section")


_EVIDENCE_TEXT: dict[str, str] = {}


def _evidence(name: str) -> str:
    if name not in _EVIDENCE_TEXT:
        _EVIDENCE_TEXT[name] = (EVIDENCE_DIR / name).read_text(encoding="utf-8")
    return _EVIDENCE_TEXT[name]


class Constructor:
    """One site's constructor: where its files go and the comment that says at their top they are constructed."""

    def __init__(self, site: str) -> None:
        self.site = site
        self.tool = f"tests/tools/construct_{site}.py"
        self.out = SITES_DIR / site

    def comment(self, note: str) -> str:
        """The provenance comment: which tool made the file and what it is modelled on (evidence, assumptions)."""
        check_citations(note)
        return f"<!-- CONSTRUCTED fixture ({self.tool}): {note} -->"

    def html(self, note: str, page: str, *, doctype: str = "<!DOCTYPE html>", doctype_first: bool = True) -> str:
        """An HTML page opening with its doctype and the provenance comment, in the order the site's pages use."""
        head = (doctype, self.comment(note)) if doctype_first else (self.comment(note), doctype)
        return "\n".join(head) + "\n" + page

    def xml(self, note: str, document: str, *, declaration: str = '<?xml version="1.0" encoding="UTF-8"?>') -> str:
        """An XML file: the declaration, the provenance comment, then the document."""
        return f"{declaration}\n{self.comment(note)}\n{document}"

    def differences(self, files: Files) -> list[str]:
        """The files whose committed bytes differ from `files` (or that are not committed)."""
        return [
            name
            for name, text in files.items()
            if not (self.out / name).is_file() or (self.out / name).read_bytes() != text.encode("utf-8")
        ]

    def main(self, build: Callable[[], Files]) -> None:
        """Command line: write the site's constructed files, or with --check only compare them."""
        files = build()
        where = self.out.relative_to(ROOT)
        if "--check" in sys.argv[1:]:
            changed = self.differences(files)
            for name in changed:
                print(f"differs: {where / name}")
            print(f"{len(files) - len(changed)} of {len(files)} files in {where} are as {self.tool} builds them")
            sys.exit(1 if changed else 0)
        self.out.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (self.out / name).write_text(text, encoding="utf-8")
        print(f"wrote {len(files)} files to {where}")


def case(page: str, kind: str, url: str, fetched_at: str, *, serve: bool = True) -> dict:
    """An entry of cases.json (see tests/fixturecases.py); serve=False: parsed by the fixture tests, not served."""
    entry = {"page": page, "kind": kind, "url": url, "fetched_at": fetched_at}
    if not serve:
        entry["serve"] = False
    return entry


def resource(url: str, page: str, fetched_at: str) -> dict:
    """A page the mini-site serves but the fixture tests do not parse (e.g. a sitemap index)."""
    return {"url": url, "page": page, "fetched_at": fetched_at}


def cases_json(site: str, about: str, cases: list[dict], resources: list[dict] | None = None) -> str:
    check_citations(about)
    spec = {"site": site, "about": about, "cases": cases}
    if resources:
        spec["resources"] = resources
    return json.dumps(spec, ensure_ascii=False, indent=2) + "\n"


# --- text and JSON-LD ----------------------------------------------------------------------------------------


def esc(text: str) -> str:
    """Text for HTML content and attribute values."""
    return html.escape(text, quote=True)


def jsonld(
    value: object, *, ascii: bool = False, compact: bool = False, escape_slashes: bool = False, indent: int | None = None
) -> str:
    """JSON for a <script type="application/ld+json">, in the serialisation habits sites have: Cyrillic as is or
    \\u-escaped, separators with or without spaces, slashes escaped as '\\/' (PHP's json_encode), indented or not."""
    text = json.dumps(value, ensure_ascii=ascii, separators=(",", ":") if compact else None, indent=indent)
    return text.replace("/", "\\/") if escape_slashes else text


def schema(type_: str, *, context: str | None = "https://schema.org", **properties: object) -> dict:
    """A schema.org object, its properties in the order given (the order the site prints them)."""
    head = {"@context": context, "@type": type_} if context else {"@type": type_}
    return head | properties


def organization(name: str, logo: str | dict | None = None, *, type_: str = "Organization", **properties: object) -> dict:
    """A publisher or author organisation; its logo (a URL or an ImageObject) comes last."""
    value = {"@type": type_, "name": name} | properties
    if logo is None:
        return value
    return value | {"logo": image_object(logo) if isinstance(logo, str) else logo}


def image_object(url: str, **properties: object) -> dict:
    return {"@type": "ImageObject", "url": url} | properties


def web_page(url: str) -> dict:
    """mainEntityOfPage as most templates print it."""
    return {"@type": "WebPage", "@id": url}


def breadcrumb_list(items: Sequence[tuple[str, str]], *, nested: bool = False, context: str = "https://schema.org") -> dict:
    """BreadcrumbList of (name, url): flat ListItems ("name", "item": url) or nested ("item": {"@id", "name"})."""
    elements = [
        {"@type": "ListItem", "position": n, "item": {"@id": url, "name": name}}
        if nested
        else {"@type": "ListItem", "position": n, "name": name, "item": url}
        for n, (name, url) in enumerate(items, start=1)
    ]
    return schema("BreadcrumbList", context=context, itemListElement=elements)


# --- XML: sitemaps and feeds ---------------------------------------------------------------------------------

Child = tuple[str, str] | str  # (tag with attributes, text) or a raw line such as '<atom:link ... />'

SITEMAP_NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
NEWS_NS = 'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'


def xml_element(tag: str, children: Iterable[Child], *, indent: str = "", step: str | None = None) -> str:
    """<tag> with its children on one line (step None), or one child per line, each `step` deeper than `indent`.
    The element's own first line carries no indent: the caller places it."""
    name = tag.split()[0]
    rendered = [child if isinstance(child, str) else f"<{child[0]}>{child[1]}</{child[0].split()[0]}>" for child in children]
    if step is None:
        return f"<{tag}>{''.join(rendered)}</{name}>"
    return "\n".join([f"<{tag}>", *(indent + step + line for line in rendered), f"{indent}</{name}>"])


def _xml_root(root: str, rows: Iterable[str], indent: str) -> str:
    name = root.split()[0]
    return f"<{root}>\n" + "\n".join(indent + row for row in rows) + f"\n</{name}>\n"


def urlset(
    comment: str, urls: Iterable[Sequence[Child]], *, multiline: bool = False, namespaces: str = "", indent: str = "  "
) -> str:
    """A sitemap url set; each url is its children in order, e.g. [("loc", url), ("lastmod", iso)]."""
    rows = (xml_element("url", url, indent=indent, step="  " if multiline else None) for url in urls)
    root = f"urlset {SITEMAP_NS}" + (f" {namespaces}" if namespaces else "")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{comment}\n' + _xml_root(root, rows, indent)


def sitemap_index(comment: str, sitemaps: Iterable[Sequence[Child]], *, multiline: bool = False, indent: str = "  ") -> str:
    """A sitemap index; each child sitemap is its children in order, e.g. [("loc", url), ("lastmod", iso)]."""
    rows = (xml_element("sitemap", sitemap, indent=indent, step="  " if multiline else None) for sitemap in sitemaps)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{comment}\n' + _xml_root(f"sitemapindex {SITEMAP_NS}", rows, indent)


def news_sitemap(comment: str, publication: str, language: str, entries: Iterable[tuple[str, str, str]]) -> str:
    """A Google News sitemap of (loc, publication date, title)."""
    urls = [
        [
            ("loc", loc),
            xml_element(
                "news:news",
                [
                    xml_element("news:publication", [("news:name", publication), ("news:language", language)]),
                    ("news:publication_date", date),
                    ("news:title", esc(title)),
                ],
                indent="    ",
                step="  ",
            ),
        ]
        for loc, date, title in entries
    ]
    return urlset(comment, urls, multiline=True, namespaces=NEWS_NS)


def rss(
    comment: str,
    channel: Sequence[Child],
    items: Iterable[Sequence[Child]],
    *,
    namespaces: str = "",
    indent: str = "  ",
    step: str = "  ",
    item_step: str | None = None,
    declaration: str = '<?xml version="1.0" encoding="UTF-8"?>',
) -> str:
    """An RSS 2.0 feed: the channel's own children, then one <item> per entry; `indent` places <channel> under <rss>,
    `step` its children, `item_step` (default `step`) the children of each item."""
    inner = indent + step
    rendered = [xml_element("item", item, indent=inner, step=item_step or step) for item in items]
    channel_xml = xml_element("channel", [*channel, *rendered], indent=indent, step=step)
    root = 'rss version="2.0"' + (f" {namespaces}" if namespaces else "")
    return f"{declaration}\n{comment}\n<{root}>\n{indent}{channel_xml}\n</rss>\n"


# --- dates as the sites print them ---------------------------------------------------------------------------

MONTHS = {  # day-month forms: '15 октября', '20 қараша', '18 August'
    "ru": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября",
           "декабря"],
    "kk": ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша",
           "желтоқсан"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
}
RU_MONTHS_NOMINATIVE = ["Январь", "Февраль", "Март", "Апрель", "Май", "Июнь", "Июль", "Август", "Сентябрь", "Октябрь",
                        "Ноябрь", "Декабрь"]


def day_month_year(value: datetime, lang: str) -> str:
    """'15 октября 2024', '20 қараша 2025', '18 August 2025'."""
    return f"{value.day} {MONTHS[lang][value.month - 1]} {value.year}"


def days_before(value: datetime, now: datetime) -> int:
    """How many calendar days `value` lies before `now` (0: today, 1: yesterday), for 'Сегодня' / 'Вчера' forms."""
    return (now.date() - value.date()).days


def rfc822(value: datetime) -> str:
    """An RSS pubDate: 'Tue, 15 Oct 2024 11:34:00 +0500', in the value's own offset."""
    return email.utils.format_datetime(value)


def almaty(text: str) -> datetime:
    """A wall-clock time in Almaty ('2026-04-09T15:37:00'), with the offset Almaty had then."""
    return datetime.fromisoformat(text).replace(tzinfo=ALMATY)
