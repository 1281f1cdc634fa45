"""Tests for kznews.urls: URL canonicalisation, AMP detection, rel=canonical and same-site checks."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kznews.urls import (
    UrlKeySet,
    canonical_from_page,
    canonicalize_url,
    is_amp_url,
    registrable_domain,
    same_site,
    url_key,
)

NUR_ALIASES = {"nur.kz": "www.nur.kz", "m.nur.kz": "www.nur.kz"}

# (input, expected canonical form)
CANONICAL_CASES = [
    # tengrinews: trailing slash, scheme, host forms, AMP, tracking, fragment
    (
        "https://tengrinews.kz/kazakhstan_news/vyisokih-tsenah-yandekstaksi-sprosili-ministra-poobeschal-578502/",
        "https://tengrinews.kz/kazakhstan_news/vyisokih-tsenah-yandekstaksi-sprosili-ministra-poobeschal-578502",
    ),
    (
        "http://www.tengrinews.kz/kazakhstan_news/vyisokih-tsenah-yandekstaksi-sprosili-ministra-poobeschal-578502",
        "https://tengrinews.kz/kazakhstan_news/vyisokih-tsenah-yandekstaksi-sprosili-ministra-poobeschal-578502",
    ),
    (
        "https://m.tengrinews.kz/kazakhstan_news/novosti-za-31-maya-chto-sluchilos-v-kazahstane-segodnya-536968/amp",
        "https://tengrinews.kz/kazakhstan_news/novosti-za-31-maya-chto-sluchilos-v-kazahstane-segodnya-536968",
    ),
    (
        "https://tengrinews.kz/kazakhstan_news/novosti-536968/amp/?utm_source=telegram&utm_medium=social#comments",
        "https://tengrinews.kz/kazakhstan_news/novosti-536968",
    ),
    ("https://kaz.tengrinews.kz/kazakhstan_news/536968/", "https://kaz.tengrinews.kz/kazakhstan_news/536968"),
    ("https://en.tengrinews.kz/kazakhstan_news/536968/", "https://en.tengrinews.kz/kazakhstan_news/536968"),
    ("https://tengrinews.kz/author/389/page/20/", "https://tengrinews.kz/author/389/page/20"),
    # Cyrillic paths: raw and percent-encoded (either hex case) meet; case of the path is kept
    ("https://tengrinews.kz/tag/алматы/", "https://tengrinews.kz/tag/%D0%B0%D0%BB%D0%BC%D0%B0%D1%82%D1%8B"),
    (
        "https://tengrinews.kz/tag/%d0%b0%d0%bb%d0%bc%d0%b0%d1%82%d1%8b/",
        "https://tengrinews.kz/tag/%D0%B0%D0%BB%D0%BC%D0%B0%D1%82%D1%8B",
    ),
    ("https://tengrinews.kz/tag/Алматы/", "https://tengrinews.kz/tag/%D0%90%D0%BB%D0%BC%D0%B0%D1%82%D1%8B"),
    # nur.kz: the registry prefers www.nur.kz
    (
        "https://www.nur.kz/politics/kazakhstan/2086925-bolshe-17-mlrd/",
        "https://nur.kz/politics/kazakhstan/2086925-bolshe-17-mlrd",
    ),
    # zakon.kz: language subdomain kept, .html kept
    (
        "https://kaz.zakon.kz/6015850-kostanaida-ksipkerlerge-eskertu-zhasaldy.html",
        "https://kaz.zakon.kz/6015850-kostanaida-ksipkerlerge-eskertu-zhasaldy.html",
    ),
    (
        "http://www.zakon.kz/sobytiia/6498201-tragediya-v-sele-algabas.html?utm_campaign=x&fbclid=IwAR0abc",
        "https://zakon.kz/sobytiia/6498201-tragediya-v-sele-algabas.html",
    ),
    # Kazinform
    (
        "https://www.inform.kz/ru/silkwaystar-tragediya-v-algabase-gonkongskiy-gripp-glavnoe-za-nedelyu-v-kazahstane-32af94",
        "https://inform.kz/ru/silkwaystar-tragediya-v-algabase-gonkongskiy-gripp-glavnoe-za-nedelyu-v-kazahstane-32af94",
    ),
    (
        "https://www.inform.kz/en/new-district-in-astana-to-be-named-nura_a4017622/amp",
        "https://inform.kz/en/new-district-in-astana-to-be-named-nura_a4017622",
    ),
    (
        "https://kaz.inform.kz/news/almatidan-258-km-kashiktikta-zher-slknd-b22b2a/",
        "https://kaz.inform.kz/news/almatidan-258-km-kashiktikta-zher-slknd-b22b2a",
    ),
    (
        "https://en.inform.kz/news/astana-to-become-the-star-of-eurasia_a2980664/",
        "https://en.inform.kz/news/astana-to-become-the-star-of-eurasia_a2980664",
    ),
    (
        "https://qazinform.com/news/president-tokayev-to-hold-series-of-meetings-2863a6",
        "https://qazinform.com/news/president-tokayev-to-hold-series-of-meetings-2863a6",
    ),
    # kursiv: the date path and Kazakh edition prefix are kept, trailing /amp removed
    (
        "https://kz.kursiv.media/kk/2025-04-10/sbn-sherzat-sputnik",
        "https://kz.kursiv.media/kk/2025-04-10/sbn-sherzat-sputnik",
    ),
    (
        "https://kz.kursiv.media/2024-04-16/dlzh-bish-nuk-roditeli/amp",
        "https://kz.kursiv.media/2024-04-16/dlzh-bish-nuk-roditeli",
    ),
    (
        "https://kz.kursiv.media/2024-04-16/dlzh-bish-nuk-roditeli/amp/",
        "https://kz.kursiv.media/2024-04-16/dlzh-bish-nuk-roditeli",
    ),
    # vlast: leading /amp/, also after the /kz/ language segment
    ("https://vlast.kz/novosti/58071-mvd-zaavilo.html", "https://vlast.kz/novosti/58071-mvd-zaavilo.html"),
    ("https://vlast.kz/amp/novosti/37656-ekonomika.html", "https://vlast.kz/novosti/37656-ekonomika.html"),
    (
        "https://vlast.kz/kz/amp/novosti/60059-zhanalyk.html",
        "https://vlast.kz/kz/novosti/60059-zhanalyk.html",
    ),
    ("https://vlast.kz/search/?page=13&category=147", "https://vlast.kz/search?category=147&page=13"),
    # informburo
    (
        "https://informburo.kz/amp/novosti/mama-posmotrite-siuda",
        "https://informburo.kz/novosti/mama-posmotrite-siuda",
    ),
    (
        "https://informburo.kz/amp/kaz/newskaz/ork-referendumnyn-qorytyndy-natizelerin-zariialady",
        "https://informburo.kz/kaz/newskaz/ork-referendumnyn-qorytyndy-natizelerin-zariialady",
    ),
    # orda
    (
        "https://orda.kz/itogi-2023-top-10-materialov-ordakz-380565",
        "https://orda.kz/itogi-2023-top-10-materialov-ordakz-380565",
    ),
    (
        "https://orda.kz/net-slov-kak-kazahstanskoe-obschestvo-otreagirovalo-386335/?ysclid=lx1abc",
        "https://orda.kz/net-slov-kak-kazahstanskoe-obschestvo-otreagirovalo-386335",
    ),
    # kapital
    (
        "https://kapital.kz/amp/gosudarstvo/97911/pyat-interesnykh-statey-nedeli-na-kapital-kz-2.html",
        "https://kapital.kz/gosudarstvo/97911/pyat-interesnykh-statey-nedeli-na-kapital-kz-2.html",
    ),
    # azattyq: edition subdomains kept, /amp/ removed
    ("https://rus.azattyq.org/a/32587835.html", "https://rus.azattyq.org/a/32587835.html"),
    ("https://www.azattyq.org/amp/26568511.html", "https://azattyq.org/26568511.html"),
    (
        "https://azattyq.org/amp/kazakhstan-azattyq-history-audio-episode-24/32583977.html",
        "https://azattyq.org/kazakhstan-azattyq-history-audio-episode-24/32583977.html",
    ),
    # kt.kz
    (
        "https://www.kt.kz/rus/society/sinoptiki_prognoziruyut_zharu_na_zapade_i_dozhdi_na_vostoke_1377981327.html",
        "https://kt.kz/rus/society/sinoptiki_prognoziruyut_zharu_na_zapade_i_dozhdi_na_vostoke_1377981327.html",
    ),
    # sputnik: language subdomain kept
    (
        "https://ru.sputnik.kz/20240416/roditelyam-pogibshey-saltanat-nukenovoy-43698034.html?utm_source=yxnews&utm_medium=desktop",
        "https://ru.sputnik.kz/20240416/roditelyam-pogibshey-saltanat-nukenovoy-43698034.html",
    ),
    # liter: trailing /amp
    (
        "https://liter.kz/megapolis-perspektiv-1769446000/amp",
        "https://liter.kz/megapolis-perspektiv-1769446000",
    ),
    (
        "https://liter.kz/ubiistvo-sherzata-bolata-podozrevaemye-veseliatsia-v-ivs-1739700925/",
        "https://liter.kz/ubiistvo-sherzata-bolata-podozrevaemye-veseliatsia-v-ivs-1739700925",
    ),
    # baq: the AMP path differs in structure; only the /amp/ segment goes (rel=canonical fixes the rest)
    (
        "https://rus.baq.kz/amp/news/tragediya-v-schuchinsk-video-ochevidtsev-320016240",
        "https://rus.baq.kz/news/tragediya-v-schuchinsk-video-ochevidtsev-320016240",
    ),
    # khabar / 24kz / kazpravda / egemen
    (
        "https://khabar.kz/ru/news/proisshestviya/172047-delo-sherzata-svideteli-vystupili-v-sude/",
        "https://khabar.kz/ru/news/proisshestviya/172047-delo-sherzata-svideteli-vystupili-v-sude",
    ),
    (
        "https://24.kz/ru/news/social/item/601535-v-mchs-prokommentirovali-pozhar-v-rezervate-live?amp=1",
        "https://24.kz/ru/news/social/item/601535-v-mchs-prokommentirovali-pozhar-v-rezervate-live",
    ),
    (
        "https://kazpravda.kz/n/vazhneyshiy-istoricheskiy-rubezh/?amp",
        "https://kazpravda.kz/n/vazhneyshiy-istoricheskiy-rubezh",
    ),
    (
        "https://egemen.kz/search?year=2020&month=4&page=41",
        "https://egemen.kz/search?month=4&page=41&year=2020",
    ),
    ("http://lat.egemen.kz/opinion?page=10&amp=true", "https://lat.egemen.kz/opinion?page=10"),
    # other AMP forms
    ("https://amp.example.kz/news/1.amp.html", "https://example.kz/news/1.html"),
    ("https://mobile.example.kz/news/1/", "https://example.kz/news/1"),
    # ports, case, whitespace, duplicate slashes, dot segments, root
    (
        "  HTTPS://TENGRINEWS.KZ:443//kazakhstan_news//578502/ \n",
        "https://tengrinews.kz/kazakhstan_news/578502",
    ),
    ("http://tengrinews.kz:80", "https://tengrinews.kz/"),
    ("https://tengrinews.kz:8080/a/", "https://tengrinews.kz:8080/a"),
    ("https://tengrinews.kz/a/./b/../c/", "https://tengrinews.kz/a/c"),
    ("https://tengrinews.kz/", "https://tengrinews.kz/"),
    ("https://tengrinews.kz", "https://tengrinews.kz/"),
    ("//tengrinews.kz/news/1/", "https://tengrinews.kz/news/1"),
    ("https://tengrinews.kz./news/1", "https://tengrinews.kz/news/1"),
    # query: tracking removed, meaningful kept and sorted, unreserved escapes decoded, hex upper-cased
    (
        "https://zakon.kz/search?q=%d0%b0&type=news&gclid=1&_ga=2&share=tg&si=x&rss=1&from=main",
        "https://zakon.kz/search?q=%D0%B0&type=news",
    ),
    (
        "https://example.kz/x?p=2&id=5&start=10&handler=1&ref=tg&ref_src=twsrc&igshid=a&spm=b",
        "https://example.kz/x?handler=1&id=5&p=2&start=10",
    ),
    (
        "https://example.kz/x?UTM_SOURCE=a&mc_cid=1&mc_eid=2&yclid=3&dclid=4&gbraid=5&wbraid=6&_openstat=7&_gl=8",
        "https://example.kz/x",
    ),
    ("https://example.kz/x?b=2&a=1&b=1", "https://example.kz/x?a=1&b=2&b=1"),
    ("https://example.kz/%7Euser/%41bc", "https://example.kz/~user/Abc"),
    ("https://example.kz/a%2Fb", "https://example.kz/a%2Fb"),
    ("https://example.kz/100%", "https://example.kz/100%25"),
    ("https://example.kz/a b", "https://example.kz/a%20b"),
    ("https://example.kz/?", "https://example.kz/"),
    # IDNA: Unicode and punycode spellings meet
    ("https://xn--e1afmkfd.xn--p1ai/news/", "https://пример.рф/news"),
    ("https://ПРИМЕР.РФ/news/", "https://пример.рф/news"),
    # not http(s) or no host: returned stripped
    ("  mailto:info@tengrinews.kz ", "mailto:info@tengrinews.kz"),
    ("/relative/path/", "/relative/path/"),
    ("", ""),
    ("https://[not-an-ipv6/x", "https://[not-an-ipv6/x"),
    ("https://tengrinews.kz:99999999/x", "https://tengrinews.kz:99999999/x"),
]


@pytest.mark.parametrize(("url", "expected"), CANONICAL_CASES)
def test_canonicalize_url(url: str, expected: str) -> None:
    assert canonicalize_url(url) == expected


def test_table_is_large_enough() -> None:
    assert len(CANONICAL_CASES) >= 40


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://nur.kz/politics/kazakhstan/2086925-bolshe-17-mlrd/",
            "https://www.nur.kz/politics/kazakhstan/2086925-bolshe-17-mlrd",
        ),
        (
            "http://m.nur.kz/politics/kazakhstan/2086925-bolshe-17-mlrd",
            "https://www.nur.kz/politics/kazakhstan/2086925-bolshe-17-mlrd",
        ),
        (
            "https://www.nur.kz/politics/kazakhstan/2086925-bolshe-17-mlrd/",
            "https://www.nur.kz/politics/kazakhstan/2086925-bolshe-17-mlrd",
        ),
        ("https://amp.nur.kz/society/2286879-ulicu/amp", "https://www.nur.kz/society/2286879-ulicu"),
        ("https://kaz.nur.kz/society/1/", "https://kaz.nur.kz/society/1"),
    ],
)
def test_host_aliases_override_prefix_stripping(url: str, expected: str) -> None:
    assert canonicalize_url(url, NUR_ALIASES) == expected


def test_host_alias_keys_are_matched_case_insensitively() -> None:
    assert canonicalize_url("https://NUR.KZ/a", {"Nur.Kz": "www.nur.kz"}) == "https://www.nur.kz/a"


@pytest.mark.parametrize(
    "variants",
    [
        [
            "https://tengrinews.kz/kazakhstan_news/novosti-536968/",
            "http://tengrinews.kz/kazakhstan_news/novosti-536968",
            "https://www.tengrinews.kz/kazakhstan_news/novosti-536968/amp",
            "https://m.tengrinews.kz/kazakhstan_news/novosti-536968/?utm_source=fb#top",
        ],
        [
            "https://vlast.kz/novosti/58071-mvd-zaavilo.html",
            "https://vlast.kz/amp/novosti/58071-mvd-zaavilo.html",
            "https://vlast.kz/novosti/58071-mvd-zaavilo.amp.html",
            "https://amp.vlast.kz/novosti/58071-mvd-zaavilo.html?amp=1",
        ],
    ],
)
def test_variants_of_one_article_share_a_key(variants: list[str]) -> None:
    assert len({canonicalize_url(url) for url in variants}) == 1


def test_language_editions_stay_apart() -> None:
    keys = {
        canonicalize_url(url)
        for url in (
            "https://tengrinews.kz/a/1",
            "https://kaz.tengrinews.kz/a/1",
            "https://en.tengrinews.kz/a/1",
        )
    }
    assert len(keys) == 3


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://tengrinews.kz/kazakhstan_news/novosti-536968/amp", True),
        ("https://liter.kz/megapolis-perspektiv-1769446000/amp/", True),
        ("https://informburo.kz/amp/novosti/mama", True),
        ("https://vlast.kz/kz/amp/novosti/60059-x.html", True),
        ("https://example.kz/news/1.amp.html", True),
        ("https://amp.example.kz/news/1", True),
        ("https://example.kz/news/1?amp", True),
        ("https://example.kz/news/1?amp=1", True),
        ("https://example.kz/news/1?page=2&amp=true", True),
        ("https://tengrinews.kz/kazakhstan_news/novosti-536968/", False),
        ("https://example.kz/news/ampere-1", False),
        ("https://example.kz/news/1?page=2", False),
        ("https://amp.kz/news/1", False),
        ("not a url", False),
        ("", False),
    ],
)
def test_is_amp_url(url: str, expected: bool) -> None:
    assert is_amp_url(url) is expected


@pytest.mark.parametrize(
    ("url_a", "url_b", "expected"),
    [
        ("https://tengrinews.kz/a", "http://www.tengrinews.kz/b", True),
        ("https://kaz.tengrinews.kz/a", "https://tengrinews.kz/b", True),
        ("https://rus.azattyq.org/a/1.html", "https://www.azattyq.org/amp/1.html", True),
        ("https://tengrinews.kz/a", "https://zakon.kz/a", False),
        ("https://inform.kz/ru/a", "https://qazinform.com/news/a", False),
        ("https://a.gov.kz/x", "https://b.gov.kz/x", False),
        ("https://d3of116851ncn.cloudfront.net/a/1.html", "https://d111.cloudfront.net/a/1.html", False),
        ("https://tengrinews.kz/a", "ftp://tengrinews.kz/a", False),
        ("https://tengrinews.kz/a", "garbage", False),
    ],
)
def test_same_site(url_a: str, url_b: str, expected: bool) -> None:
    assert same_site(url_a, url_b) is expected


def test_same_site_uses_aliases() -> None:
    aliases = {"qazinform.com": "en.inform.kz"}
    assert same_site("https://www.inform.kz/ru/a", "https://qazinform.com/news/a", aliases)


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("tengrinews.kz", "tengrinews.kz"),
        ("kaz.tengrinews.kz", "tengrinews.kz"),
        ("kz.kursiv.media", "kursiv.media"),
        ("stat.gov.kz", "stat.gov.kz"),
        ("www.bbc.co.uk", "bbc.co.uk"),
        ("127.0.0.1", "127.0.0.1"),
    ],
)
def test_registrable_domain(host: str, expected: str) -> None:
    assert registrable_domain(host) == expected


BAQ_AMP = "https://baq.kz/amp/news/othernews/schuchinsk-zharylys-qurbandaryn-eske-aluda-320016461"
BAQ_CANONICAL = "https://baq.kz/schuchinsk-zharylys-qurbandaryn-eske-aluda-320016461"


@pytest.mark.parametrize(
    ("page_url", "rel_canonical", "expected"),
    [
        # same site, absolute: followed (this is how baq.kz AMP pages reach their article key)
        (BAQ_AMP, BAQ_CANONICAL + "/", BAQ_CANONICAL),
        # same site, other scheme and host form
        (BAQ_AMP, "http://www.baq.kz/schuchinsk-zharylys-qurbandaryn-eske-aluda-320016461/", BAQ_CANONICAL),
        # relative href, resolved against the page URL
        (BAQ_AMP, "/schuchinsk-zharylys-qurbandaryn-eske-aluda-320016461/", BAQ_CANONICAL),
        (BAQ_AMP, "//baq.kz/schuchinsk-zharylys-qurbandaryn-eske-aluda-320016461/", BAQ_CANONICAL),
        (
            "https://vlast.kz/amp/novosti/1-x.html",
            "../2-y.html",
            "https://vlast.kz/amp/2-y.html".replace("/amp", ""),
        ),
        # a language subdomain of the same site is accepted
        ("https://tengrinews.kz/a/1", "https://kaz.tengrinews.kz/a/1/", "https://kaz.tengrinews.kz/a/1"),
        # cross-site: ignored (a reprint pointing at the original must keep its own key)
        (
            "https://zakon.kz/news/1-x.html",
            "https://www.inform.kz/ru/x-7f087e",
            "https://zakon.kz/news/1-x.html",
        ),
        # the home page as canonical of an article: a CMS mistake, ignored
        ("https://orda.kz/itogi-2023-380565/", "https://orda.kz/", "https://orda.kz/itogi-2023-380565"),
        # the home page of the home page is fine
        ("https://www.orda.kz/", "https://orda.kz/", "https://orda.kz/"),
        # missing, empty or garbage
        ("https://orda.kz/itogi-2023-380565/", None, "https://orda.kz/itogi-2023-380565"),
        ("https://orda.kz/itogi-2023-380565/", "   ", "https://orda.kz/itogi-2023-380565"),
        ("https://orda.kz/itogi-2023-380565/", "http://[::1", "https://orda.kz/itogi-2023-380565"),
        ("https://orda.kz/itogi-2023-380565/", "javascript:void(0)", "https://orda.kz/itogi-2023-380565"),
        ("https://orda.kz/itogi-2023-380565/", "mailto:a@orda.kz", "https://orda.kz/itogi-2023-380565"),
        ("not a url", "https://orda.kz/x", "not a url"),
    ],
)
def test_canonical_from_page(page_url: str, rel_canonical: str | None, expected: str) -> None:
    assert canonical_from_page(page_url, rel_canonical) == expected


def test_canonical_from_page_with_aliases() -> None:
    result = canonical_from_page(
        "https://m.nur.kz/society/1-x/amp", "https://nur.kz/society/1-x/", NUR_ALIASES
    )
    assert result == "https://www.nur.kz/society/1-x"


# ------------------------------------------------------------------------------ property tests

_hosts = st.sampled_from(
    [
        "tengrinews.kz", "www.tengrinews.kz", "m.tengrinews.kz", "kaz.tengrinews.kz", "www.nur.kz",
        "amp.vlast.kz", "ru.sputnik.kz", "rus.azattyq.org", "kz.kursiv.media", "XN--E1AFMKFD.XN--P1AI",
        "пример.рф", "WWW.Inform.KZ", "localhost", "127.0.0.1", "www.m.kz", "m.www.amp.example.kz",
    ]
)  # fmt: skip
_segment_pieces = st.sampled_from(
    [
        "amp",
        "kz",
        "ru",
        "news",
        "алматы",
        "%d0%b0",
        "%41",
        "%2F",
        "%",
        ".",
        "..",
        "a b",
        "x.amp.html",
        "",
        "~",
        "Ü",
    ]
)
_segments = st.lists(
    st.one_of(_segment_pieces, st.text(alphabet="abcАБв%-._~!$&'()*+,;=:@é ", max_size=6)), max_size=6
)
_query_keys = st.sampled_from(
    ["utm_source", "page", "amp", "q", "id", "fbclid", "B", "a", "%61", "ref", "x y", ""]
)
_query_values = st.text(alphabet="ab1%=+ /?Жé", max_size=5)


@st.composite
def _urls(draw: st.DrawFn) -> str:
    scheme = draw(st.sampled_from(["http://", "https://", "HTTPS://", "//"]))
    host = draw(_hosts)
    port = draw(st.sampled_from(["", ":80", ":443", ":8080"]))
    path = "/".join(draw(_segments))
    if draw(st.booleans()):
        path = "/" + path
    if draw(st.booleans()):
        path += "/"
    pairs = draw(st.lists(st.tuples(_query_keys, st.one_of(st.none(), _query_values)), max_size=4))
    query = "&".join(key if value is None else f"{key}={value}" for key, value in pairs)
    fragment = draw(st.sampled_from(["", "#top", "#"]))
    separator = "/" if path and not path.startswith("/") else ""
    return f"{scheme}{host}{port}{separator}{path}{'?' + query if query or draw(st.booleans()) else ''}{fragment}"


@settings(max_examples=300, deadline=None)
@given(_urls())
def test_canonicalize_is_idempotent(url: str) -> None:
    once = canonicalize_url(url)
    assert canonicalize_url(once) == once
    assert not is_amp_url(once)


@settings(max_examples=150, deadline=None)
@given(_urls())
def test_canonicalize_is_idempotent_with_aliases(url: str) -> None:
    once = canonicalize_url(url, NUR_ALIASES)
    assert canonicalize_url(once, NUR_ALIASES) == once


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80), st.one_of(st.none(), st.text(max_size=40)))
def test_never_raises(url: str, rel_canonical: str | None) -> None:
    canonicalize_url(url)
    canonical_from_page(url, rel_canonical)
    is_amp_url(url)
    same_site(url, rel_canonical or "")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.booleans(), st.one_of(st.integers(0, 40), st.integers(0, 2**64 - 1),
                                                   st.sampled_from([0, 1, 2**63, 2**64 - 1, 2**64 - 2])))))
def test_url_key_set_behaves_as_a_set_across_merges(operations):
    class Small(UrlKeySet):
        MERGE_AT = 3  # merge often, so keys are found on both sides

    keys, expected = Small(), set()
    for is_add, key in operations:
        if is_add:
            assert keys.add(key) == (key not in expected)  # True when the key was new
            expected.add(key)
        assert (key in keys) == (key in expected)
        assert len(keys) == len(expected)
    assert all(key in keys for key in expected)


def test_url_key_set_holds_a_long_run_in_a_few_bytes_a_url():
    import tracemalloc

    urls = [f"https://tengrinews.kz/news/story-{n}/" for n in range(200_000)]
    tracemalloc.start()
    keys = UrlKeySet(url_key(url) for url in urls)
    size, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(keys) == 200_000 and url_key(urls[123_456]) in keys and url_key("https://tengrinews.kz/") not in keys
    assert size < 200_000 * 16, size  # a set of ints: about 60 bytes a key
