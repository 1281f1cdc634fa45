"""Leased requests for the distributed profile: nothing is lost when a node dies (issue 14).

scrapy-redis pops a request out of the shared queue and forgets it: if the node is killed while the request is in
its downloader, its callback or its write buffer, no node ever fetches it again (the shared duplicate filter has
marked it seen). Here a pop *moves* the request, in one Lua script, from the queue into the node's lease hash:

    kznews:{spider}:{crawl}:lease:{node}   token -> "score\\n" + the serialized request
    kznews:{spider}:{crawl}:lessees        the nodes that may hold leases

A lease is alive while its node's heartbeat key (kznews:{spider}:{crawl}:node:{node}, TTL KZNEWS_REDIS_NODE_TTL)
exists. It is released (acknowledged) only when the request is done for good (`Ledger`):
- its callback's output was consumed (kznews.spidermiddlewares.leases) and every item it yielded was dropped or
  written to MongoDB or the spill file (the store pipeline's `written` hook; without MongoDB: `item_scraped`);
- or its download failed for good (kznews.downloadermiddlewares.leases);
- or it went back into the queue as another request (a retry, a redirect, a back-off): the queued copy is the
  request now, so `ENQUEUE` pushes it and drops the lease in one script.
A surviving node moves the leases of every lessee whose heartbeat expired back into the queue (`RECLAIM`), straight
into the sorted set: the duplicate filter, which marked them seen, is not asked again. A node that closes cleanly
returns its unreleased leases the same way. Nothing is fetched twice while its lease is alive: it is in no queue.
"""

from __future__ import annotations

import itertools
import logging
import weakref

from itemadapter import is_item

logger = logging.getLogger(__name__)

LEASE = "kznews_lease"  # request.meta key: the lease token of a request this node holds

# KEYS: queue, lease hash, lessees; ARGV: token, node. Returns {token, data} or nil.
POP = """
local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #first == 0 then return nil end
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, 0)
redis.call('HSET', KEYS[2], ARGV[1], first[2] .. '\\n' .. first[1])
redis.call('SADD', KEYS[3], ARGV[2])
return first[1]
"""

# KEYS: duplicate filter, queue, this node's lease hash; ARGV: fingerprint ('' for dont_filter), score, data, the
# token of the lease the request replaces ('' for none). Seen-check, push and release in one step, so a Redis
# failure half-way can neither mark a request seen without queueing it nor leave it both queued and leased.
ENQUEUE = """
local added = 1
if ARGV[1] ~= '' then added = redis.call('SADD', KEYS[1], ARGV[1]) end
if added == 1 then redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3]) end
if ARGV[4] ~= '' then redis.call('HDEL', KEYS[3], ARGV[4]) end
return added
"""

# KEYS: queue, lease hash; ARGV: tokens. Those leases go back into the queue (orphans: popped by a call whose
# answer Redis could not deliver).
RETURN = """
for _, token in ipairs(ARGV) do
  local value = redis.call('HGET', KEYS[2], token)
  if value then
    local cut = string.find(value, '\\n', 1, true)
    redis.call('ZADD', KEYS[1], string.sub(value, 1, cut - 1), string.sub(value, cut + 1))
    redis.call('HDEL', KEYS[2], token)
  end
end
return #ARGV
"""

# KEYS: queue, lessees; ARGV: lease hash prefix, heartbeat key prefix, 1 to take leases of live nodes too (this
# node's own, at close: ARGV[4] names it). Returns the number of requests put back.
RECLAIM = """
local moved = 0
for _, node in ipairs(redis.call('SMEMBERS', KEYS[2])) do
  local own = ARGV[4] ~= nil and node == ARGV[4]
  if own or redis.call('EXISTS', ARGV[2] .. node) == 0 then
    local leases = redis.call('HVALS', ARGV[1] .. node)
    for _, value in ipairs(leases) do
      local cut = string.find(value, '\\n', 1, true)
      redis.call('ZADD', KEYS[1], string.sub(value, 1, cut - 1), string.sub(value, cut + 1))
      moved = moved + 1
    end
    redis.call('DEL', ARGV[1] .. node)
    redis.call('SREM', KEYS[2], node)
  end
end
return moved
"""

_LEDGERS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # crawler -> Ledger


def ledger_for(crawler) -> Ledger | None:
    """The crawler's ledger, when its scheduler leases requests (the distributed profile); else None."""
    return _LEDGERS.get(crawler) if crawler is not None else None


class Ledger:
    """What each leased request still waits for on this node: 1 for its callback (or download) plus 1 per item
    not yet dropped or written. `release(token)` is called when that reaches 0."""

    def __init__(self, crawler, release):
        self.release = release
        self.pending: dict[str, int] = {}
        self.callback_open: set[str] = set()
        self.by_object: dict[int, str] = {}  # id(item or stored document) -> token; the object is alive meanwhile
        self._tokens = itertools.count(1)
        _LEDGERS[crawler] = self
        signals = getattr(crawler, "signals", None)
        if signals is not None:
            from scrapy import signals as names

            signals.connect(self._item_done, signal=names.item_dropped)
            signals.connect(self._item_done, signal=names.item_error)
            # past every pipeline: done, unless the store pipeline took it over (stored_as) until its batch is written
            signals.connect(self._item_done, signal=names.item_scraped)

    def new_token(self) -> str:
        return str(next(self._tokens))

    def opened(self, token: str) -> None:
        self.pending[token] = 1
        self.callback_open.add(token)

    def item_yielded(self, token: str | None, item) -> None:
        if token in self.pending and is_item(item):
            self.pending[token] += 1
            self.by_object[id(item)] = token

    def callback_done(self, token: str | None) -> None:
        """The request's callback output is consumed, or its download failed for good (counted once)."""
        if token in self.callback_open:
            self.callback_open.discard(token)
            self._down(token)

    def forget(self, token: str) -> None:
        """The lease went back into the queue (hand_back): nothing more to wait for."""
        self.pending.pop(token, None)
        self.callback_open.discard(token)

    def stored_as(self, item, document) -> None:
        """The store pipeline turned `item` into `document`: the document carries the item's token now."""
        token = self.by_object.pop(id(item), None)
        if token is not None:
            self.by_object[id(document)] = token

    def written(self, documents) -> None:
        """These documents are in MongoDB (or the spill file): their requests may be released."""
        for document in documents:
            token = self.by_object.pop(id(document), None)
            if token is not None:
                self._down(token)

    def _item_done(self, item, *args, **kwargs) -> None:
        token = self.by_object.pop(id(item), None)
        if token is not None:
            self._down(token)

    def _down(self, token: str) -> None:
        left = self.pending.get(token)
        if left is None:
            return
        if left > 1:
            self.pending[token] = left - 1
            return
        del self.pending[token]
        self.release(token)
