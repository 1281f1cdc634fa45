"""Builds the constructed khabar.kz fixture pages (tests/fixtures/sites/khabar/).

No real HTML of khabar.kz was available. The pages follow what docs/evidence/site-evidence.md (section 10) saw
on stored copies: the title, then two bullets (the view count, then '05.09.2025, 18:22'), the speaker line
'Тлеукабыл Мынжасар, ветеран Агентства «Хабар»:' inside the body, URLs /ru/news/<section>/<id>-<slug> and
/ru/aktualno/item/36673-<slug>, the kk title suffix ': Қазақстан және әлемнің соңғы жаңалықтары'. Everything
else is Joomla 3 core markup as such a site prints it (assumed): the blog list with `?start=N` pagination, the
item page with itemprop microdata, the tags list, the breadcrumb, the prev/next navigation, a sidebar of latest
headlines with their times, OpenGraph meta from an SEO plugin, and a `datetime` in +06:00 after 2024-03-01.

Run from the repository root: python tests/tools/construct_khabar.py  (rewrites the constructed files; --check
compares)
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.tools.pagebuilder import Constructor, esc, urlset

PAGES = Constructor("khabar")
ORIGIN = "https://khabar.kz"

UI = {
    "ru": {
        "home": "Главная",
        "news": "Новости",
        "here": "Вы здесь:",
        "latest": "Последние новости",
        "tags": "Теги:",
        "prev": "Назад",
        "next": "Вперёд",
        "start": "В начало",
        "end": "В конец",
        "page": "Страница {n} из 7350",
        "suffix": "Последние новости Казахстана и мира",
        "menu": ["Новости", "Политика", "Экономика", "Общество", "Происшествия", "Спорт", "Телепрограмма"],
        "copyright": "© 2025 АО «Агентство «Хабар». Все права защищены. При использовании материалов ссылка на khabar.kz обязательна.",
        "search": "Поиск...",
    },
    "kk": {
        "home": "Басты бет",
        "news": "Жаңалықтар",
        "here": "Сіз осындасыз:",
        "latest": "Соңғы жаңалықтар",
        "tags": "Тегтер:",
        "prev": "Алдыңғы",
        "next": "Келесі",
        "start": "Басы",
        "end": "Соңы",
        "page": "{n}-бет, барлығы 5120",
        "suffix": "Қазақстан және әлемнің соңғы жаңалықтары",
        "menu": ["Жаңалықтар", "Саясат", "Экономика", "Қоғам", "Оқиға", "Спорт", "Телебағдарлама"],
        "copyright": "© 2025 «Хабар» Агенттігі» АҚ. Барлық құқықтар қорғалған. Материалдарды пайдаланғанда khabar.kz сайтына сілтеме міндетті.",
        "search": "Іздеу...",
    },
}

SIDEBAR = {
    "ru": [
        ("/ru/news/obshchestvo/176470-v-astane-otkrylsya-festival-ulichnoy-edy", "В Астане открылся фестиваль уличной еды", "06.09.2025, 09:41"),
        ("/ru/news/sport/176468-kazakhstanskie-borcy-zavoevali-tri-medali", "Казахстанские борцы завоевали три медали", "06.09.2025, 09:12"),
        ("/ru/news/ekonomika/176466-natsbank-sohranil-bazovuyu-stavku", "Нацбанк сохранил базовую ставку", "05.09.2025, 21:30"),
    ],
    "kk": [
        ("/kk/news/qogam/98215-astanada-kosh-tagamdary-festivali-ashyldy", "Астанада көше тағамдары фестивалі ашылды", "06.09.2025, 09:45"),
        ("/kk/news/sport/98213-qazaqstandyq-baluandar-ush-medal-zhenip-aldy", "Қазақстандық балуандар үш медаль жеңіп алды", "06.09.2025, 09:20"),
    ],
}


@dataclass
class Article:
    file: str
    lang: str
    path: str
    title: str
    section: str
    section_path: str
    views: int
    date_text: str  # visible, "05.09.2025, 18:22"
    datetime_attr: str  # the <time datetime> the site prints
    lead: str
    body_html: str
    tags: list[str] = field(default_factory=list)
    image: str = ""
    note: str = ""


def head(lang: str, title: str, url: str, description: str, extra: str = "") -> str:
    return f"""<head>
  <meta charset="utf-8" />
  <base href="{url}" />
  <meta name="keywords" content="Хабар, Khabar, новости Казахстана" />
  <meta name="description" content="{esc(description)}" />
  <meta name="generator" content="Joomla! - Open Source Content Management" />
  <title>{esc(title)}</title>
  <link href="/templates/khabar/favicon.ico" rel="shortcut icon" type="image/vnd.microsoft.icon" />
  <link href="/templates/khabar/css/template.css?v=2025.3" rel="stylesheet" />
  <link href="/media/jui/css/icomoon.css" rel="stylesheet" />
  <script src="/media/jui/js/jquery.min.js?3c8f4e1b"></script>
  <script src="/media/jui/js/jquery-noconflict.js?3c8f4e1b"></script>
  <script src="/media/system/js/caption.js?3c8f4e1b"></script>
  <script>jQuery(window).on('load',  function() {{ new JCaption('img.caption'); }});</script>
{extra}  <meta name="viewport" content="width=device-width, initial-scale=1.0" />
  <script async src="https://www.googletagmanager.com/gtag/js?id=G-KHB2025"></script>
  <script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}} gtag('js', new Date()); gtag('config', 'G-KHB2025');</script>
</head>"""


def header(lang: str) -> str:
    ui = UI[lang]
    other = "kk" if lang == "ru" else "ru"
    menu = "\n".join(
        f'          <li class="item-{101 + i}"><a href="/{lang}/news">{esc(name)}</a></li>' for i, name in enumerate(ui["menu"])
    )
    return f"""<header class="header">
    <div class="container">
      <a class="brand" href="/{lang}/"><img src="/images/logo/khabar-logo.svg" alt="Хабар" /></a>
      <div class="lang-switch"><a href="/{other}/">{other.upper()}</a></div>
      <form class="form-search" action="/{lang}/search/search" method="get"><input type="text" name="searchword" placeholder="{ui['search']}" /></form>
      <nav class="navigation">
        <ul class="nav menu mod-list">
{menu}
        </ul>
      </nav>
      <div class="live-block"><a href="/{lang}/online">LIVE</a> <span class="onair">Хабар · 24/7</span></div>
    </div>
  </header>"""


def sidebar(lang: str) -> str:
    ui = UI[lang]
    items = "\n".join(
        f"""        <li><span class="mod-articles-category-date">{date}</span>
          <a class="mod-articles-category-title" href="{path}">{esc(title)}</a></li>"""
        for path, title, date in SIDEBAR[lang]
    )
    return f"""<aside class="span4 sidebar">
      <div class="moduletable latest-news">
        <h3>{ui['latest']}</h3>
        <ul class="category-module mod-list">
{items}
        </ul>
      </div>
      <div class="moduletable banner-right"><div class="bannergroup"><div class="banneritem">
        <a href="/{lang}/component/banners/click/41" target="_blank" rel="noopener noreferrer"><img src="/images/banners/khabar-app-300x250.jpg" alt="Khabar app" /></a>
      </div></div></div>
    </aside>"""


def footer(lang: str) -> str:
    ui = UI[lang]
    return f"""<footer class="footer">
    <div class="container">
      <p class="copyright">{esc(ui['copyright'])}</p>
      <ul class="socials"><li><a href="https://t.me/khabar_kz">Telegram</a></li><li><a href="https://www.instagram.com/khabar.kz/">Instagram</a></li><li><a href="https://www.youtube.com/@khabar">YouTube</a></li></ul>
    </div>
  </footer>
  <script>(function(m,e,t,r,i,k,a){{m[i]=m[i]||function(){{(m[i].a=m[i].a||[]).push(arguments)}};}})(window, document, "script", "https://mc.yandex.ru/metrika/tag.js", "ym");</script>"""


def build_article(a: Article) -> str:
    ui = UI[a.lang]
    url = ORIGIN + a.path
    full_title = f"{a.title}: {ui['suffix']}"
    image = a.image or f"{ORIGIN}/images/{a.path.rsplit('/', 1)[1].split('-')[0]}/main.jpg"
    og = f"""  <meta property="og:type" content="article" />
  <meta property="og:site_name" content="Khabar.kz" />
  <meta property="og:title" content="{esc(full_title)}" />
  <meta property="og:description" content="{esc(a.lead)}" />
  <meta property="og:url" content="{url}" />
  <meta property="og:image" content="{image}" />
  <meta name="twitter:card" content="summary_large_image" />
  <link href="{url}" rel="canonical" />
"""
    tags = "\n".join(
        f'        <li class="tag-{40 + i} tag-list{i}" itemprop="keywords"><a href="/{a.lang}/tags/tag/{40 + i}" class="label label-info">{esc(t)}</a></li>'
        for i, t in enumerate(a.tags)
    )
    others = SIDEBAR[a.lang]
    note = (
        "no real khabar.kz HTML was available. Modelled on the stored text in docs/evidence/site-evidence.md section 10 "
        f"(title, then the view-count bullet and the date bullet '{a.date_text}'). Assumed: Joomla 3 core markup, "
        "OpenGraph from an SEO plugin, the +06:00 datetime after 2024-03-01, the sidebar and the menus. " + a.note
    )
    return PAGES.html(note, f"""<html lang="{a.lang}-{'ru' if a.lang == 'ru' else 'kz'}" dir="ltr">
{head(a.lang, full_title, url, a.lead, og)}
<body class="site com_content view-article no-layout no-task itemid-{118 if a.lang == 'ru' else 218}">
  {header(a.lang)}
  <div class="body container">
    <ul itemscope itemtype="https://schema.org/BreadcrumbList" class="breadcrumb">
      <li>{ui['here']} &#160;</li>
      <li itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem"><a itemprop="item" href="/{a.lang}/" class="pathway"><span itemprop="name">{ui['home']}</span></a><span class="divider"> / </span><meta itemprop="position" content="1"></li>
      <li itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem"><a itemprop="item" href="{a.section_path}" class="pathway"><span itemprop="name">{esc(a.section)}</span></a><span class="divider"> / </span><meta itemprop="position" content="2"></li>
      <li itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem" class="active"><span itemprop="name">{esc(a.title)}</span><meta itemprop="position" content="3"></li>
    </ul>
    <div class="row-fluid">
    <main id="content" role="main" class="span8">
      <div class="item-page" itemscope itemtype="https://schema.org/Article">
        <meta itemprop="inLanguage" content="{a.lang}-{'RU' if a.lang == 'ru' else 'KZ'}" />
        <div class="page-header">
          <h1 itemprop="headline">{esc(a.title)}</h1>
        </div>
        <ul class="article-info muted">
          <li class="hits"><span class="icon-eye-open" aria-hidden="true"></span> <meta itemprop="interactionCount" content="UserPageVisits:{a.views}" />{a.views}</li>
          <li class="published"><span class="icon-calendar" aria-hidden="true"></span> <time datetime="{a.datetime_attr}" itemprop="datePublished">{a.date_text}</time></li>
        </ul>
        <div class="item-image"><img src="{image}" alt="{esc(a.title)}" itemprop="image" /></div>
        <div itemprop="articleBody">
{a.body_html}
        </div>
        <ul class="tags inline">
{tags}
        </ul>
        <div class="share-block"><span>Поделиться:</span> <a href="https://t.me/share/url?url={url}">Telegram</a> <a href="https://api.whatsapp.com/send?text={url}">WhatsApp</a> <a href="https://www.facebook.com/sharer/sharer.php?u={url}">Facebook</a></div>
        <ul class="pager pagenav">
          <li class="previous"><a class="hasTooltip" title="{esc(others[0][1])}" href="{others[0][0]}" rel="prev"><span class="icon-chevron-left"></span> {ui['prev']}</a></li>
          <li class="next"><a class="hasTooltip" title="{esc(others[1][1])}" href="{others[1][0]}" rel="next">{ui['next']} <span class="icon-chevron-right"></span></a></li>
        </ul>
      </div>
    </main>
    {sidebar(a.lang)}
    </div>
  </div>
  {footer(a.lang)}
</body>
</html>
""")


@dataclass
class ListItem:
    path: str
    title: str
    date_text: str
    datetime_attr: str
    intro: str
    views: int


def build_list(lang: str, path: str, page: int, items: list[ListItem], note: str) -> str:
    ui = UI[lang]
    url = ORIGIN + path
    start = (page - 1) * 20
    blog_items = "\n".join(
        f"""        <div class="items-row cols-1 row-{i} row-fluid clearfix">
          <div class="span12">
            <div class="item column-1" itemprop="blogPost" itemscope itemtype="https://schema.org/BlogPosting">
              <div class="page-header">
                <h2 itemprop="name"><a href="{it.path}" itemprop="url">{esc(it.title)}</a></h2>
              </div>
              <ul class="article-info muted">
                <li class="hits"><span class="icon-eye-open"></span> {it.views}</li>
                <li class="published"><span class="icon-calendar"></span> <time datetime="{it.datetime_attr}" itemprop="datePublished">{it.date_text}</time></li>
              </ul>
              <p>{esc(it.intro)}</p>
              <p class="readmore"><a class="btn" href="{it.path}" itemprop="url" aria-label="{esc(it.title)}"><span class="icon-chevron-right" aria-hidden="true"></span> {'Подробнее' if lang == 'ru' else 'Толығырақ'}</a></p>
            </div>
          </div>
        </div>"""
        for i, it in enumerate(items)
    )
    base = f"/{lang}/news"
    prev_link = (
        f'<li class="pagination-start"><a title="{ui["start"]}" href="{base}" class="pagenav">{ui["start"]}</a></li>\n'
        f'            <li class="pagination-prev"><a title="{ui["prev"]}" href="{base}{"?start=" + str(start - 20) if start > 20 else ""}" class="pagenav">{ui["prev"]}</a></li>'
        if page > 1
        else f'<li class="pagination-start"><span class="pagenav">{ui["start"]}</span></li>\n'
        f'            <li class="pagination-prev"><span class="pagenav">{ui["prev"]}</span></li>'
    )
    numbers = "\n".join(
        f'            <li><span class="pagenav">{n}</span></li>'
        if n == page
        else f'            <li><a title="{n}" href="{base}{"?start=" + str((n - 1) * 20) if n > 1 else ""}" class="pagenav">{n}</a></li>'
        for n in range(1, 6)
    )
    note = (
        f"no real khabar.kz HTML was available. The news list /{lang}/news{'?start=' + str(start) if start else ''} "
        f"(page {page}) as Joomla 3's category blog prints it, 20 entries a page counted by ?start=N "
        "(docs/evidence/SITES.md row 10), each with the view-count and date bullets seen on article pages "
        "(docs/evidence/site-evidence.md section 10). Only a few entries are shown; the markup is assumed. " + note
    )
    return PAGES.html(note, f"""<html lang="{lang}-{'ru' if lang == 'ru' else 'kz'}" dir="ltr">
{head(lang, f"{ui['news']}: {ui['suffix']}", url, ui['suffix'])}
<body class="site com_content view-category layout-blog no-task itemid-{117 if lang == 'ru' else 217}">
  {header(lang)}
  <div class="body container">
    <div class="row-fluid">
    <main id="content" role="main" class="span8">
      <div class="blog" itemscope itemtype="https://schema.org/Blog">
        <div class="page-header"><h1>{ui['news']}</h1></div>
{blog_items}
        <div class="pagination">
          <p class="counter pull-right">{ui['page'].format(n=page)}</p>
          <ul>
            {prev_link}
{numbers}
            <li class="pagination-next"><a title="{ui['next']}" href="{base}?start={start + 20}" class="pagenav">{ui['next']}</a></li>
            <li class="pagination-end"><a title="{ui['end']}" href="{base}?start=146980" class="pagenav">{ui['end']}</a></li>
          </ul>
        </div>
      </div>
    </main>
    {sidebar(lang)}
    </div>
  </div>
  {footer(lang)}
</body>
</html>
""")


def build_sitemap(entries: list[tuple[str, str]], where: str) -> str:
    note = (
        f"the Joomla XML map at {where} (docs/evidence/SITES.md row 10, [C]); a few entries of a list that holds every "
        "article, old ones included; lastmod values are assumed."
    )
    urls = [
        [("loc", ORIGIN + path), ("lastmod", lastmod), ("changefreq", "weekly"), ("priority", "0.5")]
        for path, lastmod in entries
    ]
    return urlset(PAGES.comment(note), urls, multiline=True)


# --- the articles ------------------------------------------------------------------------------------------

RU_VETERANS = Article(
    file="ru-news-176461.html",
    lang="ru",
    path="/ru/news/novosti-o-deyatelnosti/176461-veterany-televideniya-rasskazali-ob-istorii-stanovleniya-khabara",
    title="Ветераны телевидения рассказали об истории становления «Хабара»",
    section="Новости о деятельности",
    section_path="/ru/news/novosti-o-deyatelnosti",
    views=11,
    date_text="05.09.2025, 18:22",
    datetime_attr="2025-09-05T18:22:00+06:00",
    lead="В Астане прошла встреча ветеранов агентства «Хабар» с молодыми журналистами телеканала.",
    tags=["Хабар", "телевидение", "ветераны"],
    note="The URL, title, view count 11, the date and the speaker line are from docs/evidence/site-evidence.md; the text is written for the fixture.",
    body_html="""<p>В Астане прошла встреча ветеранов агентства «Хабар» с молодыми журналистами телеканала. Гости вспомнили, как в девяностые годы создавался первый национальный информационный канал страны.</p>
<p>По словам участников встречи, в первые годы эфир готовили несколько десятков человек, а монтаж новостных сюжетов занимал почти всю ночь. Технику приходилось делить между редакциями, а выезды в регионы планировали за неделю.</p>
<p><strong>Тлеукабыл Мынжасар, ветеран Агентства «Хабар»:</strong></p>
<p>– Мы учились всему на ходу. Не было ни интернета, ни мобильной связи, материалы из областей передавали кассетами с поездом. Но каждый понимал, что делает новое телевидение для новой страны.</p>
<p>Молодые сотрудники задали ветеранам вопросы о работе в прямом эфире и о том, как менялись требования к новостям. Организаторы пообещали сделать такие встречи регулярными.</p>
<p>Читайте также: <a href="/ru/news/novosti-o-deyatelnosti/176102-khabar-zapustil-novyy-sayt">«Хабар» запустил обновлённый сайт</a></p>
<p><em>Фото: пресс-служба агентства «Хабар»</em></p>""",
)

RU_SEASON = Article(
    file="ru-news-176452.html",
    lang="ru",
    path="/ru/news/obshchestvo/176452-v-almaty-nachali-gotovit-teploseti-k-otopitelnomu-sezonu",
    title="В Алматы начали готовить теплосети к отопительному сезону",
    section="Общество",
    section_path="/ru/news/obshchestvo",
    views=348,
    date_text="05.09.2025, 15:07",
    datetime_attr="2025-09-05T15:07:00+06:00",
    lead="Коммунальщики Алматы завершают гидравлические испытания тепловых сетей.",
    tags=["Алматы", "отопительный сезон"],
    note="Reached from page 2 of the list (/ru/news?start=20), so the end-to-end test proves the next link is walked.",
    body_html="""<p>Коммунальщики Алматы завершают гидравлические испытания тепловых сетей. Работы идут во всех районах города, горячую воду отключают поочерёдно не больше чем на трое суток.</p>
<p>В акимате сообщили, что за лето заменили 38 километров изношенных труб и отремонтировали 12 насосных станций. На крупных магистралях работы продолжатся до конца сентября.</p>
<p>Подавать тепло в социальные объекты – школы, детские сады и больницы – начнут, когда среднесуточная температура воздуха три дня подряд будет ниже плюс десяти градусов. Жилые дома подключат следом.</p>
<p>Жителей просят заранее проверить радиаторы и сообщать об утечках в единую диспетчерскую службу 109.</p>
<p>Подписывайтесь на наш Telegram-канал, чтобы первыми узнавать главные новости.</p>""",
)

RU_JUBILEE = Article(
    file="ru-aktualno-36673.html",
    lang="ru",
    path="/ru/aktualno/item/36673-glava-gosudarstva-pozdravil-rabotnikov-agentstva-khabar-s-yubileem",
    title="Глава государства поздравил работников агентства «Хабар» с юбилеем",
    section="Актуально",
    section_path="/ru/aktualno",
    views=2154,
    date_text="30.04.2015, 11:40",
    datetime_attr="2015-04-30T11:40:00+06:00",
    lead="Глава государства направил поздравление коллективу агентства «Хабар» в связи с 20-летием.",
    tags=["Хабар", "юбилей"],
    note="An old article in the aktualno/item URL form (docs/evidence/site-evidence.md: title only); reached through the XML map. Dated before 2024-03-01, so +06:00 is right here.",
    body_html="""<p>Глава государства направил поздравление коллективу агентства «Хабар» в связи с 20-летием со дня основания.</p>
<p>В поздравлении отмечается, что за два десятилетия агентство стало одним из ведущих медиахолдингов страны, а его телеканалы смотрят во всех регионах Казахстана и за рубежом.</p>
<p>Президент пожелал журналистам, операторам и инженерам агентства творческих успехов и выразил уверенность, что «Хабар» и впредь будет объективно и оперативно рассказывать о жизни страны.</p>
<p>Юбилейные мероприятия пройдут в Астане и Алматы в течение мая.</p>""",
)

KK_VETERANS = Article(
    file="kk-news-98190.html",
    lang="kk",
    path="/kk/news/qogam/98190-khabar-ardagerleri-zhas-zhurnalistermen-kezdesti",
    title="«Хабар» ардагерлері жас журналистермен кездесті",
    section="Қоғам",
    section_path="/kk/news/qogam",
    views=27,
    date_text="05.09.2025, 18:40",
    datetime_attr="2025-09-05T18:40:00+06:00",
    lead="Астанада «Хабар» агенттігінің ардагерлері жас әріптестерімен кездесті.",
    tags=["Хабар", "теледидар"],
    note="Kazakh edition: the date bullet is assumed to be printed as on the ru edition; the section slug is assumed.",
    body_html="""<p>Астанада «Хабар» агенттігінің ардагерлері жас әріптестерімен кездесті. Кездесуде елдің алғашқы ұлттық ақпарат арнасының құрылу тарихы әңгімеленді.</p>
<p>Ардагерлердің айтуынша, алғашқы жылдары эфирді бірнеше ондаған адам дайындаған. Өңірлерден түскен материалдар поезбен кассета арқылы жеткізілген.</p>
<p><strong>Тлеукабыл Мынжасар, «Хабар» агенттігінің ардагері:</strong></p>
<p>– Біз бәрін жұмыс барысында үйрендік. Әрқайсымыз жаңа ел үшін жаңа телевизия жасап жатқанымызды түсіндік.</p>
<p>Жас тілшілер тікелей эфирдегі жұмыс пен жаңалықтарға қойылатын талаптар туралы сұрақтар қойды. Ұйымдастырушылар мұндай кездесулерді тұрақты өткізуге уәде берді.</p>""",
)

KK_ROADS = Article(
    file="kk-news-98176.html",
    lang="kk",
    path="/kk/news/qogam/98176-shymkentte-zhana-kopir-paydalanuga-berildi",
    title="Шымкентте жаңа көпір пайдалануға берілді",
    section="Қоғам",
    section_path="/kk/news/qogam",
    views=512,
    date_text="05.09.2025, 12:15",
    datetime_attr="2025-09-05T12:15:00+06:00",
    lead="Шымкентте Бадам өзені арқылы өтетін жаңа көпір ашылды.",
    tags=["Шымкент", "көпір", "жол"],
    body_html="""<p>Шымкентте Бадам өзені арқылы өтетін жаңа көпір ашылды. Көпірдің ұзындығы 180 метр, онда көліктің төрт жолағы мен жаяу жүргіншілерге арналған екі жол бар.</p>
<p>Қала әкімдігінің мәліметінше, құрылыс екі жылға созылды. Жаңа көпір шағын аудандар мен қала орталығы арасындағы жолды жиырма минутқа қысқартады.</p>
<p>Көпірдің жанында аялдамалар мен велосипед жолы салынды. Түнде көпір толық жарықтандырылады.</p>
<p>Бұған дейін бұл бағытта көліктер ескі көпірмен ғана жүріп келген еді, ол енді жөндеуге жабылады.</p>
<p>Сурет: Шымкент қаласы әкімдігі</p>""",
)

ARTICLES = [RU_VETERANS, RU_SEASON, RU_JUBILEE, KK_VETERANS, KK_ROADS]


def _item(a: Article, views: int | None = None) -> ListItem:
    return ListItem(a.path, a.title, a.date_text, a.datetime_attr, a.lead, views or a.views)


def build() -> dict[str, str]:
    pages = {article.file: build_article(article) for article in ARTICLES}
    ru_first = [
        ListItem("/ru/news/sport/176468-kazakhstanskie-borcy-zavoevali-tri-medali", "Казахстанские борцы завоевали три медали", "06.09.2025, 09:12", "2025-09-06T09:12:00+06:00", "Сборная Казахстана по греко-римской борьбе завершила выступление на турнире в Будапеште.", 96),
        ListItem("/ru/news/ekonomika/176466-natsbank-sohranil-bazovuyu-stavku", "Нацбанк сохранил базовую ставку", "05.09.2025, 21:30", "2025-09-05T21:30:00+06:00", "Базовая ставка осталась на уровне 16,5% годовых.", 410),
        _item(RU_VETERANS),
    ]
    pages["ru-news-list.html"] = build_list("ru", "/ru/news", 1, ru_first, "The sport and economy entries are not fixtures (they 404 in the mini-site).")
    ru_second = [
        ListItem("/ru/news/proisshestviya/176455-v-karagandinskoy-oblasti-potushili-pozhar-na-sklade", "В Карагандинской области потушили пожар на складе", "05.09.2025, 16:02", "2025-09-05T16:02:00+06:00", "Площадь пожара составила 300 квадратных метров.", 205),
        _item(RU_SEASON),
    ]
    pages["ru-news-list-start20.html"] = build_list("ru", "/ru/news?start=20", 2, ru_second, "Page 2, reached by the pagination's next link.")
    kk_first = [
        ListItem(SIDEBAR["kk"][0][0], SIDEBAR["kk"][0][1], "06.09.2025, 09:45", "2025-09-06T09:45:00+06:00", "Фестиваль үш күнге созылады.", 64),
        _item(KK_VETERANS),
        _item(KK_ROADS),
    ]
    pages["kk-news-list.html"] = build_list("kk", "/kk/news", 1, kk_first, "Kazakh edition: the list markup and the page counter text are assumed.")
    pages["ru-xml-karta.xml"] = build_sitemap(
        [
            ("/ru/", "2025-09-06T09:41:00+05:00"),
            ("/ru/news", "2025-09-06T09:41:00+05:00"),
            (RU_VETERANS.path, "2025-09-05T18:22:00+05:00"),
            (RU_SEASON.path, "2025-09-05T15:07:00+05:00"),
            (RU_JUBILEE.path, "2015-04-30T11:40:00+06:00"),
        ],
        "https://khabar.kz/ru/xml-karta",
    )
    pages["kk-xml-karta.xml"] = build_sitemap(
        [
            ("/kk/", "2025-09-06T09:45:00+05:00"),
            (KK_VETERANS.path, "2025-09-05T18:40:00+05:00"),
            (KK_ROADS.path, "2025-09-05T12:15:00+05:00"),
        ],
        "https://khabar.kz/kk/xml-karta",
    )
    return pages


if __name__ == "__main__":
    PAGES.main(build)
