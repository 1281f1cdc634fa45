"""The health report (`python -m kznews report`): one self-contained HTML page answering which site and edition is
failing and since when, with per site the articles per day, field coverage over time, blocked pages and errors per
run, and the layouts in use and the fallbacks.

- model.py  the report's content from the rows kznews.storage.health reads (pure; time passed in)
- svg.py    inline SVG charts drawn here (no script, font or image from anywhere)
- html.py   the page
"""

from kznews.report.html import render
from kznews.report.model import Report, build_report

__all__ = ["Report", "build_report", "render"]
