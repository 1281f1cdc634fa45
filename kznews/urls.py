"""Interim URL canonicalisation; the full rules land from the `dedup` branch."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

_TRACKING_PREFIXES = ("utm_",)
_TRACKING = frozenset({"fbclid", "gclid", "yclid", "ysclid", "_openstat"})


def canonicalize_url(url: str, host_aliases: Mapping[str, str] | None = None) -> str:
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    host = (parts.hostname or "").lower()
    for prefix in ("www.", "m."):
        if host.startswith(prefix):
            host = host[len(prefix):]
    if host_aliases:
        host = host_aliases.get(host, host)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if k not in _TRACKING and not k.startswith(_TRACKING_PREFIXES)]
    path = parts.path or "/"
    if len(path) > 1:
        path = path.rstrip("/")
    return urlunsplit(("https", host, path, urlencode(sorted(query)), ""))


def canonical_from_page(page_url: str, rel_canonical: str | None, host_aliases=None) -> str:
    if rel_canonical:
        target = urljoin(page_url, rel_canonical)
        if same_site(target, page_url, host_aliases):
            return canonicalize_url(target, host_aliases)
    return canonicalize_url(page_url, host_aliases)


def same_site(url_a: str, url_b: str, host_aliases=None) -> bool:
    a = urlsplit(canonicalize_url(url_a, host_aliases)).hostname
    b = urlsplit(canonicalize_url(url_b, host_aliases)).hostname
    return bool(a) and a == b


def is_amp_url(url: str) -> bool:
    return "/amp" in urlsplit(url).path
