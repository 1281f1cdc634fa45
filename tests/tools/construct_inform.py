"""Builds the constructed Kazinform fixture pages (tests/fixtures/sites/inform/): www.inform.kz/ru/, kaz.inform.kz and
qazinform.com.

We have no real inform.kz HTML; the visible text of stored pages (docs/evidence/site-evidence.md section 4) gives
the order of things and the exact strings: the header chrome ('РУ', 'Тренды:', the language menu 'kz qz ру en 中文 ўз
ق ز', the section menu), the date line before the title ('10:08, 18 Ноябрь 2025 | GMT +5', kk '16:56, 23 Ақпан 2024
| GMT +5', en '12:16, 18 August 2025'), the kk datelines 'АЛМАТЫ. KAZINFORM – ' / '— ', the title repeated under the
lead photo, captions ('Фото: Акорда', 'Коллаж: Kazinform / Akorda / Freepik / Gov.kz', a name line over 'Фото:
facebook.com/...'), 'Теги', 'Related news', 'More news in our Telegram channel!', the footer 'Об Агентстве Контакты
Реклама Партнеры Фотосайт Карта сайта Теги'. The class names `.allNewsCard`, `.allNewsCard_title`,
`.allNewsCard_time`, `.article__description`, `.article__body-text` come from a public scraper; list titles are cut
at about 70 characters, as in the headline widget of tests/data/example-page-text.txt. Assumed: the other class
names, the author block, the JSON-LD (with naive UTC times), the kk/en list paths, the Google News sitemap.

Run from the repository root: python tests/tools/construct_inform.py  (rewrites the constructed files; --check
compares)
"""

from __future__ import annotations

import sys
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.tools.pagebuilder import (
    MONTHS,
    RU_MONTHS_NOMINATIVE,
    Constructor,
    breadcrumb_list,
    esc,
    jsonld,
    news_sitemap,
    organization,
    schema,
)

PAGES = Constructor("inform")
ORIGINS = {"ru": "https://www.inform.kz", "kk": "https://kaz.inform.kz", "en": "https://qazinform.com"}
# Kazinform prints month names in the nominative, capitalised: '10:08, 18 Ноябрь 2025', '16:56, 23 Ақпан 2024'.
SHOWN_MONTHS = {"ru": RU_MONTHS_NOMINATIVE, "kk": [m.capitalize() for m in MONTHS["kk"]], "en": MONTHS["en"]}
CHROME = {
    "ru": {
        "lang": "РУ", "trends": "Тренды:", "trend_items": ["телерадиокомплекс президента РК", "Алгабас", "АЭС"],
        "menu": [("/ru/world", "В мире"), ("/ru/kazakhstan", "Казахстан"), ("/ru/politics", "Политика"),
                 ("/ru/incidents", "Происшествия"), ("/ru/analytics", "Аналитика"), ("/ru/economy", "Экономика"),
                 ("/ru/about", "О нас")],
        "footer": ["Об Агентстве", "Контакты", "Реклама", "Партнеры", "Фотосайт", "Карта сайта", "Теги"],
        "author": "Автор:", "tags": "Теги:", "related": "Новости по теме", "read_also": "Читайте также:",
        "telegram": "Больше новостей в нашем Telegram-канале!", "lenta": "Лента новостей",
        "title": "Новости Казахстана и мира – Kazinform",
    },
    "kk": {
        "lang": "KZ", "trends": "Трендтер:", "trend_items": ["ҚР Президентінің телерадиокешені", "Жер сілкінісі"],
        "menu": [("/alem", "Әлем"), ("/kazakstan", "Қазақстан"), ("/sayasat", "Саясат"), ("/okiga", "Оқиға"),
                 ("/ekonomika", "Экономика"), ("/agenttik-turaly", "Агенттік туралы")],
        "footer": ["Агенттік туралы", "Байланыс", "Жарнама", "Серіктестер", "Фотосайт", "Сайт картасы", "Тегтер"],
        "author": "Авторы:", "tags": "Тегтер:", "related": "Ұқсас жаңалықтар", "read_also": "Оқи отырыңыз:",
        "telegram": "Көбірек жаңалық Telegram-арнамызда!", "lenta": "Жаңалықтар легі",
        "title": "Қазақстан мен әлем жаңалықтары – ҚазАқпарат",
    },
    "en": {
        "lang": "EN", "trends": "Trends:", "trend_items": ["TV AND RADIO COMPLEX OF THE PRESIDENT OF THE RK", "Turkistan region"],
        "menu": [("/world", "World News"), ("/kazakhstan", "Kazakhstan"), ("/politics", "Politics"),
                 ("/incidents", "Incidents"), ("/economy", "Economy"), ("/about", "About agency")],
        "footer": ["About agency", "Contacts", "Advertisement", "Partners", "Photo", "Site map", "Tags"],
        "author": "Author:", "tags": "Tags:", "related": "Related news", "read_also": "Read also:",
        "telegram": "More news in our Telegram channel!", "lenta": "Latest news",
        "title": "Kazakhstan and world news – Qazinform",
    },
}
LANG_MENU = [("https://kaz.inform.kz/", "kz"), ("https://qaz.inform.kz/", "qz"), ("https://www.inform.kz/ru/", "ру"),
             ("https://qazinform.com/", "en"), ("https://cn.inform.kz/", "中文"), ("https://uz.inform.kz/", "ўз"),
             ("https://ar.inform.kz/", "ق ز")]
LIST_TITLE_CHARS = 70


@dataclass
class Story:
    file: str
    lang: str
    path: str
    title: str
    lead: str
    paragraphs: list[str]
    published: str  # ISO with the offset Almaty had (the true instant)
    shown_offset: int  # the GMT +N the page prints
    section: tuple[str, str]
    tags: list[str]
    image: str
    credit: str
    author: str | None = None
    print_gmt: bool = True

    @property
    def url(self) -> str:
        return ORIGINS[self.lang] + self.path

    @property
    def instant(self) -> datetime:
        return datetime.fromisoformat(self.published)

    @property
    def header_date(self) -> str:
        shown = self.instant.astimezone(UTC) + timedelta(hours=self.shown_offset)
        text = f"{shown:%H:%M}, {shown.day} {SHOWN_MONTHS[self.lang][shown.month - 1]} {shown.year}"
        return text + f" | GMT +{self.shown_offset}" if self.print_gmt else text

    @property
    def naive_utc(self) -> str:
        return f"{self.instant.astimezone(UTC):%Y-%m-%d %H:%M:%S}"


def card_time(iso: str, lang: str) -> str:
    value = datetime.fromisoformat(iso)
    return f"{value:%H:%M}, {value.day} {SHOWN_MONTHS[lang][value.month - 1]} {value.year}"


def cut(title: str) -> str:
    """List cards cut long titles at a word boundary, without an ellipsis."""
    if len(title) <= LIST_TITLE_CHARS:
        return title
    return title[:LIST_TITLE_CHARS].rsplit(" ", 1)[0]


def header(lang: str) -> str:
    chrome = CHROME[lang]
    origin = ORIGINS[lang]
    langs = "\n".join(f'                <li><a href="{url}">{name}</a></li>' for url, name in LANG_MENU)
    trends = " ".join(f'<a href="{origin}/tag/{i}">{t}</a>' for i, t in enumerate(chrome["trend_items"]))
    menu = "\n".join(f'            <li><a href="{origin}{path}">{name}</a></li>' for path, name in chrome["menu"])
    return f"""<header class="header">
    <div class="header__top">
        <div class="header__lang"><span class="header__lang-current">{chrome['lang']}</span>
            <ul class="header__lang-menu">
{langs}
            </ul>
        </div>
        <div class="header__trends"><span>{chrome['trends']}</span> {trends}</div>
        <div class="header__rates">USD/KZT 523.41 EUR/KZT 606.12 RUB/KZT 6.45 CNY/KZT 73.54</div>
    </div>
    <div class="header__main">
        <a class="header__logo" href="{origin}/"><img src="https://www.inform.kz/img/logo.svg" alt="Kazinform"></a>
        <nav class="header__menu"><ul>
{menu}
        </ul></nav>
    </div>
</header>"""


def footer(lang: str) -> str:
    chrome = CHROME[lang]
    links = " ".join(f'<a href="{ORIGINS[lang]}/page/{i}">{name}</a>' for i, name in enumerate(chrome["footer"]))
    return f"""<footer class="footer">
    <div class="footer__links">{links}</div>
    <p class="footer__copy">© 1997–2025 МИА «Казинформ». 010000, Астана, ул. Кунаева, 4. Телефон: +7 (7172) 489-000</p>
</footer>
<script async src="https://www.googletagmanager.com/gtag/js?id=G-K4ZINF0RM"></script>"""


STYLE = """<style>
        .article__time { color: #8a8a8a; font-size: 14px }
        .article__title { font-size: 30px; line-height: 1.2 }
        .article__description { font-weight: 700; margin: 16px 0 }
        .allNewsCard { display: flex; gap: 12px; margin-bottom: 16px }
        .allNewsCard_time { color: #8a8a8a; font-size: 12px }
    </style>"""


def sidebar(lang: str, items) -> str:
    rows = "\n".join(
        f'            <li><a href="{ORIGINS[lang]}{path}">{esc(cut(title))}</a> <span>{card_time(iso, lang)}</span></li>'
        for path, title, iso in items
    )
    return f"""<aside class="sidebar">
        <div class="sidebar__block"><p class="sidebar__title">{CHROME[lang]['lenta']}</p><ul>
{rows}
        </ul></div>
        <div class="banner" id="adriver_240x400"></div>
    </aside>"""


def article_page(story: Story, side, related, note: str) -> str:
    chrome = CHROME[story.lang]
    origin = ORIGINS[story.lang]
    ld_article = schema(
        "NewsArticle",
        headline=story.title,
        description=story.lead,
        image=[story.image],
        datePublished=story.naive_utc,
        author=organization("Kazinform"),
        publisher=organization("Kazinform", "https://www.inform.kz/img/logo.svg"),
        mainEntityOfPage=story.url,
    )
    crumbs = breadcrumb_list([("Kazinform", origin + "/"), (story.section[0], origin + story.section[1])])
    tags = " ".join(f'<a href="{origin}/tag/{esc(t.lower())}">{esc(t)}</a>' for t in story.tags)
    related_rows = "\n".join(
        f'            <li><a href="{origin}{path}">{esc(title)}</a> <span>{card_time(iso, story.lang)}</span></li>'
        for path, title, iso in related
    )
    author = ""
    if story.author:
        author = (f'            <div class="article__author">{chrome["author"]} '
                  f'<a class="article__author-name" href="{origin}/author/{zlib.crc32(story.author.encode()) % 100000}">{esc(story.author)}</a></div>')
    blocks = "\n".join(story.paragraphs)
    return PAGES.html(note, f"""<html lang="{story.lang}">
<head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{esc(story.title)}</title>
    <meta name="description" content="{esc(story.lead)}">
    <meta property="og:title" content="{esc(story.title)}">
    <meta property="og:description" content="{esc(story.lead)}">
    <meta property="og:image" content="{story.image}">
    <meta property="og:url" content="{story.url}">
    <meta property="og:type" content="article">
    <meta property="og:site_name" content="{'Qazinform' if story.lang == 'en' else 'Kazinform'}">
    <link rel="canonical" href="{story.url}">
    <link rel="amphtml" href="{story.url.rstrip("/")}/amp">
    {STYLE}
    <script type="application/ld+json">{jsonld(ld_article)}</script>
    <script type="application/ld+json">{jsonld(crumbs)}</script>
</head>
<body>
{header(story.lang)}
<div class="container">
    <main class="main">
        <div class="article">
            <div class="article__time">{story.header_date}</div>
            <h1 class="article__title">{esc(story.title)}</h1>
            <div class="article__description">{esc(story.lead)}</div>
            <div class="article__body-text">
                <figure class="article__photo">
                    <img src="{story.image}" alt="{esc(story.title)}">
                    <div class="article__photo-title">{esc(story.title)}</div>
                    <figcaption class="article__photo-source">{esc(story.credit)}</figcaption>
                </figure>
{blocks}
                <p><a href="https://t.me/kazinform_news" target="_blank">{chrome['telegram']}</a></p>
            </div>
{author}
            <div class="article__tags"><span>{chrome['tags']}</span> {tags}</div>
            <div class="article__share"><a href="https://wa.me/?text={story.url}">WhatsApp</a> <a href="https://t.me/share/url?url={story.url}">Telegram</a></div>
        </div>
        <div class="related-news"><p class="related-news__title">{chrome['related']}</p><ul>
{related_rows}
        </ul></div>
    </main>
    {sidebar(story.lang, side)}
</div>
{footer(story.lang)}
</body>
</html>
""", doctype_first=False)


def p(text: str) -> str:
    return f"                <p>{text}</p>"


def inline_news(lang: str, path: str, title: str) -> str:
    return (f'                <div class="inline-news"><span>{CHROME[lang]["read_also"]}</span> '
            f'<a href="{ORIGINS[lang]}{path}">{title}</a></div>')


def photo(src: str, *caption_lines: str) -> str:
    lines = "".join(f"<p>{line}</p>" for line in caption_lines)
    return (f'                <div class="article__photo-inline"><img src="{src}" alt="">'
            f'<div class="article__photo-caption">{lines}</div></div>')


# --- stories ------------------------------------------------------------------------------------------------

RU_OMBUDSMAN = Story(
    file="ru-7f087e.html",
    lang="ru",
    path="/ru/proizoshel-obval-krishi-detskiy-ombudsmen-prokommentirovala-pozhar-v-algabase-7f087e",
    title="Произошел обвал крыши: детский омбудсмен прокомментировала пожар в Алгабасе",
    lead="Уполномоченный по правам ребенка Динара Закиева выразила соболезнования семьям погибших при пожаре в "
    "селе Алгабас Туркестанской области, передает корреспондент агентства Kazinform.",
    paragraphs=[
        p("По словам омбудсмена, огонь быстро распространился по дому, а затем произошел обвал крыши, что "
          "затруднило спасательные работы."),
        photo("https://static.inform.kz/photos/2025/11/zakieva.jpg", "Динара Закиева",
              "Фото: facebook.com/dinara.zakiyeva"),
        p("\"Это огромная трагедия. Я обратилась к акиму области с просьбой оказать семьям всю необходимую "
          "помощь, в том числе психологическую\", – написала Динара Закиева на своей странице в Facebook."),
        inline_news("ru", "/ru/v-turkestanskoy-oblasti-obyavlen-traur-9c1d44",
                    "В Туркестанской области объявлен траур"),
        p("Омбудсмен также призвала местные исполнительные органы проверить состояние печного отопления и "
          "электропроводки в домах многодетных и малообеспеченных семей перед зимним сезоном."),
        p("Для выяснения причин пожара создана правительственная комиссия. Полиция начала досудебное "
          "расследование."),
        p("Коллаж: Kazinform / Akorda / Freepik / Gov.kz"),
    ],
    published="2025-11-18T10:08:00+05:00",
    shown_offset=5,
    section=("Происшествия", "/ru/incidents"),
    tags=["Алгабас", "Пожар", "Омбудсмен"],
    image="https://static.inform.kz/photos/2025/11/algabas.jpg",
    credit="Фото: Kazinform",
    author="Айгерим Сапарова",
)

RU_SNOW = Story(
    file="ru-4e21b7.html",
    lang="ru",
    path="/ru/bolee-30-tysyach-kubometrov-snega-vyvezli-iz-astany-za-noch-4e21b7",
    title="Более 30 тысяч кубометров снега вывезли из Астаны за ночь",
    lead="Коммунальные службы столицы за ночь вывезли более 30 тысяч кубометров снега, сообщили в акимате "
    "Астаны.",
    paragraphs=[
        p("К уборке улиц были привлечены более 1 200 единиц спецтехники и около 2 тысяч дорожных рабочих. "
          "В первую очередь очищались остановки общественного транспорта, подходы к школам и больницам."),
        p("Снег вывозится на снегоплавильные пункты и специальные полигоны за чертой города. По данным акимата, "
          "работы продолжатся и в дневное время."),
        photo("https://static.inform.kz/photos/2025/11/snow-astana-2.jpg", "Фото: акимат Астаны"),
        p("Водителей просят не оставлять автомобили на обочинах, чтобы не мешать работе техники."),
    ],
    published="2025-11-18T07:45:00+05:00",
    shown_offset=5,
    section=("Казахстан", "/ru/kazakhstan"),
    tags=["Астана", "Снег", "Акимат"],
    image="https://static.inform.kz/photos/2025/11/snow-astana.jpg",
    credit="Фото: акимат Астаны",
    author="Руслан Кенжебаев",
)

KK_WARNING = Story(
    file="kk-7feb9e.html",
    lang="kk",
    path="/news/almatiliktarga-zher-slkns-turali-eskertu-keld-7feb9e/",
    title="Алматылықтарға жер сілкінісі туралы ескерту келді",
    lead="АЛМАТЫ. KAZINFORM — Алматы тұрғындарының ұялы телефондарына жер сілкінісі туралы ескерту хабарламасы "
    "келді.",
    paragraphs=[
        p("Қалалық төтенше жағдайлар департаментінің мәліметінше, хабарлама Қазақстанның сейсмологиялық "
          "тәжірибе-әдістемелік экспедициясы тіркеген дүмпуден кейін автоматты түрде жіберілген."),
        p("\"Алматыда сезілген жер сілкінісінің күші 3 балдан аспады. Ғимараттар мен инфрақұрылымға зақым "
          "келген жоқ\", -делінген хабарламада."),
        inline_news("kk", "/news/almatida-seysmikalik-kauipsizdik-zhattiguy-otti-5b2e90/",
                    "Алматыда сейсмикалық қауіпсіздік жаттығуы өтті"),
        p("ТЖД тұрғындарға ресми ақпаратты ғана сенуге және дүрбелең тудыратын хабарламаларды таратпауға кеңес "
          "береді."),
    ],
    published="2025-10-23T10:15:00+05:00",
    shown_offset=5,
    section=("Қазақстан", "/kazakstan"),
    tags=["Алматы", "Жер сілкінісі"],
    image="https://static.inform.kz/photos/2025/10/almaty-zher.jpg",
    credit="Сурет: Kazinform",
    author="Әлия Нұрланқызы",
)

KK_QUAKE = Story(
    file="kk-b22b2a.html",
    lang="kk",
    path="/news/almatidan-258-km-kashiktikta-zher-slknd-b22b2a/",
    title="Алматыдан 258 км қашықтықта жер сілкінді",
    lead="АЛМАТЫ. KAZINFORM – Алматыдан 258 шақырым жерде магнитудасы 4,6 болатын жер сілкінісі тіркелді, деп "
    "хабарлайды ҚазАқпарат.",
    paragraphs=[
        p("Сейсмологиялық тәжірибе-әдістемелік экспедицияның мәліметінше, дүмпу Астана уақытымен 09:41-де "
          "Қырғызстан аумағында болған. Жер сілкінісі ошағының тереңдігі – 10 шақырым."),
        p("Алматыда жер сілкінісі сезілген жоқ."),
        p("Сурет: Kazinform"),
    ],
    published="2025-10-23T09:58:00+05:00",
    shown_offset=5,
    section=("Қазақстан", "/kazakstan"),
    tags=["Жер сілкінісі", "Алматы"],
    image="https://static.inform.kz/photos/2025/10/seismo.jpg",
    credit="Сурет: Kazinform",
)

KK_CLINIC_2024 = Story(
    file="kk-c41e07-2024.html",
    lang="kk",
    path="/news/astanada-zhana-emhana-ashildi-c41e07/",
    title="Астанада жаңа емхана ашылды",
    lead="АСТАНА. KAZINFORM – Елордадағы Сарайшық ауданында тәулігіне 500 адам қабылдайтын жаңа емхана ашылды.",
    paragraphs=[
        p("Қала әкімдігінің хабарлауынша, емханада 40 дәрігер жұмыс істейді. Мұнда зертхана, рентген және "
          "оңалту бөлімдері бар."),
        p("Емхананың ашылуы аудандағы кезекті азайтады деп күтілуде. Тұрғындар емханаға egov.kz порталы "
          "арқылы тіркеле алады."),
        p("Еске сала кетейік, биыл елордада тағы екі емхана салу жоспарланған."),
    ],
    published="2024-02-23T17:56:00+06:00",  # printed today as '16:56, 23 Ақпан 2024 | GMT +5'
    shown_offset=5,
    section=("Қазақстан", "/kazakstan"),
    tags=["Астана", "Денсаулық сақтау"],
    image="https://static.inform.kz/photos/2024/02/emhana.jpg",
    credit="Сурет: Астана әкімдігі",
)

EN_SURVIVORS = Story(
    file="en-58da40.html",
    lang="en",
    path="/news/turkistan-region-fire-survivors-condition-reported-58da40",
    title="Turkistan region fire survivors' condition reported",
    lead="Doctors have reported on the condition of those injured in the house fire in Algabas village of "
    "Turkistan region, Kazinform News Agency reports.",
    paragraphs=[
        p("According to the regional health department, the injured are receiving treatment at the regional "
          "hospital. Their condition is assessed as stable."),
        p("Psychologists are working with the relatives of the victims, the department said."),
        inline_news("en", "/news/government-commission-set-up-to-probe-algabas-fire-1e7d30",
                    "Government commission set up to probe Algabas fire"),
        p("A government commission has been established to investigate the causes of the fire. The police have "
          "launched a pre-trial investigation."),
        p("Earlier, Kazinform News Agency reported that a day of mourning was declared in Turkistan region."),
    ],
    published="2025-11-18T11:37:00+05:00",
    shown_offset=5,
    section=("Incidents", "/incidents"),
    tags=["Turkistan region", "Fire"],
    image="https://static.inform.kz/photos/2025/11/algabas-en.jpg",
    credit="Photo: Kazinform",
    print_gmt=False,
)

EN_AIRPORT = Story(
    file="en-3fa9c2.html",
    lang="en",
    path="/news/astana-airport-sees-record-passenger-traffic-in-october-3fa9c2",
    title="Astana airport sees record passenger traffic in October",
    lead="Astana International Airport served more than 740,000 passengers in October, the highest monthly "
    "figure in its history, Qazinform News Agency learned from the airport's press service.",
    paragraphs=[
        p("Passenger traffic grew by 14 percent compared with October last year. International flights accounted "
          "for almost half of all passengers."),
        p("Six new international routes were launched during the autumn season, including direct flights to "
          "Guangzhou, Budapest and Jeddah."),
        photo("https://static.inform.kz/photos/2025/11/nqz-terminal.jpg", "Photo: Astana International Airport"),
        p("The airport expects passenger traffic to exceed 8 million people by the end of the year."),
    ],
    published="2025-11-18T14:05:00+05:00",
    shown_offset=5,
    section=("Economy", "/economy"),
    tags=["Astana", "Aviation"],
    image="https://static.inform.kz/photos/2025/11/nqz.jpg",
    credit="Photo: Astana International Airport",
    author="Arailym Temirgaliyeva",
    print_gmt=False,
)

RU_OTHERS = [
    ("/ru/kazahstan-i-pakistan-rasshiryayut-sotrudnichestvo-v-sfere-cifrovyh-tehnologiy-i-iskusstvennogo-intellekta-0a13f2",
     "Казахстан и Пакистан расширяют сотрудничество в сфере цифровых технологий и искусственного интеллекта"),
    ("/ru/v-ramkah-ai-sana-zapushchen-ii-agent-dlya-proforientacii-shkolnikov-5c8e11",
     "В рамках AI-Sana запущен ИИ-агент для профориентации школьников"),
    ("/ru/afm-zavershilo-rassledovanie-dela-blogerov-e41a07",
     "АФМ завершило расследование дела блогеров"),
    ("/ru/v-proshlom-godu-v-turkestanskoy-oblasti-vysazheno-bolee-1-mln-derevev-2b6f9d",
     "В прошлом году в Туркестанской области высажено более 1 млн деревьев"),
    ("/ru/karagandinskaya-oblast-chetvertaya-po-vkladu-v-ekonomiku-kazahstana-7d02ab",
     "Карагандинская область – четвёртая по вкладу в экономику Казахстана"),
    ("/ru/sotrudniki-mchs-spasli-loshad-upavshuyu-v-kolodec-c9a4e3", "Сотрудники МЧС спасли лошадь, упавшую в колодец"),
    ("/ru/policiya-astany-adresno-posetila-bolee-1000-semey-f10b62",
     "Полиция Астаны адресно посетила более 1000 семей в рамках ОПМ"),
    ("/ru/zvonok-cherez-messendzher-obernulsya-hishcheniem-1-8-mln-tenge-83d5c0",
     "Звонок через мессенджер обернулся хищением 1,8 млн тенге в области Абай"),
    ("/ru/ii-nachnut-primenyat-pri-ekspertize-stroitelnyh-proektov-d27c18",
     "ИИ начнут применять при экспертизе строительных проектов в Казахстане"),
    ("/ru/110-korrupcionnyh-prestupleniy-zaregistrirovano-s-nachala-goda-44e9a1",
     "110 коррупционных преступлений зарегистрировано с начала года в Казахстане"),
    ("/ru/na-vokzalah-vnedrena-novaya-usluga-soprovozhdeniya-passazhirov-s-invalidnostyu-6ab3d7",
     "На вокзалах внедрена новая услуга сопровождения пассажиров с инвалидностью"),
    ("/ru/v-stolice-osuzhden-lzhecelitel-iz-tiktok-92f0c4", "В столице осужден «лжецелитель» из TikTok"),
    ("/ru/organizatory-nezakonnogo-igornogo-biznesa-obyavleny-v-rozysk-b5d118",
     "Организаторы незаконного игорного бизнеса объявлены в розыск"),
    ("/ru/v-almaty-otkryt-obnovlennyy-kolledzh-telekommunikaciy-1fc7e5",
     "В Алматы открыт обновленный колледж телекоммуникаций и машиностроения"),
    ("/ru/v-kazahstane-obnovyat-9-energoblokov-55-kotlov-i-51-turbinu-70ad2c",
     "В Казахстане обновят 9 энергоблоков, 55 котлов и 51 турбину"),
    ("/ru/mvd-presekli-nezakonnyy-oborot-zakisi-azota-e83b56", "МВД пресекло незаконный оборот закиси азота"),
    ("/ru/byuro-nacstatistiki-perehodit-na-novyy-podhod-k-raschetu-inflyacii-3c6d0f",
     "Бюро нацстатистики переходит на новый подход к расчету инфляции"),
    ("/ru/obem-farmacevticheskogo-rynka-sostavil-2-5-mlrd-dollarov-a71e28",
     "По итогам прошлого года объём фармацевтического рынка составил 2,5 млрд долларов"),
    ("/ru/novye-vozmozhnosti-prodemonstriroval-telekanal-qonaev-media-5e9b40",
     "Новые возможности продемонстрировал телеканал Qonaev Media"),
    ("/ru/v-oblasti-ulytau-raskryta-shema-nezakonnoy-dobychi-margancevoy-rudy-0c47d9",
     "В области Ұлытау раскрыта схема незаконной добычи марганцевой руды на месторождении"),
    ("/ru/rekordnyy-obem-investiciy-astana-privlekla-svyshe-2-5-trln-tenge-d8f214",
     "Рекордный объём инвестиций: Астана привлекла свыше 2,5 трлн тенге"),
    ("/ru/mvd-sdelalo-zayavlenie-po-kursam-podgotovki-voditeley-4b0e7a",
     "МВД сделало заявление по курсам подготовки водителей транспортных средств"),
]
KK_OTHERS = [
    ("/news/astanada-zhana-kopir-ashildi-1d40c9/", "Астанада жаңа көпір ашылды"),
    ("/news/tenge-bagami-23-kazan-8e2f01/", "Теңге бағамы: 23 қазандағы сауда қорытындысы"),
    ("/news/shimkentte-zhol-zhondeu-zhumistari-ayaktaldi-30b7ce/", "Шымкентте жол жөндеу жұмыстары аяқталды"),
    ("/news/senat-salik-kodeksine-tuzetuler-engizdi-a5d912/", "Сенат Салық кодексіне түзетулер енгізді"),
]
EN_OTHERS = [
    ("/news/day-of-mourning-declared-in-turkistan-region-9b3c11", "Day of mourning declared in Turkistan region"),
    ("/news/kazakhstan-pakistan-to-expand-digital-cooperation-0e42d7", "Kazakhstan, Pakistan to expand digital cooperation"),
    ("/news/snowfall-paralyzes-traffic-in-astana-6c1f58", "Snowfall slows traffic in Astana"),
    ("/news/kazakh-wheat-exports-hit-five-year-high-d51a2e", "Kazakh wheat exports hit five-year high"),
]


def list_items(stories_with_times, others, times, lang):
    """Stories and other headlines merged newest first, with the time each card prints."""
    entries = [(s.path, s.title, s.published) for s in stories_with_times]
    entries += [(path, title, iso) for (path, title), iso in zip(others, times, strict=False)]
    return sorted(entries, key=lambda e: datetime.fromisoformat(e[2]), reverse=True)


def lenta_page(lang: str, url: str, entries, note: str, page_path: str) -> str:
    origin = ORIGINS[lang]
    chrome = CHROME[lang]
    cards = "\n".join(
        f"""            <div class="allNewsCard">
                <a href="{origin}{path}">
                    <div class="allNewsCard_img"><img src="https://static.inform.kz/thumbs/{path.rstrip('/')[-6:]}.jpg" alt="" loading="lazy"></div>
                    <div class="allNewsCard_title">{esc(cut(title))}</div>
                    <div class="allNewsCard_time">{card_time(iso, lang)}</div>
                </a>
            </div>"""
        for path, title, iso in entries
    )
    pages = " ".join(f'<a class="pagination__link" href="{origin}{page_path}?page={n}">{n}</a>' for n in range(2, 6))
    return PAGES.html(note, f"""<html lang="{lang}">
<head>
    <meta charset="utf-8">
    <title>{chrome['lenta']} – {chrome['title']}</title>
    <meta property="og:title" content="{chrome['lenta']}">
    <link rel="canonical" href="{url}">
    <link rel="next" href="{origin}{page_path}?page=2">
    {STYLE}
</head>
<body>
{header(lang)}
<div class="container">
    <main class="main">
        <h1 class="page__title">{chrome['lenta']}</h1>
        <div class="allNews">
{cards}
        </div>
        <div class="pagination"><span class="pagination__current">1</span> {pages}</div>
    </main>
</div>
{footer(lang)}
</body>
</html>
""", doctype_first=False)


def google_news_sitemap(entries, note: str) -> str:
    return news_sitemap(PAGES.comment(note), "Kazinform", "ru",
                        [(f"https://www.inform.kz{path}", iso, title) for path, title, iso in entries])


def times_back(start: str, minutes: list[int]) -> list[str]:
    base = datetime.fromisoformat(start)
    return [(base - timedelta(minutes=m)).isoformat() for m in minutes]


def build() -> dict[str, str]:
    pages = {}
    note = (
        "built from the visible text of stored Kazinform pages (docs/evidence/site-evidence.md section 4: header "
        "chrome, date line before the title, title repeated under the lead photo, captions, tags, related news, "
        "Telegram promo, footer) and a public scraper's class names (.article__description, .article__body-text). "
        "Assumed: the other class names, the author block and the JSON-LD with naive UTC times."
    )
    ru_times = times_back("2025-11-18T11:55:00+05:00", [3, 9, 16, 24, 31, 38, 47, 55, 63, 71, 80, 92, 104, 118, 131,
                                                       149, 166, 180, 197, 215, 236, 258])
    ru_entries = list_items([RU_OMBUDSMAN, RU_SNOW], RU_OTHERS, ru_times, "ru")
    side_ru = ru_entries[:5]
    for story in (RU_OMBUDSMAN, RU_SNOW):
        pages[story.file] = article_page(story, side_ru, ru_entries[6:9], note)
    kk_times = times_back("2025-10-23T11:50:00+05:00", [5, 40, 95, 140])
    kk_entries = list_items([KK_WARNING, KK_QUAKE], KK_OTHERS, kk_times, "kk")
    kk_note = note + " kaz.inform.kz: the kk chrome words are assumed; the datelines 'АЛМАТЫ. KAZINFORM —/– ' are seen."
    for story in (KK_WARNING, KK_QUAKE):
        pages[story.file] = article_page(story, kk_entries[:4], kk_entries[2:4], kk_note)
    pages[KK_CLINIC_2024.file] = article_page(
        KK_CLINIC_2024, [], [],
        note + " A February 2024 article shown in 2026: its time is printed in today's GMT +5 ('16:56, 23 Ақпан 2024 "
        "| GMT +5', seen on kaz.inform.kz), one hour behind the +06:00 wall clock Almaty had then.",
    )
    en_times = times_back("2025-11-18T14:50:00+05:00", [20, 70, 150, 230])
    en_entries = list_items([EN_SURVIVORS, EN_AIRPORT], EN_OTHERS, en_times, "en")
    en_note = note + " qazinform.com: date line without '| GMT +5' as seen in 2025 ('12:16, 18 August 2025')."
    for story in (EN_SURVIVORS, EN_AIRPORT):
        pages[story.file] = article_page(story, en_entries[:4], en_entries[1:4], en_note)

    pages["ru-lenta.html"] = lenta_page(
        "ru", "https://www.inform.kz/ru/lenta", ru_entries,
        "www.inform.kz/ru/lenta (24 items a page, ?page=N per docs/evidence/SITES.md) with .allNewsCard, "
        ".allNewsCard_title (cut at about 70 characters) and .allNewsCard_time '10:08, 18 Ноябрь 2025'. "
        "Other headlines are Kazinform's own, from the widget in tests/data/example-page-text.txt.",
        "/ru/lenta",
    )
    pages["kk-lenta.html"] = lenta_page(
        "kk", "https://kaz.inform.kz/lenta", kk_entries,
        "kaz.inform.kz/lenta: the list path on the kk host is assumed (the same CMS as /ru/lenta).", "/lenta",
    )
    pages["en-lenta.html"] = lenta_page(
        "en", "https://qazinform.com/lenta", en_entries,
        "qazinform.com/lenta: the list path on the en host is assumed (the same CMS as /ru/lenta).", "/lenta",
    )
    pages["ru-google-news.xml"] = google_news_sitemap(
        [(s.path, s.title, s.published) for s in (RU_OMBUDSMAN, RU_SNOW)] + ru_entries[2:5],
        "www.inform.kz/sitemaps/google-news_ru.xml: the path is assumed from cn.inform.kz's "
        "/sitemaps/google-news_cn.xml (docs/evidence/SITES.md); Google News sitemap format.",
    )
    return pages


if __name__ == "__main__":
    PAGES.main(build)
