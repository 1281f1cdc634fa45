"""Builds the constructed kz.kursiv.media fixture pages (tests/fixtures/sites/kursiv/): ru at the root, kk under /kk/,
en under /en/, one WordPress install.

We have no real Kursiv HTML. What is known: WordPress, URLs /YYYY-MM-DD/<slug>/ (kk slugs drop the Kazakh letters:
'/kk/2022-06-06/aza-standy-tardy-77-18-pajyzy-konstituciya-a-zgeris-engizudi-olda-an'), the 'Жарияланды' label after
the title (docs/evidence/site-evidence.md section 5), the theme's classes `single-header__title`, `single-body`,
`single-read-also`, `single-footer`, `single-publishing-time__date`, `author-card__name` (a public scraper), the
feeds and the nested sitemaps (docs/evidence/SITES.md row 5). The head is what WordPress with Yoast SEO prints: og:*
and article:published_time in UTC, and a Yoast @graph (Article, WebPage, ImageObject, BreadcrumbList, WebSite,
Organization, Person) with dates in UTC (+00:00) and the image given by reference (@id). A story published at 00:20
in Almaty therefore carries the previous day in its structured data while its URL carries the local day. Yoast cuts
the Article headline of one long en title (a headline limit some Yoast versions applied), so the visible title and
og:title must win. Assumed: the list card markup and /news/ paths, the visible date format, the ru/en labels.

Run from the repository root: python tests/tools/construct_kursiv.py  (rewrites the constructed files; --check
compares)
"""

from __future__ import annotations

import hashlib
import re
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.tools.pagebuilder import (
    Constructor,
    day_month_year,
    esc,
    jsonld,
    rfc822,
    rss,
    sitemap_index,
    urlset,
)

PAGES = Constructor("kursiv")
ORIGIN = "https://kz.kursiv.media"
PREFIX = {"ru": "", "kk": "/kk", "en": "/en"}
LOCALE = {"ru": "ru_RU", "kk": "kk_KZ", "en": "en_US"}
IN_LANGUAGE = {"ru": "ru-RU", "kk": "kk", "en": "en-US"}
SITE_NAME = {"ru": "Kursiv Media Казахстан", "kk": "Kursiv Media Қазақстан", "en": "Kursiv Media Kazakhstan"}
WORDS = {
    "ru": {"published": "Опубликовано", "read_also": "Читайте также", "home": "Главная", "news": "Новости",
           "subscribe": "Подписывайтесь на Telegram-канал Kursiv Media Казахстан", "reading": "Примерное время для чтения",
           "author_label": "Написано автором", "minutes": "3 минуты", "feed": "Лента", "next": "Далее",
           "menu": [("/news/", "Новости"), ("/finansy/", "Финансы"), ("/ekonomika/", "Экономика"),
                    ("/biznes/", "Бизнес"), ("/nedvizhimost/", "Недвижимость"), ("/tehnologii/", "Технологии")]},
    "kk": {"published": "Жарияланды", "read_also": "Оқи отырыңыз", "home": "Басты бет", "news": "Жаңалықтар",
           "subscribe": "Kursiv Media Қазақстан Telegram-арнасына жазылыңыз", "reading": "Оқу уақыты",
           "author_label": "Автор", "minutes": "2 минут", "feed": "Лента", "next": "Келесі",
           "menu": [("/kk/news/", "Жаңалықтар"), ("/kk/karzhy/", "Қаржы"), ("/kk/ekonomika/", "Экономика"),
                    ("/kk/biznes/", "Бизнес")]},
    "en": {"published": "Published", "read_also": "Read also", "home": "Home", "news": "News",
           "subscribe": "Subscribe to the Kursiv Media Kazakhstan Telegram channel", "reading": "Est. reading time",
           "author_label": "Written by", "minutes": "3 minutes", "feed": "Feed", "next": "Next",
           "menu": [("/en/news/", "News"), ("/en/finance/", "Finance"), ("/en/economy/", "Economy"),
                    ("/en/business/", "Business")]},
}
HEADLINE_LIMIT = 110  # the headline length Yoast's Article piece cut to

_TRANSLIT = dict(zip(
    "абвгдеёзийклмнопрстуфыэ",
    ["a", "b", "v", "g", "d", "e", "e", "z", "i", "j", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "y", "e"],
    strict=True,
))
_TRANSLIT.update({"ж": "zh", "х": "h", "ц": "c", "ч": "ch", "ш": "sh", "щ": "sch", "ю": "yu", "я": "ya", "ь": "",
                  "ъ": "", "і": "i"})
_KAZAKH_LETTERS = set("әғқңөұүһ")  # the site's slugs drop these (docs/evidence/site-evidence.md section 5)


def slug(title: str) -> str:
    out = []
    for char in title.lower():
        if char in _KAZAKH_LETTERS:
            out.append("-")
        elif char in _TRANSLIT:
            out.append(_TRANSLIT[char])
        elif char.isascii() and char.isalnum():
            out.append(char)
        else:
            out.append("-")
    return re.sub(r"-+", "-", "".join(out)).strip("-")


@dataclass
class Story:
    file: str
    lang: str
    post_id: int
    title: str
    lead: str
    paragraphs: list[str]
    published: str  # local ISO with +05:00
    modified: str
    author: tuple[str, str]  # (name, slug)
    category: tuple[str, str]  # (name, path)
    tags: list[str]
    image: str  # wp-content/uploads path
    image_caption: str
    url_slug: str = ""

    @property
    def day(self) -> str:
        return self.published[:10]

    @property
    def path(self) -> str:
        return f"{PREFIX[self.lang]}/{self.day}/{self.url_slug or slug(self.title)}/"

    @property
    def url(self) -> str:
        return ORIGIN + self.path

    @property
    def utc(self) -> str:
        return datetime.fromisoformat(self.published).astimezone(UTC).isoformat()

    @property
    def modified_utc(self) -> str:
        return datetime.fromisoformat(self.modified).astimezone(UTC).isoformat()

    @property
    def visible_date(self) -> str:
        value = datetime.fromisoformat(self.published)
        return f"{day_month_year(value, self.lang)}, {value:%H:%M}"

    @property
    def image_url(self) -> str:
        return f"{ORIGIN}/wp-content/uploads/{self.image}"


def yoast_graph(story: Story) -> dict:
    url = story.url
    home = ORIGIN + PREFIX[story.lang] + "/"
    person_id = f"{ORIGIN}/#/schema/person/{hashlib.md5(story.author[1].encode()).hexdigest()}"
    headline = story.title
    if len(headline) > HEADLINE_LIMIT:
        headline = headline[:HEADLINE_LIMIT].rsplit(" ", 1)[0] + "…"
    words = WORDS[story.lang]
    return {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "Article",
                "@id": f"{url}#article",
                "isPartOf": {"@id": url},
                "author": {"name": story.author[0], "@id": person_id},
                "headline": headline,
                "datePublished": story.utc,
                "dateModified": story.modified_utc,
                "mainEntityOfPage": {"@id": url},
                "wordCount": sum(len(p.split()) for p in story.paragraphs),
                "commentCount": 0,
                "publisher": {"@id": f"{ORIGIN}/#organization"},
                "image": {"@id": f"{url}#primaryimage"},
                "thumbnailUrl": story.image_url,
                "keywords": story.tags,
                "articleSection": [story.category[0]],
                "inLanguage": IN_LANGUAGE[story.lang],
                "potentialAction": [{"@type": "CommentAction", "name": "Comment", "target": [f"{url}#respond"]}],
            },
            {
                "@type": "WebPage",
                "@id": url,
                "url": url,
                "name": f"{story.title} - {SITE_NAME[story.lang]}",
                "isPartOf": {"@id": f"{ORIGIN}/#website"},
                "primaryImageOfPage": {"@id": f"{url}#primaryimage"},
                "image": {"@id": f"{url}#primaryimage"},
                "thumbnailUrl": story.image_url,
                "datePublished": story.utc,
                "dateModified": story.modified_utc,
                "description": story.lead,
                "breadcrumb": {"@id": f"{url}#breadcrumb"},
                "inLanguage": IN_LANGUAGE[story.lang],
                "potentialAction": [{"@type": "ReadAction", "target": [url]}],
            },
            {
                "@type": "ImageObject",
                "inLanguage": IN_LANGUAGE[story.lang],
                "@id": f"{url}#primaryimage",
                "url": story.image_url,
                "contentUrl": story.image_url,
                "width": 1200,
                "height": 800,
                "caption": story.image_caption,
            },
            {
                "@type": "BreadcrumbList",
                "@id": f"{url}#breadcrumb",
                "itemListElement": [
                    {"@type": "ListItem", "position": 1, "name": words["home"], "item": home},
                    {"@type": "ListItem", "position": 2, "name": story.category[0], "item": ORIGIN + story.category[1]},
                    {"@type": "ListItem", "position": 3, "name": story.title},
                ],
            },
            {
                "@type": "WebSite",
                "@id": f"{ORIGIN}/#website",
                "url": f"{ORIGIN}/",
                "name": SITE_NAME[story.lang],
                "description": "Деловые новости Казахстана",
                "publisher": {"@id": f"{ORIGIN}/#organization"},
                "potentialAction": [{"@type": "SearchAction", "target": {"@type": "EntryPoint",
                                     "urlTemplate": f"{ORIGIN}/?s={{search_term_string}}"},
                                     "query-input": {"@type": "PropertyValueSpecification", "valueRequired": True,
                                                     "valueName": "search_term_string"}}],
                "inLanguage": IN_LANGUAGE[story.lang],
            },
            {
                "@type": "Organization",
                "@id": f"{ORIGIN}/#organization",
                "name": "Kursiv Media",
                "url": f"{ORIGIN}/",
                "logo": {"@type": "ImageObject", "inLanguage": IN_LANGUAGE[story.lang],
                         "@id": f"{ORIGIN}/#/schema/logo/image/", "url": f"{ORIGIN}/wp-content/uploads/2023/01/logo.png",
                         "contentUrl": f"{ORIGIN}/wp-content/uploads/2023/01/logo.png", "width": 512, "height": 512,
                         "caption": "Kursiv Media"},
                "image": {"@id": f"{ORIGIN}/#/schema/logo/image/"},
                "sameAs": ["https://www.facebook.com/kursiv.kz", "https://t.me/kursivkz",
                           "https://www.instagram.com/kursiv.media.kz/"],
            },
            {
                "@type": "Person",
                "@id": person_id,
                "name": story.author[0],
                "url": f"{ORIGIN}/author/{story.author[1]}/",
            },
        ],
    }


def header(lang: str) -> str:
    words = WORDS[lang]
    menu = "\n".join(f'                <li class="menu-item"><a href="{ORIGIN}{path}">{name}</a></li>'
                     for path, name in words["menu"])
    return f"""<header class="site-header">
    <div class="site-header__top">
        <a class="site-header__logo" href="{ORIGIN}{PREFIX[lang]}/"><img src="{ORIGIN}/wp-content/themes/kursiv/img/logo.svg" alt="Kursiv Media"></a>
        <ul class="lang-switcher">
            <li class="lang-item{' current-lang' if lang == 'ru' else ''}"><a href="{ORIGIN}/" hreflang="ru">RU</a></li>
            <li class="lang-item{' current-lang' if lang == 'kk' else ''}"><a href="{ORIGIN}/kk/" hreflang="kk">KZ</a></li>
            <li class="lang-item{' current-lang' if lang == 'en' else ''}"><a href="{ORIGIN}/en/" hreflang="en">EN</a></li>
        </ul>
        <div class="currency-widget">USD 512.40 · EUR 559.10 · RUB 6.05</div>
    </div>
    <nav class="site-header__nav"><ul id="menu-main" class="menu">
{menu}
    </ul></nav>
</header>"""


def footer(lang: str) -> str:
    return f"""<footer class="site-footer">
    <div class="site-footer__menu"><a href="{ORIGIN}/o-nas/">О нас</a> <a href="{ORIGIN}/reklama/">Реклама</a> <a href="{ORIGIN}/kontakty/">Контакты</a> <a href="{ORIGIN}{PREFIX[lang]}/feed/">RSS</a></div>
    <p class="site-footer__copy">© 2025 Kursiv Media. Все права защищены.</p>
</footer>
<script id="wp-emoji-settings" type="application/json">{{"baseUrl":"https:\\/\\/s.w.org\\/images\\/core\\/emoji\\/15.0.3\\/72x72\\/","ext":".png"}}</script>
<script src="{ORIGIN}/wp-content/themes/kursiv/js/app.min.js?ver=2.4.1" id="kursiv-app-js"></script>"""


def head_common(lang: str, title: str, url: str) -> str:
    return f"""    <meta charset="UTF-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{esc(title)}</title>
    <link rel="canonical" href="{url}">
    <link rel="alternate" type="application/rss+xml" title="{SITE_NAME[lang]} &raquo; {WORDS[lang]['feed']}" href="{ORIGIN}{PREFIX[lang]}/feed/">
    <link rel="https://api.w.org/" href="{ORIGIN}/wp-json/">
    <link rel="stylesheet" id="kursiv-style-css" href="{ORIGIN}/wp-content/themes/kursiv/style.css?ver=2.4.1" media="all">"""


def article_page(story: Story, sidebar, note: str) -> str:
    words = WORDS[story.lang]
    tags = " ".join(f'<a href="{ORIGIN}{PREFIX[story.lang]}/tag/{slug(t)}/" rel="tag">{esc(t)}</a>' for t in story.tags)
    related = "\n".join(
        f'                <li><a href="{ORIGIN}{path}">{esc(title)}</a></li>' for path, title, _ in sidebar[:3]
    )
    side = "\n".join(
        f'            <li class="latest__item"><time datetime="{iso}">{iso[11:16]}</time> <a href="{ORIGIN}{path}">{esc(title)}</a></li>'
        for path, title, iso in sidebar
    )
    blocks = "\n".join(story.paragraphs)
    return PAGES.html(note, f"""<html lang="{IN_LANGUAGE[story.lang]}">
<head>
{head_common(story.lang, f"{story.title} - {SITE_NAME[story.lang]}", story.url)}
    <meta name="description" content="{esc(story.lead)}">
    <meta name="robots" content="index, follow, max-image-preview:large, max-snippet:-1, max-video-preview:-1">
    <meta property="og:locale" content="{LOCALE[story.lang]}">
    <meta property="og:type" content="article">
    <meta property="og:title" content="{esc(story.title)} - {SITE_NAME[story.lang]}">
    <meta property="og:description" content="{esc(story.lead)}">
    <meta property="og:url" content="{story.url}">
    <meta property="og:site_name" content="{SITE_NAME[story.lang]}">
    <meta property="article:publisher" content="https://www.facebook.com/kursiv.kz">
    <meta property="article:published_time" content="{story.utc}">
    <meta property="article:modified_time" content="{story.modified_utc}">
    <meta property="og:image" content="{story.image_url}">
    <meta property="og:image:width" content="1200">
    <meta property="og:image:height" content="800">
    <meta property="og:image:type" content="image/jpeg">
    <meta name="author" content="{esc(story.author[0])}">
    <meta name="twitter:card" content="summary_large_image">
    <meta name="twitter:label1" content="{words['author_label']}">
    <meta name="twitter:data1" content="{esc(story.author[0])}">
    <meta name="twitter:label2" content="{words['reading']}">
    <meta name="twitter:data2" content="{words['minutes']}">
    <script type="application/ld+json" class="yoast-schema-graph">{jsonld(yoast_graph(story))}</script>
    <link rel="shortlink" href="{ORIGIN}/?p={story.post_id}">
    <link rel="alternate" hreflang="{story.lang}" href="{story.url}">
</head>
<body class="post-template-default single single-post postid-{story.post_id} single-format-standard">
{header(story.lang)}
<main id="primary" class="site-main">
    <article id="post-{story.post_id}" class="single post-{story.post_id} post type-post status-publish format-standard has-post-thumbnail">
        <div class="single-header">
            <div class="single-header__category"><a href="{ORIGIN}{story.category[1]}" rel="category tag">{esc(story.category[0])}</a></div>
            <h1 class="single-header__title">{esc(story.title)}</h1>
            <div class="single-publishing-time">
                <span class="single-publishing-time__label">{words['published']}</span>
                <time class="single-publishing-time__date" datetime="{story.published}">{story.visible_date}</time>
            </div>
            <div class="single-header__lead">{esc(story.lead)}</div>
            <div class="author-card">
                <img class="author-card__photo" src="{ORIGIN}/wp-content/uploads/authors/{story.author[1]}.jpg" alt="{esc(story.author[0])}">
                <div class="author-card__name"><a href="{ORIGIN}/author/{story.author[1]}/">{esc(story.author[0])}</a></div>
            </div>
            <figure class="single-header__image"><img width="1200" height="800" src="{story.image_url}" class="attachment-full size-full wp-post-image" alt="" decoding="async"><figcaption>{esc(story.image_caption)}</figcaption></figure>
        </div>
        <div class="single-body">
{blocks}
            <div class="single-read-also">
                <p class="single-read-also__title">{words['read_also']}</p>
                <ul>
{related}
                </ul>
            </div>
        </div>
        <div class="single-footer">
            <div class="single-footer__tags">{tags}</div>
            <div class="single-footer__share"><a href="https://t.me/share/url?url={story.url}">Telegram</a> <a href="https://wa.me/?text={story.url}">WhatsApp</a> <a href="https://www.facebook.com/sharer/sharer.php?u={story.url}">Facebook</a></div>
        </div>
    </article>
    <aside class="latest">
        <p class="latest__title">{words['news']}</p>
        <ul>
{side}
        </ul>
    </aside>
</main>
{footer(story.lang)}
</body>
</html>
""", doctype_first=False)


def p(text: str) -> str:
    return f"            <p>{text}</p>"


def h2(text: str) -> str:
    return f'            <h2 class="wp-block-heading">{text}</h2>'


def figure(image: str, caption: str) -> str:
    return (f'            <figure class="wp-block-image size-large"><img src="{ORIGIN}/wp-content/uploads/{image}" '
            f'alt="" decoding="async" loading="lazy"><figcaption class="wp-element-caption">{caption}</figcaption></figure>')


def telegram_embed(post: int) -> str:
    return (f'            <figure class="wp-block-embed is-type-rich is-provider-telegram"><div class="wp-block-embed__wrapper">'
            f"\nhttps://t.me/kursivkz/{post}\n</div></figure>")


def subscribe(lang: str) -> str:
    return (f'            <div class="single-body__subscribe"><a href="https://t.me/kursivkz">{WORDS[lang]["subscribe"]}</a></div>')


# --- stories --------------------------------------------------------------------------------------------------

RU_HOUSING = Story(
    file="ru-2025-04-10-tseny-zhile.html",
    lang="ru",
    post_id=312847,
    title="Цены на вторичное жилье в Алматы выросли на 2,1% за март",
    lead="Квадратный метр на вторичном рынке Алматы в марте подорожал в среднем на 2,1%, до 748 тыс. тенге. "
    "В Астане рост оказался скромнее – 0,8%.",
    paragraphs=[
        p("Такие данные приводит Бюро национальной статистики (Бюро национальной статистики АСПиР РК. — прим. "
          "ред.). С начала года вторичное жилье в Алматы подорожало на 5,4%, в Астане – на 2,9%."),
        p("<strong>Читайте также: <a href=\"https://kz.kursiv.media/2025-04-08/ipoteka-v-marte/\">Выдачи "
          "ипотеки в марте сократились на четверть</a></strong>"),
        h2("Аренда дешевеет"),
        p("На рынке аренды картина обратная: средняя ставка за однокомнатную квартиру в Алматы снизилась на 1,3% "
          "и составила 238 тыс. тенге в месяц. Аналитики связывают это с ростом предложения в новых жилых "
          "комплексах."),
        figure("2025/04/almaty-housing-chart.png", "Инфографика: Kursiv Media"),
        p("Рынок новостроек в марте почти не изменился: цены выросли на 0,3%. Девелоперы продолжают "
          "предлагать рассрочку и скидки при полной оплате."),
        telegram_embed(48213),
        subscribe("ru"),
        p("По прогнозу аналитиков, во втором квартале рост цен на вторичном рынке замедлится из-за высокой "
          "базовой ставки и ужесточения условий кредитования."),
    ],
    published="2025-04-10T14:20:00+05:00",
    modified="2025-04-10T15:02:41+05:00",
    author=("Динара Шумаева", "d-shumaeva"),
    category=("Недвижимость", "/nedvizhimost/"),
    tags=["Алматы", "жилье", "недвижимость"],
    image="2025/04/almaty-housing.jpg",
    image_caption="Фото: Shutterstock",
)

RU_WHEAT = Story(
    file="ru-2025-04-10-eksport-pshenicy.html",
    lang="ru",
    post_id=312790,
    title="Казахстан нарастил экспорт пшеницы в Китай в 1,5 раза",
    lead="За первый квартал 2025 года Казахстан поставил в Китай 612 тыс. тонн пшеницы – в 1,5 раза больше, "
    "чем годом ранее.",
    paragraphs=[
        p("Основной объем поставок пришелся на железнодорожный переход Достык – Алашанькоу. Еще около 15% "
          "зерна ушло через сухой порт Хоргос."),
        p("По данным Минсельхоза, средняя экспортная цена тонны пшеницы третьего класса в марте составила "
          "около 185 долларов на условиях DAP граница."),
        p("<strong>Читайте также: <a href=\"https://kz.kursiv.media/2025-03-27/zernovye-zapasy/\">Запасы зерна "
          "в Казахстане остаются рекордными</a></strong>"),
        p("Участники рынка отмечают, что спрос со стороны китайских мельниц поддерживают высокое качество "
          "казахстанского зерна и короткое логистическое плечо."),
        subscribe("ru"),
    ],
    published="2025-04-10T00:20:00+05:00",  # after midnight in Almaty, 9 April in UTC
    modified="2025-04-10T00:20:00+05:00",
    author=("Станислав Ким", "s-kim"),
    category=("Экономика", "/ekonomika/"),
    tags=["экспорт", "пшеница", "Китай"],
    image="2025/04/wheat-export.jpg",
    image_caption="Фото: Shutterstock",
)

KK_FUEL = Story(
    file="kk-2025-04-10-zhanarmaj.html",
    lang="kk",
    post_id=312833,
    title="Наурызда жанармай бағасы 1,2 пайызға қымбаттады",
    lead="Наурыз айында Қазақстанда АИ-92 маркалы бензиннің орташа бағасы 1,2 пайызға өсіп, литріне 228 "
    "теңгеге жетті.",
    paragraphs=[
        p("Ұлттық статистика бюросының мәліметінше, дизель отыны бір айда 0,9 пайызға, сұйытылған газ 2,4 "
          "пайызға қымбаттаған."),
        p("Ең жоғары баға Маңғыстау облысында тіркелген, ал ең арзан жанармай Павлодар облысында сатылуда."),
        figure("2025/04/fuel-prices.png", "Инфографика: Kursiv Media"),
        p("Еске сала кетсек, үкімет биыл жанармай бағасын кезең-кезеңімен нарықтық деңгейге жеткізуді жоспарлап "
          "отыр."),
        subscribe("kk"),
    ],
    published="2025-04-10T11:30:00+05:00",
    modified="2025-04-10T11:48:10+05:00",
    author=("Әсем Қанатқызы", "a-kanatkyzy"),
    category=("Экономика", "/kk/ekonomika/"),
    tags=["бензин", "баға"],
    image="2025/04/fuel.jpg",
    image_caption="Сурет: Shutterstock",
)

KK_DEPOSITS = Story(
    file="kk-2025-04-10-depozitter.html",
    lang="kk",
    post_id=312801,
    title="Ұлттық банк: халықтың депозиттері 20 трлн теңгеден асты",
    lead="Наурыз айының соңында жеке тұлғалардың банктердегі депозиттері 20,3 трлн теңгеге жетті.",
    paragraphs=[
        p("Ұлттық банктің деректері бойынша, бір айда депозиттер көлемі 1,7 пайызға ұлғайған. Теңгедегі "
          "салымдардың үлесі 84 пайызды құрады."),
        p("Сарапшылардың пікірінше, жоғары базалық мөлшерлеме халықты теңгемен жинақ жасауға ынталандырып отыр."),
        p("Шетел валютасындағы депозиттер керісінше 0,6 пайызға азайған."),
        subscribe("kk"),
    ],
    published="2025-04-10T09:05:00+05:00",
    modified="2025-04-10T09:05:00+05:00",
    author=("Нұржан Серікұлы", "n-serikuly"),
    category=("Қаржы", "/kk/karzhy/"),
    tags=["Ұлттық банк", "депозиттер"],
    image="2025/04/deposits.jpg",
    image_caption="Сурет: Kursiv Media",
)

EN_INFLATION = Story(
    file="en-2025-04-10-inflation.html",
    lang="en",
    post_id=312861,
    title="Kazakhstan's annual inflation slows for the first time in eight months as food prices stabilise across "
    "most regions of the country",
    lead="Annual inflation in Kazakhstan eased to 10.1% in March from 10.3% in February, the first slowdown since "
    "July, according to the Bureau of National Statistics.",
    paragraphs=[
        p("Food prices rose by 0.5% month on month, the smallest increase since the autumn. Prices for vegetables "
          "fell in most regions as imports from Uzbekistan increased."),
        p("Non-food goods went up by 0.9% over the month, driven by fuel and medicines, while paid services rose "
          "by 1.1% after utility tariffs were raised in several regions."),
        h2("Policy outlook"),
        p("Analysts say the slowdown is unlikely to prompt a cut in the base rate at the next meeting of the "
          "National Bank, as inflation remains well above the 5% target."),
        subscribe("en"),
    ],
    published="2025-04-10T16:45:00+05:00",
    modified="2025-04-10T17:10:05+05:00",
    author=("Aliya Seitova", "a-seitova"),
    category=("Economy", "/en/economy/"),
    tags=["inflation", "National Bank"],
    image="2025/04/inflation-en.jpg",
    image_caption="Photo: Shutterstock",
    url_slug="kazakhstans-annual-inflation-slows-for-the-first-time-in-eight-months",
)

EN_CARS = Story(
    file="en-2025-04-10-car-sales.html",
    lang="en",
    post_id=312819,
    title="Kazakhstan's new car sales rise 12% in the first quarter",
    lead="Kazakhstanis bought 38,400 new cars in January-March 2025, up 12% year on year, according to the "
    "Association of Kazakhstan Automobile Business.",
    paragraphs=[
        p("Locally assembled vehicles accounted for more than 70% of sales. Hyundai, Chevrolet and Toyota "
          "remained the best-selling brands."),
        p("The average price of a new car rose to 15.2 million tenge, 6% higher than a year ago."),
        figure("2025/04/car-sales-chart.png", "Infographics: Kursiv Media"),
        p("Dealers expect demand to cool in the second quarter as preferential car loan programmes run out of "
          "funding."),
    ],
    published="2025-04-10T12:10:00+05:00",
    modified="2025-04-10T12:10:00+05:00",
    author=("Timur Akhmetov", "t-akhmetov"),
    category=("Business", "/en/business/"),
    tags=["car market", "sales"],
    image="2025/04/cars-en.jpg",
    image_caption="Photo: Shutterstock",
)

OTHERS = {
    "ru": [
        ("/2025-04-10/tenge-ukrepilsya-na-vechernih-torgah/", "Тенге укрепился на вечерних торгах",
         "2025-04-10T17:35:00+05:00"),
        ("/2025-04-10/kaspi-otchitalsya-za-pervyy-kvartal/", "Рынок онлайн-торговли вырос на 18% за первый квартал",
         "2025-04-10T16:05:00+05:00"),
        ("/2025-04-10/byudzhet-vypolnen-na-97/", "Республиканский бюджет за квартал исполнен на 97%",
         "2025-04-10T11:40:00+05:00"),
        ("/2025-04-09/ceny-na-neft-snizilis/", "Цены на нефть снизились после заявления ОПЕК+",
         "2025-04-09T21:15:00+05:00"),
    ],
    "kk": [
        (f"/kk/{iso[:10]}/{slug(title)}/", title, iso)
        for title, iso in [("Теңге бағамы нығайды", "2025-04-10T17:40:00+05:00"),
                           ("Бюджет 97 пайызға орындалды", "2025-04-10T12:15:00+05:00"),
                           ("Мұнай бағасы төмендеді", "2025-04-09T21:30:00+05:00")]
    ],
    "en": [
        ("/en/2025-04-10/tenge-strengthens-in-evening-trading/", "Tenge strengthens in evening trading",
         "2025-04-10T17:50:00+05:00"),
        ("/en/2025-04-10/state-budget-97-percent-executed/", "State budget 97% executed in first quarter",
         "2025-04-10T13:30:00+05:00"),
        ("/en/2025-04-09/oil-prices-fall-after-opec-statement/", "Oil prices fall after OPEC+ statement",
         "2025-04-09T22:05:00+05:00"),
    ],
}


def entries(lang: str, stories) -> list[tuple[str, str, str]]:
    merged = [(s.path, s.title, s.published) for s in stories] + OTHERS[lang]
    return sorted(merged, key=lambda e: e[2], reverse=True)


def news_page(lang: str, items, note: str) -> str:
    words = WORDS[lang]
    base = f"{ORIGIN}{PREFIX[lang]}/news/"
    cards = "\n".join(
        f"""            <article class="post-card">
                <a class="post-card__link" href="{ORIGIN}{path}">
                    <div class="post-card__image"><img src="{ORIGIN}/wp-content/uploads/2025/04/thumb-{i}.jpg" alt="" loading="lazy"></div>
                    <h3 class="post-card__title">{esc(title)}</h3>
                </a>
                <div class="post-card__meta"><time class="post-card__date" datetime="{iso}">{iso[11:16]}</time></div>
            </article>"""
        for i, (path, title, iso) in enumerate(items)
    )
    return PAGES.html(note, f"""<html lang="{IN_LANGUAGE[lang]}">
<head>
{head_common(lang, f"{words['news']} - {SITE_NAME[lang]}", base)}
    <meta property="og:type" content="website">
    <meta property="og:title" content="{words['news']} - {SITE_NAME[lang]}">
    <link rel="next" href="{base}page/2/">
</head>
<body class="archive category">
{header(lang)}
<main id="primary" class="site-main">
    <h1 class="archive-title">{words['news']}</h1>
    <div class="posts-grid">
{cards}
    </div>
    <nav class="navigation pagination"><div class="nav-links"><span aria-current="page" class="page-numbers current">1</span> <a class="page-numbers" href="{base}page/2/">2</a> <a class="next page-numbers" href="{base}page/2/">{words['next']}</a></div></nav>
</main>
{footer(lang)}
</body>
</html>
""", doctype_first=False)


def utc_rfc822(iso: str) -> str:
    """WordPress prints feed dates in UTC."""
    return rfc822(datetime.fromisoformat(iso).astimezone(UTC))


def feed(lang: str, stories, note: str) -> str:
    items = [
        [
            ("title", esc(story.title)),
            ("link", story.url),
            ("dc:creator", f"<![CDATA[{story.author[0]}]]>"),
            ("pubDate", utc_rfc822(story.published)),
            ("category", f"<![CDATA[{story.category[0]}]]>"),
            ('guid isPermaLink="false"', f"{ORIGIN}/?p={story.post_id}"),
            ("description", f"<![CDATA[{story.lead}]]>"),
            ("content:encoded", "<![CDATA[" + "".join(block.strip() for block in story.paragraphs) + "]]>"),
        ]
        for story in sorted(stories, key=lambda s: s.published, reverse=True)
    ]
    channel = [
        ("title", SITE_NAME[lang]),
        f'<atom:link href="{ORIGIN}{PREFIX[lang]}/feed/" rel="self" type="application/rss+xml" />',
        ("link", f"{ORIGIN}{PREFIX[lang]}/"),
        ("description", "Деловые новости Казахстана"),
        ("lastBuildDate", utc_rfc822(max(s.published for s in stories))),
        ("language", IN_LANGUAGE[lang]),
        ("sy:updatePeriod", "hourly"),
        ("sy:updateFrequency", "1"),
        ("generator", "https://wordpress.org/?v=6.5.2"),
    ]
    namespaces = (
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:atom="http://www.w3.org/2005/Atom" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"'
    )
    return rss(PAGES.comment(note), channel, items, namespaces=namespaces, indent="", step="    ")


def sitemap_root(note: str) -> str:
    children = [(2025, "2025-04-10T12:35:00+00:00"), (2024, "2024-12-31T18:50:12+00:00")]
    return sitemap_index(PAGES.comment(note), [[("loc", f"{ORIGIN}/sitemaps/ru/{year}/sitemap.xml"), ("lastmod", lastmod)]
                                               for year, lastmod in children])


def sitemap_year(note: str) -> str:
    children = [(4, "2025-04-10T12:35:00+00:00"), (3, "2025-03-31T17:58:40+00:00"),
                (2, "2025-02-28T16:20:03+00:00"), (1, "2025-01-31T15:47:55+00:00")]
    return sitemap_index(PAGES.comment(note), [[("loc", f"{ORIGIN}/sitemaps/ru/2025/{month:02d}.xml"), ("lastmod", lastmod)]
                                               for month, lastmod in children])


def sitemap_month(stories, note: str) -> str:
    urls = [(s.url, s.modified_utc) for s in stories] + [
        (f"{ORIGIN}/2025-04-09/ceny-na-neft-snizilis/", "2025-04-09T16:15:00+00:00"),
        (f"{ORIGIN}/2025-04-01/nalogovyy-kodeks-chto-izmenitsya/", "2025-04-02T08:00:31+00:00"),
    ]
    return urlset(PAGES.comment(note), [[("loc", url), ("lastmod", lastmod)] for url, lastmod in urls])


def build() -> dict[str, str]:
    pages = {}
    note = (
        "a WordPress + Yoast SEO article page: og:* and article:published_time in UTC, the Yoast @graph "
        "(Article, WebPage, ImageObject, BreadcrumbList, WebSite, Organization, Person) with UTC dates and the image by "
        "@id, the theme classes single-header__title / single-body / single-read-also / single-footer / "
        "single-publishing-time__date / author-card__name seen in a public scraper, the publication label before "
        "the date. Assumed: the visible date format, the other theme classes."
    )
    by_lang = {"ru": (RU_HOUSING, RU_WHEAT), "kk": (KK_FUEL, KK_DEPOSITS), "en": (EN_INFLATION, EN_CARS)}
    for lang, stories in by_lang.items():
        items = entries(lang, stories)
        for story in stories:
            others = [e for e in items if e[0] != story.path]
            extra = ""
            if lang == "kk":
                extra = " kk: the 'Жарияланды' label is seen; the slug drops the Kazakh letters as the site's do."
            if story is EN_INFLATION:
                extra = " Its Yoast headline is cut at 110 characters with an ellipsis."
            if story is RU_WHEAT:
                extra = " Published at 00:20 in Almaty: the UTC dates in the head say 9 April, the URL 10 April."
            pages[story.file] = article_page(story, others, note + extra)
        pages[f"{lang}-news.html"] = news_page(
            lang, items,
            f"kz.kursiv.media{PREFIX[lang]}/news/ as a WordPress archive (path, card markup and /page/N/ pagination "
            "assumed).",
        )
        pages[f"{lang}-feed.xml"] = feed(
            lang, stories, f"kz.kursiv.media{PREFIX[lang]}/feed/, WordPress RSS 2.0 (pubDate in UTC).")
    pages["ru-sitemap.xml"] = sitemap_root(
        "kz.kursiv.media/sitemaps/ru/sitemap.xml (docs/evidence/SITES.md), an index of per-year indexes (names "
        "assumed).")
    pages["ru-sitemap-2025.xml"] = sitemap_year(
        "the 2025 index under the ru sitemap, listing per-month sitemaps (names assumed).")
    pages["ru-sitemap-2025-04.xml"] = sitemap_month(
        by_lang["ru"], "the April 2025 ru sitemap, the leaf of the nested indexes.")
    return pages


if __name__ == "__main__":
    PAGES.main(build)
