"""24.kz traps: the '. LIVE' that belongs to the headline, the JSON-LD headline cut at 110 characters, the K2
image caption and credits inside div.itemBody, K2's own itemlist URLs that are not articles, the /kz/ prefix of
the Kazakh edition."""

from datetime import datetime
from pathlib import Path

import pytest

from kznews.extract import extract_article, extract_list
from kznews.sites import get_site

SITE = get_site("24kz")
FIXTURES = Path(__file__).parent / "fixtures" / "sites" / "24kz"
JUNE = datetime.fromisoformat("2023-06-10T12:00:00+06:00")
FIRE = "https://24.kz/ru/news/social/item/601535-v-mchs-prokommentirovali-pozhar-v-rezervate-live"
WEATHER = "https://24.kz/ru/news/social/item/601522-sinoptiki-predupredili-o-grozakh-grade-i-silnom-vetre-v-dvenadtsati-regionakh"
QUAKE = "https://24.kz/kz/zha-aly-tar/o-am/item/635954-almatyda-zher-silkinisinen-zharalan-andar-sany-artty"


def page(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("url", [FIRE, WEATHER, QUAKE, "https://www.24.kz/ru/news/policy/item/601498-senat-odobril"])
def test_article_urls_are_articles(url):
    assert SITE.is_article_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://24.kz/ru/news/social",
        "https://24.kz/ru/news/social?start=15",
        "https://24.kz/kz/zha-aly-tar/o-am",
        "https://24.kz/ru/news/itemlist/tag/МЧС",
        "https://24.kz/ru/news/itemlist/user/45-redaktsiya",
        "https://24.kz/ru/rss",
        "https://24.kz/ru/live",
        "https://24.kz/en/news/social/item/601535-v-mchs",  # no such edition
        "https://khabar.kz/ru/news/novosti-o-deyatelnosti/176461-veterany",
    ],
)
def test_lists_tags_authors_and_feeds_are_not_articles(url):
    assert not SITE.is_article_url(url)


def test_kazakh_edition_lives_under_kz():
    assert SITE.edition_for_url(QUAKE).lang == "kk"
    assert SITE.edition_for_url(FIRE).lang == "ru"


def test_live_is_part_of_the_headline_but_the_template_suffix_goes():
    data = extract_article(page("ru-news-601535.html"), FIRE, SITE, "ru", JUNE)
    assert data.title == "В МЧС прокомментировали пожар в резервате. LIVE"
    assert SITE.title_suffix.sub("", "В МЧС прокомментировали пожар в резервате. LIVE | 24KZ") == data.title


def test_cut_jsonld_headline_gives_way_to_the_full_title():
    data = extract_article(page("ru-news-601522.html"), WEATHER, SITE, "ru", JUNE)
    assert data.title.endswith("на предстоящие выходные дни")
    assert data.sources["title"] != "jsonld"


def test_image_caption_and_credits_inside_the_body_are_dropped():
    data = extract_article(page("ru-news-601535.html"), FIRE, SITE, "ru", JUNE)
    assert "Тушение пожара в области Абай" not in data.body
    assert "Фото:" not in data.body
    assert "Читайте также" not in data.body
    assert data.body.count("передаёт «Хабар 24»") == 1  # the attribution is article text
    kk = extract_article(page("kk-news-635954.html"), QUAKE, SITE, "kk", JUNE)
    assert "Алматы, 23 қаңтар 2024 жыл" not in kk.body and "Сурет:" not in kk.body
    assert "Telegram" not in kk.body


def test_list_reads_the_datetime_attribute_and_the_next_link():
    listing = extract_list(page("ru-news-social.html"), "https://24.kz/ru/news/social", SITE, "ru", JUNE)
    assert listing.layouts == ["k2-category"]
    assert [e.published_at.isoformat() for e in listing.entries][:2] == [
        "2023-06-10T11:50:00+06:00",
        "2023-06-10T11:32:00+06:00",
    ]
    assert listing.next == ["https://24.kz/ru/news/social?start=15"]


# --- URL forms of the archive and service pages (issue 11); [V] seen in evidence (see the site module), [A] assumed ---


@pytest.mark.parametrize(
    ("url", "edition"),
    [
        ('http://24.kz/ru/news/culture/item/107834-v-almaty-pochtili-pamyat-zhambyla-zhabaeva', 'ru'),  # [V]
        ('http://www.24.kz/ru/news/in-the-world/item/105923-izdateli-iz-29-stran-prinyali-uchastie-v-mezhdunarodnoj-knizhnoj-vystavke-v-minske', 'ru'),  # [V]
    ],
)
def test_archive_url_forms_are_articles_of_their_edition(url, edition):
    assert SITE.is_article_url(url)
    assert SITE.edition_for_url(url).key == edition


@pytest.mark.parametrize(
    "url",
    [
        'https://24.kz/ru/o-kanale/item/123-istoriya-kanala',  # [A]
        'https://24.kz/ru/news/item/124-kontakty',  # [A]
        'https://24.kz/kz/news/item/125-reklama',  # [A]
    ],
)
def test_service_pages_are_not_articles(url):
    assert not SITE.is_article_url(url)
