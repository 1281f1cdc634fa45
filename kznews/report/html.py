"""The health report as one self-contained HTML page: inline CSS and SVG, no script, font or image to fetch."""

from __future__ import annotations

from datetime import datetime
from html import escape

from kznews.dates import to_almaty
from kznews.report import svg
from kznews.report.model import COVERAGE, Report, SiteSection

LANG_COLORS = {"ru": "#3b6fb6", "kk": "#2f9e55", "en": "#e08a1e"}
FIELD_COLORS = {"title": "#3b6fb6", "body": "#2f9e55", "exact_date": "#c0392b", "authors": "#8e44ad"}
RUN_COLORS = {"blocked": "#c0392b", "errors": "#e08a1e", "bans": "#7f3f98"}
STATUS_TEXT = {"failing": "FAILING", "silent": "SILENT", "no runs": "NO RUNS", "ok": "OK"}
RUNS_SHOWN = 12  # rows of the per-site run table (the chart shows every run of the window)

CSS = """
body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px;color:#222;background:#fff}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 6px;border-top:1px solid #ddd;padding-top:14px}
.meta{color:#666;margin-bottom:16px}table{border-collapse:collapse;margin:8px 0}
th,td{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}th{background:#f4f4f4}
td.num{text-align:right}.failing{background:#fbe3e1}.silent{background:#fdf2d0}.no-runs{background:#eee}
.ok{background:#e6f4ea}.status{font-weight:bold}.charts{display:flex;flex-wrap:wrap;gap:12px}
svg.chart{border:1px solid #eee;background:#fcfcfc}svg .grid{stroke:#e5e5e5;stroke-width:1}
svg .axis,svg .legend{font-size:10px;fill:#555}svg .chart-title{font-size:12px;font-weight:bold;fill:#222}
svg .empty{font-size:12px;fill:#999}
"""


def _when(value: datetime | None) -> str:
    return to_almaty(value).strftime("%Y-%m-%d %H:%M") if value else "-"


def _age(value: datetime | None, now: datetime) -> str:
    if value is None:
        return ""
    seconds = max(0, int((now - value).total_seconds()))
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size:
            return f" ({seconds // size}{unit} ago)"
    return f" ({seconds}s ago)"


def _share(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def status_table(report: Report) -> str:
    rows = ["<table class=\"health\"><tr><th>site</th><th>edition</th><th>status</th><th>since</th>"
            "<th>last healthy run</th><th>latest run</th><th>failed checks</th><th>articles in window</th></tr>"]
    for s in report.statuses:
        css = s.status.replace(" ", "-")
        rows.append(
            f'<tr class="{css}" data-site="{escape(s.site)}" data-lang="{escape(s.lang)}">'
            f'<td><a href="#site-{escape(s.site)}">{escape(s.site)}</a></td><td>{escape(s.lang)}</td>'
            f'<td class="status">{STATUS_TEXT[s.status]}</td>'
            f"<td>{_when(s.since)}{_age(s.since, report.generated_at)}</td>"
            f"<td>{_when(s.last_healthy)}{_age(s.last_healthy, report.generated_at)}</td>"
            f"<td>{_when(s.latest_run)}</td><td>{escape(', '.join(s.failed_checks)) or '-'}</td>"
            f'<td class="num">{s.articles}</td></tr>')
    rows.append("</table>")
    return "".join(rows)


def site_section(section: SiteSection, bin_size: str) -> str:
    per = {"day": "day", "week": "week", "month": "month"}[bin_size]
    charts = [
        svg.stacked_bars(f"{section.site}: articles per {per} (publication day)", section.bins,
                         {lang: section.articles[lang] for lang in section.langs},
                         {lang: LANG_COLORS.get(lang, "#777") for lang in section.langs}, kind="articles"),
    ]
    charts += [svg.lines(f"{section.site} {lang}: field coverage per {per} (fetch day)", section.bins,
                         section.coverage[lang], {name: FIELD_COLORS[name] for name in COVERAGE}, kind="coverage")
               for lang in section.langs]
    runs = section.runs
    run_labels = [to_almaty(r.started_at).strftime("%m-%d %H:%M") for r in runs]
    charts.append(svg.stacked_bars(
        f"{section.site}: blocked pages, errors and bans per run", run_labels,
        {"blocked": [r.blocked for r in runs], "errors": [r.errors for r in runs], "bans": [r.bans for r in runs]},
        RUN_COLORS, kind="runs",
        markers=[("#2f9e55", "healthy") if r.healthy else ("#c0392b", "FAIL " + ", ".join(r.failed_checks))
                 for r in runs]))
    table = ["<table class=\"runs\"><tr><th>run started (Almaty)</th><th>health</th><th>items</th><th>blocked</th>"
             "<th>errors</th><th>article layout</th><th>article fallback</th><th>list layout</th>"
             "<th>list fallback</th></tr>"]
    for r in reversed(runs[-RUNS_SHOWN:]):
        health = "OK" if r.healthy else "FAIL " + ", ".join(r.failed_checks)
        table.append(
            f'<tr class="{"ok" if r.healthy else "failing"}"><td>{_when(r.started_at)}</td><td>{escape(health)}</td>'
            f'<td class="num">{r.items}</td><td class="num">{r.blocked}</td><td class="num">{r.errors}</td>'
            f"<td>{escape(r.article_layout or '-')}</td><td class=\"num\">{_share(r.article_fallback)}</td>"
            f"<td>{escape(r.list_layout or '-')}</td><td class=\"num\">{_share(r.list_fallback)}</td></tr>")
    if not runs:
        table.append('<tr><td colspan="9">no runs in the window</td></tr>')
    table.append("</table>")
    return (f'<section id="site-{escape(section.site)}" data-site="{escape(section.site)}" '
            f'data-has-data="{str(section.has_data).lower()}"><h2>{escape(section.site)}</h2>'
            f'<div class="charts">{"".join(charts)}</div>{"".join(table)}</section>')


def render(report: Report) -> str:
    sections = [site_section(s, report.bin_size) for s in report.sections]
    failing = sum(1 for s in report.statuses if s.status == "failing")
    title = f"kznews health: {_when(report.start)} to {_when(report.end)} (Almaty)"
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{escape(title)}</title><style>{CSS}</style></head><body>"
        f"<h1>{escape(title)}</h1><p class=\"meta\">generated {_when(report.generated_at)}; "
        f"{len(report.sections)} sites, {failing} editions failing. Status: FAILING: the latest run of the site is "
        "unhealthy (since: the first run after its last healthy one); SILENT: the latest run found nothing in the "
        "edition while an earlier one did; articles are counted by publication day, coverage by fetch day "
        "(exact date: a publication instant).</p>"
        f"{status_table(report)}{''.join(sections)}</body></html>\n"
    )
