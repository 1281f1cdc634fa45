"""Web archives as a source (kznews/archives/): the pure parts (index queries and answers, records and their
checks, the CC-NEWS reader), the spider arguments, and the storage rule through MongoDB. The crawls against the
local imitation of the archives are in tests/test_archives_e2e.py."""

from __future__ import annotations

import gzip
import json
from datetime import UTC, datetime, timedelta

import pytest

from kznews.archives import cdx, parse_archives
from kznews.archives.ccnews import files_in_window, months, resync, scan_members, warc_head
from kznews.archives.records import (
    RecordError,
    decode_payload,
    gunzip_member,
    problem,
    read_warc_record,
    sha1_digest,
    wayback_response,
)
from kznews.sites import get_site
from kznews.spiders.archive import list_source_for
from kznews.storage import ArticleStore
from tests.tools.archive_server import (
    ARTICLE_2185,
    Page,
    constructed_fixture,
    gzip_bomb,
    other_host_page,
    real,
    utc,
    warc_file,
    warc_member,
)

T = utc("2024-04-08T07:00:00+00:00")


def record_of(page: Page, limit: int = 10 * 1024 * 1024):
    member, _ = warc_member(page)
    raw, used = gunzip_member(member, limit)
    assert used == len(member)
    return read_warc_record(raw, limit)


# --- the indexes ---------------------------------------------------------------------------------------------


def test_timestamps_and_windows():
    assert cdx.timestamp14(datetime(2024, 3, 1, 5, 0, tzinfo=UTC)) == "20240301050000"
    assert cdx.parse_timestamp("2024") == datetime(2024, 1, 1, tzinfo=UTC)
    assert cdx.parse_timestamp("20240315") == datetime(2024, 3, 15, tzinfo=UTC)
    assert cdx.parse_timestamp("20240315123456") == datetime(2024, 3, 15, 12, 34, 56, tzinfo=UTC)
    with pytest.raises(ValueError):
        cdx.parse_timestamp("2024-03-15")
    # [since, until): `to` is inclusive, so it is one second before until; Almaty time becomes UTC
    since = datetime.fromisoformat("2024-03-01T00:00:00+05:00")
    assert cdx.window_params(since, since + timedelta(days=1)) == {"from": "20240229190000", "to": "20240301185959"}


def test_collinfo_dates_from_the_answer_or_the_crawl_id():
    answer = json.dumps([
        {"id": "CC-MAIN-2024-18", "cdx-api": "x", "from": "2024-04-12T00:00:00", "to": "2024-04-25T12:00:00"},
        {"id": "CC-MAIN-2019-35", "cdx-api": "x"},
        {"id": "CC-MAIN-2012", "cdx-api": "x"},
    ])
    crawls = {c.id: c for c in cdx.parse_collinfo(answer)}
    assert crawls["CC-MAIN-2024-18"].start == datetime(2024, 4, 12, tzinfo=UTC)
    # week 35 of 2019 ends on Sunday 1 September; the crawl is allowed the six weeks before
    assert crawls["CC-MAIN-2019-35"].end == datetime(2019, 9, 2, tzinfo=UTC)
    assert crawls["CC-MAIN-2019-35"].start == datetime(2019, 7, 22, tzinfo=UTC)
    assert crawls["CC-MAIN-2012"].start == datetime(2012, 1, 1, tzinfo=UTC)
    window = (datetime(2019, 8, 1, tzinfo=UTC), datetime(2019, 8, 15, tzinfo=UTC))
    assert [c.id for c in cdx.crawls_overlapping(list(crawls.values()), *window)] == ["CC-MAIN-2019-35"]
    assert [c.id for c in cdx.crawls_overlapping(list(crawls.values()), datetime(2024, 4, 25, tzinfo=UTC),
                                                 None)] == ["CC-MAIN-2024-18"]
    with pytest.raises(cdx.IndexAnswerError, match="not JSON"):
        cdx.parse_collinfo("<html>502 Bad Gateway</html>")


def test_common_crawl_index_query_and_answer():
    since, until = datetime(2024, 4, 1, tzinfo=UTC), datetime(2024, 5, 1, tzinfo=UTC)
    url = cdx.cc_index_query("https://index.commoncrawl.org", "CC-MAIN-2024-18", "tengrinews.kz", since, until, page=2)
    assert url.startswith("https://index.commoncrawl.org/CC-MAIN-2024-18-index?url=tengrinews.kz/*&output=json")
    assert "from=20240401000000&to=20240430235959" in url and "filter==status:200" in url and "page=2" in url
    assert "showNumPages=true" in cdx.cc_index_query("https://i", "C", "h", since, until, num_pages=True)
    assert cdx.parse_cc_num_pages('{"pages": 7, "pageSize": 5, "blocks": 31}') == 7
    with pytest.raises(cdx.IndexAnswerError):
        cdx.parse_cc_num_pages("<html>busy</html>")

    row = {"url": ARTICLE_2185, "timestamp": "20240408070000", "status": "200", "mime": "text/html",
           "digest": "ABC", "filename": "crawl-data/x.warc.gz", "offset": "100", "length": "2000"}
    answer = json.dumps(row) + "\n" + "garbage line\n" + json.dumps({**row, "offset": "x"}) + "\n"
    captures, bad = cdx.parse_cc_index(answer, "CC-MAIN-2024-15")
    assert bad == 2 and len(captures) == 1
    capture = captures[0]
    assert (capture.offset, capture.length, capture.collection, capture.status) == (100, 2000, "CC-MAIN-2024-15", 200)
    assert capture.captured_at == datetime(2024, 4, 8, 7, tzinfo=UTC)
    with pytest.raises(cdx.IndexAnswerError, match="no line"):
        cdx.parse_cc_index("<html><body>Internal Server Error</body></html>", "CC-MAIN-2024-15")
    assert cdx.parse_cc_index("", "CC-MAIN-2024-15") == ([], 0)


def test_wayback_cdx_query_answer_and_resume_key():
    url = cdx.wayback_cdx_query("https://web.archive.org", "tengrinews.kz", None, None, limit=10, resume_key="k%2B1")
    assert url.startswith("https://web.archive.org/cdx/search/cdx?url=tengrinews.kz/*&output=json")
    assert "filter=statuscode:200&filter=mimetype:text/html&collapse=digest&limit=10&showResumeKey=true" in url
    answer = [["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"],
              ["kz,tengrinews)/a-1", "20240408070000", "https://tengrinews.kz/a-1/", "text/html", "200", "D1", "10"],
              ["kz,tengrinews)/a-2", "2024", "https://tengrinews.kz/a-2/"],
              [], ["next-key"]]
    captures, key, bad = cdx.parse_wayback_cdx(json.dumps(answer))
    assert [c.url for c in captures] == ["https://tengrinews.kz/a-1/"] and key == "next-key" and bad == 1
    assert cdx.parse_wayback_cdx("") == ([], None, 0)
    assert cdx.parse_wayback_cdx("[]") == ([], None, 0)
    with pytest.raises(cdx.IndexAnswerError):
        cdx.parse_wayback_cdx("<html>over capacity</html>")
    capture_url = cdx.wayback_capture_url("https://web.archive.org", "20240408070000", "https://tengrinews.kz/a?id=1")
    assert capture_url == "https://web.archive.org/web/20240408070000id_/https://tengrinews.kz/a?id=1"
    assert cdx.parse_wayback_capture_url(capture_url) == ("20240408070000", "https://tengrinews.kz/a?id=1")


# --- records -------------------------------------------------------------------------------------------------


def test_a_real_page_read_from_its_record():
    page = Page(ARTICLE_2185, T, real("article-2023-09-27-2185.html"))
    archived = record_of(page)
    assert archived.url == ARTICLE_2185 and archived.status == 200 and archived.captured_at == T
    assert archived.body == page.body and archived.declared_matches is True
    assert problem(archived, expected_url=ARTICLE_2185, index_digest=archived.declared_digest.split(":")[1]) is None
    assert ("Content-Type", "text/html; charset=utf-8") in archived.headers


def test_encodings_are_removed_and_stale_encoding_headers_tolerated():
    body = real("article-2024-03-18-2362.html")
    raw_gzip = record_of(Page(ARTICLE_2185, T, body, encoding="gzip"))
    assert raw_gzip.body == body and raw_gzip.declared_matches is True
    assert not any(k.lower() == "content-encoding" for k, _ in raw_gzip.headers)  # it described the stored bytes
    stale = record_of(Page(ARTICLE_2185, T, body, encoding="stale-gzip"))
    assert stale.body == body and "stale_encoding_header" in stale.notes
    chunked = b"5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"
    unchunked, decoded, _ = decode_payload(chunked, [("Transfer-Encoding", "chunked")], 1000)
    assert unchunked == decoded == b"hello world"
    with pytest.raises(RecordError) as error:
        decode_payload(gzip.compress(b"<html>" * 100)[:20], [("Content-Encoding", "gzip")], 1000)
    assert error.value.reason == "bad_content_encoding"


def test_bad_records_are_named():
    def reason(page: Page, **kwargs) -> str | None:
        return problem(record_of(page), **kwargs)

    body = constructed_fixture("ru-news-550643.html")
    assert reason(Page(ARTICLE_2185, T, body, fault="digest_mismatch")) == "digest_mismatch"
    good = record_of(Page(ARTICLE_2185, T, body))
    assert problem(good, index_digest="AAAA") == "digest_mismatch"  # the index lists another payload
    assert problem(good, expected_url="https://tengrinews.kz/other-1/") == "record_mismatch"
    moved = Page(ARTICLE_2185, T, b"<html>Moved</html>", status=301, headers=[("Location", "https://tengrinews.kz/")])
    assert reason(moved) == "redirect"
    assert reason(Page(ARTICLE_2185, T, b"<html>gone</html>", status=404)) == "status_404"
    from tests.tools.chaos import CLOUDFLARE

    assert reason(Page(ARTICLE_2185, T, CLOUDFLARE)) == "challenge"
    truncated = read_warc_record(gunzip_member(warc_member(Page(ARTICLE_2185, T, body))[0], 10**7)[0], 10**7)
    truncated.truncated = "length"  # what a WARC-Truncated header sets
    assert problem(truncated) == "truncated_payload"


def test_a_gzip_bomb_costs_the_limit_and_a_cut_member_is_truncated():
    member, _ = warc_member(Page(ARTICLE_2185, T, gzip_bomb(8 * 1024 * 1024)))
    assert len(member) < 64 * 1024  # megabytes of zeros compress to almost nothing
    with pytest.raises(RecordError) as error:
        gunzip_member(member, 1024 * 1024)
    assert error.value.reason == "too_large"
    with pytest.raises(RecordError) as error:
        gunzip_member(member[: len(member) // 2], 10**8)
    assert error.value.reason == "truncated_member"
    with pytest.raises(RecordError) as error:
        gunzip_member(b"<html>not gzip</html>", 10**6)
    assert error.value.reason == "not_gzip"
    # a record within the member limit but whose body decodes past it
    with pytest.raises(RecordError) as error:
        record_of(Page(ARTICLE_2185, T, gzip_bomb(3 * 1024 * 1024), encoding="gzip"), limit=1024 * 1024)
    assert error.value.reason == "too_large"


def test_wayback_capture_headers_and_digest():
    body = constructed_fixture("ru-news-550643.html")
    headers = [("Content-Type", "text/html; charset=utf-8"), ("x-archive-orig-server", "nginx"),
               ("x-archive-orig-content-length", "123"), ("Memento-Datetime", "Tue, 15 Oct 2024 15:00:00 GMT")]
    archived = wayback_response(ARTICLE_2185, T, 200, headers, body)
    assert ("server", "nginx") in archived.headers and ("Content-Type", "text/html; charset=utf-8") in archived.headers
    assert not any(k.lower() == "content-length" for k, _ in archived.headers)
    assert problem(archived, index_digest=sha1_digest(body).split(":")[1]) is None
    assert problem(archived, index_digest="AAAAAAAA") == "digest_mismatch"
    encoded = wayback_response(ARTICLE_2185, T, 200, [*headers, ("x-archive-orig-content-encoding", "gzip")], body)
    assert problem(encoded, index_digest="AAAAAAAA") is None and "digest_unverifiable" in encoded.notes


# --- CC-NEWS ----------------------------------------------------------------------------------------------------


def test_ccnews_files_of_a_window():
    assert months(utc("2024-03-30T00:00:00+00:00"), utc("2024-05-01T00:00:00+00:00")) == [(2024, 3), (2024, 4)]
    assert months(utc("2024-12-31T00:00:00+00:00"), utc("2025-01-01T00:00:01+00:00")) == [(2024, 12), (2025, 1)]
    paths = [f"crawl-data/CC-NEWS/2024/04/CC-NEWS-{t}-0000{i}.warc.gz"
             for i, t in enumerate(["20240407000000", "20240408000000", "20240409120000", "20240410000000"])]
    kept = files_in_window(paths, utc("2024-04-08T00:00:00+00:00"), utc("2024-04-10T00:00:00+00:00"))
    assert kept == paths[1:3]  # the first ends when the second begins; the last begins at `until`


def _wanted(head: bytes) -> bool:
    fields = warc_head(head)
    return fields.get("warc-type") == "response" and "tengrinews.kz" in fields.get("warc-target-uri", "")


def test_ccnews_members_are_read_piece_by_piece_in_bounded_memory():
    pages = [other_host_page("example.org", 1), Page(ARTICLE_2185, T, real("article-2023-09-27-2185.html")),
             other_host_page("example.org", 2), Page(ARTICLE_2185.replace("2185", "2186"), T,
                                                      real("article-2024-03-18-2362.html")),
             other_host_page("example.org", 3)]
    data, rows = warc_file(pages, "x.warc.gz")
    whole = scan_members(data, 0, _wanted, 10**7)
    assert whole.consumed == len(data) and [m.offset for m in whole.members] == [r.offset for r in rows]
    assert [m.skipped for m in whole.members] == ["unwanted", None, "unwanted", None, "unwanted"]
    records = [m.record for m in whole.members if m.record]
    # read in pieces of every size that splits members, the records are the same and no member is passed over
    for piece in (700, 4096, 20_000, 33_333):
        offset, found = 0, []
        while offset < len(data):
            scan = scan_members(data[offset : offset + piece], offset, _wanted, 10**7)
            found += [m.record for m in scan.members if m.record]
            if scan.consumed == 0:
                piece *= 2  # a member longer than the piece: the crawl asks for a longer one
                continue
            offset += scan.consumed
        assert found == records
    # memory: an unwanted member's output is thrown away as it comes; a wanted one is kept up to the limit
    bomb_data, _ = warc_file([Page("https://example.org/bomb", T, gzip_bomb(20 * 1024 * 1024))], "b.warc.gz")
    scan = scan_members(bomb_data, 0, _wanted, 10**6)
    assert scan.members[0].skipped == "unwanted" and scan.largest_output <= 2 * 1024 * 1024
    bomb_data, _ = warc_file([Page(ARTICLE_2185, T, gzip_bomb(20 * 1024 * 1024))], "b.warc.gz")
    scan = scan_members(bomb_data, 0, _wanted, 10**6)
    assert scan.members[0].skipped == "too_large" and scan.largest_output <= 10**6 + 2 * 1024 * 1024


def test_ccnews_resync_after_a_corrupt_member():
    data, rows = warc_file([other_host_page("example.org", i) for i in range(3)], "x.warc.gz")
    broken = data[: rows[1].offset + 20] + b"\x00" * 50 + data[rows[1].offset + 70 :]
    scan = scan_members(broken, 0, _wanted, 10**6)
    assert scan.corrupt_at == rows[1].offset and len(scan.members) == 1
    assert resync(broken, scan.corrupt_at + 1) == rows[2].offset


# --- spider arguments -------------------------------------------------------------------------------------------


def spider(**kwargs):
    from kznews.spiders.sites import TengrinewsSpider

    return TengrinewsSpider(**kwargs)


def test_archive_arguments_are_checked():
    assert parse_archives("wayback, commoncrawl") == ["wayback", "commoncrawl"]
    with pytest.raises(ValueError, match=r"unknown \['archive\.today'\]; known: commoncrawl, ccnews, wayback"):
        spider(source="archive", archives="wayback,archive.today", since="2024-01-01")
    with pytest.raises(ValueError, match="reads a window"):
        spider(source="archive")
    with pytest.raises(ValueError, match="source='web'"):
        spider(source="web")
    with pytest.raises(ValueError, match="not after since"):
        spider(source="archive", since="2024-02-01", until="2024-01-01")
    crawl = spider(source="archive", since="2024-01-01", until="2024-02-01")
    assert crawl.archive_mode and crawl.until == datetime.fromisoformat("2024-02-01T00:00:00+06:00")
    assert not spider().archive_mode


def test_an_archive_run_reads_only_the_editions_asked_for():
    from scrapy.utils.test import get_crawler

    from kznews.spiders.sites import TengrinewsSpider

    crawl = TengrinewsSpider.from_crawler(get_crawler(TengrinewsSpider, {}), source="archive", since="2024-01-01",
                                          lang="ru")
    assert crawl.archive_targets == ["tengrinews.kz/"] and "kaz.tengrinews.kz" not in crawl.ccnews_hosts
    assert crawl.archive_page("https://kaz.tengrinews.kz/news/almaty-589011/") is None
    assert crawl.archive_page("http://www.tengrinews.kz/news/almaty-589011/")[1] == "article"  # archived as http://www.
    assert crawl.archive_page("https://tengrinews.kz/tag/алматы/") is None


def test_what_the_indexes_are_asked_for():
    from types import SimpleNamespace

    from kznews.spiders.archive import archive_targets

    targets = archive_targets(get_site("inform").editions)
    assert "www.inform.kz/ru/" in targets and "kaz.inform.kz/" in targets  # the Russian edition is a path prefix
    # editions under path prefixes of one host are asked for by prefix; archived forms of an edition too, and a
    # prefix another one covers is not asked for twice
    edition = SimpleNamespace(host="kaz.inform.kz", path_prefix="", url_prefixes=(
        ("kaz.inform.kz", ""), ("www.inform.kz", "/kaz/"), ("kaz.inform.kz", "/old/")))
    other = SimpleNamespace(host="www.inform.kz", path_prefix="/ru/")
    assert archive_targets([edition, other]) == ["kaz.inform.kz/", "www.inform.kz/kaz/", "www.inform.kz/ru/"]
    assert cdx.url_pattern("www.inform.kz/kaz/") == "www.inform.kz/kaz/*" and cdx.url_pattern("a.kz") == "a.kz/*"


def test_archive_endpoints_and_pace_are_settings():
    from scrapy.settings import Settings
    from scrapy.utils.test import get_crawler

    from kznews.settings.profiles import apply_profile
    from kznews.spiders.sites import TengrinewsSpider

    settings = {"KZNEWS_CC_INDEX": "https://cc-index.mirror.example/", "KZNEWS_CC_DATA": "https://cc-data.mirror.example",
                "KZNEWS_WAYBACK": "https://wayback.mirror.example", "KZNEWS_ARCHIVE_CONCURRENCY": "2"}
    crawl = TengrinewsSpider.from_crawler(get_crawler(TengrinewsSpider, settings), source="archive",
                                          since="2024-01-01", until="2024-02-01", lang="ru")
    urls = [r.url for r in crawl.archive_start_requests()]
    assert urls[0] == "https://cc-index.mirror.example/collinfo.json"
    assert urls[1].startswith("https://wayback.mirror.example/cdx/search/cdx?url=tengrinews.kz/*")
    capture = cdx.Capture(cdx.COMMONCRAWL, ARTICLE_2185, "20240108070000", digest="D", collection="CC-MAIN-2024-05",
                          filename="crawl-data/x.warc.gz", offset=10, length=90)
    request = crawl.capture_request(capture)
    assert request.url == "https://cc-data.mirror.example/crawl-data/x.warc.gz#10-90"
    assert request.headers["Range"] == b"bytes=10-99" and request.meta["download_slot"] == "archive:commoncrawl-data"
    assert request.callback == crawl.parse_article
    wayback = crawl.capture_request(cdx.Capture(cdx.WAYBACK, ARTICLE_2185.replace("2185", "2186"), "20240108070000"))
    assert wayback.url.startswith("https://wayback.mirror.example/web/20240108070000id_/https://tengrinews.kz/")
    # every archive endpoint is its own download slot, with the concurrency and delay of the settings
    configured = Settings({"KZNEWS_ARCHIVE_CONCURRENCY": 2})
    apply_profile(configured, environ={})
    slots = configured.getdict("DOWNLOAD_SLOTS")
    assert slots["archive:wayback-cdx"]["concurrency"] == 2 and slots["archive:wayback-cdx"]["delay"] == 2.5
    # the local profile (applied after the spider's settings, as for every crawler) paces nothing
    local = Settings({"KZNEWS_PROFILE": "local"})
    apply_profile(local, environ={})
    assert local.getdict("DOWNLOAD_SLOTS")["archive:wayback-cdx"]["delay"] == 0.0


def test_list_pages_of_an_edition():
    site = get_site("tengrinews")
    edition = site.edition("ru")
    assert list_source_for("https://tengrinews.kz/news/", edition)[1] == 1
    assert list_source_for("https://tengrinews.kz/news/page/37/", edition)[1] == 37
    assert list_source_for("https://tengrinews.kz/", edition)[0].kind == "headlines"
    assert list_source_for("https://tengrinews.kz/tag/алматы/", edition) is None


# --- storage: an archived copy never replaces a later one --------------------------------------------------------


def _doc(url: str, fetched: str, body: str, kind: str = "site") -> dict:
    return {"url": url, "site": "tengrinews", "lang": "ru", "title": "T", "body": body,
            "fetched_at": datetime.fromisoformat(fetched), "source": {"kind": kind},
            "first_seen_at": datetime.now(UTC), "updated_at": datetime.now(UTC)}


def test_an_archived_copy_never_overwrites_a_later_one(mongo_uri, mongo_db):
    store = ArticleStore(mongo_uri, mongo_db.name)
    try:
        store.ensure_indexes()
        url = "https://tengrinews.kz/news/a-1"
        store.upsert_articles([_doc(url, "2025-01-10T10:00:00+00:00", "live text", "site")])
        counts = store.upsert_articles([_doc(url, "2019-03-01T10:00:00+00:00", "archived text", "wayback")])
        assert counts["stale"] == 1 and counts["upserted"] == 0
        stored = mongo_db.articles.find_one({"url": url})
        assert stored["body"] == "live text" and stored["source"] == {"kind": "site"}

        # an archived copy is stored where there is none, and a later capture replaces an earlier one
        other = "https://tengrinews.kz/news/a-2"
        store.upsert_articles([_doc(other, "2019-03-01T10:00:00+00:00", "first capture", "commoncrawl")])
        store.upsert_articles([_doc(other, "2020-03-01T10:00:00+00:00", "later capture", "wayback")])
        counts = store.upsert_articles([_doc(other, "2019-06-01T10:00:00+00:00", "between", "commoncrawl")])
        assert counts["stale"] == 1
        assert mongo_db.articles.find_one({"url": other})["body"] == "later capture"
        # a live fetch always writes
        store.upsert_articles([_doc(other, "2018-01-01T10:00:00+00:00", "live again", "site")])
        assert mongo_db.articles.find_one({"url": other})["body"] == "live again"
        assert mongo_db.articles.count_documents({}) == 2
    finally:
        store.close()


def test_gzip_helpers_of_the_imitation_are_real_gzip():
    # the imitation's members are plain gzip: any gzip reader reads them (here: the standard library)
    member, _ = warc_member(Page(ARTICLE_2185, T, b"<html>x</html>"))
    assert gzip.decompress(member).startswith(b"WARC/1.0")
