"""SafeResolver (TWISTED_DNS_RESOLVER): Scrapy's caching resolver that refuses host names resolving to private,
loopback or otherwise non-public addresses (DNS rebinding, internal names); see kznews.safety."""

from __future__ import annotations

from scrapy.resolver import CachingThreadedResolver
from twisted.internet.error import DNSLookupError

from kznews.safety import parse_ip, unsafe_address
from kznews.settings.registry import setting


class SafeResolver(CachingThreadedResolver):
    """Scrapy's caching resolver that refuses names resolving to non-public addresses."""

    allow_private = False

    @classmethod
    def from_crawler(cls, crawler, reactor):
        resolver = super().from_crawler(crawler, reactor)
        resolver.allow_private = setting(crawler.settings, "KZNEWS_ALLOW_PRIVATE_URLS")
        return resolver

    def getHostByName(self, name, timeout=()):
        deferred = super().getHostByName(name, timeout)
        if self.allow_private or parse_ip(name) is not None:
            return deferred
        return deferred.addCallback(self.checked, name)

    @staticmethod
    def checked(address: str, name: str) -> str:
        parsed = parse_ip(address)
        reason = unsafe_address(parsed) if parsed is not None else None
        if reason is not None:
            raise DNSLookupError(f"{name} resolves to a {reason} address; refused")
        return address
