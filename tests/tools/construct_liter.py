"""Builds the constructed Liter.kz fixture pages.

We have no HTML of liter.kz: two stored pages' text (docs/evidence/site-evidence.md section 18: the URL with a
10-digit suffix, title then subtitle then the author's name on its own line, '..., передает Liter.kz.', the project
label 'LITER' in the text), the list dates of docs/evidence/SITES.md ('Сегодня в 14:30', 'вчера, 14:30') and the
news sitemap path /sitemap.news.xml [C]. Deliberate: each article's suffix is the moment its draft was created, some
minutes to hours before publication, so a parser that read the suffix as the date would be caught. Assumed: every
class name, the home page's news line, the article page printing the list's date forms, the JSON-LD with a naive
datePublished. Every page says so at its top.

Run from the repository root: python tests/tools/construct_liter.py  (rewrites tests/fixtures/sites/liter;
--check compares)
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.tools.pagebuilder import (
    ALMATY,
    Constructor,
    day_month_year,
    days_before,
    esc,
    jsonld,
    news_sitemap,
    organization,
    schema,
    web_page,
)

PAGES = Constructor("liter")
ORIGIN = "https://liter.kz"

NOTE = (
    "no real liter.kz HTML was available. Modelled on the "
    "text of stored liter.kz pages (docs/evidence/site-evidence.md section 18: URL with a 10-digit suffix, title, subtitle, "
    "author on its own line, '..., передает Liter.kz.', the label LITER) and docs/evidence/SITES.md list dates ('Сегодня в "
    "14:30', 'вчера, 14:30'). The URL suffix is deliberately earlier than the publication. Assumed: class names, "
    "the home page's news line, the article's date forms, the JSON-LD (naive datePublished), the chrome."
)

MENU = [("/category/politika/", "Политика"), ("/category/obshchestvo/", "Общество"),
        ("/category/ekonomika/", "Экономика"), ("/category/proisshestviia/", "Происшествия"),
        ("/category/v-mire/", "В мире"), ("/category/sport/", "Спорт"), ("/projects/", "Спецпроекты")]


@dataclass
class Article:
    file: str
    slug: str
    created: int  # the URL suffix: when the draft was created (Unix time)
    title: str
    subtitle: str
    author: tuple[str, str]  # (name, author path)
    published: datetime
    category: tuple[str, str]  # (path, name)
    paragraphs: list[str]
    tags: list[tuple[str, str]] = field(default_factory=list)  # (name, path)
    caption: str = ""
    also: tuple[str, str] | None = None  # "Читайте также" (title, url) after paragraph 2
    views: int = 0

    @property
    def url(self) -> str:
        return f"{ORIGIN}/{self.slug}-{self.created}/"


def shown(when: datetime, now: datetime) -> str:
    """The site's date forms: 'Сегодня в 14:30', 'вчера, 14:30', else '16 февраля 2025, 15:32'."""
    days = days_before(when, now)
    if days == 0:
        return f"Сегодня в {when:%H:%M}"
    if days == 1:
        return f"вчера, {when:%H:%M}"
    return f"{day_month_year(when, 'ru')}, {when:%H:%M}"


def head(title: str, description: str, url: str, extra: str = "") -> str:
    return f"""<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)}</title>
<meta name="description" content="{esc(description)}">
<link rel="canonical" href="{url}">
<meta property="og:site_name" content="Liter.kz">
<meta property="og:locale" content="ru_RU">
<meta property="og:url" content="{url}">
{extra}
<link rel="stylesheet" href="{ORIGIN}/build/css/app.css?v=2.14.3">
<link rel="icon" href="{ORIGIN}/favicon.ico">
<script async src="https://www.googletagmanager.com/gtag/js?id=G-K2W9LQ7T3N"></script>
<script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments);}}gtag('js',new Date());gtag('config','G-K2W9LQ7T3N');</script>
<script>(function(m,e,t,r,i,k,a){{m[i]=m[i]||function(){{(m[i].a=m[i].a||[]).push(arguments)}};m[i].l=1*new Date();k=e.createElement(t),a=e.getElementsByTagName(t)[0],k.async=1,k.src=r,a.parentNode.insertBefore(k,a)}})(window,document,"script","https://mc.yandex.ru/metrika/tag.js","ym");ym(17437309,"init",{{clickmap:true,trackLinks:true}});</script>
</head>"""


def site_header() -> str:
    menu = "".join(f'<li><a href="{ORIGIN}{path}">{name}</a></li>' for path, name in MENU)
    return f"""<header class="header">
  <div class="container header__inner">
    <a class="header__logo" href="{ORIGIN}/"><img src="{ORIGIN}/build/img/logo.svg" alt="Liter.kz"></a>
    <nav class="header__nav"><ul>{menu}</ul></nav>
    <form class="header__search" action="{ORIGIN}/search/" method="get"><input type="text" name="search_text" placeholder="Поиск"></form>
    <div class="header__rates"><span>USD 507,12</span> <span>EUR 596,40</span> <span>RUB 6,38</span></div>
  </div>
</header>
<div class="article__banner banner-top"><div id="adfox_173752881234567"></div></div>"""


def site_footer() -> str:
    return f"""<footer class="footer">
  <div class="container">
    <div class="footer__menu"><a href="{ORIGIN}/about/">О нас</a> <a href="{ORIGIN}/advertising/">Реклама</a> <a href="{ORIGIN}/contacts/">Контакты</a></div>
    <div class="footer__copy">© 2009-2026 Республиканская газета «Литер». Все права защищены. При использовании материалов гиперссылка на liter.kz обязательна.</div>
  </div>
</footer>
<script src="{ORIGIN}/build/js/app.js?v=2.14.3"></script>"""


def news_line(items: list[tuple[datetime, str, str]], now: datetime) -> str:
    rows = "\n".join(
        f'      <div class="news-line__item"><span class="news-line__date">{shown(when, now)}</span> '
        f'<a class="news-line__title" href="{url}">{esc(title)}</a></div>'
        for when, title, url in items
    )
    return f"""<div class="news-line">
    <div class="news-line__title-block">Лента новостей</div>
{rows}
    <a class="news-line__all" href="{ORIGIN}/news/">Все новости</a>
  </div>"""


def body_html(article: Article) -> str:
    parts = []
    for i, text in enumerate(article.paragraphs):
        parts.append(f"<p>{esc(text)}</p>")
        if i == 1 and article.also:
            title, url = article.also
            parts.append(f'<p><strong>Читайте также:</strong> <a href="{url}">{esc(title)}</a></p>')
        if i == 2:
            parts.append('<div class="article__banner"><div id="adfox_inpage"></div></div>')
    if article.also:
        title, url = article.also
        parts.append(f'<div class="article__also"><span>По теме</span><a href="{url}">{esc(title)}</a></div>')
    return "\n      ".join(parts)


def article_page(article: Article, now: datetime, line: list[tuple[datetime, str, str]]) -> str:
    image = f"{ORIGIN}/storage/images/{article.published:%Y/%m}/{article.created}-cover.jpg"
    ld = schema(
        "NewsArticle",
        mainEntityOfPage=web_page(article.url),
        headline=article.title,
        description=article.subtitle,
        image=[image],
        datePublished=article.published.strftime("%Y-%m-%d %H:%M:%S"),
        dateModified=article.published.strftime("%Y-%m-%d %H:%M:%S"),
        author=[{"@type": "Person", "name": article.author[0], "url": ORIGIN + article.author[1]}],
        publisher=organization("Liter.kz", f"{ORIGIN}/build/img/logo.png"),
    )
    tags = " ".join(f'<a href="{ORIGIN}{path}">{esc(name)}</a>' for name, path in article.tags)
    extra = f"""<meta property="og:type" content="article">
<meta property="og:title" content="{esc(article.title)}">
<meta property="og:description" content="{esc(article.subtitle)}">
<meta property="og:image" content="{image}">
<meta name="author" content="{esc(article.author[0])}">
<link rel="amphtml" href="{article.url}amp">
<script type="application/ld+json">{jsonld(ld)}</script>"""
    return PAGES.html(NOTE, f"""<html lang="ru">
{head(article.title + " - Liter.kz", article.subtitle, article.url, extra)}
<body>
{site_header()}
<main class="container main">
  <article class="article" data-id="{article.created}">
    <div class="article__category"><a href="{ORIGIN}{article.category[0]}">{esc(article.category[1])}</a></div>
    <h1 class="article__title">{esc(article.title)}</h1>
    <div class="article__subtitle">{esc(article.subtitle)}</div>
    <div class="article__author"><a href="{ORIGIN}{article.author[1]}">{esc(article.author[0])}</a></div>
    <div class="article__meta"><span class="article__date">{shown(article.published, now)}</span> <span class="article__views">{article.views}</span></div>
    <figure class="article__image"><img src="{image}" alt="{esc(article.title)}"><figcaption>{esc(article.caption)}</figcaption></figure>
    <div class="article__content">
      {body_html(article)}
    </div>
    <div class="article__tags">{tags}</div>
    <div class="article__share"><a href="https://t.me/share/url?url={article.url}">Telegram</a> <a href="https://wa.me/?text={article.url}">WhatsApp</a> <a href="https://www.facebook.com/sharer.php?u={article.url}">Facebook</a></div>
  </article>
  <aside class="sidebar">
  {news_line(line, now)}
  </aside>
</main>
{site_footer()}
</body>
</html>
""")


def home_page(now: datetime, line: list[tuple[datetime, str, str]], cards: list[tuple[datetime, str, str]]) -> str:
    card_html = "\n".join(
        f"""    <div class="main-card">
      <a class="main-card__image" href="{url}"><img src="{ORIGIN}/storage/images/{when:%Y/%m}/card-{url.rstrip('/').rsplit('-', 1)[1]}.jpg" alt=""></a>
      <a class="main-card__title" href="{url}">{esc(title)}</a>
      <span class="main-card__date">{shown(when, now)}</span>
    </div>"""
        for when, title, url in cards
    )
    extra = '<meta property="og:type" content="website">\n<meta property="og:title" content="Liter.kz - Последние новости Казахстана и мира">'
    return PAGES.html(NOTE, f"""<html lang="ru">
{head("Liter.kz - Последние новости Казахстана и мира", "Liter.kz - Последние новости Казахстана и мира: политика, экономика, общество", ORIGIN + "/", extra)}
<body>
{site_header()}
<main class="container main main--home">
  <section class="main-cards">
{card_html}
  </section>
  <aside class="sidebar">
  {news_line(line, now)}
  </aside>
</main>
{site_footer()}
</body>
</html>
""")


def news_line_sitemap(entries: list[tuple[datetime, str, str]]) -> str:
    return news_sitemap(PAGES.comment(NOTE), "Liter.kz", "ru", [(url, when.isoformat(), title) for when, title, url in entries])


# --- the articles ------------------------------------------------------------------------------------------

SHERZAT = Article(
    file="article-1739700925.html",
    slug="ubiistvo-sherzata-bolata-podozrevaemye-veseliatsia-v-ivs",
    created=1739700925,  # 2025-02-16 15:15:25 +05:00, seventeen minutes before publication
    title="Убийство Шерзата Болата: подозреваемые веселятся в ИВС",
    subtitle="В сети распространилось видео из изолятора временного содержания. Полиция проверяет его подлинность.",
    author=("Мира Алипинова", "/author/mira-alipinova/"),
    published=datetime(2025, 2, 16, 15, 32, tzinfo=ALMATY),
    category=("/category/proisshestviia/", "Происшествия"),
    paragraphs=[
        "В социальных сетях распространилось видео, на котором, как утверждают пользователи, подозреваемые в "
        "убийстве Шерзата Болата смеются и шутят в камере изолятора временного содержания, передает Liter.kz.",
        "Запись вызвала возмущение пользователей и родственников погибшего. Они требуют выяснить, как телефон "
        "оказался в камере и кто снимал видео.",
        "В департаменте полиции Алматинской области сообщили, что проводят служебную проверку. Устанавливается "
        "время съемки и подлинность записи, а также причастность сотрудников ИВС к проносу телефона.",
        "Досудебное расследование по делу продолжается. Подозреваемым предъявлены обвинения, все они "
        "находятся под стражей.",
        "Шерзат Болат скончался в январе после драки у кафе в Талгаре. Дело находится на особом контроле "
        "Генеральной прокуратуры.",
    ],
    tags=[("Шерзат Болат", "/tag/sherzat-bolat/"), ("Талгар", "/tag/talgar/"), ("Полиция", "/tag/politsiia/")],
    caption="Фото: кадр из видео",
    also=("Дело Шерзата Болата: что известно на данный момент",
          f"{ORIGIN}/delo-sherzata-bolata-chto-izvestno-na-dannyi-moment-1739518210/"),
    views=18342,
)

MEGAPOLIS = Article(
    file="article-1769446000.html",
    slug="megapolis-perspektiv",
    created=1769446000,  # 2026-01-26 21:46:40 +05:00: the draft; published the next morning
    title="Мегаполис перспектив",
    subtitle="Каким станет Алматы к 2040 году по новому генеральному плану.",
    author=("Айгерим Сарсенова", "/author/aigerim-sarsenova/"),
    published=datetime(2026, 1, 27, 9, 0, tzinfo=ALMATY),
    category=("/projects/", "Спецпроекты"),
    paragraphs=[
        "LITER разобрался, как изменится Алматы в ближайшие 15 лет. Новый генеральный план предполагает, что "
        "к 2040 году население города превысит 3 миллиона человек, а его площадь вырастет за счет "
        "присоединенных территорий.",
        "Главная ставка сделана на полицентричность: кроме исторического центра, в городе должны появиться "
        "несколько деловых и жилых центров в Алатауском и Наурызбайском районах, куда переедет часть "
        "госучреждений и рабочих мест.",
        "Транспортный каркас генплана - продление метро до микрорайонов Калкаман и Улжан, две линии легкорельсового "
        "транспорта и большое кольцо вокруг города. Доля общественного транспорта в поездках должна вырасти до 60%.",
        "Отдельный раздел посвящен зелени и воздуху: город обещает сохранить предгорные территории от застройки, "
        "перевести ТЭЦ на газ и высадить до 2030 года еще 500 тысяч деревьев.",
        "Эксперты, опрошенные LITER, называют план амбициозным, но предупреждают, что без опережающего "
        "строительства инженерных сетей новые районы рискуют повторить судьбу пригородов, выросших в 2000-х.",
    ],
    tags=[("Алматы", "/tag/almaty/"), ("Генплан", "/tag/genplan/"), ("LITER", "/tag/liter/")],
    caption="Фото: пресс-служба акимата Алматы",
    views=5120,
)

TRAFFIC = Article(
    file="article-1769490845.html",
    slug="v-almaty-prodlili-ogranichenie-dvizheniia-na-al-farabi",
    created=1769490845,  # 2026-01-27 10:14:05 +05:00: six minutes before publication
    title="В Алматы продлили ограничение движения на Аль-Фараби",
    subtitle="Ремонт развязки с улицей Навои продлится до 15 февраля.",
    author=("Дана Ахметова", "/author/dana-akhmetova/"),
    published=datetime(2026, 1, 27, 10, 20, tzinfo=ALMATY),
    category=("/category/obshchestvo/", "Общество"),
    paragraphs=[
        "Ограничение движения на проспекте Аль-Фараби в районе пересечения с улицей Навои продлено до 15 "
        "февраля, передает Liter.kz со ссылкой на управление городской мобильности.",
        "На участке ведется ремонт деформационных швов путепровода. Движение в сторону гор сужено до одной "
        "полосы, поворот на улицу Навои закрыт.",
        "Водителям рекомендуют заранее планировать маршрут и пользоваться улицами Розыбакиева и Жандосова. "
        "Автобусные маршруты 37, 63 и 86 временно следуют в объезд.",
        "Ранее работы планировали завершить до конца января, однако их продлили из-за морозов.",
    ],
    tags=[("Алматы", "/tag/almaty/"), ("Дороги", "/tag/dorogi/")],
    caption="Фото: Liter.kz",
    views=2210,
)

LINE_2026 = [
    (datetime(2026, 1, 27, 11, 42, tzinfo=ALMATY), "Токаев принял министра энергетики",
     f"{ORIGIN}/tokaev-prinial-ministra-energetiki-1769495801/"),
    (TRAFFIC.published, TRAFFIC.title, TRAFFIC.url),
    (datetime(2026, 1, 27, 9, 35, tzinfo=ALMATY), "Курс тенге на KASE: доллар подешевел на открытии",
     f"{ORIGIN}/kurs-tenge-na-kase-dollar-podeshevel-na-otkrytii-1769488190/"),
    (MEGAPOLIS.published, MEGAPOLIS.title, MEGAPOLIS.url),
    (datetime(2026, 1, 26, 21, 15, tzinfo=ALMATY), "В Астане открыли новый ледовый дворец",
     f"{ORIGIN}/v-astane-otkryli-novyi-ledovyi-dvorets-1769443512/"),
    (datetime(2026, 1, 26, 18, 5, tzinfo=ALMATY), "Синоптики предупредили о метели на севере страны",
     f"{ORIGIN}/sinoptiki-predupredili-o-meteli-na-severe-strany-1769432561/"),
]
LINE_2025 = [
    (datetime(2025, 2, 20, 10, 5, tzinfo=ALMATY), "В Алматы завершили ремонт моста на Саина",
     f"{ORIGIN}/v-almaty-zavershili-remont-mosta-na-saina-1740027140/"),
    (datetime(2025, 2, 19, 16, 40, tzinfo=ALMATY), "Нацбанк сохранил базовую ставку",
     f"{ORIGIN}/natsbank-sokhranil-bazovuiu-stavku-1739964912/"),
    (SHERZAT.published, SHERZAT.title, SHERZAT.url),
]


def build() -> dict[str, str]:
    now_2026 = datetime(2026, 1, 27, 12, 0, tzinfo=ALMATY)
    pages = {
        MEGAPOLIS.file: article_page(MEGAPOLIS, datetime(2026, 1, 27, 12, 1, tzinfo=ALMATY), LINE_2026),
        TRAFFIC.file: article_page(TRAFFIC, datetime(2026, 1, 27, 12, 2, tzinfo=ALMATY), LINE_2026),
        SHERZAT.file: article_page(SHERZAT, datetime(2025, 2, 20, 11, 0, tzinfo=ALMATY), LINE_2025),
        "home.html": home_page(now_2026, LINE_2026, [(MEGAPOLIS.published, MEGAPOLIS.title, MEGAPOLIS.url),
                                                     LINE_2026[0], (TRAFFIC.published, TRAFFIC.title, TRAFFIC.url)]),
        "sitemap.news.xml": news_line_sitemap(LINE_2026),
    }
    return pages


if __name__ == "__main__":
    PAGES.main(build)
