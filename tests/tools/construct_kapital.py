"""Builds the constructed kapital.kz fixture pages (tests/fixtures/sites/kapital) and their cases.json.

The evidence on kapital.kz is thin (see kznews/sites/kapital.py), so most of this is assumption, said so here and
at the top of every page:
- docs/evidence/SITES.md row 8: ru only; articles /<section>/<id>/<slug>.html and AMP /amp/...; RSS /rss seen but not
  verified. docs/evidence/site-evidence.md section 9: one AMP URL
  (/amp/gosudarstvo/97911/pyat-interesnykh-statey-nedeli-na-kapital-kz-2.html), 'центра деловой информации
  Kapital.kz' in the text, and the title followed by a subtitle line.
- Public scrapers of 2026 (see the site module): the site is a Next.js application (`__NEXT_DATA__`, buildId,
  react-query's dehydratedState with articles carrying published_at such as '2026-01-28T06:43:04.000Z' in UTC,
  category slugs economic, finance, business, tehnology); its news list /news/period/today?page=N prints dates
  as '09.04.2026 · 15:37'; article pages have an <article>.
Assumed: the markup (Next.js CSS-module class names such as `ArticlePage_title__q1w2e`), the JSON-LD, the author
and tag blocks, the "Читайте также" card and the Telegram promo in the body, the RSS layout, every text.

Run from the repository root: python tests/tools/construct_kapital.py  (rewrites the constructed files and
cases.json; --check compares)
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.tools.pagebuilder import (
    Constructor,
    almaty,
    case,
    cases_json,
    esc,
    jsonld,
    organization,
    rfc822,
    rss,
    schema,
)

PAGES = Constructor("kapital")
ORIGIN = "https://kapital.kz"
BUILD_ID = "R-RoxUoENsdYwDpD0DB9c"

NAV = """<header class="Header_root__h7Kd2">
  <div class="Header_inner__m1Zp0">
    <a class="Header_logo__Q2s8a" href="/"><img src="/_next/static/media/logo.4f2c1a.svg" alt="Kapital.kz"></a>
    <nav class="Header_nav__x8PqL">
      <a href="/economic">Экономика</a><a href="/finance">Финансы</a><a href="/business">Бизнес</a>
      <a href="/project/investments">Инвестиции</a><a href="/tehnology">Технологии</a><a href="/gosudarstvo">Государство</a>
      <a href="/news/period/today">Новости</a>
    </nav>
    <div class="Header_rates__Lw3Tz"><span>USD 511,20</span> <span>EUR 553,84</span> <span>RUB 6,41</span></div>
  </div>
</header>"""

FOOTER = """<div class="Subscribe_root__Tk3Pq">
  <h3>Главные новости экономики — в вашей почте</h3>
  <form class="Subscribe_form__Jh8Ls"><input type="email" placeholder="E-mail"><button type="submit">Подписаться</button></form>
</div>
<footer class="Footer_root__p0Y2n">
  <div class="Footer_columns__Mn4Bv">
    <div><a href="/economic">Экономика</a><a href="/finance">Финансы</a><a href="/business">Бизнес</a><a href="/project/investments">Инвестиции</a><a href="/tehnology">Технологии</a><a href="/gosudarstvo">Государство</a><a href="/world">В мире</a></div>
    <div><a href="/about">О нас</a><a href="/team">Редакция</a><a href="/advertising">Реклама</a><a href="/contacts">Контакты</a><a href="/privacy">Политика конфиденциальности</a><a href="/rss">RSS</a></div>
    <div><a href="https://t.me/kapitalkz">Telegram</a><a href="https://www.instagram.com/kapital.kz/">Instagram</a><a href="https://www.facebook.com/kapital.kz">Facebook</a><a href="https://www.youtube.com/@kapitalkz">YouTube</a></div>
  </div>
  <p>© 2008–2026 Kapital.kz — Центр деловой информации. Все права защищены. При использовании материалов гиперссылка на Kapital.kz обязательна. Свидетельство о постановке на учет СМИ № 13283-ИА выдано Министерством информации и коммуникаций РК.</p>
  <p class="Footer_age__Qq1Ww">18+</p>
</footer>"""

SIDEBAR = [
    ("/finance/145190/tenge-ukrepilsya-na-birzhe.html", "Тенге укрепился на бирже", "09.04.2026 · 14:10"),
    ("/economic/145183/pravitelstvo-utverdilo-plan-privatizacii.html", "Правительство утвердило план приватизации", "09.04.2026 · 12:40"),
    ("/economic/145171/inflyaciya-v-marte-zamedlilas.html", "Инфляция в марте замедлилась", "09.04.2026 · 11:02"),
    ("/tehnology/145166/v-astane-zapustyat-5g-v-metro.html", "В Астане запустят 5G в метро", "09.04.2026 · 10:15"),
    ("/finance/145159/depozity-naseleniya-vyrosli-na-2.html", "Депозиты населения выросли на 2%", "09.04.2026 · 09:30"),
    ("/business/145102/kaspi-otchitalsya-za-kvartal.html", "Kaspi отчитался за квартал", "08.04.2026 · 18:45"),
    ("/gosudarstvo/145095/senat-odobril-nalogovye-popravki.html", "Сенат одобрил налоговые поправки", "08.04.2026 · 16:20"),
]


def sidebar() -> str:
    rows = "\n".join(
        f'      <li class="SidebarNews_item__r5Gt1"><a href="{h}">{esc(t)}</a><span class="SidebarNews_date__k2Pw9">{d}</span></li>'
        for h, t, d in SIDEBAR
    )
    return f"""<aside class="Sidebar_root__bT9vQ">
    <h3 class="SidebarNews_heading__W3e1d">Главное</h3>
    <ul class="SidebarNews_list__Fy6sA">
{rows}
    </ul>
    <div class="Banner_root__c3Zq1" id="adfox_163720183012345"></div>
  </aside>"""


def next_data(page: str, query: dict, queries: list) -> str:
    data = {
        "props": {"pageProps": {"dehydratedState": {"mutations": [], "queries": queries}}, "__N_SSP": True},
        "page": page,
        "query": query,
        "buildId": BUILD_ID,
        "isFallback": False,
        "gssp": True,
        "locale": "ru",
        "locales": ["ru"],
        "defaultLocale": "ru",
        "scriptLoader": [],
    }
    return f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(data, ensure_ascii=False)}</script>'


def shell(title: str, head: str, main: str, data: str, note: str) -> str:
    return PAGES.html(note, f"""<html lang="ru">
<head>
<meta charSet="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>{esc(title)}</title>
{head}
<link rel="preload" href="/_next/static/css/4b1f0d2a9c7e.css" as="style"/>
<link rel="stylesheet" href="/_next/static/css/4b1f0d2a9c7e.css" data-n-g=""/>
<script defer="" nomodule="" src="/_next/static/chunks/polyfills-c67a75d1b6f99dc8.js"></script>
<script src="/_next/static/chunks/webpack-9a0b1c2d3e4f.js" defer=""></script>
<script src="/_next/static/chunks/framework-0e8d27528ba61906.js" defer=""></script>
<script src="/_next/static/chunks/main-1d9f7a3b2c4e.js" defer=""></script>
<script src="/_next/static/{BUILD_ID}/_buildManifest.js" defer=""></script>
</head>
<body>
<div id="__next">
{NAV}
<main class="Layout_main__Gq2xZ">
  <div class="Layout_content__u8Ylp">
{main}
  </div>
  {sidebar()}
</main>
{FOOTER}
</div>
{data}
<script>(function(m,e,t,r,i,k,a){{m[i]=m[i]||function(){{(m[i].a=m[i].a||[]).push(arguments)}};m[i].l=1*new Date();k=e.createElement(t),a=e.getElementsByTagName(t)[0],k.async=1,k.src=r,a.parentNode.insertBefore(k,a)}})(window,document,"script","https://mc.yandex.ru/metrika/tag.js","ym");ym(12345678,"init",{{clickmap:true}});</script>
</body>
</html>
""", doctype_first=False)


@dataclass
class Article:
    file: str
    section: str  # URL slug
    section_name: str
    article_id: int
    slug: str
    title: str
    subtitle: str
    local: datetime  # Almaty wall clock, aware
    author: str
    tags: list[str]
    paragraphs: list[str]
    also: tuple[str, str] | None
    note: str
    fetched_at: str
    amp: bool = False

    @property
    def path(self) -> str:
        return f"/{self.section}/{self.article_id}/{self.slug}.html"

    @property
    def utc(self) -> str:
        return self.local.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")

    @property
    def date_text(self) -> str:
        return self.local.strftime("%d.%m.%Y · %H:%M")

    @property
    def image(self) -> str:
        return f"https://i.kapital.kz/c/{self.article_id:x}/n/1200/630/{self.article_id}.jpg"


def _ld(a: Article) -> str:
    ld = schema(
        "NewsArticle",
        headline=a.title,
        description=a.subtitle,
        datePublished=a.utc,
        dateModified=a.utc,
        image=[a.image],
        articleSection=a.section_name,
        author=[{"@type": "Person", "name": a.author}] if a.author else [],
        publisher=organization("Kapital.kz", ORIGIN + "/logo.png"),
        mainEntityOfPage=ORIGIN + a.path,
    )
    return f'<script type="application/ld+json">{jsonld(ld)}</script>'


def _body_html(a: Article, paragraph_class: str) -> str:
    parts = []
    for i, text in enumerate(a.paragraphs):
        parts.append(f"<p{paragraph_class}>{text}</p>")
        if a.also and i == 1:
            href, title = a.also
            parts.append(f'<div class="ReadAlso_root__z8Xc4"><span>Читайте также:</span> <a href="{href}">{esc(title)}</a></div>')
    parts.append('<p><a href="https://t.me/kapitalkz">Подписывайтесь на Telegram-канал Kapital.kz</a>, чтобы первыми узнавать главные новости экономики</p>')
    return "\n      ".join(parts)


def article_page(a: Article) -> str:
    url = ORIGIN + a.path
    head = f"""<meta name="description" content="{esc(a.subtitle)}"/>
<meta property="og:type" content="article"/>
<meta property="og:site_name" content="Kapital.kz"/>
<meta property="og:title" content="{esc(a.title)} | Kapital.kz"/>
<meta property="og:description" content="{esc(a.subtitle)}"/>
<meta property="og:url" content="{url}"/>
<meta property="og:image" content="{a.image}"/>
<link rel="canonical" href="{url}"/>
<link rel="amphtml" href="{ORIGIN}/amp{a.path}"/>
{_ld(a)}"""
    tags = "".join(f'<a class="ArticleTags_tag__N4mPq" href="/tags/{t.lower().replace(" ", "-")}">#{esc(t)}</a>' for t in a.tags)
    author = f'<a class="ArticleAuthor_name__E5rTy" href="/author/{a.article_id % 97}">{esc(a.author)}</a>' if a.author else ""
    main = f"""    <article class="ArticlePage_root__Jk2Lm">
      <div class="ArticlePage_breadcrumbs__a1B2c"><a href="/">Главная</a> / <a href="/{a.section}">{esc(a.section_name)}</a></div>
      <h1 class="ArticlePage_title__q1w2e">{esc(a.title)}</h1>
      <div class="ArticlePage_subtitle__R7tY0">{esc(a.subtitle)}</div>
      <div class="ArticleMeta_root__Vb3Nm">
        <span class="ArticleMeta_date__T6yU1">{a.date_text}</span>
        <span class="ArticleMeta_views__P9oI8">1 284</span>
        {author}
      </div>
      <figure class="ArticlePage_cover__Zx3Cv"><img src="{a.image}" alt="{esc(a.title)}"/><figcaption>Фото: Shutterstock</figcaption></figure>
      <div class="ArticleBody_root__Hg5Fd">
      {_body_html(a, ' class="ArticleBody_paragraph__Lk8Jh"')}
      </div>
      <div class="ArticleTags_root__Qw2Er">{tags}</div>
      <div class="ShareButtons_root__Df4Gh"><button>Поделиться</button></div>
    </article>"""
    article_json = {
        "id": a.article_id,
        "title": a.title,
        "slug": a.slug,
        "description": a.subtitle,
        "published_at": a.utc,
        "category": {"slug": a.section, "title": a.section_name},
        "tags": [{"title": t} for t in a.tags],
        "related": [{"id": int(h.split("/")[2]), "title": t, "published_at": "2026-04-08T13:45:00.000Z"} for h, t, _ in SIDEBAR],
    }
    data = next_data("/[category]/[id]/[slug]", {"category": a.section, "id": str(a.article_id), "slug": a.slug + ".html"},
                     [{"queryKey": ["article", a.article_id], "state": {"data": article_json, "status": "success"}}])
    return shell(f"{a.title} | Kapital.kz", head, main, data, a.note)


def amp_page(a: Article) -> str:
    canonical = ORIGIN + a.path
    body = _body_html(a, "")
    return PAGES.html(a.note, f"""<html ⚡ lang="ru">
<head>
<meta charset="utf-8">
<title>{esc(a.title)} | Kapital.kz</title>
<link rel="canonical" href="{canonical}">
<meta name="viewport" content="width=device-width,minimum-scale=1,initial-scale=1">
<script async src="https://cdn.ampproject.org/v0.js"></script>
<script async custom-element="amp-analytics" src="https://cdn.ampproject.org/v0/amp-analytics-0.1.js"></script>
{_ld(a)}
<style amp-boilerplate>body{{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both}}</style>
<style amp-custom>body{{font-family:Georgia,serif;margin:0;color:#1a1a1a}}.amp-header{{display:flex;align-items:center;padding:8px 16px;border-bottom:1px solid #e5e5e5}}
.amp-title{{font-size:24px;line-height:1.25;margin:16px}}.amp-subtitle{{color:#555;margin:0 16px 12px}}.amp-meta{{color:#888;font-size:13px;margin:0 16px}}
.amp-body{{padding:0 16px}}.amp-body p{{font-size:17px;line-height:1.6}}.amp-related{{padding:16px;background:#f6f6f6}}.amp-related a{{display:block;margin:8px 0;color:#0b4ea2}}
.amp-footer{{padding:16px;font-size:12px;color:#777}}amp-sidebar{{width:260px;padding:16px;background:#fff}}amp-sidebar a{{display:block;padding:6px 0}}</style>
</head>
<body>
<amp-sidebar id="menu" layout="nodisplay" side="left">
  <a href="{ORIGIN}/economic">Экономика</a><a href="{ORIGIN}/finance">Финансы</a><a href="{ORIGIN}/business">Бизнес</a><a href="{ORIGIN}/project/investments">Инвестиции</a>
  <a href="{ORIGIN}/tehnology">Технологии</a><a href="{ORIGIN}/gosudarstvo">Государство</a><a href="{ORIGIN}/news/period/today">Новости</a>
</amp-sidebar>
<header class="amp-header"><button on="tap:menu.toggle">☰</button><a href="{ORIGIN}/"><amp-img src="{ORIGIN}/logo.png" width="120" height="32" alt="Kapital.kz"></amp-img></a></header>
<article class="amp-article">
  <h1 class="amp-title">{esc(a.title)}</h1>
  <p class="amp-subtitle">{esc(a.subtitle)}</p>
  <div class="amp-meta"><span class="amp-date">{a.date_text}</span></div>
  <amp-img src="{a.image}" width="1200" height="630" layout="responsive" alt=""></amp-img>
  <div class="amp-body">
  {body}
  </div>
</article>
<section class="amp-related">
  <h3>Читайте также</h3>
  <a href="{ORIGIN}/gosudarstvo/97850/pyat-interesnykh-statey-nedeli-na-kapital-kz.html">Пять интересных статей недели на Kapital.kz</a>
  <a href="{ORIGIN}/economic/97902/pensionnye-nakopleniya-na-zhile-chto-izmenitsya.html">Пенсионные накопления на жилье: что изменится</a>
  <a href="{ORIGIN}/business/97888/stroymaterialy-podorozhali-na-20.html">Стройматериалы подорожали на 20%</a>
</section>
<footer class="amp-footer">© 2008–2021 Kapital.kz — Центр деловой информации. <a href="{canonical}">Полная версия</a></footer>
<amp-analytics type="metrika"><script type="application/json">{{"vars": {{"counterId": "12345678"}}}}</script></amp-analytics>
</body>
</html>
""", doctype="<!doctype html>", doctype_first=False)


GCHP = Article(
    file="economic-145210.html",
    section="economic",
    section_name="Экономика",
    article_id=145210,
    slug="tolko-tri-kompanii-poluchili-akkreditaciyu-dlya-raboty-s-proektami-gchp",
    title="Только три компании получили аккредитацию для работы с проектами ГЧП",
    subtitle="Минфин ужесточил требования к консультантам по государственно-частному партнерству",
    local=almaty("2026-04-09T15:37:00"),
    author="Жанар Тулиндинова",
    tags=["ГЧП", "Минфин"],
    paragraphs=[
        "Всего три компании прошли аккредитацию для консультационного сопровождения проектов государственно-частного партнерства по новым правилам, сообщили в Министерстве финансов.",
        "Новые требования вступили в силу в январе. Консультанты должны иметь в штате не менее пяти специалистов с международными сертификатами и опыт сопровождения хотя бы двух завершенных проектов.",
        "По данным Казахстанского центра ГЧП, в стране реализуется более 800 проектов на общую сумму свыше 3 трлн тенге, большая часть из них – в образовании и здравоохранении.",
        "В министерстве рассчитывают, что ужесточение требований снизит число проектов, которые расторгаются на стадии строительства.",
    ],
    also=("/economic/144980/gchp-novye-pravila.html", "Правила ГЧП изменятся с 2026 года"),
    note="A kapital.kz article at a real URL (seen linked from a public document); the date '09.04.2026 · 15:37' in the form a 2026 scraper parses from the list; JSON-LD datePublished in UTC like the site's API; Next.js markup with CSS-module class names and __NEXT_DATA__ assumed; the subtitle line after the title as docs/evidence/site-evidence.md section 9 describes.",
    fetched_at="2026-04-09T19:00:00+05:00",
)

GRAIN = Article(
    file="business-145231.html",
    section="business",
    section_name="Бизнес",
    article_id=145231,
    slug="kazahstanskie-eksportery-zerna-narastili-postavki-v-kitay",
    title="Казахстанские экспортеры зерна нарастили поставки в Китай",
    subtitle="За первый квартал объем экспорта вырос на 18%",
    local=almaty("2026-04-09T17:05:00"),
    author="",
    tags=["зерно", "экспорт", "Китай"],
    paragraphs=[
        "Экспорт казахстанского зерна в Китай в первом квартале вырос на 18% в годовом выражении, сообщили в Министерстве сельского хозяйства.",
        "Основной объем пришелся на пшеницу и ячмень. Поставки идут в основном по железной дороге через Достык и Алтынколь.",
        "Аналитики центра деловой информации Kapital.kz отмечают, что рост связан с рекордным урожаем прошлого года и снижением железнодорожных тарифов.",
    ],
    also=None,
    note="A kapital.kz article, constructed in the markup of economic-145210.html (invented story; no author named).",
    fetched_at="2026-04-09T19:00:00+05:00",
)

DIGEST = Article(
    file="amp-gosudarstvo-97911.html",
    section="gosudarstvo",
    section_name="Государство",
    article_id=97911,
    slug="pyat-interesnykh-statey-nedeli-na-kapital-kz-2",
    title="Пять интересных статей недели на Kapital.kz",
    subtitle="Что читали на этой неделе",
    local=almaty("2021-08-14T10:00:00"),
    author="",
    tags=[],
    paragraphs=[
        "Редакция собрала пять материалов, которые вызвали наибольший интерес у читателей центра деловой информации Kapital.kz на этой неделе.",
        "Первое место занял разбор того, как изменятся пенсионные накопления после разрешения использовать их на жилье и лечение.",
        "Также читатели интересовались ростом цен на строительные материалы и новыми правилами ввоза автомобилей.",
        "В подборку вошли интервью с руководителем крупного агрохолдинга и обзор рынка коммерческой недвижимости Алматы.",
    ],
    also=None,
    note="The AMP page of the one kapital.kz URL in docs/evidence/site-evidence.md section 9 (title, then a subtitle line; 'центра деловой информации Kapital.kz' in the text); date, texts and AMP markup assumed. Its canonical link names the non-AMP URL. Not served (nothing links it).",
    fetched_at="2026-04-09T19:00:00+05:00",
    amp=True,
)

ARTICLES = [GCHP, GRAIN, DIGEST]

LIST_ITEMS = [
    (GRAIN, "Поставки выросли на 18%"),
    (GCHP, "Минфин ужесточил требования"),
    *(
        (Article("", href.split("/")[1], "", int(href.split("/")[2]), href.split("/")[3][:-5], title, "",
                 almaty(f"{when[6:10]}-{when[3:5]}-{when[:2]}T{when[-5:]}:00"), "", [], [], None, "", ""), title)
        for href, title, when in SIDEBAR
        if when.startswith("09.04.2026")
    ),
]


def list_page() -> str:
    cards = "\n".join(
        f"""      <div class="NewsList_item__Bv7Nm">
        <a class="NewsList_image__Ui9Op" href="{a.path}"><img src="{a.image}" alt=""/></a>
        <div class="NewsList_content__Aa1Ss">
          <a class="NewsList_title__Dd3Ff" href="{a.path}">{esc(a.title)}</a>
          <p class="NewsList_lead__Gg4Hh">{esc(lead)}</p>
          <span class="NewsList_date__Jj5Kk">{a.date_text}</span>
        </div>
      </div>"""
        for a, lead in LIST_ITEMS
    )
    main = f"""    <h1 class="NewsPage_title__Zz9Yy">Новости за сегодня</h1>
    <div class="NewsPage_periods__Xx8Ww"><a href="/news/period/today" class="NewsPage_active__Vv7Uu">Сегодня</a><a href="/news/period/week">Неделя</a><a href="/news/period/month">Месяц</a></div>
    <div class="NewsList_root__Cc2Dd">
{cards}
    </div>
    <div class="Pagination_root__Ll6Mm"><span class="Pagination_current__Nn7Oo">1</span><a href="/news/period/today?page=2">2</a><a href="/news/period/today?page=3">3</a></div>"""
    rows = [{"id": a.article_id, "title": a.title, "slug": a.slug, "published_at": a.utc, "category": {"slug": a.section}} for a, _ in LIST_ITEMS]
    data = next_data("/news/period/[period]", {"period": "today"},
                     [{"queryKey": ["articles", {"period": "today", "page": 1}], "state": {"data": {"rows": rows, "count": 47}, "status": "success"}}])
    head = f'<meta name="description" content="Новости за сегодня"/>\n<link rel="canonical" href="{ORIGIN}/news/period/today"/>'
    note = ("kapital.kz/news/period/today, the news list a 2026 public scraper walks with ?page=N and whose dates it parses "
            "as '09.04.2026 · 15:37'; the card markup (CSS-module class names) and the __NEXT_DATA__ rows are assumed.")
    return shell("Новости за сегодня | Kapital.kz", head, main, data, note)


def rss_feed() -> str:
    note = "kapital.kz/rss, the feed docs/evidence/SITES.md row 8 lists as seen but not verified; RSS 2.0 assumed."
    channel = [
        ("title", "Kapital.kz — Центр деловой информации"),
        ("link", f"{ORIGIN}/"),
        f'<atom:link href="{ORIGIN}/rss" rel="self" type="application/rss+xml"/>',
        ("description", "Новости экономики и бизнеса Казахстана"),
        ("language", "ru"),
    ]
    items = [
        [
            ("title", esc(a.title)),
            ("link", ORIGIN + a.path),
            ('guid isPermaLink="true"', ORIGIN + a.path),
            ("description", esc(a.subtitle)),
            ("category", esc(a.section_name)),
            ("pubDate", rfc822(a.local)),
        ]
        for a in (GRAIN, GCHP)
    ]
    return rss(PAGES.comment(note), channel, items, namespaces='xmlns:atom="http://www.w3.org/2005/Atom"',
               indent="", step="", item_step="  ")


ABOUT = (
    "Every kapital.kz page here is CONSTRUCTED by tests/tools/construct_kapital.py. The evidence is thin: "
    "docs/evidence/SITES.md row 8 (URL patterns, RSS seen but unverified), docs/evidence/site-evidence.md section 9 (one "
    "AMP URL, a subtitle line after the title) and two public 2026 scrapers (Next.js data, the /news/period/today list "
    "and its date form); the markup is assumed and each page says so at its top. The AMP page is parsed, not served."
)


def build() -> dict[str, str]:
    pages = {"news-today.html": list_page()}
    cases = [case("news-today.html", "list", ORIGIN + "/news/period/today", "2026-04-09T19:00:00+05:00")]
    for a in ARTICLES:
        pages[a.file] = amp_page(a) if a.amp else article_page(a)
        cases.append(case(a.file, "article", ORIGIN + ("/amp" if a.amp else "") + a.path, a.fetched_at, serve=not a.amp))
    pages["rss.xml"] = rss_feed()
    cases.append(case("rss.xml", "feed", ORIGIN + "/rss", "2026-04-09T19:00:00+05:00"))
    pages["cases.json"] = cases_json("kapital", ABOUT, cases)
    return pages


if __name__ == "__main__":
    PAGES.main(build)
