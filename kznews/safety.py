"""What security needs from a crawler that reads untrusted pages and holds database credentials.

URLs (every request, including redirects and pagination links taken from pages):
- `check_url(url)` is a pure function: None for a URL kznews may fetch, otherwise the reason it may not:
  a scheme other than http/https, no host, credentials in the URL, a local or private address (loopback,
  RFC 1918, link-local incl. cloud metadata 169.254.169.254, CGNAT, multicast, reserved, IPv4-mapped IPv6, and the
  integer/hex/octal spellings of those), or a local host name (localhost, *.localhost, *.local, *.internal,
  *.lan, *.home.arpa, single-label names).
- `UrlSafetyMiddleware` (kznews.downloadermiddlewares.urlsafety) applies it to every request before anything else; refused requests are counted
  (`kznews/unsafe_url/{site}/{reason}`, `kznews/failed/{site}/unsafe_url`) and dropped.
- `SafeResolver` (kznews.resolver, TWISTED_DNS_RESOLVER) refuses host names that resolve to such addresses (DNS rebinding, internal
  names). IP literals are not resolved here: they are judged by `check_url`, and the loopback download handler of
  the tests (KZNEWS_HOST_MAP) connects to literals only.
- KZNEWS_ALLOW_PRIVATE_URLS=1 lifts the address rules (for tests against local servers by address).

Credentials come only from the environment or the MONGO_URI; `secrets_of(uri)` lists the password in both its
encoded and decoded forms, `scrub(text, secrets)` removes them, and `SecretsLogFilter` (installed on the log
handlers by the `SecretsGuard` extension, kznews.extensions.secrets) scrubs every log record, exception text included, as a last line of
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

logger = logging.getLogger(__name__)

ALLOWED_SCHEMES = frozenset({"http", "https"})
LOCAL_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback", "broadcasthost"})
LOCAL_SUFFIXES = (".localhost", ".local", ".internal", ".lan", ".home.arpa", ".localdomain", ".intranet", ".corp")
_CGNAT = ipaddress.ip_network("100.64.0.0/10")


def parse_ip(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
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
    address = parse_ip(host)
    if address is not None:
        return unsafe_address(address)
    if host in LOCAL_NAMES or host.endswith(LOCAL_SUFFIXES):
        return "local_name"
    if "." not in host:
        return "local_name"  # a single-label name only resolves on a local network
    return None


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
