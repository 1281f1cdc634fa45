"""URL canonicalisation: the storage key of every article.

Two URLs that a reader would call "the same article" must canonicalise to the same string, and
canonicalising twice gives the same result as canonicalising once. The functions never raise: a
string that is not an absolute http(s) URL comes back stripped and otherwise unchanged.

Rules, in the order they are applied by :func:`canonicalize_url`:

====================  =========================================================================
part                  rule
====================  =========================================================================
whitespace            leading/trailing whitespace trimmed; tab, CR and LF inside the URL removed
                      (browsers do the same).
scheme                ``http`` and ``https`` become ``https``; a scheme-relative ``//host/...`` is
                      read as https. Any other scheme, or no host: the input is returned stripped.
host                  lower-cased, trailing dot dropped, IDNA labels decoded to Unicode
                      (``xn--80ak6aa92e.kz`` and ``пример.kz`` give the same host).
default port          ``:80`` and ``:443`` dropped (both schemes become https); other ports kept.
host prefixes         ``www.``, ``m.``, ``mobile.`` and ``amp.`` stripped (repeatedly, never down to a
                      bare TLD). Language subdomains (``kaz.``, ``en.``, ``rus.``, ``ru.``) are
                      other editions and are kept.
host aliases          ``host_aliases`` (from the site registry) maps any host form to the site's
                      preferred host; the raw host is looked up first, then the stripped one.
                      A hit wins over prefix stripping (``{"nur.kz": "www.nur.kz"}`` keeps ``www.``).
percent-encoding      path and query are written as percent-encoded UTF-8 with upper-case hex
                      (what browsers send): ``/tag/алматы`` and ``/tag/%d0%b0...`` are equal.
                      Escapes of unreserved characters (``A-Z a-z 0-9 - . _ ~``) are decoded;
                      escapes of reserved characters (``%2F``, ``%3D``...) stay escaped because
                      they mean something else unescaped; a stray ``%`` becomes ``%25``.
path case             kept: paths are case-sensitive in general. (tengrinews serves both
                      ``/tag/алматы/`` and ``/tag/Алматы/``; those stay two keys.)
dot segments          ``/./`` and ``/../`` resolved (RFC 3986 section 5.2.4).
duplicate slashes     collapsed: ``//news//1`` is ``/news/1``.
AMP                   removed, repeatedly: a trailing ``/amp`` segment (tengrinews, kursiv, liter,
                      inform ``.../amp``); a leading ``/amp/`` segment, also after one language
                      segment (informburo, vlast ``/amp/novosti/...``, ``/kz/amp/novosti/...``,
                      kapital, azattyq); ``.amp.html`` becomes ``.html``; the ``amp`` query
                      parameter (``?amp``, ``?amp=1``, ``amp=true``) is dropped; the ``amp.`` host
                      prefix is stripped (see above). Sites whose AMP URL has a different
                      structure (baq.kz ``/amp/news/othernews/<slug>-<id>`` vs ``/<slug>-<id>/``)
                      are not rewritten here: :func:`canonical_from_page` follows their
                      ``<link rel=canonical>``.
trailing slash        dropped, except for the root ``/``: ``/news/1/`` is ``/news/1``. An empty
                      path becomes ``/``.
query                 known tracking parameters removed (``utm_*``, ``fbclid``, ``gclid``,
                      ``dclid``, ``gbraid``, ``wbraid``, ``yclid``, ``ysclid``, ``_openstat``,
                      ``from``, ``ref``, ``ref_src``, ``igshid``, ``mc_cid``, ``mc_eid``, ``_ga``,
                      ``_gl``, ``spm``, ``share``, ``si``, ``rss``, ``amp``; key match is
                      case-insensitive). Other parameters (``page``, ``id``, ``p``, ``q``...) are
                      kept, sorted by key with a stable sort (repeated keys keep their order);
                      an empty query is dropped. ``+`` is left alone (it may mean a space).
fragment              removed.
userinfo              kept as written (news URLs do not carry it).
====================  =========================================================================

Same site (:func:`same_site`): both URLs are http(s) and have the same registrable domain after
aliasing. The registrable domain is the last two host labels, or three when the second-level
label is a public second-level suffix (``com.kz``, ``gov.kz``, ``co.uk``...) or the domain is a
shared host such as ``cloudfront.net``. This is a small built-in rule rather than the full Public
Suffix List; it is exact for the sites we crawl. Language subdomains are the same site.
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from collections.abc import Mapping
from urllib.parse import unquote, urljoin, urlsplit

import numpy as np

from kznews.swallowed import swallowed

logger = logging.getLogger(__name__)

__all__ = [
    "MAX_URL_LENGTH", "canonical_from_page", "canonicalize_url", "is_amp_url", "registrable_domain", "same_site",
    "url_key", "without_tracking",
]  # fmt: skip

# The longest URL kznews takes from a page (links, canonical, images) or stores: Scrapy's URLLENGTH_LIMIT default
# (the old browsers' limit). News URLs are under 300 characters; a 100,000-character one is an attack or garbage.
MAX_URL_LENGTH = 2083

_HTTP_SCHEMES = frozenset({"http", "https"})
_DEFAULT_PORTS = frozenset({80, 443})
_STRIPPED_HOST_PREFIXES = ("www.", "m.", "mobile.", "amp.")

# A leading /amp/ may follow one language segment (vlast /kz/amp/novosti/...).
_LANGUAGE_SEGMENTS = frozenset(
    {"ru", "rus", "kz", "kk", "kaz", "qaz", "qq", "en", "eng", "uz", "zh", "cn", "ar", "tr", "lat"}
)

_TRACKING_PARAMS = frozenset(
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "yclid", "ysclid", "_openstat", "from",
        "ref", "ref_src", "igshid", "mc_cid", "mc_eid", "_ga", "_gl", "spm", "share", "si", "rss",
        "amp",
    }
)  # fmt: skip

# Second-level labels under which registrations happen one level deeper (com.kz, gov.kz, co.uk).
_SECOND_LEVEL_SUFFIX_LABELS = frozenset({"com", "org", "net", "gov", "edu", "co", "ac", "mil", "or", "ne"})
# Shared hosts where every subdomain belongs to someone else (Azattyq mirrors on cloudfront.net).
_SHARED_HOST_DOMAINS = frozenset(
    {"cloudfront.net", "github.io", "blogspot.com", "herokuapp.com", "appspot.com", "wordpress.com",
     "tilda.ws", "narod.ru", "ucoz.ru", "ucoz.kz"}
)  # fmt: skip

_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_SUB_DELIMS = "!$&'()*+,;="
# Characters left literal when they occur literally; everything else is percent-encoded.
_PATH_SAFE = _UNRESERVED | frozenset(_SUB_DELIMS + ":@/")
# '&' never occurs inside a parameter (it separates them); '=' may occur inside a value.
_QUERY_SAFE = _UNRESERVED | frozenset(_SUB_DELIMS + ":@/?") - {"&"}
_HEX = frozenset("0123456789abcdefABCDEF")

_INNER_WHITESPACE = re.compile(r"[\t\r\n]")
_DUPLICATE_SLASHES = re.compile(r"/{2,}")


def canonicalize_url(url: str, host_aliases: Mapping[str, str] | None = None) -> str:
    """Return the canonical form of ``url`` (see the module docstring for the rules).

    Never raises: anything that is not an absolute http(s) URL is returned stripped.
    """
    try:
        return _canonicalize(url, host_aliases)
    except Exception as error:  # never raise on hostile input; the stripped string is still a usable key
        swallowed("canonicalize_url", error, logger, url if isinstance(url, str) else repr(url))
        return url.strip() if isinstance(url, str) else url


def canonical_from_page(
    page_url: str, rel_canonical: str | None, host_aliases: Mapping[str, str] | None = None
) -> str:
    """Canonical URL of a fetched page, using its ``<link rel=canonical>`` when trustworthy.

    The rel=canonical href is resolved against ``page_url`` and used only when it is http(s), on the
    same site (see :func:`same_site`), and not the bare home page of a non-home page (a common CMS
    mistake that would merge every article into one key). Otherwise ``page_url`` is canonicalised.
    Never raises.
    """
    try:
        href = (rel_canonical or "").strip()
        if href:
            resolved = urljoin(page_url.strip(), _INNER_WHITESPACE.sub("", href))
            if len(resolved) <= MAX_URL_LENGTH and same_site(page_url, resolved, host_aliases):
                candidate = canonicalize_url(resolved, host_aliases)
                page = canonicalize_url(page_url, host_aliases)
                if not (_path_of(candidate) == "/" and _path_of(page) != "/"):
                    return candidate
    except Exception as error:  # fall back to the page URL, never propagate
        swallowed("canonical_from_page", error, logger, str(rel_canonical))
    return canonicalize_url(page_url, host_aliases)


def is_amp_url(url: str) -> bool:
    """True when ``url`` is an http(s) URL carrying an AMP marker that :func:`canonicalize_url` removes."""
    try:
        parts = urlsplit(_INNER_WHITESPACE.sub("", url.strip()))
        if parts.scheme not in _HTTP_SCHEMES or not parts.hostname:
            return False
        if "amp" in parts.hostname.split(".")[:-2]:  # amp.example.kz, www.amp.example.kz
            return True
        path = "/" + _DUPLICATE_SLASHES.sub("/", _normalise_path_encoding(parts.path)).lstrip("/")
        if path != _strip_amp_from_path(path):
            return True
        return any(_query_key(pair) == "amp" for pair in parts.query.split("&") if pair)
    except Exception as error:  # garbage in: not an AMP URL
        swallowed("is_amp_url", error, logger, url if isinstance(url, str) else repr(url))
        return False


def same_site(url_a: str, url_b: str, host_aliases: Mapping[str, str] | None = None) -> bool:
    """True when both URLs are http(s) and share a registrable domain after aliasing."""
    try:
        domain_a = _site_domain(url_a, host_aliases)
        domain_b = _site_domain(url_b, host_aliases)
    except Exception as error:  # unparsable input belongs to no site
        swallowed("same_site", error, logger, f"{url_a} {url_b}")
        return False
    return domain_a is not None and domain_a == domain_b


def registrable_domain(host: str) -> str:
    """The registrable domain of a (lower-case) host: ``rus.azattyq.org`` -> ``azattyq.org``."""
    labels = host.rstrip(".").split(".")
    if len(labels) <= 2 or _looks_like_ip(host):
        return host
    keep = 2
    last_two = ".".join(labels[-2:])
    if (
        labels[-2] in _SECOND_LEVEL_SUFFIX_LABELS and len(labels[-1]) == 2
    ) or last_two in _SHARED_HOST_DOMAINS:
        keep = 3
    return ".".join(labels[-keep:])


# --------------------------------------------------------------------------------------------- helpers


def _canonicalize(url: str, host_aliases: Mapping[str, str] | None) -> str:
    text = _INNER_WHITESPACE.sub("", url.strip())
    if text.startswith("//"):
        text = "https:" + text
    parts = urlsplit(text)
    if parts.scheme not in _HTTP_SCHEMES or not parts.hostname:
        return url.strip()
    host = _canonical_host(parts.hostname, host_aliases)
    port = parts.port  # raises ValueError on a bad port: caught by the caller
    netloc = f"[{host}]" if ":" in host else host
    if port is not None and port not in _DEFAULT_PORTS:
        netloc = f"{netloc}:{port}"
    userinfo = parts.netloc.rpartition("@")[0] if "@" in parts.netloc else ""
    if userinfo:
        netloc = f"{userinfo}@{netloc}"
    path = _canonical_path(parts.path)
    query = _canonical_query(parts.query)
    return f"https://{netloc}{path}?{query}" if query else f"https://{netloc}{path}"


def _canonical_host(hostname: str, host_aliases: Mapping[str, str] | None) -> str:
    host = _decode_host(hostname.rstrip("."))
    if host_aliases:
        aliases = _lowercase_keys(host_aliases)
        if host in aliases:
            return _decode_host(aliases[host].strip().rstrip("."))
        stripped = _strip_host_prefixes(host)
        if stripped in aliases:
            return _decode_host(aliases[stripped].strip().rstrip("."))
        return stripped
    return _strip_host_prefixes(host)


def _decode_host(host: str) -> str:
    """Lower-case a host and decode IDNA (``xn--``) labels to Unicode, the same way every time."""
    host = host.lower()
    if host.isascii() and "xn--" not in host:
        return host
    try:
        # Round-tripping through the IDNA 2003 codec applies nameprep (case fold + NFKC) to every
        # label, so Unicode and punycode spellings of one name meet in one form.
        return host.encode("idna").decode("idna")
    except (UnicodeError, ValueError):
        return unicodedata.normalize("NFC", host)


def _strip_host_prefixes(host: str) -> str:
    changed = True
    while changed:
        changed = False
        for prefix in _STRIPPED_HOST_PREFIXES:
            rest = host[len(prefix) :]
            if host.startswith(prefix) and "." in rest:  # never strip down to a bare TLD
                host, changed = rest, True
    return host


def _lowercase_keys(mapping: Mapping[str, str]) -> dict[str, str]:
    return {_decode_host(key.strip().rstrip(".")): value for key, value in mapping.items()}


def _canonical_path(raw_path: str) -> str:
    path = _normalise_path_encoding(raw_path) or "/"
    if not path.startswith("/"):
        path = "/" + path
    path = _DUPLICATE_SLASHES.sub("/", path)
    path = _remove_dot_segments(path)
    while True:  # AMP removal can expose a trailing slash and vice versa: repeat to a fixed point
        before = path
        path = _strip_amp_from_path(path)
        if len(path) > 1 and path.endswith("/"):
            path = path.rstrip("/") or "/"
        if path == before:
            return path


def _strip_amp_from_path(path: str) -> str:
    """Remove AMP markers from an already encoding-normalised path, until none is left."""
    while True:
        segments = path.split("/")  # segments[0] is "" for an absolute path
        before = path
        if len(segments) > 1 and segments[1] == "amp":
            del segments[1]
        elif len(segments) > 2 and segments[1].lower() in _LANGUAGE_SEGMENTS and segments[2] == "amp":
            del segments[2]
        else:
            # trailing "/amp" or "/amp/" (the last non-empty segment)
            last = len(segments) - 1
            if last > 1 and segments[last] == "" and segments[last - 1] == "amp":
                del segments[last - 1 :]
            elif last >= 1 and segments[last] == "amp":
                del segments[last]
        path = "/".join(segments) or "/"
        if path.endswith(".amp.html"):
            path = path[: -len(".amp.html")] + ".html"
        if not path.startswith("/"):
            path = "/" + path
        if path == before:
            return path


def _remove_dot_segments(path: str) -> str:
    if "." not in path:
        return path
    output: list[str] = []
    segments = path.split("/")[1:]
    for index, segment in enumerate(segments):
        is_last = index == len(segments) - 1
        if segment == ".":
            if is_last:
                output.append("")
        elif segment == "..":
            if output:
                output.pop()
            if is_last:
                output.append("")
        else:
            output.append(segment)
    return "/" + "/".join(output)


def _canonical_query(raw_query: str) -> str:
    if not raw_query:
        return ""
    kept: list[tuple[str, str]] = []
    for pair in raw_query.split("&"):
        if not pair:
            continue
        key, has_value, value = pair.partition("=")
        key = _normalise_encoding(key, _QUERY_SAFE)
        if not key and not has_value:
            continue
        if _is_tracking(_query_key(key)):
            continue
        rendered = f"{key}={_normalise_encoding(value, _QUERY_SAFE)}" if has_value else key
        kept.append((key, rendered))
    kept.sort(key=lambda item: item[0])  # stable: repeated keys keep their relative order
    return "&".join(rendered for _, rendered in kept)


def without_tracking(query: str) -> str:
    """A raw query string without its tracking parameters (the same ones :func:`canonicalize_url` drops), the
    other parameters left as written and in their order. Never raises."""
    if not query:
        return ""
    try:
        kept = [pair for pair in query.split("&") if pair and not _is_tracking(_query_key(pair))]
    except Exception:  # hostile input: leave it to the caller's rules
        return query
    return "&".join(kept)


def _is_tracking(key: str) -> bool:
    return key in _TRACKING_PARAMS or key.startswith("utm_")


def _query_key(pair: str) -> str:
    """The decoded, lower-cased key of a ``key=value`` query pair."""
    key = pair.partition("=")[0]
    return unquote(key.replace("+", " ")).strip().lower()


def _normalise_path_encoding(path: str) -> str:
    return _normalise_encoding(path, _PATH_SAFE)


def _normalise_encoding(text: str, safe: frozenset[str]) -> str:
    """Percent-encode ``text`` as UTF-8 with upper-case hex, decoding escapes of unreserved chars."""
    if text.isascii() and "%" not in text and all(char in safe for char in text):
        return text  # fast path: nothing to do
    out: list[str] = []
    index, length = 0, len(text)
    while index < length:
        char = text[index]
        if char == "%" and index + 2 < length and text[index + 1] in _HEX and text[index + 2] in _HEX:
            decoded = chr(int(text[index + 1 : index + 3], 16))
            out.append(decoded if decoded in _UNRESERVED else "%" + text[index + 1 : index + 3].upper())
            index += 3
            continue
        if char in safe:
            out.append(char)
        else:
            out.extend(f"%{byte:02X}" for byte in char.encode("utf-8", "surrogatepass"))
        index += 1
    return "".join(out)


def _path_of(canonical_url: str) -> str:
    return urlsplit(canonical_url).path or "/"


def _site_domain(url: str, host_aliases: Mapping[str, str] | None) -> str | None:
    canonical = canonicalize_url(url, host_aliases)
    parts = urlsplit(canonical)
    if parts.scheme != "https" or not parts.hostname or not canonical.startswith("https://"):
        return None
    return registrable_domain(parts.hostname)


def _looks_like_ip(host: str) -> bool:
    return ":" in host or host.replace(".", "").isdigit()


def url_key(url: str) -> int:
    """A 64-bit key of a (canonical) URL, for the sets of URLs a long crawl keeps: a set of these costs a third
    of a set of the strings (the chance of two of a million URLs colliding is about 3e-8)."""
    return int.from_bytes(hashlib.blake2b(url.encode("utf-8"), digest_size=8).digest(), "little")


class UrlKeySet:
    """A set of url_key() values at 8 bytes each, for the sets of URLs a run keeps for its whole length (requested,
    looked up, stored): a Python set of ints costs about 60 bytes an entry, which a 200,000-page crawl holding three
    such sets would see as tens of megabytes of growth. New keys go to a small set; past a bound that grows with
    the whole (so merging stays amortised O(log n) a key), they are merged into one sorted numpy array, searched by
    bisection."""

    MERGE_AT = 4096

    def __init__(self, keys=()):
        self._sorted = np.empty(0, dtype=np.uint64)
        self._recent: set[int] = set()
        self.update(keys)

    def __contains__(self, key: int) -> bool:
        if key in self._recent:
            return True
        position = int(np.searchsorted(self._sorted, np.uint64(key)))
        return position < len(self._sorted) and int(self._sorted[position]) == key

    def add(self, key: int) -> bool:
        """Adds the key; True if it was new (one lookup for callers that test and add)."""
        if key in self:
            return False
        self._recent.add(key)
        if len(self._recent) >= max(self.MERGE_AT, len(self._sorted) // 8):
            self._merge()
        return True

    def update(self, keys) -> None:
        for key in keys:
            self.add(key)

    def __len__(self) -> int:
        return len(self._sorted) + len(self._recent)

    def _merge(self) -> None:
        recent = np.fromiter(self._recent, dtype=np.uint64, count=len(self._recent))
        self._sorted = np.union1d(self._sorted, recent)  # sorted, and no key is in both
        self._recent.clear()
