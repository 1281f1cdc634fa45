"""Storage-level deduplication and reprint linking in a real database: same-site duplicates become aliases;
near copies across sites share a cluster whose id is the earliest article's URL, on the labelled set of
reprints and same-topic non-reprints (tests/data/syndication), in crawl order and in a late-original order."""

import itertools
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kznews.storage import ArticleStore
from kznews.syndication import body_fingerprint
from tests.tools.syndication_eval import load_articles, root_of

SET = Path(__file__).parent / "data" / "syndication" / "articles.json"


@pytest.fixture
def store(mongo_uri, mongo_db):
    store = ArticleStore(mongo_uri, mongo_db.name)
    store.ensure_indexes()
    yield store
    store.close()


def document(url, site, body, published_at, lang="ru"):
    return {
        "url": url,
        "site": site,
        "lang": lang,
        "title": url.rsplit("/", 1)[-1],
        "body": body,
        "published_at": published_at,
        "fetched_at": published_at + timedelta(minutes=5),
        "body_hash": body_fingerprint(body),
        "first_seen_at": datetime.now(UTC),
    }


BODY = (
    "Аким Алматы поручил до конца года открыть два новых дома школьников в Алатауском и Наурызбайском районах. "
    "В Алатауском районе обучаются свыше 40 тысяч детей, а дом школьников там только один, сказал он на форуме "
    "работников образования. Бесплатные кружки и секции для детей из многодетных семей откроют в каждой школе."
)


def test_same_body_under_two_urls_of_one_site_is_stored_once_with_an_alias(store, mongo_db):
    when = datetime(2026, 2, 3, 10, 0, tzinfo=UTC)
    first = document("https://tengrinews.kz/kazakhstan_news/doma-shkolnikov-600001", "tengrinews", BODY, when)
    second = document("https://tengrinews.kz/almaty/doma-shkolnikov-600001", "tengrinews", BODY, when)
    store.upsert_articles([first])
    result = store.upsert_articles([second, first])
    assert result["aliased"] == 1
    docs = list(mongo_db.articles.find())
    assert len(docs) == 1 and docs[0]["url"] == first["url"] and docs[0]["aliases"] == [second["url"]]
    # the alias is known to incremental runs, so it is not fetched again
    known = store.known_urls("tengrinews", ["ru"], when - timedelta(days=1))
    assert set(known) == {first["url"], second["url"]}


def test_same_body_on_two_sites_is_two_documents_in_one_cluster(store, mongo_db):
    original = document("https://www.inform.kz/ru/doma-shkolnikov-abc123", "inform", BODY, datetime(2026, 2, 3, 8, tzinfo=UTC))
    reprint = document("https://kt.kz/rus/society/doma_shkolnikov_1377990001.html", "kt", BODY + "\n\nИсточник: Казинформ", datetime(2026, 2, 3, 9, tzinfo=UTC))
    store.upsert_articles([reprint])
    store.upsert_articles([original])  # the original is crawled after its reprint
    docs = {d["site"]: d for d in mongo_db.articles.find()}
    assert docs["kt"]["cluster_id"] == docs["inform"]["cluster_id"] == original["url"]
    assert docs["kt"]["similar_to"] == original["url"] and docs["kt"]["similarity"] > 0.9


def stored_clusters(articles, mongo_db, batches):
    store_docs = {a["id"]: document(a["url"], a["site"], a["text"], a["published_at"], a["lang"]) for a in articles}
    return store_docs, batches(store_docs)


def score(articles, mongo_db):
    by_id = {a["id"]: a for a in articles}
    cluster_of_url = {d["url"]: d["cluster_id"] for d in mongo_db.articles.find({}, {"url": 1, "cluster_id": 1})}
    cluster = {a["id"]: cluster_of_url[a["url"]] for a in articles}
    pairs = linked_pairs = false_links = 0
    for first, second in itertools.combinations(sorted(by_id), 2):
        same = root_of(first, by_id) == root_of(second, by_id)
        linked = cluster[first] == cluster[second]
        pairs += same
        linked_pairs += same and linked
        false_links += linked and not same
    originals_right = sum(
        cluster[a["id"]] == by_id[root_of(a["id"], by_id)]["url"] for a in articles if a["role"] == "reprint"
    )
    return pairs, linked_pairs, false_links, originals_right


@pytest.mark.parametrize("order", ["published", "late_originals"])
def test_labelled_set_links_reprints_and_never_same_topic_reports(order, store, mongo_db):
    articles = load_articles(SET)
    if order == "late_originals":
        # crawl order differs from publication order: shuffle, so originals often arrive after their reprints
        articles = list(articles)
        random.Random(7).shuffle(articles)
    for article in articles:
        store.upsert_articles([document(article["url"], article["site"], article["text"], article["published_at"], article["lang"])])
    pairs, linked, false_links, originals_right = score(articles, mongo_db)
    reprints = sum(a["role"] == "reprint" for a in articles)
    assert false_links == 0
    assert linked / pairs >= 0.95, (linked, pairs)
    assert originals_right == reprints  # every reprint points at the true original
    assert mongo_db.articles.count_documents({}) == len(articles)  # reprints are kept, not dropped


def test_storing_again_is_idempotent(store, mongo_db):
    articles = load_articles(SET)[:40]
    docs = [document(a["url"], a["site"], a["text"], a["published_at"], a["lang"]) for a in articles]
    for doc in docs:
        store.upsert_articles([doc])
    before = {d["url"]: d["cluster_id"] for d in mongo_db.articles.find()}
    store.upsert_articles(docs)
    after = {d["url"]: d["cluster_id"] for d in mongo_db.articles.find()}
    assert before == after and len(after) == len({d["url"] for d in docs})
    assert mongo_db.signatures.count_documents({}) == len(after)


def test_sweep_links_what_concurrent_writers_missed(store, mongo_uri, mongo_db):
    # Two processes storing a story and its reprint at the same moment may each link before the other has
    # written; simulate the outcome: both stored, neither linked. The sweep joins them.
    original = document("https://www.inform.kz/ru/doma-shkolnikov-abc123", "inform", BODY, datetime(2026, 2, 3, 8, tzinfo=UTC))
    reprint = document("https://kt.kz/rus/society/doma_shkolnikov_1377990001.html", "kt", BODY, datetime(2026, 2, 3, 9, tzinfo=UTC))
    mongo_db.articles.insert_many([{**original, "cluster_id": original["url"]}, {**reprint, "cluster_id": reprint["url"]}])
    counts = store.relink_reprints(datetime(2026, 2, 1, tzinfo=UTC))
    assert counts == {"articles": 2, "linked": 1}
    clusters = {d["site"]: d["cluster_id"] for d in mongo_db.articles.find()}
    assert clusters == {"inform": original["url"], "kt": original["url"]}
    assert store.relink_reprints(datetime(2026, 2, 1, tzinfo=UTC))["articles"] == 2  # again: nothing changes
    assert {d["site"]: d["cluster_id"] for d in mongo_db.articles.find()} == clusters


def test_relinking_writes_an_article_once_and_only_when_one_of_its_cluster_fields_changes(mongo_db):
    """_relink is one update per field (each filter indexable by url); together they act as one conditional
    write: nothing when every field is as stored, one write setting all of them when any differs."""
    from pymongo import UpdateOne

    from kznews.storage.reprints import _relink

    long_ago = datetime(2020, 1, 1, tzinfo=UTC)
    mongo_db.articles.insert_one({"url": "https://kt.kz/a", "cluster_id": "c1", "similar_to": "s1",
                                  "similarity": 0.5, "updated_at": long_ago})

    def relink(fields):
        operations = _relink("https://kt.kz/a", fields)
        assert all(isinstance(op, UpdateOne) for op in operations) and len(operations) == len(fields)
        result = mongo_db.articles.bulk_write(operations, ordered=True)
        stored = mongo_db.articles.find_one({"url": "https://kt.kz/a"}, {"_id": 0})
        return result.modified_count, stored

    modified, stored = relink({"cluster_id": "c1", "similar_to": "s1", "similarity": 0.5})
    assert modified == 0 and stored["updated_at"].replace(tzinfo=UTC) == long_ago  # pulls do not see it again
    modified, stored = relink({"cluster_id": "c1", "similar_to": "s1", "similarity": 0.75})
    assert modified == 1 and stored["similarity"] == 0.75 and stored["updated_at"].replace(tzinfo=UTC) > long_ago
    modified, stored = relink({"cluster_id": "c2", "similar_to": "s2", "similarity": 0.9})
    assert modified == 1 and (stored["cluster_id"], stored["similar_to"], stored["similarity"]) == ("c2", "s2", 0.9)
    modified, stored = relink({"cluster_id": "c2"})
    assert modified == 0


def test_the_same_body_on_another_site_is_not_an_alias(store, mongo_db):
    """Aliases are looked up by body hash alone and matched to the site here: another site's identical copy
    stays a document of its own."""
    when = datetime(2026, 2, 3, 10, 0, tzinfo=UTC)
    first = document("https://www.inform.kz/ru/doma-shkolnikov-abc123", "inform", BODY, when)
    copy = document("https://kt.kz/rus/society/doma_shkolnikov_1377990001.html", "kt", BODY, when + timedelta(hours=1))
    store.upsert_articles([first])
    result = store.upsert_articles([copy])
    assert result["aliased"] == 0
    assert sorted(d["site"] for d in mongo_db.articles.find()) == ["inform", "kt"]
    assert {d["cluster_id"] for d in mongo_db.articles.find()} == {first["url"]}


def test_a_lone_writer_does_not_read_its_own_run_back_and_still_sees_what_others_store(mongo_uri, mongo_db,
                                                                                       monkeypatch):
    """The catch-up read (what other processes stored since the last batch, from `cursor` on the stored_at index)
    moves on with this site's own writes: for a site storing alone, what the next catch-up reads through stays
    about one batch, not its whole run, and another site's article stored meanwhile is still found and linked."""
    from kznews.storage import reprints

    monkeypatch.setattr(reprints, "CLOCK_SLACK", timedelta(0))  # batches here come faster than the real slack
    when = datetime(2026, 2, 3, 10, 0, tzinfo=UTC)
    kt = ArticleStore(mongo_uri, mongo_db.name, site="kt")
    inform = ArticleStore(mongo_uri, mongo_db.name, site="inform")
    kt.ensure_indexes()
    filler = [f"Новость номер {n} о событиях в регионе {n}: аким провёл совещание, обсудили дороги, школы, "
              f"больницы и цены на продукты в районе номер {n} и планы на следующий год {n}." * 3 for n in range(100)]
    next_read = []  # signatures the next catch-up reads through, after each batch
    for batch in range(10):
        docs = [document(f"https://kt.kz/rus/news/{batch}-{n}.html", "kt", filler[batch * 10 + n] + f" {batch}-{n}",
                         when + timedelta(minutes=batch * 10 + n)) for n in range(10)]
        kt.upsert_articles(docs)
        if batch == 8:
            inform.upsert_articles([document("https://www.inform.kz/ru/doma-shkolnikov-abc123", "inform", BODY,
                                             when - timedelta(hours=1))])
        next_read.append(mongo_db.signatures.count_documents({"stored_at": {"$gte": kt.reprints.cursor}}))
    assert max(next_read[1:]) <= 21, next_read  # the last batch or two, not the run (100 by the end)
    reprint = document("https://kt.kz/rus/society/doma_shkolnikov_1377990001.html", "kt",
                       BODY + "\n\nИсточник: Казинформ", when + timedelta(hours=2))
    kt.upsert_articles([reprint])
    stored = mongo_db.articles.find_one({"url": reprint["url"]})
    assert stored["cluster_id"] == "https://www.inform.kz/ru/doma-shkolnikov-abc123"
    kt.close()
    inform.close()
