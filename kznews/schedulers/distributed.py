"""One crawl on several machines: scrapy-redis' shared request queue and duplicate filter, plus the lifecycle that
lets N nodes start, share and finish a crawl of the same spider together (KZNEWS_PROFILE=distributed).

scrapy-redis alone leaves two gaps for spiders that are scheduled again and again:
- its scheduler either flushes the queue and the duplicate filter when a node closes (and the first node to
  finish would wipe them under the others' feet) or keeps them for ever (and the next scheduled run would find
  every URL already seen and fetch nothing);
- a node closes as soon as the shared queue is momentarily empty, while another node may be about to push the
  requests its responses produce.

So this Scheduler (a small subclass of scrapy_redis.scheduler.Scheduler) keeps its keys under a *crawl id*:

    kznews:{spider}:{crawl}:requests     the shared priority queue (scrapy-redis)
    kznews:{spider}:{crawl}:dupefilter   fingerprints of every request scheduled in this crawl (scrapy-redis)
    kznews:{spider}:{crawl}:nodes        the nodes that joined; kznews:{spider}:{crawl}:node:{id} = busy|idle
                                         with a TTL refreshed every few seconds (a crashed node expires)
    kznews:{spider}:current              the crawl id new nodes join (absent between crawls)
    kznews:{spider}:{crawl}:lease:{node} requests the node popped and has not finished, and
    kznews:{spider}:{crawl}:lessees      the nodes that may hold some (kznews.schedulers.leases: a request stays
                                         leased until its items are stored; a stopped node's leases are reclaimed)

A node joins the spider's current crawl, or starts one when there is none, so nodes that scrapyd starts at about
the same time share one crawl without configuration (KZNEWS_CRAWL_ID names the crawl explicitly instead). A node
that goes idle stays open while the queue holds requests or another node is busy (up to KZNEWS_REDIS_MAX_WAIT
seconds), so the work keeps being shared until the end. When the last node of a crawl leaves, the crawl is over:
`current` is cleared and its keys expire after KZNEWS_REDIS_KEEP seconds, and the next scheduled run starts a
fresh crawl. Every URL is still fetched at most once per crawl across all nodes: the duplicate filter is shared
and never flushed while a node of the crawl is running.

Tested against scrapy-redis 0.9.1, redis-py 8.1 and Scrapy 2.19 (tests/test_distributed.py). The subclass also
carries the only compatibility shim needed: scrapy-redis calls Spider.log() and passes `spider=` to the stats
collector, both deprecated in Scrapy 2.19 (warnings, not failures); open/enqueue_request/next_request here do
the same work without them. Scrapy's own RFPDupeFilter has no from_settings() any more, so DUPEFILTER_CLASS must be
scrapy-redis' (the distributed profile sets it). Requests that must wait (a back-off, a host's cool-down) are held
on the node outside the downloader (kznews.schedulers.delayed) and go back into the shared queue at close.
"""

from __future__ import annotations

import importlib
import logging
import os
import socket
import time
import uuid

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.utils.misc import load_object
from scrapy_redis import connection, defaults
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.scheduler import Scheduler as RedisScheduler
from twisted.internet.task import LoopingCall

from kznews.schedulers.delayed import DelayingScheduler
from kznews.schedulers.leases import ENQUEUE, LEASE, POP, RECLAIM, RETURN, Ledger
from kznews.settings.registry import setting
from kznews.stats import DISTRIBUTED

logger = logging.getLogger(__name__)

PREFIX = "kznews"
BUSY, IDLE = "busy", "idle"

# Join the current crawl or start a new one (atomically: two nodes starting together get the same id).
_JOIN = """
local current = redis.call('GET', KEYS[1])
if not current then
  redis.call('SET', KEYS[1], ARGV[1])
  current = ARGV[1]
end
return current
"""


def crawl_keys(spider: str, crawl: str) -> dict[str, str]:
    base = f"{PREFIX}:{spider}:{crawl}"
    return {
        "requests": f"{base}:requests",
        "dupefilter": f"{base}:dupefilter",
        "nodes": f"{base}:nodes",
        "node": f"{base}:node:",
        "lease": f"{base}:lease:",  # + node: that node's leased requests (kznews.schedulers.leases)
        "lessees": f"{base}:lessees",
        "current": f"{PREFIX}:{spider}:current",
    }


def _text(value) -> str | None:
    # scrapy-redis' client returns bytes (its queue holds pickles, so responses cannot be decoded globally)
    return value.decode() if isinstance(value, bytes) else value


def node_id(name: str = "") -> str:
    """This process's id in the crawl: KZNEWS_NODE (default: the host name), the pid and a random suffix."""
    return f"{name or socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:6]}"


class SharedCrawlScheduler(RedisScheduler):
    """scrapy-redis' scheduler with per-crawl keys and a shared end of crawl (see the module docstring)."""

    def __init__(self, server, *, crawler=None, crawl_id: str = "", keep: int = 3600, ttl: int = 30,
                 max_wait: float = 1800.0, node: str = "", **kwargs):
        kwargs["persist"] = True  # the crawl's lifecycle decides when its keys go, not one node's close
        super().__init__(server, **kwargs)
        self.crawler = crawler
        self.crawl_id = crawl_id
        self.keep = keep
        self.ttl = ttl
        self.max_wait = max_wait
        self.node = node_id(node)
        self.state = BUSY
        self.idle_since: float | None = None
        self.keys: dict[str, str] = {}
        self._heartbeat: LoopingCall | None = None
        self.ledger: Ledger | None = None
        self.redis_down_since: float | None = None
        self._outbox: list = []  # requests scheduled while Redis was unreachable, enqueued once it is back
        self._unreleased: list[str] = []  # leases released while Redis was unreachable

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        server = connection.from_settings(settings)
        server.ping()  # fail at start, not at the first request
        serializer = settings.get("SCHEDULER_SERIALIZER")
        instance = cls(
            server,
            crawler=crawler,
            crawl_id=setting(settings, "KZNEWS_CRAWL_ID"),
            keep=setting(settings, "KZNEWS_REDIS_KEEP"),
            ttl=setting(settings, "KZNEWS_REDIS_NODE_TTL"),
            max_wait=setting(settings, "KZNEWS_REDIS_MAX_WAIT"),
            node=setting(settings, "KZNEWS_NODE"),
            queue_cls=settings.get("SCHEDULER_QUEUE_CLASS") or defaults.SCHEDULER_QUEUE_CLASS,
            serializer=importlib.import_module(serializer) if serializer else None,
        )
        instance.stats = crawler.stats
        instance.ledger = Ledger(crawler, instance._release_lease)
        crawler.signals.connect(instance.spider_idle, signal=signals.spider_idle)
        return instance

    # --- lifecycle -----------------------------------------------------------------------------------------

    def open(self, spider):
        name = spider.name
        if self.crawl_id:
            crawl = self.crawl_id
        else:
            proposal = time.strftime("%Y%m%dT%H%M%S", time.gmtime()) + "-" + uuid.uuid4().hex[:6]
            crawl = _text(self.server.eval(_JOIN, 1, f"{PREFIX}:{name}:current", proposal))
        self.crawl_id = crawl
        self.keys = crawl_keys(name, crawl)
        for key in ("requests", "dupefilter", "nodes", "lessees"):
            self.server.persist(self.keys[key])  # a crawl being resumed or joined keeps its keys
        self.queue_key = self.keys["requests"]
        self.df = RFPDupeFilter(self.server, key=self.keys["dupefilter"],
                                debug=spider.settings.getbool("DUPEFILTER_DEBUG"))
        self.server.sadd(self.keys["nodes"], self.node)
        self._set_state(BUSY)
        spider.kznews_crawl_id = crawl  # recorded in the runs collection
        if self.stats:
            self.stats.set_value(DISTRIBUTED(count="crawl"), crawl)
            self.stats.set_value(DISTRIBUTED(count="node"), self.node)
        logger.info("node %s joined crawl %s of %s", self.node, crawl, name)
        self._heartbeat = LoopingCall(self._refresh)
        self._heartbeat.start(max(1.0, self.ttl / 3), now=False)
        # scrapy-redis' open() without its Spider.log() call (deprecated in Scrapy 2.19)
        self.spider = spider
        self.queue = load_object(self.queue_cls)(
            server=self.server, spider=spider, key=self.queue_key, serializer=self.serializer
        )
        if len(self.queue):
            logger.info("crawl %s: %d requests already queued", crawl, len(self.queue))

    def close(self, reason):
        if self._heartbeat and self._heartbeat.running:
            self._heartbeat.stop()
        keys = self.keys
        self._return_leases()
        self.server.delete(keys["node"] + self.node)
        self.server.srem(keys["nodes"], self.node)
        if not self._live_nodes():
            # The last node of the crawl: the crawl is over. Late nodes start a new one.
            if _text(self.server.get(keys["current"])) == self.crawl_id:
                self.server.delete(keys["current"])
            for key in ("requests", "dupefilter", "nodes", "lessees"):
                self.server.expire(keys[key], self.keep)
            logger.info("crawl %s of %s is over (%s)", self.crawl_id, self.spider.name, reason)

    # --- who is busy ---------------------------------------------------------------------------------------

    def _set_state(self, state: str) -> None:
        self.state = state
        self.server.set(self.keys["node"] + self.node, state, ex=self.ttl)

    def _refresh(self) -> None:
        try:
            self._set_state(self.state)
            self._catch_up()
            self.reclaim()
        except Exception as error:  # Redis restarting: the next beat tries again
            logger.warning("could not refresh node %s: %s", self.node, type(error).__name__)

    def _live_nodes(self) -> dict[str, str]:
        """Nodes of the crawl whose heartbeat has not expired, with their state; expired ones are removed."""
        members = sorted(_text(m) for m in self.server.smembers(self.keys["nodes"]))
        if not members:
            return {}
        states = self.server.mget([self.keys["node"] + m for m in members])
        live = {}
        for member, state in zip(members, states, strict=True):
            if state is None:
                self.server.srem(self.keys["nodes"], member)
            else:
                live[member] = _text(state)
        return live

    # scrapy-redis' enqueue_request()/next_request(), without the `spider` argument to the stats collector that
    # Scrapy 2.19 deprecates; popping a request marks this node busy.

    def enqueue_request(self, request):
        token = request.meta.pop(LEASE, None)  # a leased request coming back: a retry, a redirect, a back-off
        if self.redis_down_since is not None:
            self._outbox.append((request, token))
            return True
        try:
            return self._enqueue(request, token)
        except (RedisConnectionError, RedisTimeoutError) as error:
            self._redis_down(error)
            self._outbox.append((request, token))
            return True

    def _enqueue(self, request, token: str | None) -> bool:
        """Seen-check and push in one script; a request replacing a leased one (a retry, a redirect) releases that
        lease in the same step: never in both places, never in none."""
        fingerprint = "" if request.dont_filter else self.df.request_fingerprint(request)
        added = self.server.eval(ENQUEUE, 3, self.df.key, self.queue_key, self._lease_key(self.node), fingerprint,
                                 -request.priority, self.queue._encode_request(request), token or "")
        if token is not None:
            self.ledger.forget(token)
            self._count("handed_back")
        if not added:
            self.df.log(request, self.spider)
            return False
        if self.stats:
            self.stats.inc_value("scheduler/enqueued/redis")
        return True

    def next_request(self):
        try:
            self._catch_up()
            request = self._pop_leased()
        except (RedisConnectionError, RedisTimeoutError) as error:
            self._redis_down(error)  # the engine asks again at its next heartbeat: that is the back-off
            return None
        if request is not None:
            if self.stats:
                self.stats.inc_value("scheduler/dequeued/redis")
            if self.state != BUSY:
                self._set_state(BUSY)
                self.idle_since = None
        return request

    def has_pending_requests(self) -> bool:
        if self.redis_down_since is not None or self._outbox:
            return True  # unknown while Redis is away: stay open
        try:
            return len(self.queue) > 0
        except (RedisConnectionError, RedisTimeoutError) as error:
            self._redis_down(error)
            return True

    # --- leases (kznews.schedulers.leases) ------------------------------------------------------------------

    def _lease_key(self, node: str) -> str:
        return self.keys["lease"] + node

    def _pop_leased(self):
        """Move the first request of the queue into this node's leases, atomically; None when the queue is empty."""
        token = self.ledger.new_token()
        data = self.server.eval(POP, 3, self.queue_key, self._lease_key(self.node), self.keys["lessees"],
                                token, self.node)
        if data is None:
            return None
        request = self.queue._decode_request(data)
        request.meta[LEASE] = token
        self.ledger.opened(token)
        self._count("leased")
        return request

    def _release_lease(self, token: str) -> None:
        """The leased request is done for good on this node: drop its lease."""
        if self.redis_down_since is None:
            try:
                self.server.hdel(self._lease_key(self.node), token)
                self._count("released")
                return
            except (RedisConnectionError, RedisTimeoutError) as error:
                self._redis_down(error)
        self._unreleased.append(token)

    def reclaim(self) -> int:
        """Put the leases of nodes whose heartbeat expired back into the queue; returns how many."""
        moved = self.server.eval(RECLAIM, 2, self.queue_key, self.keys["lessees"], self.keys["lease"],
                                 self.keys["node"])
        if moved:
            self._count("reclaimed", moved)
            logger.warning("crawl %s: %d requests leased by nodes that stopped were put back into the queue",
                           self.crawl_id, moved)
        return int(moved or 0)

    def _return_leases(self) -> None:
        """At close: this node's unreleased leases (requests the stop cut short) go back into the queue."""
        try:
            self._catch_up()
            returned = self.server.eval(RECLAIM, 2, self.queue_key, self.keys["lessees"], self.keys["lease"],
                                        self.keys["node"], self.node)
        except (RedisConnectionError, RedisTimeoutError) as error:
            # they stay leased; the other nodes reclaim them when this node's heartbeat expires
            logger.error("could not return this node's leases to the queue (%s); other nodes reclaim them after "
                         "KZNEWS_REDIS_NODE_TTL", type(error).__name__)
            return
        if returned:
            self._count("returned", returned)
            logger.info("%d unfinished leased requests put back into the queue at close", returned)

    def _return_orphans(self) -> None:
        """Leases in this node's hash that it does not know of (a pop whose answer was lost to a Redis failure)."""
        known = set(self.ledger.pending) | set(self._unreleased)
        orphans = [t for t in map(_text, self.server.hkeys(self._lease_key(self.node))) if t not in known]
        if orphans:
            self.server.eval(RETURN, 2, self.queue_key, self._lease_key(self.node), *orphans)
            self._count("returned", len(orphans))

    def _others_hold_leases(self) -> bool:
        others = [_text(n) for n in self.server.smembers(self.keys["lessees"])]
        return any(self.server.hlen(self._lease_key(n)) for n in others if n != self.node)

    # --- Redis going away and coming back --------------------------------------------------------------------

    def _redis_down(self, error: Exception) -> None:
        if self.redis_down_since is None:
            self.redis_down_since = time.monotonic()
            self._count("redis_outages")
            logger.warning("Redis unreachable (%s): waiting for it, requests kept on this node",
                           type(error).__name__)

    def _catch_up(self) -> None:
        """Redis is reachable again (or was never away): send what waited on this node."""
        if self.redis_down_since is None and not self._outbox and not self._unreleased:
            return
        self.server.ping()
        if self.redis_down_since is not None:
            logger.warning("Redis back after %.1fs", time.monotonic() - self.redis_down_since)
            self.redis_down_since = None
        # the requests first: a lease released while Redis was away may belong to the response that yielded them
        while self._outbox:
            request, token = self._outbox[0]
            self._enqueue(request, token)
            self._outbox.pop(0)
        while self._unreleased:
            self.server.hdel(self._lease_key(self.node), self._unreleased[0])
            self._unreleased.pop(0)
            self._count("released")

    def _count(self, name: str, value: int = 1) -> None:
        if self.stats:
            self.stats.inc_value(DISTRIBUTED(count=name), value)

    def spider_idle(self, spider):
        """Stay open while the shared queue has requests, another node is busy (it may push more) or holds leases
        (a dead node's are reclaimed once its heartbeat expires), or Redis is away."""
        if self.redis_down_since is not None or self._outbox:
            try:
                self._catch_up()
            except (RedisConnectionError, RedisTimeoutError):
                if time.monotonic() - self.redis_down_since > self.max_wait:
                    # give up: what this node holds stays leased in Redis for the other nodes to reclaim
                    logger.error("Redis unreachable for more than %.0fs: closing; the requests that yielded the %d not "
                                 "scheduled stay leased, for the other nodes to reclaim", self.max_wait,
                                 len(self._outbox))
                    return
                self._count("waits")
                raise DontCloseSpider from None
        try:
            if self.state != IDLE:
                self._set_state(IDLE)
                self.idle_since = time.monotonic()
            self.reclaim()
            self._return_orphans()
            pending = len(self.queue)
            busy = [n for n, state in self._live_nodes().items() if state == BUSY and n != self.node]
            leased = self._others_hold_leases()
        except (RedisConnectionError, RedisTimeoutError) as error:
            self._redis_down(error)
            self._count("waits")
            raise DontCloseSpider from None
        if not pending and not busy and not leased:
            return
        if time.monotonic() - (self.idle_since or 0) > self.max_wait:
            logger.warning("stopped waiting for nodes %s of crawl %s", busy, self.crawl_id)
            return
        self._count("waits")
        raise DontCloseSpider


class Scheduler(DelayingScheduler, SharedCrawlScheduler):
    """The `distributed` profile's SCHEDULER: the shared crawl, with requests that must wait held back on this node
    outside the downloader (kznews.schedulers.delayed); at close they go back into the shared queue."""
