"""The site-level URL rules of kznews.sites.base: service pages that fit an article pattern (`not_articles`), the
archive's URL prefixes of an edition (`archive_prefixes`), the shared service-page names. Sites' own rules and
evidence are tested in tests/test_site_<site>.py."""

import re

import pytest

from kznews.sites.base import SERVICE_SECTION, SERVICE_SLUG, Edition, Site

# A made-up site for the mechanics: two editions on one host told apart by the path, an archive under other
# language segments and an old host.
SITE = Site(
    name="example",
    title="Example",
    editions=(
        Edition("ru", "https://www.example.kz", path_prefix="/ru/", archive_prefixes=("www.example.kz/rus/",)),
        Edition("kk", "https://kaz.example.kz", archive_prefixes=("www.example.kz/kaz/", "old-example.kz/kz/")),
    ),
    article_path=re.compile(r"^/(?:ru/|rus/|kaz/|kz/)?(?:[a-z]+/)?[a-z0-9]+(?:[-_][a-z0-9]+)*[-_]\d{5,}/?$"),
    not_articles=re.compile(rf"^/(?:[a-z]+/)?{SERVICE_SECTION}/|/{SERVICE_SLUG}[-_]\d+/?$"),
    host_aliases={"example.kz": "www.example.kz", "www.old-example.kz": "old-example.kz"},
)


@pytest.mark.parametrize(
    ("url", "edition"),
    [
        ("https://www.example.kz/ru/novost-dnya-12345", "ru"),
        ("https://www.example.kz/rus/novost-dnya-12345", "ru"),  # archive prefix
        ("https://example.kz/rus/novost-dnya-12345", "ru"),  # archive prefix after the alias
        ("https://kaz.example.kz/kun-zhanalygy-12345", "kk"),
        ("https://www.example.kz/kaz/kun-zhanalygy-12345", "kk"),
        ("https://www.old-example.kz/kz/kun-zhanalygy-12345", "kk"),  # an old host, only under its prefix
        ("https://www.example.kz/ru/reklama-alkogolya-zapretyat-12345", "ru"),  # a service word inside a headline
    ],
)
def test_archive_prefixes_belong_to_their_edition(url, edition):
    assert SITE.is_article_url(url)
    assert SITE.edition_for_url(url).key == edition


@pytest.mark.parametrize(
    "url",
    [
        "https://www.example.kz/ru/reklama-12345",
        "https://www.example.kz/ru/kontakty_12345",
        "https://www.example.kz/rus/ob_agentstve_12345",
        "https://www.example.kz/ru/usloviya-razmescheniya-reklamy-12345",
        "https://www.example.kz/ru/press-centr-12345",
        "https://www.example.kz/ru/avtorskie-prava-12345",
        "https://www.example.kz/ru/politika-konfidencialnosti-12345",
        "https://www.example.kz/ru/tag/almaty-12345",
        "https://www.example.kz/ru/authors/ivanov-12345",
    ],
)
def test_service_pages_are_refused_though_they_fit_the_article_pattern(url):
    assert SITE.article_path.search(url.split("example.kz", 1)[1])
    assert not SITE.is_article_url(url)


def test_hosts_and_editions_outside_the_prefixes():
    assert "old-example.kz" in SITE.hosts and "www.old-example.kz" in SITE.hosts
    assert SITE.edition_for_url("https://old-example.kz/ru/novost-dnya-12345") is None  # only /kz/ is archived there
    assert not SITE.is_article_url("https://other.kz/ru/novost-dnya-12345")


def test_tracking_parameters_do_not_change_what_a_link_is():
    assert SITE.is_article_url("https://www.example.kz/ru/novost-dnya-12345?utm_source=main&fbclid=x")
    assert not SITE.is_article_url("https://www.example.kz/ru/novost-dnya-12345?print=1")
