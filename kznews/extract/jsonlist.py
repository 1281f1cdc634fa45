"""A page of a JSON "load more" endpoint (zakon.kz): the site's `json_list` hook takes the list items' markup
out of the JSON, and the site's list layouts read it like any list page."""

from __future__ import annotations

from datetime import datetime

from kznews.extract.listing import ListPage, extract_list
from kznews.sites.base import Site


def extract_json_list(text: str, url: str, site: Site, lang: str, fetched_at: datetime) -> ListPage:
    """The entries of one answer of the site's JSON list endpoint. Raises ValueError when the site has no such
    hook or the answer is not what the hook can read (the endpoint changed)."""
    if site.json_list is None:
        raise ValueError(f"{site.name} has no JSON list endpoint")
    return extract_list(site.json_list(text), url, site, lang, fetched_at)
