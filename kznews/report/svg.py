"""Inline SVG charts, drawn here so the report needs no script, font or image from anywhere.

Every chart is an `<svg class="chart ...">` with a title, axes and its marks (`rect.bar`, `path.line`,
`circle.point`); `data-marks` says how many marks carry data, so an empty chart is visible as such.
"""

from __future__ import annotations

from html import escape

WIDTH, HEIGHT = 640, 180
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 22, 34


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000, 20000, 50000):
        if value <= step * 4:
            return step * 4
    return value * 1.1


def _frame(kind: str, title: str, labels: list[str], y_max: float, y_format, marks: list[str], legend: dict[str, str],
           mark_count: int) -> str:
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    parts = [f'<svg class="chart {kind}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
             f'width="{WIDTH}" height="{HEIGHT}" role="img" data-marks="{mark_count}">',
             f"<title>{escape(title)}</title>",
             f'<text x="{LEFT}" y="14" class="chart-title">{escape(title)}</text>']
    for i in range(5):  # horizontal grid with the value scale
        value = y_max * i / 4
        y = TOP + plot_h - plot_h * i / 4
        parts.append(f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}"/>')
        parts.append(f'<text class="axis" x="{LEFT - 4}" y="{y + 3:.1f}" text-anchor="end">{y_format(value)}</text>')
    if labels:  # first, middle and last label: enough to read dates without crowding
        for index in sorted({0, len(labels) // 2, len(labels) - 1}):
            x = LEFT + plot_w * (index + 0.5) / len(labels)
            anchor = "start" if index == 0 and len(labels) > 1 else "end" if index == len(labels) - 1 else "middle"
            x = LEFT if anchor == "start" else WIDTH - RIGHT if anchor == "end" else x
            parts.append(f'<text class="axis" x="{x:.1f}" y="{HEIGHT - BOTTOM + 14}" text-anchor="{anchor}">'
                         f"{escape(labels[index])}</text>")
    parts.extend(marks)
    x = LEFT
    for name, color in legend.items():
        parts.append(f'<rect x="{x}" y="{HEIGHT - 12}" width="10" height="10" fill="{color}"/>'
                     f'<text class="legend" x="{x + 14}" y="{HEIGHT - 3}">{escape(name)}</text>')
        x += 24 + 7 * len(name)
    if not mark_count:
        parts.append(f'<text class="empty" x="{WIDTH / 2}" y="{TOP + plot_h / 2}" text-anchor="middle">no data in '
                     "the window</text>")
    parts.append("</svg>")
    return "".join(parts)


def stacked_bars(title: str, labels: list[str], series: dict[str, list[float]], colors: dict[str, str],
                 kind: str = "bars", markers: list[tuple[str, str]] | None = None) -> str:
    """One bar per label, the series stacked in it (articles per day, one colour per edition). `markers`: per
    label a (colour, text) dot on the baseline, e.g. a run's health, so a run with nothing to stack still shows."""
    totals = [sum(values[i] for values in series.values()) for i in range(len(labels))]
    y_max = _nice_max(max(totals, default=0))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / max(1, len(labels))
    marks, count = [], 0
    for i, label in enumerate(labels):
        base = 0.0
        for name, values in series.items():
            value = values[i]
            if not value:
                continue
            height = plot_h * value / y_max
            y = TOP + plot_h - plot_h * base / y_max - height
            marks.append(f'<rect class="bar" x="{LEFT + i * slot + slot * 0.1:.2f}" y="{y:.2f}" '
                         f'width="{max(0.8, slot * 0.8):.2f}" height="{max(0.8, height):.2f}" '
                         f'fill="{colors.get(name, "#777")}"><title>{escape(label)} {escape(name)}: '
                         f"{value:g}</title></rect>")
            base += value
            count += 1
        if markers:
            color, text = markers[i]
            marks.append(f'<circle class="marker" cx="{LEFT + (i + 0.5) * slot:.2f}" cy="{TOP + plot_h + 4}" r="3.5" '
                         f'fill="{color}"><title>{escape(label)}: {escape(text)}</title></circle>')
            count += 1
    return _frame(kind, title, labels, y_max, lambda v: f"{v:g}", marks, colors, count)


def lines(title: str, labels: list[str], series: dict[str, list[float | None]], colors: dict[str, str],
          kind: str = "lines") -> str:
    """Shares (0-1) over time, one line per series; None leaves a gap (no articles that day)."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / max(1, len(labels))
    marks, count = [], 0
    # Each later series is drawn thinner over the earlier ones, so lines at the same value all stay visible.
    widths = [1.5 + 2.0 * (len(series) - 1 - i) for i in range(len(series))]
    for (name, values), width in zip(series.items(), widths, strict=True):
        color = colors.get(name, "#777")
        path: list[str] = []
        for i, value in enumerate(values):
            if value is None:
                if len(path) > 1:
                    marks.append(f'<path class="line" d="{" ".join(path)}" stroke="{color}" stroke-width="{width}" '
                                 'fill="none"/>')
                path = []
                continue
            x, y = LEFT + slot * (i + 0.5), TOP + plot_h - plot_h * value
            path.append(f"{'L' if path else 'M'}{x:.1f},{y:.1f}")
            marks.append(f'<circle class="point" cx="{x:.1f}" cy="{y:.1f}" r="{1 + width / 2}" fill="{color}">'
                         f"<title>{escape(labels[i])} {escape(name)}: {value:.0%}</title></circle>")
            count += 1
        if len(path) > 1:
            marks.append(f'<path class="line" d="{" ".join(path)}" stroke="{color}" stroke-width="{width}" '
                                 'fill="none"/>')
    return _frame(kind, title, labels, 1.0, lambda v: f"{v:.0%}", marks, colors, count)
