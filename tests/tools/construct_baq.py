"""Builds the constructed BAQ.KZ fixture pages (kk baq.kz, ru rus.baq.kz).

We have no HTML of baq.kz, only the text of stored copies of real pages (docs/evidence/site-evidence.md section
16) and a public scraper's selectors (`a.item-list__link`, `span.item-list__title`, `div.news-text`). Reproduced
from the evidence: the header order title, subtitle, 'Бүгiн 2026, 14:14' (LATIN i, U+0069) / 'Сегодня 2026,
09:44', the view count glued onto the photo credit ('46Фото: видеодан алынған кадр'), breadcrumbs '• Мұқаба' /
'• Главная', the ru Telegram promo at the end of the text (and its fragment in the header), credits
'Фото: ©BAQ.KZ/Сырым Рахимбеков', attribution lines and recap lead-ins, list dates 'Бүгiн 14:30' / 'Кеше 14:30'.
Assumed: the class names beyond the scraper's, /news/ with ?page=N, the JSON-LD (which truncates long headlines
and entity-escapes articleBody, as Laravel templates do), the sidebar. Every page says so at its top.

Run from the repository root: python tests/tools/construct_baq.py  (rewrites the files in tests/fixtures/sites/baq;
--check compares)
"""

from __future__ import annotations

import html
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.tools.pagebuilder import (
    Constructor,
    breadcrumb_list,
    esc,
    jsonld,
    organization,
    schema,
    web_page,
)

PAGES = Constructor("baq")

TODAY = {"kk": "Бүгiн", "ru": "Сегодня"}  # the kk word with a Latin i (U+0069), as the site prints it
YESTERDAY = {"kk": "Кеше", "ru": "Вчера"}
assert TODAY["kk"][3] == "i"

NOTE = (
    "no real baq.kz HTML was available. Modelled on the text of stored baq.kz pages "
    "(docs/evidence/site-evidence.md section 16: header order title, subtitle, 'Бүгiн 2026, 14:14' with a "
    "Latin i / 'Сегодня 2026, 09:44', view count glued onto the photo credit, breadcrumbs, Telegram promo, credits, "
    "list dates 'Бүгiн 14:30' / 'Кеше 14:30') and a public scraper's selectors (a.item-list__link, "
    "span.item-list__title, div.news-text). Assumed: other class names, /news/?page=N, the JSON-LD (truncated "
    "headline, entity-escaped articleBody), the sidebar."
)

TEXTS = {
    "kk": {"home": "Мұқаба", "news": "Жаңалықтар", "latest": "Соңғы жаңалықтар", "tags": "Тегтер",
           "also": "Тақырыпқа қатысты", "search": "Іздеу", "more": "Тағы жүктеу",
           "site_title": "BAQ.KZ – Қазақстан мен әлем жаңалықтары",
           "copyright": "© 2014-2026 BAQ.KZ. Материалдарды пайдаланғанда сілтеме жасау міндетті.",
           "menu": [("/news/", "Жаңалықтар"), ("/news/saiasat/", "Саясат"), ("/news/qogam/", "Қоғам"),
                    ("/news/ekonomika/", "Экономика"), ("/news/othernews/", "Оқиға"), ("/news/alem/", "Әлем"),
                    ("/news/sport/", "Спорт")]},
    "ru": {"home": "Главная", "news": "Новости", "latest": "Последние новости", "tags": "Теги",
           "also": "Читайте также", "search": "Поиск", "more": "Загрузить еще",
           "site_title": "BAQ.KZ – Новости Казахстана и мира",
           "copyright": "© 2014-2026 BAQ.KZ. При использовании материалов ссылка обязательна.",
           "menu": [("/news/", "Новости"), ("/news/politika/", "Политика"), ("/news/obshchestvo/", "Общество"),
                    ("/news/ekonomika/", "Экономика"), ("/news/proisshestviya/", "Происшествия"),
                    ("/news/mir/", "В мире"), ("/news/sport/", "Спорт")]},
}


@dataclass
class Article:
    file: str
    lang: str
    url: str
    section_path: str
    section_name: str
    title: str
    subtitle: str
    time: str  # "14:14": printed after the today-word and the year
    iso: str  # structured instant
    views: int
    photo_credit: str  # in the header, glued onto the view count
    paragraphs: list[str]
    tags: list[tuple[str, str]] = field(default_factory=list)  # (name, slug)
    in_body_credit: str = ""
    promo: bool = False  # the ru Telegram promo as the last paragraph
    also: tuple[str, str] | None = None  # an in-text "read also" link (title, url)
    ld_headline_limit: int = 0  # the template cuts long headlines at this many characters

    @property
    def origin(self) -> str:
        return self.url.split("/", 3)[0] + "//" + self.url.split("/", 3)[2]

    @property
    def id(self) -> str:
        return self.url.rstrip("/").replace("_", "-").rsplit("-", 1)[1]

    @property
    def slug(self) -> str:
        return self.url.rstrip("/").rsplit("/", 1)[1]


def head(lang: str, origin: str, title: str, description: str, url: str, extra: str = "") -> str:
    return f"""<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="csrf-token" content="Xb3tYk0q2mQh7fJ1sV8cLw9pZr4nD6aE5uG0iTyO">
<title>{esc(title)}</title>
<meta name="description" content="{esc(description)}">
<link rel="canonical" href="{url}">
<meta property="og:site_name" content="BAQ.KZ">
<meta property="og:url" content="{url}">
<meta property="og:locale" content="{'kk_KZ' if lang == 'kk' else 'ru_RU'}">
{extra}
<link rel="alternate" hreflang="kk" href="https://baq.kz/">
<link rel="alternate" hreflang="ru" href="https://rus.baq.kz/">
<link rel="stylesheet" href="{origin}/css/app.css?id=7f3b2c91e4d8a6f0">
<link rel="icon" type="image/png" href="{origin}/favicon.png">
<script async src="https://www.googletagmanager.com/gtag/js?id=G-4VQ8ZJ2B1K"></script>
<script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments);}}gtag('js',new Date());gtag('config','G-4VQ8ZJ2B1K');</script>
<script>(function(m,e,t,r,i,k,a){{m[i]=m[i]||function(){{(m[i].a=m[i].a||[]).push(arguments)}};m[i].l=1*new Date();k=e.createElement(t),a=e.getElementsByTagName(t)[0],k.async=1,k.src=r,a.parentNode.insertBefore(k,a)}})(window,document,"script","https://mc.yandex.ru/metrika/tag.js","ym");ym(46839114,"init",{{clickmap:true,trackLinks:true,accurateTrackBounce:true,webvisor:true}});</script>
</head>"""


def site_header(lang: str, origin: str) -> str:
    texts = TEXTS[lang]
    menu = "".join(f'<li><a href="{origin}{path}">{name}</a></li>' for path, name in texts["menu"])
    promo = (
        '<div class="header-tg"><a href="https://t.me/baqkz_rus">Подпишитесь на наш <b>Telegram-канал</b><br>'
        "и узнавайте новости первыми!</a></div>"
        if lang == "ru" else
        '<div class="header-tg"><a href="https://t.me/baqkz">Telegram арнамызға жазылыңыз</a></div>'
    )
    return f"""<header class="header">
  <div class="container header__inner">
    <a class="header__logo" href="{origin}/"><img src="{origin}/images/logo.svg" alt="BAQ.KZ"></a>
    <nav class="header__menu"><ul>{menu}</ul></nav>
    <div class="header__langs"><a href="https://baq.kz/"{' class="active"' if lang == 'kk' else ''}>ҚАЗ</a> <a href="https://rus.baq.kz/"{' class="active"' if lang == 'ru' else ''}>РУС</a></div>
    <form class="header__search" action="{origin}/search/" method="get"><input name="q" placeholder="{texts['search']}"></form>
    {promo}
  </div>
</header>
<div class="adv adv--top"><div id="adfox_170412345678901"></div></div>"""


def sidebar(lang: str, latest: list[tuple[str, str, str]]) -> str:
    items = "\n".join(
        f'      <li class="latest__item"><span class="latest__time">{esc(when)}</span> <a href="{url}">{esc(title)}</a></li>'
        for when, title, url in latest
    )
    return f"""<aside class="sidebar">
  <div class="latest">
    <div class="latest__title">{TEXTS[lang]['latest']}</div>
    <ul class="latest__list">
{items}
    </ul>
  </div>
  <div class="adv adv--side"><div id="adfox_170412345678902"></div></div>
</aside>"""


def site_footer(lang: str, origin: str) -> str:
    return f"""<footer class="footer">
  <div class="container">
    <div class="footer__about"><a href="{origin}/page/about">{'Біз туралы' if lang == 'kk' else 'О нас'}</a> · <a href="{origin}/page/adv">{'Жарнама' if lang == 'kk' else 'Реклама'}</a> · <a href="{origin}/page/contacts">{'Байланыс' if lang == 'kk' else 'Контакты'}</a></div>
    <div class="footer__copy">{esc(TEXTS[lang]['copyright'])}</div>
    <div class="footer__age">16+</div>
  </div>
</footer>
<script src="{origin}/js/app.js?id=2b91c0d7e4f3a8b5"></script>"""


def body_html(article: Article) -> str:
    parts = []
    for i, text in enumerate(article.paragraphs):
        parts.append(f"<p>{esc(text)}</p>")
        if i == 1 and article.in_body_credit:
            parts.append(
                f'<p><img src="{article.origin}/storage/news/2026/02/{article.id}/inline_1.jpg" alt=""></p>\n'
                f"<p>{esc(article.in_body_credit)}</p>"
            )
        if i == 2 and article.also:
            also_title, also_url = article.also
            parts.append(
                f'<div class="news-text__also"><span>{TEXTS[article.lang]["also"]}:</span> '
                f'<a href="{also_url}">{esc(also_title)}</a></div>'
            )
    if article.promo:
        parts.append(
            '<p><a href="https://t.me/baqkz_rus" target="_blank">Подпишитесь на наш Telegram-канал и узнавайте '
            "новости первыми!</a></p>"
        )
    return "\n        ".join(parts)


def article_page(article: Article, latest: list[tuple[str, str, str]]) -> str:
    texts = TEXTS[article.lang]
    origin = article.origin
    headline = article.title
    if article.ld_headline_limit and len(headline) > article.ld_headline_limit:
        headline = headline[: article.ld_headline_limit].rstrip() + "..."
    ld_body = "".join(f"<p>{esc(p)}</p>" for p in article.paragraphs)
    image = f"{origin}/storage/news/2026/02/{article.id}/mainphoto/1200x800.jpg"
    ld = schema(
        "NewsArticle",
        mainEntityOfPage=web_page(article.url),
        headline=headline,
        description=article.subtitle,
        image=[image],
        datePublished=article.iso,
        dateModified=article.iso,
        author=organization("BAQ.KZ", url=origin),
        publisher=organization("BAQ.KZ", f"{origin}/images/logo.png"),
        articleBody=html.escape(ld_body, quote=False),
    )
    crumbs = breadcrumb_list([(texts["home"], f"{origin}/"), (article.section_name, f"{origin}{article.section_path}"),
                              (article.title, article.url)])
    tag_prefix = "/tag/" if article.lang == "kk" else "/teg/"
    tags = " ".join(f'<a href="{origin}{tag_prefix}{slug}/">#{esc(name)}</a>' for name, slug in article.tags)
    extra = f"""<meta property="og:type" content="article">
<meta property="og:title" content="{esc(article.title)}">
<meta property="og:description" content="{esc(article.subtitle)}">
<meta property="og:image" content="{image}">
<meta property="article:published_time" content="{article.iso}">
<meta property="article:section" content="{esc(article.section_name)}">
<link rel="amphtml" href="{origin}/amp/news/othernews/{article.slug.replace('_', '-')}">
<script type="application/ld+json">{jsonld(ld)}</script>
<script type="application/ld+json">{jsonld(crumbs)}</script>"""
    return PAGES.html(NOTE, f"""<html lang="{article.lang}">
{head(article.lang, origin, article.title + " - BAQ.KZ", article.subtitle, article.url, extra)}
<body>
{site_header(article.lang, origin)}
<main class="container main">
  <div class="main__content">
    <ul class="breadcrumbs"><li><a href="{origin}/">{texts['home']}</a></li><li><a href="{origin}{article.section_path}">{esc(article.section_name)}</a></li></ul>
    <article class="news-item" data-id="{article.id}">
      <h1 class="news-item__title">{esc(article.title)}</h1>
      <div class="news-item__subtitle">{esc(article.subtitle)}</div>
      <div class="news-item__info"><span class="news-item__date">{TODAY[article.lang]} 2026, {article.time}</span><span class="news-item__views"><svg width="16" height="16"><use href="#eye"></use></svg>{article.views}</span><span class="news-item__source">{esc(article.photo_credit)}</span></div>
      <div class="news-item__photo"><img src="{image}" alt="{esc(article.title)}"></div>
      <div class="news-text">
        {body_html(article)}
      </div>
      <div class="news-item__tags">{tags}</div>
      <div class="news-item__share"><a href="https://www.facebook.com/sharer/sharer.php?u={article.url}">Facebook</a> <a href="https://t.me/share/url?url={article.url}">Telegram</a> <a href="https://wa.me/?text={article.url}">WhatsApp</a></div>
    </article>
  </div>
{sidebar(article.lang, latest)}
</main>
{site_footer(article.lang, origin)}
</body>
</html>
""")


def list_page(lang: str, origin: str, entries: list[tuple[str, str, str]], latest: list[tuple[str, str, str]]) -> str:
    """entries: (date text, title, url)."""
    texts = TEXTS[lang]
    items = "\n".join(
        f"""      <a class="item-list__link" href="{url}">
        <span class="item-list__img"><img src="{origin}/storage/news/2026/02/{url.rstrip('/').replace('_', '-').rsplit('-', 1)[1]}/mainphoto/364x242.jpg" alt="" loading="lazy"></span>
        <span class="item-list__title">{esc(title)}</span>
        <span class="item-list__date">{esc(when)}</span>
      </a>"""
        for when, title, url in entries
    )
    url = f"{origin}/news/"
    extra = (f'<meta property="og:type" content="website">\n<meta property="og:title" content="{esc(texts["site_title"])}">\n'
             f'<link rel="next" href="{origin}/news/?page=2">')
    return PAGES.html(NOTE, f"""<html lang="{lang}">
{head(lang, origin, texts['news'] + ' - BAQ.KZ', texts['site_title'], url, extra)}
<body>
{site_header(lang, origin)}
<main class="container main">
  <div class="main__content">
    <ul class="breadcrumbs"><li><a href="{origin}/">{texts['home']}</a></li><li>{texts['news']}</li></ul>
    <h1 class="page-title">{texts['news']}</h1>
    <div class="item-list">
{items}
    </div>
    <ul class="pagination">
      <li class="active"><span>1</span></li>
      <li><a href="{origin}/news/?page=2">2</a></li>
      <li><a href="{origin}/news/?page=3">3</a></li>
      <li><a href="{origin}/news/?page=2" rel="next">›</a></li>
    </ul>
  </div>
{sidebar(lang, latest)}
</main>
{site_footer(lang, origin)}
</body>
</html>
""")


# --- the articles ------------------------------------------------------------------------------------------

KK_MEMORIAL = Article(
    file="kk-news-320016461.html",
    lang="kk",
    url="https://baq.kz/schuchinsk-zharylys-qurbandaryn-eske-aluda-qaygyly-oqiga-ornynan-ekinshi-kun-320016461/",
    section_path="/news/othernews/",
    section_name="Оқиға",
    title="Щучинск жарылыс құрбандарын еске алуда: қайғылы оқиға орнынан екінші күн",
    subtitle="Тұрғындар кафе орнына гүл қойып, шам жағуда. Облыста аза тұту күні жарияланды.",
    time="14:14",
    iso="2026-02-28T14:14:37+05:00",
    views=46,
    photo_credit="Фото: видеодан алынған кадр",
    paragraphs=[
        "Щучинск қаласында кафеде болған жарылыстан кейін екінші күн қатарынан тұрғындар оқиға орнына гүл қойып, "
        "қаза тапқандарды еске алуда, деп хабарлайды BAQ.KZ тілшісі.",
        "Қала орталығындағы ғимарат алдына таңертеңнен бері жүздеген адам келді. Тұрғындар шам жағып, "
        "құрбандардың суреттерін қойды. Ақмола облысында 28 ақпан аза тұту күні болып жарияланды.",
        "ТЖМ мәліметінше, жарылыс 26 ақпан күні кешке газ баллонының ақауынан болған. Оқиғадан 7 адам қаза тауып, "
        "19 адам түрлі жарақатпен ауруханаға жеткізілді. Олардың үшеуінің жағдайы ауыр.",
        "Облыс әкімі зардап шеккен отбасыларға біржолғы көмек көрсетілетінін айтты. Үкіметтік комиссия оқиға "
        "себебін анықтау үшін қоғамдық тамақтану орындарындағы газ жабдықтарын тексеруді бастады.",
        "Еске салайық, жарылыс болған кафе ғимараты толықтай дерлік қирады.",
    ],
    tags=[("Щучинск", "shchuchinsk"), ("Жарылыс", "zharylys"), ("ТЖМ", "tzhm")],
    in_body_credit="Фото: ©BAQ.KZ/Сырым Рахимбеков",
    also=("Щучинскідегі кафе жарылысы мен өрт: куәгерлер видеосы тарады",
          "https://baq.kz/schuchinskide-kafe-zharylysy-men-ort-kuagerler-videosy-tarady-320016261/"),
    ld_headline_limit=60,
)

KK_VIDEO = Article(
    file="kk-news-320016261.html",
    lang="kk",
    url="https://baq.kz/schuchinskide-kafe-zharylysy-men-ort-kuagerler-videosy-tarady-320016261/",
    section_path="/news/othernews/",
    section_name="Оқиға",
    title="Щучинскідегі кафе жарылысы мен өрт: куәгерлер видеосы тарады",
    subtitle="Жарылыстың алғашқы секундтары түсірілген видео әлеуметтік желіде тарады.",
    time="09:38",
    iso="2026-02-27T09:38:10+05:00",
    views=154,
    photo_credit="Фото: ©BAQ.KZ коллажы",
    paragraphs=[
        "Ақмола облысы Щучинск қаласындағы кафеде болған жарылыс пен өрттің алғашқы секундтары түсірілген видео "
        "әлеуметтік желіде тарады, деп хабарлайды BAQ.KZ.",
        "Видеода ғимараттың терезелерінен от шығып, адамдардың көшеге жүгіріп шыққаны көрінеді. Куәгерлердің "
        "айтуынша, жарылыс дыбысы бірнеше көшеге естілген.",
        "Өрт сөндірушілер оқиға орнына 6 минутта жеткен. Өрт 280 шаршы метр аумақта оқшауланып, түнгі сағат "
        "01:20-да толық сөндірілді.",
        "Полиция өрт қауіпсіздігі талаптарын бұзу бабы бойынша қылмыстық іс қозғады. Кафе иесі ұсталды.",
        "Айта кетейік, Щучинск – Бурабай курорттық аймағындағы ең ірі қала.",
    ],
    tags=[("Щучинск", "shchuchinsk"), ("Өрт", "ort")],
)

RU_PAYMENTS = Article(
    file="ru-news-320016273.html",
    lang="ru",
    url="https://rus.baq.kz/semya-pogibshih-pri-pozhare-v-schuchinske-vyplatyat-po-2-mln-tenge-320016273/",
    section_path="/news/proisshestviya/",
    section_name="Происшествия",
    title="Семьям погибших при пожаре в Щучинске выплатят по 2 млн тенге",
    subtitle="Пострадавшим с тяжелыми травмами выплатят по миллиону тенге.",
    time="09:44",
    iso="2026-02-27T09:44:12+05:00",
    views=2317,
    photo_credit="Фото: МЧС РК",
    paragraphs=[
        "Семьям погибших при взрыве и пожаре в кафе в Щучинске выплатят по 2 миллиона тенге, передает BAQ.KZ со "
        "ссылкой на акимат Акмолинской области.",
        "Решение принято на заседании региональной комиссии по чрезвычайным ситуациям. Пострадавшим, получившим "
        "тяжелые травмы, выплатят по одному миллиону тенге, остальным - по 500 тысяч.",
        "Средства выделяются из резерва местного исполнительного органа. Выплаты начнутся после оформления "
        "документов, с семьями работают социальные службы и психологи.",
        "По данным МЧС, в результате взрыва газового баллона погибли семь человек, еще 19 госпитализированы.",
        "Ранее мы сообщали о том, что в Акмолинской области 28 февраля объявлен днем траура.",
    ],
    tags=[("Щучинск", "shchuchinsk"), ("Пожар", "pozhar"), ("Выплаты", "vyplaty")],
    in_body_credit="Фото: ©BAQ.KZ/Сырым Рахимбеков",
    promo=True,
    also=("Трагедия в Щучинске: видео очевидцев",
          "https://rus.baq.kz/tragediya-v-schuchinsk-video-ochevidtsev-320016240/"),
)

RU_VIDEO = Article(
    file="ru-news-320016240.html",
    lang="ru",
    url="https://rus.baq.kz/tragediya-v-schuchinsk-video-ochevidtsev-320016240/",
    section_path="/news/proisshestviya/",
    section_name="Происшествия",
    title="Трагедия в Щучинске: видео очевидцев",
    subtitle="Очевидцы рассказали, что перед взрывом почувствовали запах газа.",
    time="08:05",
    iso="2026-02-27T08:05:48+05:00",
    views=5120,
    photo_credit="Фото: кадр из видео",
    paragraphs=[
        "В социальных сетях появились видео очевидцев взрыва и пожара в кафе в Щучинске, передаёт BAQ.KZ.",
        "На кадрах видно, как из окон одноэтажного здания вырывается пламя, а посетители выбегают на улицу. "
        "Очевидцы рассказали, что перед взрывом почувствовали запах газа.",
        "Пожарные прибыли на место через шесть минут после вызова. Площадь пожара составила 280 квадратных "
        "метров, открытое горение ликвидировали к часу ночи.",
        "Напомним, вечером 26 февраля в кафе в центре Щучинска произошел взрыв газового баллона с последующим "
        "пожаром.",
    ],
    tags=[("Щучинск", "shchuchinsk"), ("Пожар", "pozhar")],
    promo=True,
)

KK_LATEST = [
    (f"{TODAY['kk']} 17:55", "Астанада көктемгі су тасқынына дайындық басталды",
     "https://baq.kz/astanada-koktemgi-su-tasqynyna-dayyndyq-bastaldy-320016502/"),
    (f"{TODAY['kk']} 14:14", KK_MEMORIAL.title, KK_MEMORIAL.url),
    (f"{TODAY['kk']} 11:30", "Ұлттық банк базалық мөлшерлемені өзгеріссіз қалдырды",
     "https://baq.kz/ulttyq-bank-bazalyq-molsherlemeni-ozgerissiz-qaldyrdy-320016433/"),
    (f"{YESTERDAY['kk']} 17:10", "Алматыда екі аялдаманың әйнегі қиратылды",
     "https://baq.kz/tungi-vandalizm-almatyda-eki-ayaldama-aynegi-shagyldy-320016318/"),
]
RU_LATEST = [
    ("Сегодня 11:20", "В Астане стартовала весенняя ярмарка",
     "https://rus.baq.kz/v-astane-startovala-vesennyaya-yarmarka-320016301/"),
    ("Сегодня 09:44", RU_PAYMENTS.title, RU_PAYMENTS.url),
    ("Сегодня 08:05", RU_VIDEO.title, RU_VIDEO.url),
    ("Вчера 22:41", "В Щучинске произошел взрыв в кафе",
     "https://rus.baq.kz/v-schuchinske-proizoshel-vzryv-v-kafe-320016199/"),
]


def build() -> dict[str, str]:
    kk_latest_27 = [  # the sidebar when the video article was captured, the morning before
        (f"{TODAY['kk']} 09:38", KK_VIDEO.title, KK_VIDEO.url),
        (f"{TODAY['kk']} 07:15", "Щучинскіде кафеде жарылыс болды",
         "https://baq.kz/schuchinskide-kafede-zharylys-boldy-320016205/"),
        (f"{YESTERDAY['kk']} 21:02", "Елордада жаңа мектеп ашылды",
         "https://baq.kz/elordada-zhana-mektep-ashyldy-320016170/"),
    ]
    pages = {
        KK_MEMORIAL.file: article_page(KK_MEMORIAL, KK_LATEST),
        KK_VIDEO.file: article_page(KK_VIDEO, kk_latest_27),
        RU_PAYMENTS.file: article_page(RU_PAYMENTS, RU_LATEST),
        RU_VIDEO.file: article_page(RU_VIDEO, RU_LATEST),
    }
    kk_entries = [
        *KK_LATEST[:3],
        (f"{TODAY['kk']} 10:02", "Бурабайда демалыс орындарындағы газ жабдықтары тексеріледі",
         "https://baq.kz/burabayda-demalys-oryndaryndagy-gaz-zhabdyqtary-tekseriledi-320016420/"),
        (f"{YESTERDAY['kk']} 18:36", "Ақмола облысында аза тұту күні жарияланды",
         "https://baq.kz/aqmola-oblysynda-aza-tutu-kuni-zhariyalandy-320016330/"),
        KK_LATEST[3],
        (f"{YESTERDAY['kk']} 09:38", KK_VIDEO.title, KK_VIDEO.url),
        (f"{YESTERDAY['kk']} 07:15", "Щучинскіде кафеде жарылыс болды",
         "https://baq.kz/schuchinskide-kafede-zharylys-boldy-320016205/"),
    ]
    pages["kk-news.html"] = list_page("kk", "https://baq.kz", kk_entries, KK_LATEST)
    ru_entries = [
        *RU_LATEST[:3],
        RU_LATEST[3],
        ("Вчера 16:05", "Кабмин утвердил план по ремонту сельских дорог",
         "https://rus.baq.kz/kabmin-utverdil-plan-po-remontu-selskih-dorog-320016150/"),
        ("Вчера 12:40", "Полный текст проекта новой Конституции",
         "https://rus.baq.kz/polnyy-tekst-proekta-novoy-konstitutsii_300033020/"),
    ]
    pages["ru-news.html"] = list_page("ru", "https://rus.baq.kz", ru_entries, RU_LATEST)
    return pages


if __name__ == "__main__":
    PAGES.main(build)
