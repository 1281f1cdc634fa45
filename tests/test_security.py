"""Security: URL validation on every request, private addresses refused (also behind DNS), bounded decompression,
no entity expansion, polite defaults, and credentials that never reach logs, stats, spill files or exceptions."""

import gzip
import json
import logging
import os
import re
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import quote_plus

import pytest
from pymongo import MongoClient
from scrapy import Request, Spider
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.utils.test import get_crawler
from twisted.internet.error import DNSLookupError

from kznews.downloadermiddlewares.urlsafety import UrlSafetyMiddleware
from kznews.extract import parse_feed
from kznews.resolver import SafeResolver
from kznews.safety import (
    SecretsLogFilter,
    bounded_gunzip,
    check_url,
    scrub,
    secrets_of,
)
from kznews.storage import ArticleStore, redact_uri
from tests.conftest import run_spider
from tests.tools.fault_server import Fault, FaultServer
from tests.tools.gensite import GeneratedSite
from tests.tools.site_server import Resource

ROOT = Path(__file__).resolve().parents[1]
SPIDER_MODULES = "kznews.spiders,tests.tools.gensite"

SAFE = [
    "https://tengrinews.kz/news/some-story-550643/",
    "http://example.kz:8080/a?b=c",
    "https://xn--80ak6aa92e.xn--p1ai/",  # IDN
    "https://93.184.216.34/",  # a public address
]
UNSAFE = {
    "ftp://example.kz/file": "scheme",
    "file:///etc/passwd": "scheme",
    "javascript:alert(1)": "scheme",
    "data:text/html,<b>x</b>": "scheme",
    "http:///nohost": "no_host",
    "http://user:secret@example.kz/": "credentials",
    "http://localhost/": "local_name",
    "http://LOCALHOST./admin": "local_name",
    "http://api.localhost/": "local_name",
    "http://printer.local/": "local_name",
    "http://db.internal/": "local_name",
    "http://intranet/": "local_name",
    "http://127.0.0.1/": "loopback",
    "http://127.1/": "loopback",
    "http://2130706433/": "loopback",
    "http://0x7f000001/": "loopback",
    "http://0177.0.0.1/": "loopback",
    "http://[::1]/": "loopback",
    "http://[::ffff:127.0.0.1]/": "loopback",
    "http://10.0.0.5/": "private",
    "http://172.16.3.4/": "private",
    "http://192.168.1.1:8080/": "private",
    "http://100.64.0.1/": "private",
    "http://[fd00::1]/": "private",
    "http://169.254.169.254/latest/meta-data/": "link_local",
    "http://[fe80::1]/": "link_local",
    "http://0.0.0.0/": "unspecified",
    "http://224.0.0.1/": "multicast",
    "http://240.0.0.1/": "reserved",
    "http://example.kz:99999/": "malformed",
}


@pytest.mark.parametrize("url", SAFE)
def test_safe_urls(url):
    assert check_url(url) is None


@pytest.mark.parametrize("url", sorted(UNSAFE))
def test_unsafe_urls(url):
    assert check_url(url) == UNSAFE[url]


def test_a_setting_allows_private_addresses_for_tests_but_never_other_schemes():
    assert check_url("http://127.0.0.1:8080/", allow_private=True) is None
    assert check_url("http://localhost/", allow_private=True) is None
    assert check_url("file:///etc/passwd", allow_private=True) == "scheme"


def test_names_resolving_to_private_addresses_are_refused():
    assert SafeResolver.checked("93.184.216.34", "example.kz") == "93.184.216.34"
    for address in ("127.0.0.1", "10.1.2.3", "169.254.169.254", "192.168.0.1"):
        with pytest.raises(DNSLookupError):
            SafeResolver.checked(address, "rebinding.example.kz")


def test_the_resolver_refuses_under_twisted():
    """The real resolver on a running reactor: a name resolving to loopback is refused, a literal passes."""
    code = """
from twisted.internet import defer, reactor
from kznews.resolver import SafeResolver
resolver, out = SafeResolver(reactor, cache_size=0, timeout=5), []
@defer.inlineCallbacks
def main():
    for name in ("localhost", "127.0.0.1"):
        try:
            out.append(name + "=" + (yield resolver.getHostByName(name)))
        except Exception as error:
            out.append(name + ":" + type(error).__name__)
    print(" ".join(out))
    reactor.stop()
reactor.callWhenRunning(main)
reactor.run()
"""
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert out.stdout.split() == ["localhost:DNSLookupError", "127.0.0.1=127.0.0.1"], out.stderr


def test_url_middleware_counts_and_drops():
    class S(Spider):
        name = "safesite"

    crawler = get_crawler(S, {})
    crawler.spider = S.from_crawler(crawler)
    middleware = UrlSafetyMiddleware.from_crawler(crawler)
    assert middleware.process_request(Request("https://tengrinews.kz/")) is None
    with pytest.raises(IgnoreRequest):
        middleware.process_request(Request("http://169.254.169.254/latest/"))
    assert crawler.stats.get_value("kznews/unsafe_url/safesite/link_local") == 1
    assert crawler.stats.get_value("kznews/failed/safesite/unsafe_url") == 1


def test_gzip_bombs_are_bounded():
    bomb = gzip.compress(b"\0" * (200 * 1024 * 1024))  # 200 MB of zeros, ~200 KB compressed
    assert len(bomb) < 1024 * 1024
    out = bounded_gunzip(bomb, 5 * 1024 * 1024)
    assert len(out) == 5 * 1024 * 1024
    with pytest.raises(OSError):
        bounded_gunzip(b"\x1f\x8bnot gzip at all", 100)


def test_feeds_expand_no_entities():
    xxe = b"""<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">
    <!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
    <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">]>
    <rss version="2.0"><channel><item><title>&xxe;&e;</title><link>https://tengrinews.kz/news/a-1/</link>
    <pubDate>Mon, 05 Jan 2026 10:00:00 +0500</pubDate></item></channel></rss>"""
    from datetime import UTC, datetime

    entries = parse_feed(xxe, "ru", datetime(2026, 1, 6, tzinfo=UTC))
    text = json.dumps([e.__dict__ for e in entries], default=str)
    assert "root:" not in text and "aaaaaaaaaa" not in text


def test_nothing_from_a_page_is_evaluated():
    """No eval/exec anywhere; pickle only for kznews' own JOBDIR journal; JSON and HTML only through parsers."""
    offenders = []
    for path in (ROOT / "kznews").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        # the builtins, not methods of that name (redis' server.eval runs a Lua script of kznews' own in Redis)
        for pattern in (r"(?<![.\w])eval\(", r"(?<![.\w])exec\(", r"yaml\.load\(", r"os\.system\(", r"shell=True", r"marshal\.loads"):
            if re.search(pattern, text):
                offenders.append(f"{path.name}: {pattern}")
        if "pickle.loads" in text and path.name != "journal.py":
            offenders.append(f"{path.name}: pickle.loads")
    assert offenders == []


def test_polite_defaults_for_the_live_sites():
    code = (
        "import json, kznews.settings as s; print(json.dumps({k: getattr(s, k) for k in ('ROBOTSTXT_OBEY', "
        "'USER_AGENT', 'CONCURRENT_REQUESTS_PER_DOMAIN', 'AUTOTHROTTLE_ENABLED', 'DOWNLOAD_DELAY', "
        "'AUTOTHROTTLE_TARGET_CONCURRENCY', 'KZNEWS_ALLOW_PRIVATE_URLS', 'KZNEWS_RETRY_AFTER_MAX', 'COOKIES_ENABLED')}))"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("KZNEWS_")}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    settings = json.loads(out.stdout)
    assert settings["ROBOTSTXT_OBEY"] is True
    assert re.search(r"^kznews/[\d.]+ \(\+https?://\S+;", settings["USER_AGENT"])  # identifiable, with a contact
    assert settings["CONCURRENT_REQUESTS_PER_DOMAIN"] <= 4
    assert settings["AUTOTHROTTLE_ENABLED"] is True and settings["AUTOTHROTTLE_TARGET_CONCURRENCY"] <= 2
    assert settings["DOWNLOAD_DELAY"] > 0
    assert settings["KZNEWS_ALLOW_PRIVATE_URLS"] is False
    assert settings["KZNEWS_RETRY_AFTER_MAX"] == 60
    assert settings["COOKIES_ENABLED"] is False


# --- credentials -----------------------------------------------------------------------------------------------

PASSWORD = "Pa55:w/rd@" + uuid.uuid4().hex[:6]


def test_secrets_of_a_uri_and_scrubbing():
    uri = f"mongodb://kz:{quote_plus(PASSWORD)}@db.example.kz:27017/kznews"
    secrets = secrets_of(uri)
    assert PASSWORD in secrets and quote_plus(PASSWORD) in secrets
    assert PASSWORD not in redact_uri(uri) and quote_plus(PASSWORD) not in redact_uri(uri)
    assert scrub(f"failed with {PASSWORD} and {quote_plus(PASSWORD)}", secrets) == "failed with *** and ***"
    assert secrets_of("mongodb://127.0.0.1:27017") == []
    store = ArticleStore(uri, "kznews", timeout_ms=100)
    try:
        assert PASSWORD not in repr(store) and quote_plus(PASSWORD) not in repr(store)
    finally:
        store.close()


def test_log_filter_scrubs_messages_and_tracebacks():
    records = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(self.format(record))

    handler = Keep()
    handler.addFilter(SecretsLogFilter([PASSWORD]))
    logger = logging.getLogger("kznews.test.secrets")
    logger.addHandler(handler)
    try:
        logger.error("connecting with %s", PASSWORD)
        try:
            raise RuntimeError(f"auth failed for {PASSWORD}")
        except RuntimeError:
            logger.exception("oops")
    finally:
        logger.removeHandler(handler)
    assert records and all(PASSWORD not in r for r in records)
    assert "***" in records[0]


def test_unusable_uri_raises_without_the_password():
    from kznews.pipelines.store import MongoPipeline

    class S(Spider):
        name = "credsite"

    uri = f"mongodb://kz:{quote_plus(PASSWORD)}@127.0.0.1:notaport/"
    crawler = get_crawler(S, {"MONGO_URI": uri})
    crawler.spider = S.from_crawler(crawler)
    pipeline = MongoPipeline.from_crawler(crawler)
    import asyncio

    with pytest.raises(NotConfigured) as raised:
        asyncio.run(pipeline.open_spider())
    text = f"{raised.value!r} {raised.value}"
    assert PASSWORD not in text and quote_plus(PASSWORD) not in text


@pytest.fixture
def db_user(mongo_uri):
    name = f"kz_{uuid.uuid4().hex[:8]}"
    client = MongoClient(mongo_uri)
    client.admin.command("createUser", name, pwd=PASSWORD, roles=["root"])
    yield name
    try:
        client.admin.command("dropUser", name)
    finally:
        client.close()


def _leaks(text: str) -> bool:
    return PASSWORD in text or quote_plus(PASSWORD) in text


@pytest.mark.slow
def test_credentials_never_reach_logs_stats_spill_files_or_errors(tmp_path, mongo_uri, mongo_db, db_user, caplog):
    from tests.tools.loopback import SETTINGS_MODULE

    site = GeneratedSite(5)
    good = mongo_uri.replace("://", f"://{db_user}:{quote_plus(PASSWORD)}@") + "/?authSource=admin"
    bad = mongo_uri.replace("://", f"://{db_user}:{quote_plus(PASSWORD + 'x')}@") + "/?authSource=admin"
    with site.server:
        base_env = {"KZNEWS_HOST_MAP": json.dumps(site.server.host_map), "MONGO_DATABASE": mongo_db.name,
                    "KZNEWS_LOG_LEVEL": "DEBUG", "KZNEWS_SPILL_DIR": str(tmp_path / "spill")}
        stats = run_spider("gensite", tmp_path=tmp_path, args={"sources": "lists"}, env={**base_env, "MONGO_URI": good},
                           settings={"SPIDER_MODULES": SPIDER_MODULES})
        assert mongo_db.articles.count_documents({}) == 5  # the password works
        # a wrong password stops the crawl before it starts: one line, exit 2, no password (kznews crawl too)
        env = {**os.environ, **base_env, "MONGO_URI": bad, "KZNEWS_PROFILE": "local", "PYTHONPATH": str(ROOT),
               "SCRAPY_SETTINGS_MODULE": SETTINGS_MODULE}
        refused = [subprocess.run([sys.executable, "-m", *command], cwd=ROOT, env=env, capture_output=True,
                                  text=True, timeout=120, check=False)
                   for command in (("scrapy", "crawl", "gensite", "-s", f"SPIDER_MODULES={SPIDER_MODULES}"),
                                   ("kznews", "crawl", "--sites", "tengrinews"))]
    for done in refused:
        assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr
        assert "refused the credentials" in done.stderr and "Traceback" not in done.stderr
        assert "***@" in done.stderr and not _leaks(done.stdout + done.stderr)

    # the password refused in the middle of a crawl (changed on the server): the pipeline says so once, spills
    # at once instead of retrying as an outage, and the spill file holds no password
    caplog.set_level(logging.DEBUG)
    pipeline = _pipeline_for(bad, mongo_db.name, tmp_path / "spill")
    import asyncio

    async def crawl():
        await pipeline.open_spider()
        for n in range(1, 6):
            await pipeline.process_item({"url": site.canonical(n), "site": "gensite", "lang": "ru", "title": f"T{n}",
                                         "body": "Текст " * 20})
        await pipeline.close_spider()

    asyncio.run(crawl())
    failed = pipeline.crawler.stats.get_stats()
    assert failed["kznews/mongo/write_errors"] >= 1 and failed["kznews/spill/items"] == 5
    assert "kznews/mongo/outages" not in failed
    log = "\n".join(record.getMessage() for record in caplog.records)
    assert "refused the credentials" in log and "unavailable" not in log and "not a database outage" not in log
    texts = [Path(stats["_log"]).read_text(), log, json.dumps(stats, default=str), json.dumps(failed, default=str)]
    texts += [p.read_text() for p in (tmp_path / "spill").glob("*")]
    texts += [p.read_text() for p in tmp_path.glob("stats-*.json")]
    runs = list(mongo_db.runs.find())  # the runs collection, which consumers and dashboards read
    assert runs
    texts += [json.dumps(run, default=str) for run in runs]
    assert not any(_leaks(t) for t in texts)
    # the operator's commands say what failed, without the password either
    spill = next((tmp_path / "spill").glob("*.jsonl"))
    out = subprocess.run([sys.executable, "-m", "kznews", "load-spill", str(spill)], cwd=ROOT, capture_output=True,
                         text=True, env={**os.environ, "MONGO_URI": bad, "MONGO_DATABASE": mongo_db.name}, timeout=120)
    assert out.returncode == 1 and "could not load" in out.stdout
    assert not _leaks(out.stdout + out.stderr)
    relink = subprocess.run([sys.executable, "-m", "kznews", "link-reprints"], cwd=ROOT, capture_output=True,
                            text=True, env={**os.environ, "MONGO_URI": bad, "MONGO_DATABASE": mongo_db.name},
                            timeout=120)
    assert relink.returncode == 1 and relink.stdout == "" and relink.stderr.count("\n") == 1, relink.stderr
    assert "refused the credentials" in relink.stderr and not _leaks(relink.stderr)


def _pipeline_for(uri: str, database: str, spill_dir: Path):
    from kznews.pipelines.store import MongoPipeline

    class GenSite(Spider):
        name = "gensite"

    crawler = get_crawler(GenSite, {"MONGO_URI": uri, "MONGO_DATABASE": database, "KZNEWS_SPILL_DIR": str(spill_dir),
                                    "MONGO_CLOSE_TIMEOUT": 5, "MONGO_TIMEOUT_MS": 3000})
    crawler.spider = GenSite.from_crawler(crawler)
    return MongoPipeline.from_crawler(crawler)


# --- end to end: unsafe redirects, robots.txt --------------------------------------------------------------------


@pytest.mark.slow
def test_redirects_to_private_addresses_are_refused_and_robots_txt_is_obeyed(tmp_path, mongo_uri, mongo_db):
    site = GeneratedSite(6)
    server = FaultServer(site.server.routes)
    targets = ["http://169.254.169.254/latest/meta-data/", "http://127.0.0.1:{port}/secret", "http://localhost/admin"]
    with server:
        for n, target in zip((1, 2, 3), targets, strict=True):
            server.fault(site.url(n), Fault("redirect", None, status=302, location=target.format(port=server.port)))
        server.add("https://gen.example.kz/robots.txt",
                   Resource(b"User-agent: *\nDisallow: /news/4-generated-story/\n", "text/plain"))
        stats = run_spider(
            "gensite", tmp_path=tmp_path, args={"sources": "lists"},
            env={"KZNEWS_HOST_MAP": json.dumps(server.host_map), "MONGO_URI": mongo_uri, "MONGO_DATABASE": mongo_db.name},
            settings={"SPIDER_MODULES": SPIDER_MODULES, "ROBOTSTXT_OBEY": "True"},
        )
    fetched = set(server.hits)
    assert not any(k.startswith(("169.254", "127.0.0.1", "localhost")) for k in fetched)
    assert "gen.example.kz/news/4-generated-story/" not in fetched  # robots.txt
    assert stats["robotstxt/forbidden"] == 1
    assert stats["kznews/unsafe_url/gensite/link_local"] == 1
    assert stats["kznews/unsafe_url/gensite/loopback"] == 1
    assert stats["kznews/unsafe_url/gensite/local_name"] == 1
    assert {d["url"] for d in mongo_db.articles.find()} == {site.canonical(n) for n in (5, 6)}
