"""tengrinews.kz's URL rules: articles /<section>/<slug>-<id>/ on three hosts; tag pages that end in a number and
other service pages are not articles. (The real pages' traps are in tests/test_extract.py and
tests/test_listing_fallback.py.)"""

from pathlib import Path

import pytest

from kznews.sites import get_site

SITE = get_site("tengrinews")
REAL = Path(__file__).parent / "fixtures" / "real" / "tengrinews"


# --- URL forms of the archive and service pages (issue 11); [V] seen in evidence (see the site module), [A] assumed ---


@pytest.mark.parametrize(
    ("url", "edition"),
    [
        ("https://tengrinews.kz/kazakhstan_news/stoit-udivlyatsya-poyavleniyu-elbasyi-mejdunarodnoy-arene-369526/", "ru"),  # [V]
        ("https://tengrinews.kz/article/ludomaniya-chemu-mogut-privesti-azartnyie-igryi-kak-2185/", "ru"),  # [V]
        ("http://www.tengrinews.kz/kazakhstan_news/13-milliardov-tenge-investitsiy-privlekli-startapyi-astana-381569/", "ru"),  # [A] host
        ("https://m.tengrinews.kz/mixnews/v-whatsapp-poyavitsya-novaya-funktsiya-488171", "ru"),  # [A] host
        ("https://kaz.tengrinews.kz/kazakhstan_news/reklama-alkogolya-zapretyat-500001/", "kk"),  # [A] a service word in a headline
    ],
)
def test_archive_url_forms_are_articles_of_their_edition(url, edition):
    assert SITE.is_article_url(url)
    assert SITE.edition_for_url(url).key == edition


@pytest.mark.parametrize(
    "url",
    [
        "https://tengrinews.kz/tag/послание-2022/",  # [V] linked from the real 2023 tag pages
        "https://tengrinews.kz/tag/%D0%BF%D0%BE%D1%81%D0%BB%D0%B0%D0%BD%D0%B8%D0%B5-2022",  # [V] the same, encoded
        "https://tengrinews.kz/author/389/page/20",  # [V]
        "https://tengrinews.kz/page/reklama-5/",  # [A]
        "https://tengrinews.kz/kazakhstan_news/kontakty-100/",  # [A]
        "https://tengrinews.kz/search/x-2024/",  # [A]
        "https://test.tengrinews.kz/kazakhstan_news/chto-proizoshlo-v-kazahstane-segodnya-27-marta-530395",  # [V] staging
    ],
)
def test_service_pages_are_not_articles(url):
    assert not SITE.is_article_url(url)


def test_the_real_tag_page_links_a_tag_that_fits_the_article_pattern():
    html = (REAL / "tag-almaty-2023-01-10.html").read_text(encoding="utf-8")
    assert 'href="/tag/послание-2022/"' in html
    assert SITE.article_path.search("/tag/послание-2022/")  # the pattern alone would take it
