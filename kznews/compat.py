"""The private parts of Scrapy, spidermon and scrapy-playwright that kznews relies on, each in one place.

Each is used because the library offers no public way to do the same; tests/test_compat.py checks every one of them
against the installed versions and fails loudly, naming the library, when an upgrade changes one.

- Scrapy's RFPDupeFilter: the set of seen fingerprints and the open `requests.seen` file, which the crash-safe
  JOBDIR (kznews.schedulers.journal) marks recovered fingerprints in (the public `request_seen()` needs a Request).
- spidermon's Spidermon extension: `_run_suites` (overridden by kznews.extensions.monitoring.Monitoring) and
  `_generate_data_for_spider`, to run the suites with a result class that logs failed checks as warnings.
- Scrapy's engine: the call that makes it look for requests to send now (`_slot.nextcall`), after a
  `pause()`/`unpause()` by the store pipeline's back-pressure (kznews.pipelines.store), which would otherwise wait
  for the engine's next heartbeat, up to 5 seconds.
- scrapy-playwright's download handler: its browser contexts by name (`context_wrappers`), to close a retired
  context once its last page is closed (kznews.browser).
"""

from __future__ import annotations

# --- Scrapy: RFPDupeFilter ----------------------------------------------------------------------------------------


def seen_fingerprints(dupefilter) -> set[bytes] | None:
    """The fingerprints a Scrapy RFPDupeFilter has seen (a live set), or None for another filter."""
    fingerprints = getattr(dupefilter, "_fingerprints", None)
    return fingerprints if isinstance(fingerprints, set) else None


def mark_seen(dupefilter, fingerprint: bytes) -> None:
    """Add a fingerprint to a Scrapy RFPDupeFilter (memory, and requests.seen with JOBDIR); others are left alone."""
    fingerprints = seen_fingerprints(dupefilter)
    if fingerprints is None or fingerprint in fingerprints:
        return
    fingerprints.add(fingerprint)
    stream = getattr(dupefilter, "file", None)
    if stream is not None:
        stream.write(len(fingerprint).to_bytes(2, "big") + fingerprint)  # Scrapy's record: length, then bytes


def flush_seen(dupefilter) -> None:
    stream = getattr(dupefilter, "file", None)
    if stream is not None:
        stream.flush()


# --- Scrapy: the engine's next call ---------------------------------------------------------------------------------


def wake_engine(engine) -> None:
    """Have a Scrapy engine look for requests to send at once (it does on every response and heartbeat anyway)."""
    nextcall = getattr(getattr(engine, "_slot", None), "nextcall", None)
    if nextcall is not None:
        nextcall.schedule()


# --- spidermon: the extension's suite runner -------------------------------------------------------------------------


def spidermon_data(extension, spider) -> dict:
    """What spidermon hands its monitors for a spider (stats, crawler, job, ...)."""
    return extension._generate_data_for_spider(spider)



# --- scrapy-playwright: browser contexts ------------------------------------------------------------------------------


def browser_contexts(handler) -> dict:
    """The browser contexts a scrapy-playwright handler keeps, by name: {name: playwright BrowserContext}."""
    return {name: wrapper.context for name, wrapper in handler.context_wrappers.items()}
