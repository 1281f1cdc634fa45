"""Builds the constructed nur.kz fixture pages (tests/fixtures/sites/nur/).

We have no real nur.kz HTML of our own. The article pages follow a real article page saved in April 2024 (kept as a
template in a public repository; the story "Госорганы хотели нерационально потратить 17 млрд тенге в Казахстане"):
its head (article:* meta, og:updated_time), `h1.main-headline`, the "Опубликовано:" line with
`time.datetime--publication`, `div.formatted-body` with `formatted-body__content--wrapper`, the ad placeholders, the
hidden "Оригинал статьи" line, `address.author-item`, and the NewsArticle JSON-LD at the end of the body with
escaped slashes and an entity-escaped articleBody that leaves out the lead. The archived 2024 page reuses that
story's text. The 2025 list markup (`article.article-card`, `time.article-card__date` in UTC with milliseconds,
'Сегодня, 16:15') is from scrapers' selectors (docs/evidence/SITES.md); the 2024 list markup
(`article-preview-category__*`) likewise. The /latest/ page carries its next items as JSON and a script that appends
them when "load more" is clicked or the page is scrolled, as the site's infinite scroll does. Assumed: the kk
wording, the load-more button, the promo wording, the sitemap children.

Run from the repository root: python tests/tools/construct_nur.py  (rewrites the constructed files; --check compares)
"""

from __future__ import annotations

import html
import re
import sys
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.tools.pagebuilder import (
    Constructor,
    breadcrumb_list,
    day_month_year,
    days_before,
    esc,
    image_object,
    jsonld,
    schema,
    sitemap_index,
    urlset,
    web_page,
)

PAGES = Constructor("nur")

ORIGINS = {"ru": "https://www.nur.kz", "kk": "https://kaz.nur.kz"}
WORDS = {
    "ru": {
        "published": "Опубликовано:", "author": "Автор:", "latest": "Все новости", "more": "Показать еще",
        "popular": "Популярное", "read_also": "Читайте также", "close": "ЗАКРЫТЬ", "version": "Версия сайта",
        "about": "О проекте", "rules": "Правила использования материалов", "policy": "Политика конфиденциальности",
        "adv": "Рекламодателям", "original": "Оригинал статьи:",
        "menu": [("/latest/", "Все новости"), ("/politics/", "Политика"), ("/society/", "Общество"),
                 ("/incident/", "Происшествия"), ("/world/", "Мир"), ("/nurfin/", "Финансы"),
                 ("/sport/", "Спорт"), ("/technologies/", "Технологии"), ("/family/", "Семья")],
    },
    "kk": {
        "published": "Жарияланды:", "author": "Авторы:", "latest": "Барлық жаңалықтар", "more": "Тағы көрсету",
        "popular": "Көп оқылғандар", "read_also": "Оқи отырыңыз", "close": "ЖАБУ", "version": "Сайт нұсқасы",
        "about": "Жоба туралы", "rules": "Материалдарды пайдалану ережесі", "policy": "Құпиялық саясаты",
        "adv": "Жарнама берушілерге", "original": "Мақаланың түпнұсқасы:",
        "menu": [("/latest/", "Барлық жаңалықтар"), ("/politics/", "Саясат"), ("/society/", "Қоғам"),
                 ("/incident/", "Оқиға"), ("/world/", "Әлем"), ("/sport/", "Спорт"), ("/family/", "Отбасы")],
    },
}
TODAY = {"ru": ("Сегодня", "Вчера"), "kk": ("Бүгін", "Кеше")}


@dataclass
class Story:
    file: str
    lang: str
    path: str  # /politics/kazakhstan/2297451-.../
    title: str
    lead: str  # first paragraph, printed bold; also the meta description
    paragraphs: list[str]  # HTML blocks after the lead (p, h2, figure, read-also, promo)
    published: str  # ISO with +05:00
    modified: str
    author: tuple[str, str]  # (name, slug)
    crumbs: list[tuple[str, str]]  # (name, path) from the rubric down
    tags: list[str]
    image: str  # hash of the cdn image
    image_alt: str
    credit: str
    rubric_label: str  # the category printed on list cards

    @property
    def url(self) -> str:
        return ORIGINS[self.lang] + self.path

    @property
    def id(self) -> str:
        return self.path.rstrip("/").split("/")[-1].split("-")[0]


def ldjson(value) -> str:
    """JSON as nur.kz prints it: Cyrillic as is, slashes escaped."""
    return jsonld(value, compact=True, escape_slashes=True)


def local(iso: str) -> datetime:
    return datetime.fromisoformat(iso)


def full_date(iso: str, lang: str) -> str:
    value = local(iso)
    return f"{day_month_year(value, lang)}, {value:%H:%M}"


def card_date(iso: str, lang: str, now: datetime) -> str:
    value = local(iso)
    days = days_before(value, now)
    if days in (0, 1):
        return f"{TODAY[lang][days]}, {value:%H:%M}"
    return full_date(iso, lang)


def utc_z(iso: str) -> str:
    return local(iso).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def text_of(block: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", block)).strip()


# --- page chrome -------------------------------------------------------------------------------------------


def header(lang: str) -> str:
    words = WORDS[lang]
    origin = ORIGINS[lang]
    other = "https://kaz.nur.kz/" if lang == "ru" else "https://www.nur.kz/"
    menu = "\n".join(
        f'            <li class="header__main-menu-links-item js-header-nav-slider-item">'
        f'<a class="header__main-menu-links link--with-hovered header__main-menu-links--secondary" '
        f'href="{origin}{path}" data-id="{i}">{name}</a></li>'
        for i, (path, name) in enumerate(words["menu"])
    )
    burger = "\n".join(
        f'        <div class="burger__menu--section--item js-burger-item menu_item" data-item-id="{i}">'
        f'<a href="{origin}{path}" class="burger__menu--section--item--link burger__menu--section--item--link-full">'
        f" {name} </a></div>"
        for i, (path, name) in enumerate(words["menu"])
    )
    return f"""<div id="notification-center" class="notification-center"></div>
<div class="page__top js-page-top"><div class="page__top-placeholder page__top-placeholder--{'rus' if lang == 'ru' else 'kaz'}"></div></div>
<div class="header__reducer js-header-reducer js-header">
    <button class="header__button js-burger-button" aria-label="menu"><img src="{origin}/nur/img/burger.svg" alt="burger menu" class="icon"></button>
    <a href="{origin}/" class="header__logo js-header-logo"><img src="{origin}/nur/img/logo-15-years.svg" alt="NUR.KZ"></a>
    <div class="header__right-container">
        <a href="{other}" class="header__lang--buttons header__lang--buttons--{'ru' if lang == 'ru' else 'kaz'}">
            <span class="header__lang--button header__lang--button--ru">ru</span>
            <span class="header__lang--button header__lang--button--kz">kz</span></a>
    </div>
</div>
<div class="header__nav--container js-header-nav-container">
    <nav class="header__main-menu-nav js-header-nav">
        <ul class="header__main-menu header__main-menu--visible header__main-menu--secondary js-header-nav-slider-container">
{menu}
        </ul>
    </nav>
</div>
<div class="burger__menu js-burger-menu">
    <div class="burger__menu--overlay js-burger-overlay"></div>
    <div class="burger__menu--container js-burger-container">
        <button class="header__button header__button-burger js-burger-close-button">{words['close']}</button>
        <div class="header__lang js-analytics-section" data-section-id="0"><p class="header__lang--text">{words['version']}</p></div>
        <div class="burger__menu--section js-analytics-section js-category-section" data-section-id="1">
{burger}
        </div>
    </div>
</div>"""


def footer(lang: str) -> str:
    words = WORDS[lang]
    origin = ORIGINS[lang]
    return f"""<footer class="bottom-nav js-footer">
    <nav class="burger__footer-section"><ul>
        <li><a class="bottom-nav__link" href="{origin}/about-us.html">{words['about']}</a></li>
        <li><a class="bottom-nav__link" href="{origin}/authors/">Авторы</a></li>
        <li><a class="bottom-nav__link" href="{origin}/licensing-agreement.html">{words['rules']}</a></li>
        <li><a class="bottom-nav__link" href="{origin}/privacy-policy.html">{words['policy']}</a></li>
        <li><a class="bottom-nav__link" href="https://corp.nur.kz/">{words['adv']}</a></li>
    </ul></nav>
    <ul class="bottom-nav__social-list">
        <li><a class="bottom-nav__link" href="https://www.facebook.com/PortalNURKZ" rel="noopener">facebook</a></li>
        <li><a class="bottom-nav__link" href="https://www.instagram.com/kaznews/" rel="noopener">instagram</a></li>
        <li><a class="bottom-nav__link" href="https://t.me/newsnurkz" rel="noopener">telegram</a></li>
        <li><a class="bottom-nav__link" href="https://www.tiktok.com/@newsnurkz" rel="noopener">tiktok</a></li>
    </ul>
    <p class="bottom-nav__copyright">© 2008–2025 NUR.KZ. editor@corp.nur.kz, +7 (727) 339 80 38</p>
</footer>
<div class="advert advert-anchor"><div id="js-adfox-anchor"></div><button class="advert-anchor-close advert-anchor-close--hidden js-advert-close"></button></div>
<script>(function (m, e, t, r, i) {{ m[i] = m[i] || function () {{ (m[i].a = m[i].a || []).push(arguments) }}; }})(window, document, "script", "https://mc.yandex.ru/metrika/tag.js", "ym"); ym(35102860, "init", {{clickmap: true, trackLinks: true}});</script>
<noscript><div><img src="https://mc.yandex.ru/watch/35102860" style="position:absolute; left:-9999px;" alt=""></div></noscript>"""


STYLE = """<style>
        .main-headline { font-size: 24px; line-height: 1.04; font-weight: 700; letter-spacing: -.03em }
        .datetime { font-size: 14px; line-height: 1.29; color: #757575 }
        .formatted-body__paragraph { font-size: 18px; line-height: 1.5; margin: 0 0 20px }
        .formatted-body__block-hidden { display: none }
        .article-card { display: flex; gap: 12px; padding: 12px 0; border-bottom: 1px solid #e2e2e2 }
        .article-card__title { color: #212121; font-weight: 700 }
        .article-card__date { color: #757575; font-size: 13px }
        .load-more { display: block; margin: 24px auto; padding: 10px 24px; background: #1e54b7; color: #fff }
        .page__reducer { max-width: 1152px; margin: 0 auto; padding: 20px 32px 0 }
    </style>"""


def popular(lang: str, now: datetime, items: list[tuple[str, str, str]]) -> str:
    words = WORDS[lang]
    lis = "\n".join(
        f'        <li class="popular__item"><a class="popular__link" href="{ORIGINS[lang]}{path}">{title}</a>'
        f' <time class="popular__date" datetime="{utc_z(iso)}">{card_date(iso, lang, now)}</time></li>'
        for path, title, iso in items
    )
    return f"""<aside class="layout-content-type-page__sidebar">
    <div id="js-adfox-desktop-sidebar" class="advert lazyload" data-id="js-adfox-desktop-sidebar"></div>
    <section class="popular js-popular"><p class="popular__title">{words['popular']}</p>
    <ol class="popular__list">
{lis}
    </ol></section>
</aside>"""


# --- articles ------------------------------------------------------------------------------------------------


def article_page(story: Story, now: datetime, sidebar: list[tuple[str, str, str]], note: str) -> str:
    words = WORDS[story.lang]
    origin = ORIGINS[story.lang]
    image_1200 = f"https://cdn.nur.kz/images/1200x675/{story.image}.jpeg?version=1"
    image_1120 = f"https://cdn.nur.kz/images/1120x630/{story.image}.webp?version=1"
    tags_meta = "\n".join(f'    <meta property="article:tag" content="{esc(t)}">' for t in story.tags)
    body_blocks = "\n".join(story.paragraphs)
    later = [
        text_of(b)
        for b in story.paragraphs
        if b.lstrip().startswith(("<p class=\"align-left", "<h2")) and "whatsapp.com" not in b
    ]
    article_body = " ".join(t for t in later if t).replace('"', "&quot;")
    ld = schema(
        "NewsArticle",
        image={"@type": "ImageObject", "contentUrl": image_1200, "width": 1200, "height": 675, "creditText": story.credit},
        headline=story.title,
        dateModified=story.modified,
        datePublished=story.published,
        isAccessibleForFree=True,
        articleBody=article_body,
        articleSection=story.crumbs[-1][0],
        inLanguage=story.lang if story.lang == "ru" else "kk",
        mainEntityOfPage=web_page(story.url),
        publisher=schema(
            "NewsMediaOrganization",
            name="NUR.KZ",
            ethicsPolicy="https://www.nur.kz/editorial-policy.html",
            logo=image_object("https://www.nur.kz/nur/img/logo.svg", width="514", height="112"),
            url="https://www.nur.kz",
        ),
        author=[{"@type": "Person", "name": story.author[0], "url": f"{origin}/authors/{story.author[1]}/"}],
        about=[{"@type": "Thing", "name": t} for t in story.tags],
        description=story.lead,
    )
    crumbs_ld = breadcrumb_list([(name, origin + path) for name, path in story.crumbs])
    crumbs_html = "\n".join(
        f'                <li class="breadcrumbs-item"><a href="{origin}{path}">{name}</a></li>' for name, path in story.crumbs
    )
    targeting = ldjson({"rubric": story.crumbs[0][1].strip("/"), "id": story.id, "authors": [story.author[0]]})
    return PAGES.html(note, f"""<html lang="{'ru' if story.lang == 'ru' else 'kk'}" prefix="og: http://ogp.me/ns#">
<head>
    <meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
    <meta name="viewport" content="width=device-width,initial-scale=1,viewport-fit=cover">
    <meta name="theme-color" content="#1e54b7">
    <title>{esc(story.title)}</title>
    <meta name="robots" content="index, follow, max-snippet:-1, max-video-preview:-1, max-image-preview:large">
    <meta property="og:type" content="article">
    <meta property="og:updated_time" content="{story.modified}">
    <meta name="twitter:image" content="{image_1200}">
    <meta name="twitter:card" content="summary_large_image">
    <meta property="og:image" content="{image_1200}">
    <meta name="article:published_time" property="article:published_time" content="{story.published}">
    <meta property="article:modified_time" content="{story.modified}">
    <meta name="description" content="{esc(story.lead)}">
    <meta name="twitter:description" content="{esc(story.lead)}">
    <meta property="og:description" content="{esc(story.lead)}">
    <meta name="twitter:title" content="{esc(story.title)}">
    <meta property="og:title" content="{esc(story.title)}">
    <meta property="article:publisher" content="https://www.facebook.com/PortalNURKZ">
    <meta property="og:image:alt" content="{esc(story.image_alt)}">
    <meta property="article:author" content="https://www.facebook.com/PortalNURKZ">
{tags_meta}
    <meta property="article:section" content="{esc(story.crumbs[0][0])}">
    <meta property="og:image:width" content="1200">
    <meta property="og:image:height" content="675">
    <meta property="og:url" content="{story.url}">
    <meta property="og:locale" content="{'ru_RU' if story.lang == 'ru' else 'kk_KZ'}">
    <meta property="og:site_name" content="NUR.KZ">
    <meta name="twitter:site" content="@PortalNURKZ">
    <link href="{story.url}" rel="canonical">
    <link rel="alternate" hreflang="{'kk-KZ' if story.lang == 'ru' else 'ru-KZ'}" href="{'https://kaz.nur.kz/' if story.lang == 'ru' else 'https://www.nur.kz/'}">
    <link href="{image_1200}" rel="image_src">
    <link href="{image_1120}" rel="preload" as="image">
    <link type="image/png" href="https://www.nur.kz/nur/img/favicon-32x32.png" rel="icon" sizes="32x32">
    {STYLE}
    <script>window.adfoxTargeting = {targeting};</script>
</head>
<body class="page js-page">
{header(story.lang)}
<div class="page__container">
    <div class="page__reducer js-page-content">
        <div class="layout-content-type-page js-content-type-page">
            <div class="layout-content-type-page__content js-infinite">
                <div class="layout-content-type-page__main-wrapper js-main-wrapper">
                    <main class="layout-content-type-page__main js-article" data-url="{story.url}" data-title="{esc(story.title)}" data-id="{story.id}" data-is-comments-enabled="1" data-read-also-enabled="1">
                        <ul class="breadcrumbs">
{crumbs_html}
                        </ul>
                        <article class="article" data-io-article-url="{story.url}#{story.id}">
                            <h1 class="main-headline js-main-headline">{esc(story.title)}</h1>
                            <div class="layout-content-type-page__wrapper-block">
                                <p class="datetime__wrapper">
                                    <span>{words['published']}</span>
                                    <time class="datetime datetime--publication" datetime="{story.published}">{full_date(story.published, story.lang)}</time>
                                </p>
                            </div>
                            <div class="formatted-body io-article-body" data-id="{story.id}">
                                <figure class="inline-picture__container inline-picture__container--with-placeholder js-article-cover-image">
                                    <div style="padding-top: 56.25%;"></div>
                                    <picture>
                                        <source type="image/webp" srcset="{image_1120} 1120w">
                                        <img class="inline-picture" src="{image_1120}" alt="{esc(story.image_alt)}" title="{esc(story.image_alt)}" loading="eager" decoding="async">
                                    </picture>
                                    <figcaption class="inline-picture__caption">{esc(story.credit)}</figcaption>
                                </figure>
                                <div class="formatted-body__content">
                                    <div class="formatted-body__content--wrapper">
                                        <p class="align-left formatted-body__paragraph"><strong class="formatted-body__strong">{esc(story.lead)} </strong></p>
                                        <aside class="adv-placeholder adv-placeholder--in-article" data-label="Реклама">
                                            <div id="js-adfox-desktop-slot2-{story.id}" class="advert lazyload" data-id="js-adfox-desktop-slot2" data-lazyload-adfox-ad="1"></div>
                                        </aside>
{body_blocks}
                                    </div>
                                </div>
                                <p class="formatted-body__block-hidden">{words['original']} <a href="{story.url}">{story.url}</a></p>
                            </div>
                            <footer class="article__footer article-footer io-article-footer">
                                <address class="author-item author-item--with-indent">
                                    {words['author']}
                                    <a class="author-item__link" href="{origin}/authors/{story.author[1]}/">{esc(story.author[0])}</a>
                                </address>
                                <img src="https://www.nur.kz/nur/img/pixel.gif" alt="{esc(story.title)}" style="visibility:hidden;display:block;" width="1" height="1">
                            </footer>
                        </article>
                        <div class="js-article-reactions"></div>
                        <div id="js-comments-{story.id}" class="js-comments" data-count="0"></div>
                    </main>
                </div>
{popular(story.lang, now, sidebar)}
            </div>
            <div id="js-infinite-loader" class="loader loader--in-article"></div>
        </div>
    </div>
</div>
{footer(story.lang)}
<script type="application/ld+json">
    {ldjson(ld)}
</script>
<script type="application/ld+json">
    {ldjson(crumbs_ld)}
</script>
</body>
</html>
""", doctype_first=False)


def p(text: str) -> str:
    return f'                                        <p class="align-left formatted-body__paragraph">{text}</p>'


def h2(text: str) -> str:
    return f'                                        <h2 class="formatted-body__header2">{text}</h2>'


def read_also(lang: str, path: str, title: str) -> str:
    return (
        f'                                        <div class="formatted-body__read-also js-read-also">'
        f'<p class="read-also__title">{WORDS[lang]["read_also"]}</p>'
        f'<a class="read-also__link" href="{ORIGINS[lang]}{path}">{title}</a></div>'
    )


def promo(text: str, channel: str) -> str:
    return p(f'<a href="https://whatsapp.com/channel/{channel}" target="_blank" rel="noopener">{text}</a>')


def inline_figure(image: str, alt: str, credit: str) -> str:
    return (
        '                                        <figure class="inline-picture__container">'
        f'<img class="inline-picture" src="https://cdn.nur.kz/images/1120x630/{image}.webp?version=1" alt="{alt}">'
        f'<figcaption class="inline-picture__caption">{credit}</figcaption></figure>'
    )


# --- the stories -----------------------------------------------------------------------------------------------

RU_NOW = datetime.fromisoformat("2025-08-15T16:30:00+05:00")
KK_NOW = datetime.fromisoformat("2025-08-15T16:40:00+05:00")
ARCHIVE_NOW = datetime.fromisoformat("2024-04-18T12:00:00+05:00")

RU_SMARTPHONES = Story(
    file="ru-politics-2297451.html",
    lang="ru",
    path="/politics/kazakhstan/2297451-v-mazhilise-predlozhili-zapretit-smartfony-na-urokah/",
    title="В Мажилисе предложили запретить смартфоны на уроках",
    lead="Депутаты Мажилиса предложили законодательно ограничить использование смартфонов на уроках в школах, "
    "передает NUR.KZ.",
    paragraphs=[
        p("С инициативой на пленарном заседании выступил депутат Ерлан Саиров. По его словам, учителя всё чаще "
          "жалуются, что не могут удержать внимание класса, а часть родителей сама просит школы забирать телефоны "
          "на время занятий."),
        p("\"Мы предлагаем закрепить в законе \"Об образовании\" норму, по которой телефоны во время урока "
          "хранятся в специальных ящиках или сдаются классному руководителю. Исключение – случаи, когда гаджет "
          "нужен для учебного задания\", – сказал депутат."),
        read_also("ru", "/society/2296120-v-shkolah-almaty-ustanovyat-yashchiki-dlya-telefonov/",
                  "В школах Алматы установят ящики для телефонов"),
        h2("Что говорят в Минпросвещения"),
        p("В Министерстве просвещения напомнили, что с 2024 года школы вправе сами устанавливать правила "
          "пользования телефонами через устав организации. По данным ведомства, такие правила уже действуют "
          "примерно в 40% школ страны."),
        p("В министерстве пообещали изучить предложение и подготовить ответ в установленный законом срок. "
          "Там также отметили, что запрет не должен касаться перемен и внеурочного времени."),
        promo("Самые важные новости Казахстана – в нашем WhatsApp-канале", "0029VaBzDFN0G0XoXu1cvM3G"),
        p("Ранее в Минпросвещения <a href=\"https://www.nur.kz/society/2291874-ministr-prosveshcheniya-"
          "vyskazalsya-o-zaprete-telefonov-v-shkolah/\">высказались</a> о полном запрете телефонов в школах: "
          "там считают, что решение должны принимать педагогические советы."),
    ],
    published="2025-08-15T16:15:00+05:00",
    modified="2025-08-15T16:27:41+05:00",
    author=("Кристина Кривцанова", "kristina-krivcanova"),
    crumbs=[("Политика", "/politics/"), ("Казахстан", "/politics/kazakhstan/")],
    tags=["Мажилис", "Образование в Казахстане", "Школы Казахстана"],
    image="a81c7e30f52d94b1",
    image_alt="Школьники на уроке",
    credit="NUR.KZ / Владимир Третьяков",
    rubric_label="Политика",
)

RU_HEAT = Story(
    file="ru-society-2297433.html",
    lang="ru",
    path="/society/2297433-zhara-do-42-gradusov-sinoptiki-prodlili-shtormovoe-preduprezhdenie/",
    title="Жара до +42°C: синоптики продлили штормовое предупреждение",
    lead="РГП \"Казгидромет\" продлил штормовое предупреждение о сильной жаре в южных и западных регионах "
    "Казахстана до 18 августа, передает NUR.KZ.",
    paragraphs=[
        p("По данным синоптиков, в Туркестанской, Кызылординской и Мангистауской областях днем воздух прогреется "
          "до +40…+42°C. В Шымкенте ожидается до +41°C, ночью температура не опустится ниже +25°C."),
        p("В Атырауской области и на юге Жамбылской области сохранится чрезвычайная пожароопасность. "
          "Местами прогнозируется пыльная буря, порывы ветра достигнут 15-20 м/с."),
        inline_figure("5be02f71c9a3d8e4", "Жара в Шымкенте", "Фото: NUR.KZ"),
        p("Врачи советуют в самые жаркие часы, с 11:00 до 16:00, по возможности не выходить на улицу, пить больше "
          "воды и не оставлять детей и животных в закрытых автомобилях."),
        read_also("ru", "/society/2296544-kak-ne-poluchit-teplovoy-udar-sovety-vrachey/",
                  "Как не получить тепловой удар: советы врачей"),
        p("На севере страны, напротив, ожидается похолодание: в Костанайской и Северо-Казахстанской областях "
          "пройдут дожди с грозами, днем будет +20…+25°C."),
        promo("Самые важные новости Казахстана – в нашем WhatsApp-канале", "0029VaBzDFN0G0XoXu1cvM3G"),
    ],
    published="2025-08-15T14:40:00+05:00",
    modified="2025-08-15T14:40:00+05:00",
    author=("Данияр Сериков", "daniyar-serikov"),
    crumbs=[("Общество", "/society/")],
    tags=["Погода в Казахстане", "Казгидромет", "Жара"],
    image="c4d91a06e7b2f358",
    image_alt="Термометр на солнце",
    credit="NUR.KZ / Shutterstock",
    rubric_label="Общество",
)

RU_MALL = Story(
    file="ru-incident-2297102.html",
    lang="ru",
    path="/incident/2297102-v-almaty-evakuirovali-torgovyy-tsentr-iz-za-zadymleniya/",
    title="В Алматы эвакуировали торговый центр из-за задымления",
    lead="Из торгового центра на проспекте Абая в Алматы эвакуировали около 300 человек из-за задымления в "
    "подсобном помещении, передает NUR.KZ со ссылкой на ДЧС города.",
    paragraphs=[
        p("Сообщение о дыме поступило в 10:48. На место выехали два пожарных расчета. Причиной задымления "
          "оказалось короткое замыкание в электрощитовой на цокольном этаже."),
        p("\"Открытого горения нет. Пострадавших нет. Посетители и персонал самостоятельно покинули здание "
          "до прибытия подразделений\", – сообщили в департаменте по чрезвычайным ситуациям."),
        read_also("ru", "/incident/2295877-pozhar-na-rynke-v-almaty-chto-izvestno/",
                  "Пожар на рынке в Алматы: что известно"),
        p("Торговый центр возобновил работу через два часа после проверки электросетей. Обстоятельства "
          "происшествия устанавливаются."),
    ],
    published="2025-08-14T11:22:00+05:00",
    modified="2025-08-14T12:05:09+05:00",
    author=("Айгерим Тулеуова", "aigerim-tuleuova"),
    crumbs=[("Происшествия", "/incident/"), ("ЧП", "/incident/emergency/")],
    tags=["Алматы", "ДЧС", "Пожары в Казахстане"],
    image="9f3e1b27d6c05a84",
    image_alt="Пожарная машина у торгового центра",
    credit="NUR.KZ / Руслан Пряников",
    rubric_label="Происшествия",
)

RU_CLINIC = Story(
    file="ru-society-2296815.html",
    lang="ru",
    path="/society/2296815-v-astane-otkroyut-novyy-detskiy-reabilitatsionnyy-tsentr/",
    title="В Астане откроют новый детский реабилитационный центр",
    lead="Детский реабилитационный центр на 120 мест откроется в столице до конца года, сообщили в "
    "управлении здравоохранения Астаны.",
    paragraphs=[
        p("Центр строится в районе Нура. В нем будут работать кабинеты кинезиотерапии, бассейн, сенсорная комната "
          "и отделение для детей с нарушениями слуха."),
        p("Как уточнили в управлении, помощь будет оказываться бесплатно в рамках гарантированного объема "
          "медицинской помощи. Запись будет вестись через поликлиники по месту прикрепления."),
        p("Сейчас в Астане работают три детских реабилитационных центра, очередь в них достигает полугода. "
          "После открытия нового центра ожидание, по оценке управления, сократится вдвое."),
        promo("Самые важные новости Казахстана – в нашем WhatsApp-канале", "0029VaBzDFN0G0XoXu1cvM3G"),
    ],
    published="2025-08-13T18:25:00+05:00",
    modified="2025-08-13T18:25:00+05:00",
    author=("Данияр Сериков", "daniyar-serikov"),
    crumbs=[("Общество", "/society/")],
    tags=["Астана", "Здравоохранение Казахстана", "Дети"],
    image="27ad64f0b1e9c35d",
    image_alt="Здание реабилитационного центра",
    credit="NUR.KZ / акимат Астаны",
    rubric_label="Общество",
)

KK_BIKES = Story(
    file="kk-society-2297460.html",
    lang="kk",
    path="/society/2297460-almatyda-zhana-velosiped-zholdary-ashyldy/",
    title="Алматыда жаңа велосипед жолдары ашылды",
    lead="Алматыда Төле би және Жандосов көшелерінде жалпы ұзындығы 14 шақырымды құрайтын велосипед жолдары "
    "ашылды, деп хабарлайды NUR.KZ.",
    paragraphs=[
        p("Қала әкімдігінің мәліметінше, жолдар көлік қозғалысынан бетон бөлгіштермен бөлінген. Қиылыстарда "
          "велосипедшілерге арналған жеке бағдаршамдар орнатылды."),
        p("\"Биыл қалада 40 шақырымнан астам велосипед жолын салу жоспарланған. Оның жартысы дайын\", – деді "
          "қала мобильділігі басқармасының басшысы."),
        read_also("kk", "/society/2295311-almatyda-velobayandar-zhumysy-uzartyldy/",
                  "Алматыда велопрокат жұмысы ұзартылды"),
        p("Әкімдік тұрғындарды жаңа жолақтарды көлік тұрағы ретінде пайдаланбауға шақырды. Ереже бұзғандарға "
          "айыппұл салынады."),
        promo("Маңызды жаңалықтарды WhatsApp арнамыздан оқыңыз", "0029VaKzNurKz0KazAqparat1"),
    ],
    published="2025-08-15T15:05:00+05:00",
    modified="2025-08-15T15:05:00+05:00",
    author=("Әсем Жақыпова", "asem-zhakypova"),
    crumbs=[("Қоғам", "/society/")],
    tags=["Алматы", "Велосипед", "Көлік"],
    image="e1f08c3b47a925d6",
    image_alt="Алматыдағы велосипед жолы",
    credit="NUR.KZ / Алматы әкімдігі",
    rubric_label="Қоғам",
)

KK_SENATE = Story(
    file="kk-politics-2297398.html",
    lang="kk",
    path="/politics/kazakhstan/2297398-senat-mektepke-dejingi-bilim-turaly-zandy-makuldady/",
    title="Сенат мектепке дейінгі білім туралы заңды мақұлдады",
    lead="Сенат депутаттары мектепке дейінгі тәрбие мен оқыту мәселелері бойынша заң жобасын мақұлдап, "
    "Мемлекет басшысының қол қоюына жіберді, деп хабарлайды NUR.KZ.",
    paragraphs=[
        p("Заңға сәйкес, балабақшаларға мемлекеттік тапсырысты орналастыру тәртібі өзгереді: орындар енді "
          "электронды кезек арқылы ғана бөлінеді."),
        p("Сонымен қатар жеке балабақшаларға қойылатын талаптар күшейтіледі. Тәрбиешілердің біліктілігін "
          "арттыру үш жылда бір рет міндетті болады."),
        h2("Ата-аналар үшін не өзгереді"),
        p("Ата-аналар балабақшадағы орынның бос-бос еместігін онлайн көре алады. Кезек нөмірі мен болжамды "
          "күту уақыты да көрсетіледі."),
        promo("Маңызды жаңалықтарды WhatsApp арнамыздан оқыңыз", "0029VaKzNurKz0KazAqparat1"),
    ],
    published="2025-08-15T11:40:00+05:00",
    modified="2025-08-15T12:02:17+05:00",
    author=("Нұрлан Бекмұхамбетов", "nurlan-bekmukhambetov"),
    crumbs=[("Саясат", "/politics/"), ("Қазақстан", "/politics/kazakhstan/")],
    tags=["Сенат", "Балабақша", "Білім беру"],
    image="7c25b9e04fd1a836",
    image_alt="Сенат отырысы",
    credit="NUR.KZ / Сенат баспасөз қызметі",
    rubric_label="Саясат",
)

# The story of the saved 2024 page; its text is the page's own articleBody, cut into paragraphs.
RU_ANTICOR_2024 = Story(
    file="ru-politics-2086925-2024.html",
    lang="ru",
    path="/politics/kazakhstan/2086925-bolshe-17-mlrd-tenge-hoteli-neratsionalno-potratit-na-borbu-s-pavodkami-v-kazahstane/",
    title="Госорганы хотели нерационально потратить 17 млрд тенге в Казахстане",
    lead="В Антикоррупционной службе сегодня прошло совещание по вопросам мониторинга распределения бюджетных "
    "средств для ликвидации паводков, передает NUR.KZ со ссылкой на агентство.",
    paragraphs=[
        p("Как сообщается в Telegram-канале Агентства по противодействию коррупции, ведомство продолжает работу по "
          "мониторингу государственных закупок, эффективному расходованию бюджетных средств, а также внедрению "
          "\"окрашивания денег\" через цифровой тенге."),
        p("\"Превентивными мерами, в том числе благодаря волонтерам, предотвращено нерациональное использование "
          "средств на сумму более 17 млрд тенге\", - сообщили в агентстве."),
        p("Руководство Антикора дало поручения по вопросам реализации карты коррупционных рисков в регионах, "
          "минимизации проблем бизнеса в рамках проекта \"Бизнеске жол\", мониторинга строительства проблемных, "
          "социально значимых объектов. Кроме того, на совещании были обсуждены вопросы возвращения государства "
          "незаконно выведенных активов."),
        p("\"В этом году Антикоррупционной службой зарегистрировано 488 уголовных правонарушений. В совершении "
          "коррупции изобличено 296 лиц, из которых 59 руководителей различного уровня. По завершенным уголовным "
          "делам возмещено более 188 млрд тенге ущерба\", - рассказали в Антикоре."),
        p("В завершение глава Антикоррупционной службы поручил обеспечить круглосуточный прием заявлений и "
          "сообщений от населения по возможным фактам мошенничества и вымогательства, связанного с возмещением "
          "причиненного ущерба."),
        read_also("ru", "/society/2086514-kakuyu-pomoshch-poluchat-postradavshie-ot-pavodkov/",
                  "Какую помощь получат пострадавшие от паводков"),
        p("Напомним, ранее в ходе визита в СКО Токаев заверил, что никто из пострадавших от паводка жителей не "
          "останется без помощи. А во время поездки в Костанайскую область президент отметил, что казахстанские "
          "бизнесмены из списка Forbes будут оказывать помощь пострадавшим жителям - каждого из них закрепят за "
          "конкретным регионом."),
        p("Позже в правительстве подробно рассказали, на какую помощь могут рассчитывать пострадавшие от "
          "наводнения казахстанцы - в кабмине пообещали не только помочь с жильем и материально, но и выплатить "
          "ущерб за погибших сельхозживотных. Отдельные компенсации предусмотрены для пострадавших "
          "предпринимателей. Сумму выплат будет решать комиссия."),
        p("Помимо этого, сообщалось, что пострадавшим от паводков казахстанцам дадут отсрочку по кредитам."),
    ],
    published="2024-04-18T10:35:00+05:00",
    modified="2024-04-18T11:50:12+05:00",
    author=("Кристина Кривцанова", "kristina-krivcanova"),
    crumbs=[("Политика", "/politics/"), ("Казахстан", "/politics/kazakhstan/")],
    tags=["Казахстан", "Коррупция в Казахстане", "Асхат Жумагали"],
    image="dcdf079ce3e7c9ec",
    image_alt="10-тысячные купюры тенге",
    credit="NUR.KZ / Владимир Третьяков",
    rubric_label="Политика",
)

# Other items of the lists: (path, title, ISO time, rubric). Their pages are not fixtures (the mini-site 404s them).
RU_OTHERS = [
    ("/nurfin/economy/2297440-kurs-dollara-na-15-avgusta-2025/", "Курс доллара на 15 августа 2025 года",
     "2025-08-15T16:02:00+05:00", "Экономика"),
    ("/world/2297425-v-turtsii-zafiksirovali-rekordnuyu-zharu/", "В Турции зафиксировали рекордную жару",
     "2025-08-15T15:48:00+05:00", "Мир"),
    ("/sport/football/2297417-kayrat-vyshel-v-sleduyushchiy-raund-ligi-chempionov/",
     "\"Кайрат\" вышел в следующий раунд квалификации Лиги чемпионов", "2025-08-15T15:21:00+05:00", "Футбол"),
    ("/society/2297409-v-shymkente-otklyuchat-vodu-v-treh-rayonah/", "В Шымкенте отключат воду в трех районах",
     "2025-08-15T15:03:00+05:00", "Общество"),
    ("/incident/road-accident/2297396-dtp-na-trasse-almaty-bishkek/", "ДТП на трассе Алматы – Бишкек: пострадали "
     "четыре человека", "2025-08-15T14:12:00+05:00", "Происшествия"),
    ("/politics/appointments/2297380-naznachen-novyy-vitse-ministr-energetiki/",
     "Назначен новый вице-министр энергетики", "2025-08-15T13:30:00+05:00", "Назначения"),
]
RU_MORE_OTHERS = [
    ("/technologies/internet/2297201-v-kazahstane-zapustyat-edinuyu-platformu-elektronnyh-chekov/",
     "В Казахстане запустят единую платформу электронных чеков", "2025-08-14T17:40:00+05:00", "Интернет"),
    ("/world/2297150-v-evrope-zakryli-aeroport-iz-za-lesnyh-pozharov/",
     "В Европе закрыли аэропорт из-за лесных пожаров", "2025-08-14T14:05:00+05:00", "Мир"),
    ("/society/2296998-s-1-sentyabrya-podorozhaet-proezd-v-avtobusah-karagandy/",
     "С 1 сентября подорожает проезд в автобусах Караганды", "2025-08-14T09:10:00+05:00", "Общество"),
    ("/family/school/2296770-chto-kupit-k-shkole-v-2025-godu/", "Что купить к школе в 2025 году: список",
     "2025-08-13T16:45:00+05:00", "Школа"),
    ("/incident/crime/2296702-v-karagande-zaderzhali-moshennikov/", "В Караганде задержали телефонных мошенников",
     "2025-08-13T12:30:00+05:00", "Преступления"),
    ("/sport/2296688-olimpiyskiy-chempion-zavershil-kareru/", "Олимпийский чемпион из Казахстана завершил карьеру",
     "2025-08-13T11:15:00+05:00", "Спорт"),
]
KK_OTHERS = [
    ("/world/2297455-turkiyada-rekordtyk-ystyk-tirkeldi/", "Түркияда рекордтық ыстық тіркелді",
     "2025-08-15T14:50:00+05:00", "Әлем"),
    ("/incident/2297431-shymkentte-zhol-apaty-boldy/", "Шымкентте жол апаты болды: екі адам жарақат алды",
     "2025-08-15T13:20:00+05:00", "Оқиға"),
    ("/society/2297388-kazgidromet-ystyk-turaly-eskertti/", "Қазгидромет аптап ыстық туралы ескертті",
     "2025-08-15T10:55:00+05:00", "Қоғам"),
    ("/sport/2297270-kairat-chempiondar-ligasynyn-kelesi-kezenine-shykty/",
     "\"Қайрат\" Чемпиондар лигасының келесі кезеңіне шықты", "2025-08-14T22:40:00+05:00", "Спорт"),
]
KK_MORE_OTHERS = [
    ("/society/2297120-astanada-zhana-mektep-ashylady/", "Астанада үш жаңа мектеп ашылады",
     "2025-08-14T16:10:00+05:00", "Қоғам"),
    ("/politics/2297055-prezident-zhana-elshini-kabyldady/", "Президент жаңа елшіні қабылдады",
     "2025-08-14T12:35:00+05:00", "Саясат"),
]


def story_item(story: Story) -> tuple[str, str, str, str]:
    return story.path, story.title, story.published, story.rubric_label


# --- lists -----------------------------------------------------------------------------------------------------


def article_card(lang: str, item: tuple[str, str, str, str], now: datetime, image: str) -> str:
    path, title, iso, rubric = item
    url = ORIGINS[lang] + path
    return f"""                <article class="article-card">
                    <a class="article-card__image-link" href="{url}" tabindex="-1"><img class="article-card__image" src="https://cdn.nur.kz/images/360x203/{image}.webp" alt="" loading="lazy"></a>
                    <div class="article-card__body">
                        <span class="article-card__category">{rubric}</span>
                        <a class="article-card__title" href="{url}">{esc(title)}</a>
                        <time class="article-card__date" datetime="{utc_z(iso)}">{card_date(iso, lang, now)}</time>
                    </div>
                </article>"""


LOAD_MORE_SCRIPT = """(function () {
    var list = document.querySelector('.js-latest-list');
    var button = document.querySelector('button.js-load-more');
    var pending = (window.__LATEST_NEXT__ || {}).items || [];
    var PAGE = 4;
    function card(item) {
        var article = document.createElement('article');
        article.className = 'article-card';
        var body = document.createElement('div');
        body.className = 'article-card__body';
        var rubric = document.createElement('span');
        rubric.className = 'article-card__category';
        rubric.textContent = item.category;
        var link = document.createElement('a');
        link.className = 'article-card__title';
        link.href = item.url;
        link.textContent = item.title;
        var time = document.createElement('time');
        time.className = 'article-card__date';
        time.setAttribute('datetime', item.datetime);
        time.textContent = item.dateText;
        body.appendChild(rubric);
        body.appendChild(link);
        body.appendChild(time);
        article.appendChild(body);
        return article;
    }
    function more() {
        pending.splice(0, PAGE).forEach(function (item) { list.appendChild(card(item)); });
        if (!pending.length && button) { button.remove(); button = null; }
    }
    if (button) { button.addEventListener('click', more); }
    window.addEventListener('scroll', function () {
        if (window.innerHeight + window.scrollY >= document.body.offsetHeight - 200) { more(); }
    });
})();"""


def list_page(lang: str, url: str, title: str, heading: str, items, more_items, now: datetime, note: str,
              collection: bool = False, pagination: str = "") -> str:
    origin = ORIGINS[lang]
    words = WORDS[lang]
    images = ["3f9a", "b27c", "e05d", "71aa", "c9e2", "08fb", "5d13", "a6c4", "2e8f", "94b0"]
    cards = "\n".join(
        article_card(lang, item, now, images[i % len(images)] + "0e6c1d2b9f47") for i, item in enumerate(items)
    )
    extra = ""
    button = ""
    if more_items:
        payload = {
            "items": [
                {"url": origin + path, "title": t, "datetime": utc_z(iso), "dateText": card_date(iso, lang, now),
                 "category": rubric}
                for path, t, iso, rubric in more_items
            ],
            "page": 2,
        }
        extra = (
            f"<script>window.__LATEST_NEXT__ = {ldjson(payload)};</script>\n<script>{LOAD_MORE_SCRIPT}</script>"
        )
        button = f'            <button class="load-more js-load-more" type="button">{words["more"]}</button>'
    ld = ""
    if collection:
        ld_data = {
            "@context": "https://schema.org",
            "@type": "CollectionPage",
            "name": heading,
            "url": url,
            "mainEntity": {
                "@type": "ItemList",
                "itemListElement": [
                    {"@type": "ListItem", "position": i + 1, "url": origin + item[0]} for i, item in enumerate(items)
                ],
            },
        }
        ld = f'<script type="application/ld+json">{ldjson(ld_data)}</script>'
    return PAGES.html(note, f"""<html lang="{'ru' if lang == 'ru' else 'kk'}" prefix="og: http://ogp.me/ns#">
<head>
    <meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
    <meta name="viewport" content="width=device-width,initial-scale=1,viewport-fit=cover">
    <title>{esc(title)}</title>
    <meta name="description" content="{esc(title)}">
    <meta property="og:title" content="{esc(title)}">
    <meta property="og:url" content="{url}">
    <meta property="og:type" content="website">
    <meta property="og:site_name" content="NUR.KZ">
    <link href="{url}" rel="canonical">
    {STYLE}
    {ld}
</head>
<body class="page js-page">
{header(lang)}
<div class="page__container">
    <div class="page__reducer js-page-content">
        <div class="block-category-header"><h1 class="block-category-header__text">{esc(heading)}</h1></div>
        <div class="layout-category">
            <section class="layout-category__main">
                <div class="article-list js-latest-list">
{cards}
                </div>
{button}
{pagination}
            </section>
            <aside class="layout-category__sidebar"><div id="js-adfox-desktop-sidebar" class="advert lazyload"></div></aside>
        </div>
    </div>
</div>
{footer(lang)}
{extra}
</body>
</html>
""", doctype_first=False)


def list_page_2024(items: list[Story | tuple], now: datetime, note: str) -> str:
    """The /latest/ page in the 2024 markup (`a.article-preview-category__content` inside `div.block-infinite`)."""
    rows = []
    for item in items:
        path, title, iso, rubric = story_item(item) if isinstance(item, Story) else item
        rows.append(f"""            <article class="block-infinite__item">
                <a class="article-preview-category__content" href="https://www.nur.kz{path}">
                    <picture class="article-preview-category__picture"><img class="article-preview-category__image" src="https://cdn.nur.kz/images/360x203/{zlib.crc32(path.encode()):012d}.webp" alt="" loading="lazy"></picture>
                    <div class="article-preview-category__info">
                        <span class="article-preview-category__text">{rubric}</span>
                        <h2 class="article-preview-category__subhead">{esc(title)}</h2>
                    </div>
                    <div class="article-preview-category__date">
                        <time class="article-preview-category__date-time" datetime="{iso}">{card_date(iso, 'ru', now)}</time>
                    </div>
                </a>
            </article>""")
    cards = "\n".join(rows)
    return PAGES.html(note, f"""<html lang="ru" prefix="og: http://ogp.me/ns#">
<head>
    <meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
    <title>Последние новости Казахстана и мира сегодня – NUR.KZ</title>
    <meta property="og:title" content="Последние новости Казахстана и мира сегодня">
    <meta property="og:url" content="https://www.nur.kz/latest/">
    <link href="https://www.nur.kz/latest/" rel="canonical">
    {STYLE}
</head>
<body class="page js-page">
{header('ru')}
<div class="page__container">
    <div class="page__reducer js-page-content">
        <div class="block-category-header"><h1 class="block-category-header__text">Все новости</h1></div>
        <div class="block-infinite js-infinite">
{cards}
        </div>
        <div id="js-infinite-loader" class="loader"></div>
    </div>
</div>
{footer('ru')}
</body>
</html>
""", doctype_first=False)


def article_sitemap_index(note: str) -> str:
    children = [("2025-06", "2025-06-30T23:58:12+05:00"), ("2025-05", "2025-05-31T23:59:40+05:00"),
                ("2025-04", "2025-04-30T23:57:03+05:00")]
    return sitemap_index(PAGES.comment(note), [[("loc", f"https://www.nur.kz/sitemaps/articles/{month}.xml"),
                                                ("lastmod", lastmod)] for month, lastmod in children])


def sitemap_month(note: str) -> str:
    urls = [
        ("/politics/kazakhstan/2259140-tokaev-podpisal-zakon-o-massmedia/", "2025-06-30T18:40:00+05:00"),
        ("/society/2259102-v-almaty-nachalsya-remont-dorog-na-al-farabi/", "2025-06-30T15:12:00+05:00"),
        ("/incident/2259075-v-aktobe-spasli-rybakov/", "2025-06-30T11:05:00+05:00"),
        ("/world/2259031-v-ssha-prinyali-novyy-byudzhet/", "2025-06-29T22:47:00+05:00"),
    ]
    return urlset(PAGES.comment(note), [[("loc", f"https://www.nur.kz{path}"), ("lastmod", lastmod),
                                         ("changefreq", "monthly"), ("priority", "0.7")] for path, lastmod in urls])


def build() -> dict[str, str]:
    pages: dict[str, str] = {}
    ru_sidebar = [(s[0], s[1], s[2]) for s in RU_OTHERS[:5]]
    kk_sidebar = [(s[0], s[1], s[2]) for s in KK_OTHERS[:4]]
    article_note = (
        "modelled on a real nur.kz article page saved in April 2024 (head meta, formatted-body markup, "
        "'Опубликовано:' line, author block, NewsArticle JSON-LD with escaped slashes and an entity-escaped "
        "articleBody without the lead). Story, author and times are constructed; assumed: the 'Читайте также' block "
        "class and the WhatsApp promo wording."
    )
    for story in (RU_SMARTPHONES, RU_HEAT, RU_MALL, RU_CLINIC):
        pages[story.file] = article_page(story, RU_NOW, ru_sidebar, article_note)
    kk_note = article_note + " kaz.nur.kz: no real kk page was available; the kk labels are assumed."
    for story in (KK_BIKES, KK_SENATE):
        pages[story.file] = article_page(story, KK_NOW, kk_sidebar, kk_note)
    archive_note = (
        "the real article of April 2024 (text from its own JSON-LD articleBody, cut into paragraphs where its "
        "sentences turn), in the same markup; only the chrome around it is constructed."
    )
    pages[RU_ANTICOR_2024.file] = article_page(RU_ANTICOR_2024, ARCHIVE_NOW, [], archive_note)

    latest_note = (
        "www.nur.kz/latest/ in the 2025 markup (article.article-card, time.article-card__date in UTC with "
        "milliseconds, 'Сегодня, 16:15' / 'Вчера, 11:22' / '13 августа 2025, 18:25' per docs/evidence/SITES.md). "
        "The first items are in the HTML; the next ones are JSON in window.__LATEST_NEXT__, appended by the page's script when "
        "'Показать еще' (button.js-load-more) is clicked or the page is scrolled, so the list a browser renders is "
        "longer than the HTML. Assumed: the button and the embedded data's shape."
    )
    ru_items = [story_item(RU_SMARTPHONES), *RU_OTHERS[:4], story_item(RU_HEAT), *RU_OTHERS[4:]]
    ru_more = [*RU_MORE_OTHERS[:2], story_item(RU_MALL), RU_MORE_OTHERS[2], RU_MORE_OTHERS[3],
               story_item(RU_CLINIC), *RU_MORE_OTHERS[4:]]
    pages["ru-latest.html"] = list_page(
        "ru", "https://www.nur.kz/latest/", "Последние новости Казахстана и мира сегодня – NUR.KZ", "Все новости",
        ru_items, ru_more, RU_NOW, latest_note,
    )
    kk_items = [story_item(KK_BIKES), KK_OTHERS[0], KK_OTHERS[1], story_item(KK_SENATE), *KK_OTHERS[2:]]
    pages["kk-latest.html"] = list_page(
        "kk", "https://kaz.nur.kz/latest/", "Қазақстан мен әлемнің соңғы жаңалықтары – NUR.KZ", "Барлық жаңалықтар",
        kk_items, KK_MORE_OTHERS, KK_NOW,
        latest_note + " kaz.nur.kz: the kk words ('Бүгін, 15:05', 'Тағы көрсету') are assumed.",
    )
    politics_items = [story_item(RU_SMARTPHONES), RU_OTHERS[5],
                      ("/politics/universe/2297302-tokaev-provel-telefonnyy-razgovor-s-prezidentom-uzbekistana/",
                       "Токаев провел телефонный разговор с президентом Узбекистана", "2025-08-14T19:20:00+05:00",
                       "Внешняя политика"),
                      ("/politics/kazakhstan/2297190-senat-odobril-popravki-v-nalogovyy-kodeks/",
                       "Сенат одобрил поправки в Налоговый кодекс", "2025-08-14T12:48:00+05:00", "Казахстан")]
    pagination = (
        '            <nav class="pagination"><a class="pagination__link pagination__link--active" '
        'href="https://www.nur.kz/politics/">1</a> <a class="pagination__link" '
        'href="https://www.nur.kz/politics/?page=2">2</a> <a class="pagination__link" '
        'href="https://www.nur.kz/politics/?page=3">3</a></nav>'
    )
    pages["ru-politics.html"] = list_page(
        "ru", "https://www.nur.kz/politics/", "Политические новости Казахстана на NUR.KZ", "Политика",
        politics_items, [], RU_NOW,
        "www.nur.kz/politics/, a server-rendered section with ?page=N pagination and the CollectionPage/"
        "ItemList JSON-LD docs/evidence/SITES.md reports for section pages; cards in the 2025 markup.",
        collection=True, pagination=pagination,
    )
    pages["ru-latest-2024.html"] = list_page_2024(
        [("/society/2086940-v-petropavlovske-evakuirovali-eshche-dva-mikrorayona/",
          "В Петропавловске эвакуировали еще два микрорайона", "2024-04-18T11:52:00+05:00", "Общество"),
         RU_ANTICOR_2024,
         ("/world/2086911-v-dubae-vypala-godovaya-norma-osadkov/", "В Дубае выпала годовая норма осадков",
          "2024-04-18T10:12:00+05:00", "Мир"),
         ("/nurfin/economy/2086870-kurs-dollara-na-18-aprelya/", "Курс доллара на 18 апреля",
          "2024-04-17T21:05:00+05:00", "Экономика")],
        ARCHIVE_NOW,
        "www.nur.kz/latest/ in the 2024 markup (div.block-infinite > article > a.article-preview-category__content "
        "with span.article-preview-category__text, h2.article-preview-category__subhead and time[datetime]), "
        "after the selectors of several public scrapers of that year; captured the day of the saved article.",
    )
    pages["ru-sitemap-index.xml"] = article_sitemap_index(
        "www.nur.kz/article-index-sitemap.xml (URL from docs/evidence/SITES.md); children per month are assumed. "
        "The sitemaps are said to be frozen: the newest child is from June 2025.")
    pages["ru-sitemap-2025-06.xml"] = sitemap_month(
        "a child of the article sitemap index (name and content assumed; frozen in June 2025).")
    return pages


if __name__ == "__main__":
    PAGES.main(build)
