"""`python -m kznews sites`: the supported-sites table, generated from the registry (docs/sites.md, `make docs`)."""

from __future__ import annotations

from kznews.sites import SITES
from kznews.sites.base import deep_lists


def add_parser(commands) -> None:
    sites = commands.add_parser("sites", help="print the supported sites table (Markdown)")
    sites.set_defaults(run=run)


def run(args) -> int:
    print(sites_table())
    return 0


def _discovery(site) -> str:
    methods = []
    if any(e.lists for e in site.editions):
        methods.append("lists")
    if any(s.kind == "headlines" for e in site.editions for s in e.lists):
        methods.append("headlines")
    if any(e.feeds for e in site.editions):
        methods.append("RSS/Atom")
    if any(e.sitemaps for e in site.editions):
        methods.append("sitemaps")
    if any(e.json_lists for e in site.editions):
        methods.append("JSON API")
    return ", ".join(methods)


def _backfill(site) -> str:
    """Each edition's backfill route (Site.backfill_route), one line when all editions take the same."""
    routes = {e.key: site.backfill_route(e) for e in site.editions}
    described = {
        "sitemaps": "sitemaps by period" + (" (lastmod)" if site.sitemap_chronological and not site.sitemap_period else ""),
        "days": "day archive pages",
        "pages": "binary search on page numbers",
        "walk": "none: the usual discovery",
    }
    if len(set(routes.values())) == 1:
        route = next(iter(routes.values()))
        paths = dict.fromkeys(s.path for e in site.editions for s in deep_lists(e)) if route == "pages" else {}
        lists = ", ".join(paths)
        return described[route] + (f": {lists}" if lists else "")
    return "<br>".join(f"{key}: {described[route]}" for key, route in routes.items())


def sites_table() -> str:
    lines = [
        "# Supported sites",
        "",
        "Generated from the registry (`kznews/sites/`) by `python -m kznews sites`; do not edit by hand.",
        "",
        "Backfill route: how `-a since=... -a until=...` reaches an edition's past, the cheapest complete route "
        "the site's data declares (`Site.backfill_route`): sitemaps by period (only the children of a sitemap "
        "index overlapping the window: named by month or day, or, marked (lastmod), numbered children bounded by "
        "their lastmods), day archive pages, a binary search on a paginated list's page number (these lists), "
        "or none: the usual lists, feeds and sitemaps from their newest entries, the window applied to entries.",
        "",
        "| spider | site | editions | also accepted (host aliases; archive prefixes) | discovery | JavaScript "
        "| list layouts | article layouts | backfill route |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name in sorted(SITES):
        site = SITES[name]
        editions = "<br>".join(f"{e.key}: {e.origin}{e.path_prefix}" for e in site.editions)
        also = ", ".join(sorted(site.host_aliases)) or "-"
        archive = "<br>".join(f"{e.key}: {', '.join(e.archive_prefixes)}" for e in site.editions if e.archive_prefixes)
        if archive:
            also += "; " + archive
        js = "yes: " + ", ".join(s.path for e in site.editions for s in e.lists if s.js) if site.uses_browser else "no"
        lines.append(
            f"| `{name}` | {site.title} | {editions} | {also} | {_discovery(site)} | {js} | "
            f"{', '.join(layout.name for layout in site.list_layouts) or '-'} | "
            f"{', '.join(layout.name for layout in site.article_layouts) or '-'} | {_backfill(site)} |"
        )
    return "\n".join(lines) + "\n"
