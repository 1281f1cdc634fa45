"""What security needs from a crawler that reads untrusted pages and holds database credentials.

URLs (every request, including redirects and pagination links taken from pages):
- `check_url(url)` is a pure function: None for a URL kznews may fetch, otherwise the reason it may not:
  a scheme other than http/https, no host, credentials in the URL, a local or private address (loopback,
  RFC 1918, link-local incl. cloud metadata 169.254.169.254, CGNAT, multicast, reserved, IPv4-mapped IPv6, and the
  integer/hex/octal spellings of those), or a local host name (localhost, *.localhost, *.local, *.internal,
  *.lan, *.home.arpa, single-label names).
- `UrlSafetyMiddleware` applies it to every request before anything else; refused requests are counted
  (`kznews/unsafe_url/{site}/{reason}`, `kznews/failed/{site}/unsafe_url`) and dropped.
- `SafeResolver` (TWISTED_DNS_RESOLVER) refuses host names that resolve to such addresses (DNS rebinding, internal
  names). IP literals are not resolved here: they are judged by `check_url`, and the loopback download handler of
  the tests (KZNEWS_HOST_MAP) connects to literals only.
- KZNEWS_ALLOW_PRIVATE_URLS=1 lifts the address rules (for tests against local servers by address).

Credentials come only from the environment or the MONGO_URI; `secrets_of(uri)` lists the password in both its
encoded and decoded forms, `scrub(text, secrets)` removes them, and `SecretsLogFilter` (installed on the log
handlers by the `SecretsGuard` extension) scrubs every log record, exception text included, as a last line of
defence behind `kznews.storage.redact_uri`.

Nothing from a page is executed: pages are parsed by lxml (no network, no entities for XML), JSON by `json`;
gzip bodies that are not Content-Encoding (sitemaps) are unpacked while parsed, with a bound (kznews.extract.feeds;
`bounded_gunzip` is the same bound for a caller that wants the bytes).
"""

from __future__ import annotations

import ipaddress
import logging
import re
import socket
import zlib
from urllib.parse import unquote, urlsplit

from scrapy import signals
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.resolver import CachingThreadedResolver
from twisted.internet.error import DNSLookupError

logger = logging.getLogger(__name__)

ALLOWED_SCHEMES = frozenset({"http", "https"})
LOCAL_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback", "broadcasthost"})
LOCAL_SUFFIXES = (".localhost", ".local", ".internal", ".lan", ".home.arpa", ".localdomain", ".intranet", ".corp")
_CGNAT = ipaddress.ip_network("100.64.0.0/10")


def _parse_ip(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """An IP address in any spelling a URL parser or resolver accepts: dotted, integer, hex, octal, short."""
    host = host.strip("[]")
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    if re.fullmatch(r"[0-9a-fA-FxX.]+", host) and not host.endswith("."):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    return None


def unsafe_address(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """The kind of non-public address this is, or None for a public one."""
    if isinstance(address, ipaddress.IPv6Address):
        mapped = address.ipv4_mapped or address.sixtofour
        if mapped is not None:
            return unsafe_address(mapped)
    if address.is_loopback:
        return "loopback"
    if address.is_link_local:
        return "link_local"
    if address.is_multicast:
        return "multicast"
    if address.is_unspecified:
        return "unspecified"
    if address.is_reserved:
        return "reserved"
    if address.is_private or (isinstance(address, ipaddress.IPv4Address) and address in _CGNAT):
        return "private"
    if not address.is_global:
        return "reserved"
    return None


def check_url(url: str, *, allow_private: bool = False) -> str | None:
    """None when kznews may fetch `url`; otherwise why not (a short reason for stats)."""
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        return "malformed"
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        return "scheme"
    if not host:
        return "no_host"
    if parts.username is not None or parts.password is not None:
        return "credentials"
    if allow_private:
        return None
    host = host.lower().rstrip(".")
    address = _parse_ip(host)
    if address is not None:
        return unsafe_address(address)
    if host in LOCAL_NAMES or host.endswith(LOCAL_SUFFIXES):
        return "local_name"
    if "." not in host:
        return "local_name"  # a single-label name only resolves on a local network
    return None


class UrlSafetyMiddleware:
    """Downloader middleware: refuses unsafe URLs (see check_url) before robots.txt, cache or network."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.stats = crawler.stats
        self.allow_private = crawler.settings.getbool("KZNEWS_ALLOW_PRIVATE_URLS", False)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request):
        reason = check_url(request.url, allow_private=self.allow_private)
        if reason is None:
            return None
        site = self.crawler.spider.name if self.crawler.spider else "unknown"
        self.stats.inc_value(f"kznews/unsafe_url/{site}/{reason}")
        self.stats.inc_value("kznews/failed/unsafe_url")
        self.stats.inc_value(f"kznews/failed/{site}/unsafe_url")
        logger.warning("refused unsafe URL (%s): %s", reason, request.url[:300])
        raise IgnoreRequest(f"unsafe URL ({reason})")


class SafeResolver(CachingThreadedResolver):
    """Scrapy's caching resolver that refuses names resolving to non-public addresses."""

    allow_private = False

    @classmethod
    def from_crawler(cls, crawler, reactor):
        resolver = super().from_crawler(crawler, reactor)
        resolver.allow_private = crawler.settings.getbool("KZNEWS_ALLOW_PRIVATE_URLS", False)
        return resolver

    def getHostByName(self, name, timeout=()):
        deferred = super().getHostByName(name, timeout)
        if self.allow_private or _parse_ip(name) is not None:
            return deferred
        return deferred.addCallback(self.checked, name)

    @staticmethod
    def checked(address: str, name: str) -> str:
        parsed = _parse_ip(address)
        reason = unsafe_address(parsed) if parsed is not None else None
        if reason is not None:
            raise DNSLookupError(f"{name} resolves to a {reason} address; refused")
        return address


# --- credentials ------------------------------------------------------------------------------------------


def secrets_of(uri: str | None) -> list[str]:
    """The password of a URI, as written and decoded (both may appear in text), longest first."""
    if not uri:
        return []
    match = re.search(r"://[^:/@]+:([^@/]*)@", uri)
    if not match or not match.group(1):
        return []
    raw = match.group(1)
    return sorted({raw, unquote(raw)}, key=len, reverse=True)


def scrub(text: str, secrets: list[str]) -> str:
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    return text


class SecretsLogFilter(logging.Filter):
    """Removes secrets from every record that passes the handler it is attached to (message and exception)."""

    def __init__(self, secrets: list[str]):
        super().__init__("kznews-secrets")
        self.secrets = [s for s in secrets if s]

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.secrets:
            return True
        message = record.getMessage()
        clean = scrub(message, self.secrets)
        if clean != message:
            record.msg, record.args = clean, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = scrub(record.exc_text, self.secrets)
        if record.stack_info:
            record.stack_info = scrub(record.stack_info, self.secrets)
        return True


def install_log_filter(secrets: list[str]) -> SecretsLogFilter | None:
    """Attach a SecretsLogFilter to every handler of the root logger (once)."""
    if not secrets:
        return None
    log_filter = SecretsLogFilter(secrets)
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, SecretsLogFilter) for f in handler.filters):
            handler.addFilter(log_filter)
    return log_filter


class SecretsGuard:
    """Extension: scrubs the MONGO_URI password from all log output and from the final stats."""

    def __init__(self, crawler, secrets: list[str]):
        self.crawler = crawler
        self.secrets = secrets
        install_log_filter(secrets)
        crawler.signals.connect(self.engine_started, signal=signals.engine_started)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        secrets = secrets_of(crawler.settings.get("MONGO_URI"))
        if not secrets:
            raise NotConfigured
        return cls(crawler, secrets)

    def engine_started(self):
        install_log_filter(self.secrets)  # handlers added after start-up (log files) get it too

    def spider_closed(self, spider, reason):
        stats = self.crawler.stats
        for key, value in list(stats.get_stats().items()):
            clean_key = scrub(key, self.secrets)
            if isinstance(value, str):
                value = scrub(value, self.secrets)
            if clean_key != key:
                stats.get_stats().pop(key, None)
            stats.set_value(clean_key, value)


# --- bounded decompression --------------------------------------------------------------------------------


def bounded_gunzip(data: bytes, limit: int) -> bytes:
    """Decompress gzip `data` to at most `limit` bytes (a small file must not become gigabytes in memory).
    Raises OSError for data that is not gzip."""
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = decompressor.decompress(data, limit)
    except zlib.error as error:
        raise OSError(str(error)) from None
    return out[:limit]
