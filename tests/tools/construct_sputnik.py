"""Builds the constructed Sputnik Казахстан fixture pages (ru ru.sputnik.kz, kk sputnik.kz).

We have no HTML of sputnik.kz: one stored ru page's text (docs/evidence/site-evidence.md section 17: the
/YYYYMMDD/ URL, 'Подписаться' right after the title, 'Напомним,'), docs/evidence/SITES.md ('data-unixtime',
sitemap_article_index.xml) and public scrapers of the same platform (other Sputnik sites): list__item /
list__title / list__date[data-unixtime], article__title, article__announce-text, article__body of
article__block[data-type] blocks, tags a.tag__text, article:published_time in basic ISO form, the feed
/export/rss2/archive/index.xml and the sitemap index with 'sitemap_article.xml?date_start=...' children.
Assumed: the Kazakh edition's host and wording, /news/, the JSON-LD printing Moscow time, the page chrome.
Every page says so at its top.

Run from the repository root: python tests/tools/construct_sputnik.py  (rewrites tests/fixtures/sites/sputnik;
--check compares)
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.tools.pagebuilder import (
    ALMATY,
    Constructor,
    breadcrumb_list,
    esc,
    image_object,
    jsonld,
    organization,
    rfc822,
    rss,
    schema,
    sitemap_index,
    urlset,
)

PAGES = Constructor("sputnik")
MOSCOW = ZoneInfo("Europe/Moscow")  # the platform's JSON-LD prints Moscow time

NOTE = (
    "no real sputnik.kz HTML was available. Modelled on "
    "the text of a stored ru.sputnik.kz page (docs/evidence/site-evidence.md section 17: /YYYYMMDD/ URL, 'Подписаться' after the "
    "title), docs/evidence/SITES.md (data-unixtime, sitemap_article_index.xml) and public scrapers of other Sputnik sites "
    "(list__item, list__date[data-unixtime], article__title, article__announce-text, article__block[data-type], "
    "tag__text, basic-ISO article:published_time). Assumed: the kk host and wording, /news/, the JSON-LD in Moscow "
    "time, the chrome."
)

TEXTS = {
    "ru": {"site": "Sputnik Казахстан", "subscribe": "Подписаться", "news": "Лента новостей", "updated": "обновлено",
           "locale": "ru_RU", "more": "Загрузить еще",
           "menu": [("/politics/", "Политика"), ("/economy/", "Экономика"), ("/society/", "Общество"),
                    ("/incidents/", "Происшествия"), ("/world/", "В мире"), ("/sport/", "Спорт")],
           "footer": "© 2024 Sputnik. Все права защищены. 18+"},
    "kk": {"site": "Sputnik Қазақстан", "subscribe": "Жазылу", "news": "Жаңалықтар легі", "updated": "жаңартылды",
           "locale": "kk_KZ", "more": "Тағы жүктеу",
           "menu": [("/politics/", "Саясат"), ("/economy/", "Экономика"), ("/society/", "Қоғам"),
                    ("/incidents/", "Оқиғалар"), ("/world/", "Әлем"), ("/sport/", "Спорт")],
           "footer": "© 2024 Sputnik. Барлық құқықтар қорғалған. 18+"},
}


@dataclass
class Article:
    file: str
    lang: str
    url: str
    title: str
    announce: str
    published: datetime  # aware
    modified: datetime | None
    section: tuple[str, str]  # (path, name)
    paragraphs: list[str]
    tags: list[tuple[str, str]] = field(default_factory=list)  # (name, keyword path)
    card: tuple[str, str] | None = None  # an embedded card of another article (title, url), after paragraph 2
    photo_copyright: str = "© Sputnik"

    @property
    def origin(self) -> str:
        return "https://" + self.url.split("/")[2]

    @property
    def id(self) -> str:
        return self.url.rsplit("-", 1)[1].split(".")[0]


def unix(value: datetime) -> int:
    return int(value.timestamp())


def shown(value: datetime) -> str:
    """The visible date text: '12:05 16.04.2024'."""
    return value.strftime("%H:%M %d.%m.%Y")


def basic_iso(value: datetime) -> str:
    """article:published_time as the platform prints it: '20240416T1205+0500'."""
    return value.strftime("%Y%m%dT%H%M%z")


def head(lang: str, origin: str, title: str, description: str, url: str, extra: str = "") -> str:
    return f"""<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0, minimum-scale=1.0">
<title>{esc(title)}</title>
<meta name="description" content="{esc(description)}">
<link rel="canonical" href="{url}">
<meta property="og:site_name" content="{TEXTS[lang]['site']}">
<meta property="og:locale" content="{TEXTS[lang]['locale']}">
<meta property="og:url" content="{url}">
{extra}
<link rel="alternate" type="application/rss+xml" href="{origin}/export/rss2/archive/index.xml">
<link rel="stylesheet" href="https://cdnn1.img.sputnik.kz/css/common.min.css?911d8b2f">
<link rel="preconnect" href="https://cdnn1.img.sputnik.kz">
<script>var GLOBAL = GLOBAL || {{}}; GLOBAL.site = "{origin}"; GLOBAL.lang = "{lang}"; GLOBAL.adv = {{enabled: true}};</script>
<script async src="https://www.googletagmanager.com/gtag/js?id=G-QJ9VYBKXPD"></script>
<script>(function(m,e,t,r,i,k,a){{m[i]=m[i]||function(){{(m[i].a=m[i].a||[]).push(arguments)}};m[i].l=1*new Date();k=e.createElement(t),a=e.getElementsByTagName(t)[0],k.async=1,k.src=r,a.parentNode.insertBefore(k,a)}})(window,document,"script","https://mc.yandex.ru/metrika/tag.js","ym");ym(31640671,"init",{{clickmap:true,trackLinks:true}});</script>
</head>"""


def header(lang: str, origin: str) -> str:
    texts = TEXTS[lang]
    menu = "".join(f'<li class="nav__item"><a class="nav__item-link" href="{origin}{p}">{n}</a></li>' for p, n in texts["menu"])
    return f"""<header class="header">
  <div class="header__content">
    <a class="header__logo" href="{origin}/"><img src="https://cdnn1.img.sputnik.kz/i/logo/logo.svg" alt="{texts['site']}"></a>
    <ul class="nav">{menu}</ul>
    <div class="header__lang"><a href="https://sputnik.kz/">Қаз</a> <a href="https://ru.sputnik.kz/">Рус</a></div>
    <div class="header__search"><button class="header__search-button">&#128269;</button></div>
  </div>
</header>
<div class="banner m-header"><div class="banner__content" data-position="header"></div></div>"""


def lenta(lang: str, items: list[tuple[datetime, str, str]]) -> str:
    rows = "\n".join(
        f'      <div class="lenta__item"><a class="lenta__item-link" href="{u}"><span class="lenta__item-date" data-unixtime="{unix(d)}">{d:%H:%M}</span> <span class="lenta__item-text">{esc(t)}</span></a></div>'
        for d, t, u in items
    )
    return f"""<aside class="layout-sidebar">
  <div class="lenta">
    <div class="lenta__title">{TEXTS[lang]['news']}</div>
{rows}
  </div>
  <div class="banner m-right"><div class="banner__content" data-position="right"></div></div>
</aside>"""


def footer(lang: str, origin: str) -> str:
    return f"""<footer class="footer">
  <div class="footer__content">
    <div class="footer__social"><a href="https://t.me/sputnikkz">Telegram</a> <a href="https://dzen.ru/sputnikkz">Дзен</a> <a href="https://www.youtube.com/@SputnikKazakhstan">YouTube</a></div>
    <div class="footer__copyright">{esc(TEXTS[lang]['footer'])}</div>
  </div>
</footer>
<script src="https://cdnn1.img.sputnik.kz/min/js/libs/jquery.min.js"></script>
<script src="https://cdnn1.img.sputnik.kz/min/js/common.min.js?a7c1f02e"></script>"""


def body_blocks(article: Article) -> str:
    blocks = []
    for i, text in enumerate(article.paragraphs):
        blocks.append(
            f'<div class="article__block" data-type="text"><div class="article__text">{esc(text)}</div></div>'
        )
        if i == 1:
            blocks.append(
                f'<div class="article__block" data-type="media"><div class="media"><img src="https://cdnn1.img.sputnik.kz/img/07e8/04/10/{article.id}_0:0:1280:720_1280x0_80_0_0_inline.jpg" alt=""><div class="media__copyright">{esc(article.photo_copyright)}</div></div></div>'
            )
        if i == 2 and article.card:
            title, url = article.card
            blocks.append(
                f'<div class="article__block" data-type="article"><div class="article__article"><a class="article__article-image" href="{url}"><img src="https://cdnn1.img.sputnik.kz/img/07e8/04/0f/card_0:0:320:180_320x0.jpg" alt=""></a><div class="article__article-info"><span class="article__article-date">16 апр 2024, 10:12</span></div><a class="article__article-title" href="{url}">{esc(title)}</a></div></div>'
            )
        if i == 3:
            blocks.append('<div class="article__block" data-type="banner"><div class="banner m-article-desktop" data-position="article_desktop_content-1"></div></div>')
    return "\n        ".join(blocks)


def article_page(article: Article, latest: list[tuple[datetime, str, str]]) -> str:
    texts = TEXTS[article.lang]
    origin = article.origin
    image = f"https://cdnn1.img.sputnik.kz/img/07e8/04/10/{article.id}_0:0:1280:720_1920x0_80_0_0_main.jpg"
    ld = schema(
        "NewsArticle",
        context="http://schema.org",
        url=article.url,
        mainEntityOfPage=article.url,
        headline=article.title,
        name=article.title,
        description=article.announce,
        image=image_object(image, width=1920, height=1080),
        datePublished=article.published.astimezone(MOSCOW).isoformat(timespec="minutes"),
        dateModified=(article.modified or article.published).astimezone(MOSCOW).isoformat(timespec="minutes"),
        inLanguage=article.lang,
        publisher=organization(texts["site"], "https://cdnn1.img.sputnik.kz/i/logo/logo-social.png"),
        author=organization(texts["site"]),
        keywords=", ".join(name for name, _ in article.tags),
    )
    crumbs = breadcrumb_list([(texts["site"], f"{origin}/"), (article.section[1], f"{origin}{article.section[0]}")],
                             nested=True, context="http://schema.org")
    modified_meta = (f'<meta property="article:modified_time" content="{basic_iso(article.modified)}">'
                     if article.modified else "")
    extra = f"""<meta property="og:type" content="article">
<meta property="og:title" content="{esc(article.title)}">
<meta property="og:description" content="{esc(article.announce)}">
<meta property="og:image" content="{image}">
<meta property="article:published_time" content="{basic_iso(article.published)}">
{modified_meta}
<meta name="keywords" content="{esc(', '.join(name for name, _ in article.tags))}">
<link rel="amphtml" href="{origin}/amp{article.url[len(origin):]}">
<script type="application/ld+json">{jsonld(ld)}</script>
<script type="application/ld+json">{jsonld(crumbs)}</script>"""
    modified_html = (
        f' <div class="article__info-date-modified"> ({texts["updated"]}: <span data-unixtime="{unix(article.modified)}">{shown(article.modified)}</span>)</div>'
        if article.modified else ""
    )
    tags = "".join(
        f'<li class="tag" data-sid="{path.strip("/")}"><a class="tag__text" href="{origin}{path}">{esc(name)}</a></li>'
        for name, path in article.tags
    )
    day = article.published.strftime("%Y%m%d")
    title = f"{article.title} - {article.published:%d.%m.%Y}, {texts['site']}"
    return PAGES.html(NOTE, f"""<html lang="{article.lang}">
{head(article.lang, origin, title, article.announce, article.url, extra)}
<body class="body m-article">
{header(article.lang, origin)}
<div class="layout">
  <div class="layout-article">
    <div class="article m-article" data-article-id="{article.id}" data-published="{basic_iso(article.published)}">
      <div class="article__header">
        <div class="article__info">
          <div class="article__info-date"><a href="{origin}/{day}/" data-unixtime="{unix(article.published)}">{shown(article.published)}</a>{modified_html}</div>
          <div class="article__views"><span class="statistic__item m-views">8423</span></div>
        </div>
        <h1 class="article__title">{esc(article.title)}</h1>
        <div class="article__subscribe"><a class="article__subscribe-link" href="https://dzen.ru/sputnikkz?favid=254163622">{texts['subscribe']}</a></div>
        <div class="article__announce-text">{esc(article.announce)}</div>
      </div>
      <div class="article__announce">
        <div class="media"><img src="{image}" alt="{esc(article.title)}"><div class="media__copyright">{esc(article.photo_copyright)}</div></div>
      </div>
      <div class="article__body js-mediator-article">
        {body_blocks(article)}
      </div>
      <div class="article__footer">
        <ul class="tags">{tags}</ul>
        <div class="article__share"><span class="share__title">Поделиться</span> <a class="share__item m-telegram" href="#">Telegram</a> <a class="share__item m-whatsapp" href="#">WhatsApp</a></div>
      </div>
    </div>
  </div>
{lenta(article.lang, latest)}
</div>
{footer(article.lang, origin)}
</body>
</html>
""")


def list_page(lang: str, origin: str, entries: list[tuple[datetime, str, str]], fetched: datetime) -> str:
    texts = TEXTS[lang]
    items = []
    for when, title, url in entries:
        label = f"{when:%H:%M}" if when.date() == fetched.date() else f"{when:%d.%m.%Y, %H:%M}"
        items.append(f"""    <div class="list__item">
      <div class="list__content">
        <a class="list__image" href="{url}"><img src="https://cdnn1.img.sputnik.kz/img/07e8/04/10/{url.rsplit('-', 1)[1].split('.')[0]}_0:0:1280:720_600x0_80_0_0_list.jpg" alt=""></a>
        <a class="list__title" href="{url}">{esc(title)}</a>
        <div class="list__info"><div class="list__date" data-unixtime="{unix(when)}">{label}</div><div class="list__views">{(len(title) * 37) % 9000}</div></div>
      </div>
    </div>""")
    last = entries[-1][0]
    url = f"{origin}/news/"
    extra = f'<meta property="og:type" content="website">\n<meta property="og:title" content="{texts["news"]}">'
    return PAGES.html(NOTE, f"""<html lang="{lang}">
{head(lang, origin, texts['news'] + ' - ' + texts['site'], texts['site'] + ' - ' + texts['news'], url, extra)}
<body class="body m-list">
{header(lang, origin)}
<div class="layout">
  <div class="layout-list">
    <h1 class="list__header">{texts['news']}</h1>
    <div class="list list-news" data-tags="" data-more="{origin}/services/news/more.html?id={entries[-1][2].rsplit('-', 1)[1].split('.')[0]}&amp;date={basic_iso(last)[:13]}">
{chr(10).join(items)}
    </div>
    <div class="list-more" data-url="{origin}/services/news/more.html?id={entries[-1][2].rsplit('-', 1)[1].split('.')[0]}">{texts['more']}</div>
  </div>
</div>
{footer(lang, origin)}
</body>
</html>
""")


def rss_feed(lang: str, origin: str, entries: list[tuple[datetime, str, str, str]]) -> str:
    channel = [
        ("title", TEXTS[lang]["site"]),
        ("link", f"{origin}/"),
        ("description", TEXTS[lang]["site"]),
        ("language", lang),
        ("copyright", "RIA Novosti"),
        ("lastBuildDate", rfc822(entries[0][0])),
    ]
    items = [
        [
            ("title", esc(title)),
            ("link", url),
            ("guid", url),
            ("pubDate", rfc822(when)),
            ("description", esc(summary)),
            f'<enclosure url="https://cdnn1.img.sputnik.kz/img/07e8/04/10/{url.rsplit("-", 1)[1].split(".")[0]}_rss.jpg" '
            'type="image/jpeg" length="0"/>',
        ]
        for when, title, url, summary in entries
    ]
    return rss(PAGES.comment(NOTE), channel, items, namespaces='xmlns:media="http://search.yahoo.com/mrss/"')


def article_sitemap_index(origin: str, days: list[tuple[str, datetime]]) -> str:
    children = [
        [("loc", f"{origin}/sitemap_article.xml?date_start={day}&amp;date_end={day}"), ("lastmod", lastmod.isoformat())]
        for day, lastmod in days
    ]
    return sitemap_index(PAGES.comment(NOTE), children, multiline=True)


def sitemap(entries: list[tuple[datetime, str]]) -> str:
    urls = [[("loc", url), ("lastmod", when.isoformat()), ("changefreq", "never")] for when, url in entries]
    return urlset(PAGES.comment(NOTE), urls, multiline=True,
                  namespaces='xmlns:image="http://www.google.com/schemas/sitemap-image/1.1"')


# --- the articles ------------------------------------------------------------------------------------------

RU = "https://ru.sputnik.kz"
KK = "https://sputnik.kz"

RU_TRIAL = Article(
    file="ru-20240416-43698034.html",
    lang="ru",
    url=f"{RU}/20240416/roditelyam-pogibshey-saltanat-nukenovoy-stalo-plokho-v-zale-suda-prodolzhenie-translyatsii-43698034.html",
    title="Родителям погибшей Салтанат Нукеновой стало плохо в зале суда - продолжение трансляции",
    announce="Заседание по делу Куандыка Бишимбаева прервали на 20 минут, в зал вызвали медиков.",
    published=datetime(2024, 4, 16, 12, 5, tzinfo=ALMATY),
    modified=datetime(2024, 4, 16, 13, 30, tzinfo=ALMATY),
    section=("/incidents/", "Происшествия"),
    paragraphs=[
        "АСТАНА, 16 апр - Sputnik. Родителям Салтанат Нукеновой стало плохо во время заседания суда по делу "
        "Куандыка Бишимбаева, заседание прервали на 20 минут.",
        "В зал суда вызвали медиков, которые оказали помощь матери и отцу погибшей. После перерыва судья спросил "
        "у потерпевшей стороны, могут ли они продолжать участие в процессе, родственники решили остаться в зале.",
        "Сегодня в суде продолжили допрос свидетелей со стороны обвинения. Показания дал сотрудник ресторана, в "
        "котором произошла трагедия.",
        "Бишимбаеву предъявлены обвинения в убийстве с особой жестокостью и истязаниях. Его родственник Бахытжан "
        "Байжанов обвиняется в недонесении о преступлении.",
        "Напомним, Салтанат Нукенова скончалась 9 ноября 2023 года в ресторане в Астане. Судебный процесс "
        "транслируется онлайн на YouTube-канале Верховного суда.",
    ],
    tags=[("Суд", "/keyword_sud/"), ("Куандык Бишимбаев", "/person_kuandyk_bishimbaev/"), ("Астана", "/location_astana/")],
    card=("Суд по делу Бишимбаева: что известно на данный момент",
          f"{RU}/20240415/sud-po-delu-bishimbaeva-chto-izvestno-43681170.html"),
    photo_copyright="© Sputnik / Жанара Каримова",
)

RU_FLOODS = Article(
    file="ru-20240416-43701122.html",
    lang="ru",
    url=f"{RU}/20240416/pavodki-v-kazakhstane-v-kakikh-regionakh-ozhidaetsya-podem-vody-43701122.html",
    title="Паводки в Казахстане: в каких регионах ожидается подъем воды",
    announce="Жителей прибрежных поселков у реки Урал призвали быть готовыми к эвакуации.",
    published=datetime(2024, 4, 16, 15, 30, tzinfo=ALMATY),
    modified=None,
    section=("/society/", "Общество"),
    paragraphs=[
        "АСТАНА, 16 апр - Sputnik. Подъем уровня воды ожидается в ближайшие сутки в Актюбинской, "
        "Западно-Казахстанской и Атырауской областях, сообщили в МЧС Казахстана.",
        "По данным ведомства, на реке Урал у Уральска уровень воды может превысить критическую отметку. Жителей "
        "прибрежных поселков призвали быть готовыми к эвакуации.",
        "В Северо-Казахстанской области ситуация стабилизируется: на реке Есиль вода начала медленно уходить, "
        "однако ряд дорог остается закрытым.",
        "Всего с начала паводков эвакуированы более 117 тысяч человек, из них около 36 тысяч детей. В пунктах "
        "временного размещения остаются свыше 11 тысяч человек.",
        "Напомним, паводки в Казахстане в этом году стали самыми масштабными за последние 80 лет.",
    ],
    tags=[("Паводки", "/keyword_pavodki/"), ("МЧС", "/organization_mchs_rk/")],
    photo_copyright="© Sputnik / Владислав Воднев",
)

KK_FLOODS = Article(
    file="kk-20240416-43702245.html",
    lang="kk",
    url=f"{KK}/20240416/su-tasqyny-oral-ozenindegi-su-dengeyi-syni-belgige-zhaqyndady-43702245.html",
    title="Су тасқыны: Орал өзеніндегі су деңгейі сыни белгіге жақындады",
    announce="Жағалаудағы ауылдардың тұрғындарына эвакуацияға дайын болу ұсынылды.",
    published=datetime(2024, 4, 16, 16, 10, tzinfo=ALMATY),
    modified=None,
    section=("/society/", "Қоғам"),
    paragraphs=[
        "АСТАНА, 16 сәуір - Sputnik. Батыс Қазақстан облысында Орал өзеніндегі су деңгейі сыни белгіге "
        "жақындады, деп хабарлады ТЖМ.",
        "Ведомство мәліметінше, Орал қаласы маңындағы гидробекетте су деңгейі бір тәулікте 42 сантиметрге "
        "көтерілген. Жағалаудағы ауылдардың тұрғындарына эвакуацияға дайын болу ұсынылды.",
        "Облыста 2 мыңнан астам құтқарушы мен 400-ден астам техника жұмылдырылды. Бөгеттерді нығайту жұмыстары "
        "тәулік бойы жүргізілуде.",
        "Еске салайық, су тасқыны басталғалы бері елде 117 мыңнан астам адам эвакуацияланды.",
    ],
    tags=[("Су тасқыны", "/keyword_su_tasqyny/"), ("ТЖМ", "/organization_tzhm/")],
    photo_copyright="© Sputnik / Владислав Воднев",
)

KK_TRIAL = Article(
    file="kk-20240416-43699310.html",
    lang="kk",
    url=f"{KK}/20240416/saltanat-nukenova-isi-sot-otyrysynda-uzilis-zhariyalandy-43699310.html",
    title="Салтанат Нукенова ісі: сот отырысында үзіліс жарияланды",
    announce="Марқұмның ата-анасының денсаулығы нашарлап, залға дәрігерлер шақырылды.",
    published=datetime(2024, 4, 16, 12, 40, tzinfo=ALMATY),
    modified=datetime(2024, 4, 16, 13, 5, tzinfo=ALMATY),
    section=("/incidents/", "Оқиғалар"),
    paragraphs=[
        "АСТАНА, 16 сәуір - Sputnik. Қуандық Бишімбаевтың ісі бойынша сот отырысында Салтанат Нукенованың "
        "ата-анасының денсаулығы нашарлағандықтан, үзіліс жарияланды.",
        "Залға дәрігерлер шақырылды. Үзілістен кейін судья жәбірленуші тараптан процеске қатысуды жалғастыра "
        "алатын-алмайтынын сұрады, туыстары залда қалуды шешті.",
        "Бүгін сотта айыптау тарапының куәгерлерінен жауап алу жалғасты.",
        "Еске салайық, Салтанат Нукенова 2023 жылғы 9 қарашада Астанадағы мейрамханада қайтыс болды.",
    ],
    tags=[("Сот", "/keyword_sot/"), ("Астана", "/location_astana/")],
    card=("Бишімбаев ісі: сот процесі туралы не белгілі",
          f"{KK}/20240415/bishimbaev-isi-sot-procesi-turaly-ne-belgili-43681502.html"),
)

RU_OTHERS = [
    (datetime(2024, 4, 16, 17, 45, tzinfo=ALMATY), "Курс доллара в обменниках Казахстана на вечер 16 апреля",
     f"{RU}/20240416/kurs-dollara-v-obmennikah-kazakhstana-16-aprelya-43703390.html"),
    (datetime(2024, 4, 16, 14, 2, tzinfo=ALMATY), "Токаев провел совещание по ликвидации последствий паводков",
     f"{RU}/20240416/tokaev-provel-soveshchanie-po-likvidatsii-posledstviy-pavodkov-43699872.html"),
    (datetime(2024, 4, 16, 17, 10, tzinfo=ALMATY), "В Петропавловске начали откачивать воду из подтопленных домов",
     f"{RU}/20240416/v-petropavlovske-nachali-otkachivat-vodu-iz-podtoplennyh-domov-43703011.html"),
    (datetime(2024, 4, 16, 16, 48, tzinfo=ALMATY), "Нацбанк сообщил о росте золотовалютных резервов в марте",
     f"{RU}/20240416/natsbank-soobshchil-o-roste-zolotovalyutnykh-rezervov-43702760.html"),
    (datetime(2024, 4, 16, 13, 15, tzinfo=ALMATY), "Казахстанцам напомнили о сроке подачи декларации",
     f"{RU}/20240416/kazakhstantsam-napomnili-o-sroke-podachi-deklaratsii-43699015.html"),
    (datetime(2024, 4, 16, 11, 30, tzinfo=ALMATY), "Какая погода ожидается в Казахстане в среду",
     f"{RU}/20240416/kakaya-pogoda-ozhidaetsya-v-kazakhstane-v-sredu-43697640.html"),
    (datetime(2024, 4, 16, 9, 20, tzinfo=ALMATY), "В Атырау укрепляют дамбы на Урале",
     f"{RU}/20240416/v-atyrau-ukreplyayut-damby-na-urale-43696102.html"),
    (datetime(2024, 4, 15, 21, 10, tzinfo=ALMATY), "В Астане ограничат движение на проспекте Кабанбай батыра",
     f"{RU}/20240415/v-astane-ogranichat-dvizhenie-na-prospekte-kabanbay-batyra-43684457.html"),
    (datetime(2024, 4, 15, 19, 40, tzinfo=ALMATY), "Суд по делу Бишимбаева: что известно на данный момент",
     f"{RU}/20240415/sud-po-delu-bishimbaeva-chto-izvestno-43681170.html"),
]
KK_OTHERS = [
    (datetime(2024, 4, 16, 17, 20, tzinfo=ALMATY), "Доллар бағамы: 16 сәуірдегі айырбастау пункттеріндегі баға",
     f"{KK}/20240416/dollar-bagamy-16-sauirdegi-bagasy-43703115.html"),
    (datetime(2024, 4, 16, 14, 55, tzinfo=ALMATY), "Петропавлда су басқан үйлерден су сорыла бастады",
     f"{KK}/20240416/petropavlda-su-basqan-uylerden-su-soryla-bastady-43701530.html"),
    (datetime(2024, 4, 16, 11, 5, tzinfo=ALMATY), "Сәрсенбіде Қазақстанда қандай ауа райы болады",
     f"{KK}/20240416/sarsenbide-qazaqstanda-qanday-aua-rayy-bolady-43697790.html"),
    (datetime(2024, 4, 16, 10, 15, tzinfo=ALMATY), "Тоқаев су тасқыны салдарын жою жөнінде кеңес өткізді",
     f"{KK}/20240416/toqaev-su-tasqyny-saldaryn-zhoyu-zhoninde-kenes-otkizdi-43697204.html"),
    (datetime(2024, 4, 15, 20, 30, tzinfo=ALMATY), "Бишімбаев ісі: сот процесі туралы не белгілі",
     f"{KK}/20240415/bishimbaev-isi-sot-procesi-turaly-ne-belgili-43681502.html"),
]


def _by_time(rows):
    return sorted(rows, key=lambda row: row[0], reverse=True)


def build() -> dict[str, str]:
    fetched = datetime(2024, 4, 16, 18, 0, tzinfo=ALMATY)
    ru_list = _by_time([*RU_OTHERS, (RU_TRIAL.published, RU_TRIAL.title, RU_TRIAL.url),
                        (RU_FLOODS.published, RU_FLOODS.title, RU_FLOODS.url)])
    kk_list = _by_time([*KK_OTHERS, (KK_TRIAL.published, KK_TRIAL.title, KK_TRIAL.url),
                        (KK_FLOODS.published, KK_FLOODS.title, KK_FLOODS.url)])
    pages = {
        RU_TRIAL.file: article_page(RU_TRIAL, [r for r in ru_list if r[0] <= datetime(2024, 4, 16, 14, 0, tzinfo=ALMATY)]),
        RU_FLOODS.file: article_page(RU_FLOODS, [r for r in ru_list if r[0] <= datetime(2024, 4, 16, 16, 0, tzinfo=ALMATY)]),
        KK_FLOODS.file: article_page(KK_FLOODS, [r for r in kk_list if r[0] <= datetime(2024, 4, 16, 17, 0, tzinfo=ALMATY)]),
        KK_TRIAL.file: article_page(KK_TRIAL, [r for r in kk_list if r[0] <= datetime(2024, 4, 16, 14, 0, tzinfo=ALMATY)]),
        "ru-news.html": list_page("ru", RU, ru_list, fetched),
        "kk-news.html": list_page("kk", KK, kk_list, fetched),
    }
    summaries = {RU_TRIAL.url: RU_TRIAL.announce, RU_FLOODS.url: RU_FLOODS.announce,
                 KK_TRIAL.url: KK_TRIAL.announce, KK_FLOODS.url: KK_FLOODS.announce}
    pages["ru-rss.xml"] = rss_feed("ru", RU, [(w, t, u, summaries.get(u, t)) for w, t, u in ru_list])
    pages["kk-rss.xml"] = rss_feed("kk", KK, [(w, t, u, summaries.get(u, t)) for w, t, u in kk_list])
    pages["ru-sitemap-index.xml"] = article_sitemap_index(
        RU, [("20240416", datetime(2024, 4, 16, 17, 46, tzinfo=ALMATY)), ("20240415", datetime(2024, 4, 15, 23, 58, tzinfo=ALMATY))]
    )
    pages["ru-sitemap-20240416.xml"] = sitemap([(w, u) for w, _, u in ru_list if w.day == 16])
    return pages


if __name__ == "__main__":
    PAGES.main(build)
