"""Builds the constructed vlast.kz fixture pages (tests/fixtures/sites/vlast) and their cases.json.

No real HTML of vlast.kz is available. What the pages rest on (see kznews/sites/vlast.py for the whole list):
- docs/evidence/SITES.md row 6: editions ru /novosti/, kk, en /english/; lists /novosti/?archive=1 and
  /novosti/N/?archive=1 with `<link rel="last" href="/novosti/27/?archive=1">`; list dates in time[datetime];
  article date in time.news-date.js-date-long ('11.12.2019, 11:27'); articles /novosti/<id>-<slug>.html.
- docs/evidence/site-evidence.md section 6: the header order of a long read (view count '47785', then
  '29 октября 2018', then 'Текст: Данияр Молдабеков, Фото: Данияр Мусиров', then the title), of a news page
  (subtitle, the view bullet '  • 3740', the title, the capitalised credit 'ФОТО ИЗ INSTAGRAM ...'), the title
  repeated after the subtitle, 'Еще по теме:', 'Свежее из этой рубрики', 'Просматриваемые', the list page
  opening with 'Поиск новостей' and teasers ending in ' ...', the site's name 'Vласть' with a Latin V, and the
  URLs /kz/obsshestvo/30202-put-musora.html, /kz/amp/novosti/60059-..., /novosti/58071-..., /novosti/29071-....
- A public scraper (arystan01/news_parser) reads `ul.meta.item-expand-meta time.news-date.js-date-long` and the
  view count in `li:has(.icon--view-gray)`; another (martin-chen-tw) walks /english/?archive=1.
Assumed (no evidence): every class name not listed above, the kk list /kz/novosti/?archive=1, the JSON-LD (with
the site as the author and a wrong fixed offset, mistakes such sites make), the datetime attributes, the texts.

Run from the repository root: python tests/tools/construct_vlast.py  (rewrites the constructed files and cases.json;
--check compares)
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.tools.pagebuilder import (
    Constructor,
    breadcrumb_list,
    case,
    cases_json,
    esc,
    jsonld,
    organization,
    schema,
)

PAGES = Constructor("vlast")
ORIGIN = "https://vlast.kz"

UI = {
    "ru": {"news": "Новости", "home": "Главная", "fresh": "Свежее из этой рубрики", "popular": "Просматриваемые",
           "more": "Еще по теме:", "search": "Поиск новостей", "prefix": "", "locale": "ru_RU"},
    "kk": {"news": "Жаңалықтар", "home": "Басты бет", "fresh": "Осы айдардағы соңғы материалдар",
           "popular": "Көп оқылғандар", "more": "Тақырып бойынша:", "search": "Жаңалықтарды іздеу", "prefix": "/kz",
           "locale": "kk_KZ"},
    "en": {"news": "English", "home": "Home", "fresh": "Latest in this section", "popular": "Most read",
           "more": "More on the topic:", "search": "Search news", "prefix": "", "locale": "en_US"},
}

# Other headlines of the day each edition's pages carry in their lists and sidebars: (path, title, "DD.MM.YYYY, HH:MM").
MORE = {
    "ru": [
        ("/novosti/58066-v-almaty-zaderzhali-podozrevaemyh-v-moshennichestve-s-kreditami.html", "В Алматы задержали подозреваемых в мошенничестве с кредитами", "10.01.2024, 09:12"),
        ("/novosti/58064-parlament-odobril-ratifikaciyu-soglasheniya-o-markirovke.html", "Парламент одобрил ратификацию соглашения ЕАЭС о маркировке", "10.01.2024, 08:40"),
        ("/novosti/58062-chislo-bezrabotnyh-snizilos-do-47.html", "Число безработных в Казахстане снизилось до 4,7%", "09.01.2024, 19:55"),
        ("/novosti/58060-v-astane-ogranichat-dvizhenie-gruzovikov-v-chasy-pik.html", "В Астане ограничат движение грузовиков в часы пик", "09.01.2024, 18:20"),
        ("/novosti/58058-minzdrav-zabolevaemost-grippom-prevysila-epidporog.html", "Минздрав: заболеваемость гриппом превысила эпидпорог в пяти регионах", "09.01.2024, 16:03"),
        ("/novosti/58055-v-atyrau-osudili-organizatorov-finansovoj-piramidy.html", "В Атырау осудили организаторов финансовой пирамиды", "09.01.2024, 14:47"),
        ("/novosti/58051-antikor-zaderzhal-zamestitelya-akima-shymkenta.html", "Антикор задержал заместителя акима Шымкента", "09.01.2024, 12:15"),
        ("/politika/58031-kak-menyaetsya-parlament-itogi-goda.html", "Как меняется парламент: итоги года", "08.01.2024, 10:00"),
        ("/ekonomika/57990-tenge-v-2023-godu-chto-dvigalo-kurs.html", "Тенге в 2023 году: что двигало курс", "05.01.2024, 12:30"),
    ],
    "kk": [
        ("/kz/novosti/60057-aqtobede-zhol-apatynan-4-adam-qaza-tapty.html", "Ақтөбеде жол апатынан 4 адам қаза тапты", "06.05.2024, 09:30"),
        ("/kz/novosti/60055-ukimet-zhanarmai-bagasyn-retteu-tartibin-ozgertedi.html", "Үкімет жанармай бағасын реттеу тәртібін өзгертеді", "05.05.2024, 18:10"),
        ("/kz/novosti/60053-qostanai-oblysynda-3-mynnan-astam-adam-evakuaciialandy.html", "Қостанай облысында 3 мыңнан астам адам эвакуацияланды", "05.05.2024, 15:25"),
        ("/kz/novosti/60051-tenge-bagamy-dollar-arzandady.html", "Теңге бағамы: доллар арзандады", "05.05.2024, 11:00"),
        ("/kz/novosti/60049-densaulyq-saqtau-ministrligi-qyzylsha-zhagdaiyn-tusindirdi.html", "Денсаулық сақтау министрлігі қызылша жағдайын түсіндірді", "04.05.2024, 17:40"),
        ("/kz/novosti/60046-atyrauda-su-tasqynynan-zardap-shekkenderge-uy-beriledi.html", "Атырауда су тасқынынан зардап шеккендерге тұрғын үй беріледі", "04.05.2024, 12:05"),
    ],
    "en": [
        ("/english/66400-tenge-weakens-against-the-dollar.html", "Tenge weakens against the dollar", "14.07.2025, 11:20"),
        ("/english/66398-kazakhstans-wheat-harvest-forecast-raised.html", "Kazakhstan's wheat harvest forecast raised", "13.07.2025, 17:45"),
        ("/english/66396-astana-court-jails-former-deputy-minister-for-bribery.html", "Astana court jails former deputy minister for bribery", "13.07.2025, 12:30"),
        ("/english/66393-heat-wave-temperatures-in-turkestan-region-reach-45-degrees.html", "Heat wave: temperatures in Turkestan region reach 45 degrees", "12.07.2025, 16:10"),
        ("/english/66390-parliament-approves-new-tax-code-in-first-reading.html", "Parliament approves new tax code in first reading", "11.07.2025, 18:00"),
        ("/english/66387-almaty-metro-extension-delayed-to-2027.html", "Almaty metro extension delayed to 2027", "11.07.2025, 10:35"),
    ],
}

NAV = """<header class="header">
  <div class="container">
    <a class="logo" href="/"><img src="/static/img/logo-vlast.svg" alt="Vласть"></a>
    <nav class="main-menu">
      <ul class="list-inline">
        <li><a href="/novosti/">Новости</a></li>
        <li><a href="/politika/">Политика</a></li>
        <li><a href="/ekonomika/">Экономика</a></li>
        <li><a href="/obsshestvo/">Общество</a></li>
        <li><a href="/regiony/">Регионы</a></li>
        <li><a href="/vlast-qazaqsha/">Vласть qazaqsha</a></li>
        <li><a href="/english/">English</a></li>
      </ul>
    </nav>
    <div class="lang-switch"><a href="/">РУС</a> <a href="/kz/">ҚАЗ</a> <a href="/english/">ENG</a></div>
    <a class="btn btn-support" href="/support/">Поддержать Vласть</a>
  </div>
</header>"""

FOOTER = """<footer class="footer">
  <div class="container">
    <div class="row">
      <div class="col-md-3">
        <img src="/static/img/logo-vlast-white.svg" alt="Vласть" class="footer-logo">
        <p class="footer-about">Vласть — независимое издание о политике, экономике и обществе Казахстана. Выходит с 2009 года.</p>
      </div>
      <div class="col-md-3">
        <ul class="footer-menu">
          <li><a href="/novosti/">Новости</a></li><li><a href="/politika/">Политика</a></li><li><a href="/ekonomika/">Экономика</a></li>
          <li><a href="/obsshestvo/">Общество</a></li><li><a href="/regiony/">Регионы</a></li><li><a href="/mir/">Мир</a></li>
          <li><a href="/kultura/">Культура</a></li><li><a href="/podkasty/">Подкасты</a></li><li><a href="/spetsproekty/">Спецпроекты</a></li>
        </ul>
      </div>
      <div class="col-md-3">
        <ul class="footer-menu">
          <li><a href="/about/">О нас</a></li><li><a href="/team/">Команда</a></li><li><a href="/contacts/">Контакты</a></li>
          <li><a href="/reklama/">Реклама</a></li><li><a href="/pravila/">Правила использования материалов</a></li><li><a href="/rss/">RSS</a></li>
        </ul>
      </div>
      <div class="col-md-3">
        <ul class="footer-social list-inline">
          <li><a href="https://t.me/vlastkz" class="social-tg">Telegram</a></li><li><a href="https://www.facebook.com/vlast.kz" class="social-fb">Facebook</a></li>
          <li><a href="https://www.instagram.com/vlast.kz/" class="social-ig">Instagram</a></li><li><a href="https://www.youtube.com/@vlastkz" class="social-yt">YouTube</a></li>
        </ul>
        <a class="btn btn-support" href="/support/">Поддержать Vласть</a>
      </div>
    </div>
    <p class="copyright">© 2009–2025 Vласть. Все права защищены. Перепечатка материалов допускается только с письменного разрешения редакции. Свидетельство о постановке на учет СМИ № 10386-ИА.</p>
  </div>
</footer>
<div class="modal fade" id="support-modal" tabindex="-1"><div class="modal-dialog"><div class="modal-content">
  <h4>Поддержите независимую журналистику</h4>
  <p>Vласть существует благодаря читателям. Оформите ежемесячное пожертвование — это помогает нам работать без оглядки на рекламодателей.</p>
  <a class="btn btn-primary" href="/support/">Поддержать</a>
</div></div></div>
<svg xmlns="http://www.w3.org/2000/svg" style="display:none"><symbol id="icon-view" viewBox="0 0 24 24"><path d="M12 4.5C7 4.5 2.7 7.6 1 12c1.7 4.4 6 7.5 11 7.5s9.3-3.1 11-7.5c-1.7-4.4-6-7.5-11-7.5z"/></symbol>
<symbol id="icon-search" viewBox="0 0 24 24"><path d="M15.5 14h-.8l-.3-.3A6.5 6.5 0 1 0 14 15.5l.3.3v.8l5 5 1.5-1.5-5-5z"/></symbol></svg>
<script src="/static/js/vendor.min.js?v=3.12"></script>
<script src="/static/js/app.min.js?v=3.12"></script>
<script>
  window.Ya || (window.Ya = {}); window.yaContextCb = window.yaContextCb || [];
  window.adfoxParams = {ownerId: 264443, containerId: 'adfox_157', params: {pp: 'g', ps: 'dxvf', p2: 'gfjx'}};
  (function(m,e,t,r,i,k,a){m[i]=m[i]||function(){(m[i].a=m[i].a||[]).push(arguments)};
  m[i].l=1*new Date();k=e.createElement(t),a=e.getElementsByTagName(t)[0],k.async=1,k.src=r,a.parentNode.insertBefore(k,a)})
  (window, document, "script", "https://mc.yandex.ru/metrika/tag.js", "ym");
  ym(21829015, "init", {clickmap:true, trackLinks:true, accurateTrackBounce:true, webvisor:true});
</script>
<script async src="https://www.googletagmanager.com/gtag/js?id=UA-11386232-1"></script>
<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date()); gtag('config', 'UA-11386232-1');</script>"""


def sidebar(lang: str) -> str:
    ui = UI[lang]
    items = "\n".join(
        f'      <li><a href="{href}">{esc(title)}</a> <time class="news-date js-date-long">{when}</time></li>'
        for href, title, when in MORE[lang]
    )
    popular = "\n".join(
        f'      <li><a href="{href}">{esc(title)}</a> <span class="views"><i class="icon icon--view-gray"></i> {views}</span></li>'
        for (href, title, _), views in zip(MORE[lang][::-1][:5], (12045, 8311, 6290, 5102, 4477), strict=True)
    )
    return f"""<aside class="sidebar">
  <div class="sidebar-block">
    <h3 class="sidebar-title">{ui['fresh']}</h3>
    <ul class="sidebar-list">
{items}
    </ul>
  </div>
  <div class="sidebar-block">
    <h3 class="sidebar-title">{ui['popular']}</h3>
    <ul class="sidebar-list">
{popular}
    </ul>
  </div>
  <div class="banner banner--sidebar"><div id="adfox_157" class="adfox"></div></div>
</aside>"""


def shell(lang: str, title: str, head: str, main: str, note: str) -> str:
    return PAGES.html(note, f"""<html lang="{lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{esc(title)}</title>
  <link rel="icon" href="/favicon.ico">
  <link rel="stylesheet" href="/static/css/app.min.css?v=3.12">
{head}
</head>
<body class="lang-{lang}">
{NAV}
<main class="container page-content">
  <div class="row">
    <div class="col-md-8">
{main}
    </div>
    <div class="col-md-4">
{sidebar(lang)}
    </div>
  </div>
</main>
{FOOTER}
</body>
</html>
""", doctype_first=False)


@dataclass
class Article:
    file: str
    path: str  # origin-relative URL path
    lang: str
    kind: str  # "news" or "longread"
    title: str
    subtitle: str
    date_text: str  # the visible time.news-date text
    date_attr: str  # its datetime attribute
    ld_date: str  # JSON-LD datePublished (the site's wrong fixed +06:00 after 2024-03-01, +05:00 before)
    views: int
    byline: str  # "Текст: ..., Фото: ..." or ""
    section: str
    section_path: str
    paragraphs: list[str]
    credit: str = ""  # photo credit under the lead image
    tags: list[str] = field(default_factory=list)
    more: list[tuple[str, str]] = field(default_factory=list)  # "Еще по теме:" links
    note: str = ""
    fetched_at: str = ""
    serve: bool = True


def article_page(a: Article) -> str:
    ui = UI[a.lang]
    url = ORIGIN + a.path
    image = f"{ORIGIN}/media/pages/{a.path.rsplit('/', 1)[1].split('-')[0]}/lead.jpg"
    ld = schema(
        "NewsArticle",
        mainEntityOfPage=url,
        headline=a.title,
        description=a.subtitle,
        image=[image],
        datePublished=a.ld_date,
        author=organization("Vласть"),
        publisher=organization("Vласть", ORIGIN + "/static/img/logo-vlast.png"),
    )
    crumbs = breadcrumb_list([(ui["home"], ORIGIN + (ui["prefix"] or "") + "/"), (a.section, ORIGIN + a.section_path)])
    head = f"""  <meta name="description" content="{esc(a.subtitle)}">
  <meta property="og:type" content="article">
  <meta property="og:site_name" content="Vласть">
  <meta property="og:locale" content="{ui['locale']}">
  <meta property="og:title" content="{esc(a.title)}">
  <meta property="og:description" content="{esc(a.subtitle)}">
  <meta property="og:url" content="{url}">
  <meta property="og:image" content="{image}">
  <meta name="twitter:card" content="summary_large_image">
  <link rel="canonical" href="{url}">
  <link rel="amphtml" href="{ORIGIN}{ui['prefix']}/amp{a.path[len(ui['prefix']):]}">
  <script type="application/ld+json">{jsonld(ld)}</script>
  <script type="application/ld+json">{jsonld(crumbs)}</script>"""
    meta = f"""        <ul class="meta item-expand-meta time-uppercase list-inline">
          <li><i class="icon icon--view-gray"></i> {a.views}</li>
          <li><time class="news-date js-date-long" datetime="{a.date_attr}">{a.date_text}</time></li>
        </ul>"""
    byline = f'        <div class="item-expand-author">{esc(a.byline)}</div>\n' if a.byline else ""
    title = f'        <h1 class="item-expand-title">{esc(a.title)}</h1>'
    subtitle = f'        <div class="item-expand-subtitle">{esc(a.subtitle)}</div>'
    if a.kind == "longread":  # views, date, byline, then the title (docs/evidence/site-evidence.md, 30202)
        header = f"{meta}\n{byline}{title}\n{subtitle}"
    else:  # subtitle, the view bullet, the title, the photo credit (docs/evidence/site-evidence.md, 58071)
        header = f"{subtitle}\n{meta}\n{byline}{title}"
    credit = f'\n        <p class="item-expand-image-credit">{esc(a.credit)}</p>' if a.credit else ""
    body = "\n".join(f"          {p}" if p.startswith("<") else f"          <p>{p}</p>" for p in a.paragraphs)
    more = ""
    if a.more:
        links = "\n".join(f'              <li><a href="{h}">{esc(t)}</a></li>' for h, t in a.more)
        more = f"""
          <div class="also-block">
            <p><strong>{ui['more']}</strong></p>
            <ul>
{links}
            </ul>
          </div>"""
    tags = ""
    if a.tags:
        tags = "\n        <div class=\"item-expand-tags\">" + " ".join(
            f'<a href="/tags/{i}/">{esc(t)}</a>' for i, t in enumerate(a.tags, start=100)
        ) + "</div>"
    share = """        <div class="share-block"><span>Поделиться:</span> <a href="#" class="share-fb">Facebook</a> <a href="#" class="share-tg">Telegram</a> <a href="#" class="share-wa">WhatsApp</a></div>"""
    main = f"""      <nav class="breadcrumbs"><a href="{(ui['prefix'] or '')}/">{ui['home']}</a> / <a href="{a.section_path}">{esc(a.section)}</a></nav>
      <article class="item-expand item-expand--{a.kind}">
        <div class="item-expand-header">
{header}
        </div>
        <div class="item-expand-image"><img src="{image}" alt="{esc(a.title)}">{credit}</div>
        <div class="item-expand-content js-mediator-article">
{body}{more}
        </div>{tags}
{share}
      </article>
      <div class="comments-block"><h3>Комментарии</h3><div id="hypercomments_widget"></div></div>"""
    return shell(a.lang, f"{a.title} | Vласть", head, main, a.note)


@dataclass
class ListItem:
    path: str
    title: str
    lead: str
    when: str  # datetime attribute (Almaty wall clock, no offset)
    time_text: str


def more_items(lang: str) -> list[ListItem]:
    items = []
    for href, title, when in MORE[lang]:
        day, time = when.split(", ")
        iso_day = "-".join(reversed(day.split(".")))
        items.append(ListItem(href, title, title.split(":")[0], f"{iso_day} {time}", time))
    return items


def list_page(lang: str, path: str, last: int, items: list[ListItem], note: str) -> str:
    ui = UI[lang]
    section = path.split("?")[0]
    section_items = [i for i in more_items(lang) if i.path.startswith(section)]
    items = items + [i for i in section_items if i.path not in {j.path for j in items}]
    rows = "\n".join(
        f"""        <div class="news-list-item">
          <time class="news-date" datetime="{i.when}">{i.time_text}</time>
          <a class="news-list-title" href="{i.path}">{esc(i.title)}</a>
          <p class="news-list-lead">{esc(i.lead)} ...</p>
        </div>"""
        for i in items
    )
    head = f"""  <meta name="description" content="{ui['news']} — Vласть">
  <link rel="canonical" href="{ORIGIN}{section}">
  <link rel="next" href="{section}2/?archive=1">
  <link rel="last" href="{section}{last}/?archive=1">"""
    pages = " ".join(f'<li><a href="{section}{n}/?archive=1">{n}</a></li>' for n in range(2, 6))
    main = f"""      <h1 class="page-title">{ui['news']}</h1>
      <form class="search-form" action="/search/" method="get">
        <h2 class="search-form-title">{ui['search']}</h2>
        <input type="text" name="q" placeholder="{ui['search']}"> <button type="submit">OK</button>
      </form>
      <div class="news-list">
{rows}
      </div>
      <ul class="pagination"><li class="active"><span>1</span></li> {pages} <li><a href="{section}{last}/?archive=1" rel="last">»</a></li></ul>"""
    return shell(lang, f"{ui['news']} | Vласть", head, main, note)


# --- the pages -------------------------------------------------------------------------------------------------

RU_58071 = Article(
    file="ru-novosti-58071.html",
    path="/novosti/58071-mvd-zaavilo-o-skorom-okoncanii-sledstvia-po-delu-ob-ubijstve-saltanat-nukenovoj.html",
    lang="ru",
    kind="news",
    title="МВД заявило о скором окончании следствия по делу об убийстве Салтанат Нукеновой",
    subtitle="Бывшему министру национальной экономики Куандыку Бишимбаеву предъявлено обвинение в убийстве, совершенном с особой жестокостью",
    date_text="10.01.2024, 11:27",
    date_attr="2024-01-10T11:27",
    ld_date="2024-01-10T11:27:00+06:00",
    views=3740,
    byline="",
    section="Новости",
    section_path="/novosti/",
    credit="ФОТО ИЗ INSTAGRAM САЛТАНАТ НУКЕНОВОЙ",
    tags=["МВД", "Салтанат Нукенова", "суд"],
    more=[
        ("/novosti/57640-bishimbaevu-prodlili-srok-soderzhaniya-pod-strazhej.html", "Бишимбаеву продлили срок содержания под стражей"),
        ("/novosti/57301-v-astane-prostilis-s-saltanat-nukenovoj.html", "В Астане простились с Салтанат Нукеновой"),
    ],
    paragraphs=[
        "Следствие по уголовному делу об убийстве 31-летней Салтанат Нукеновой близится к завершению, заявили в Министерстве внутренних дел в среду, 10 января.",
        "По данным ведомства, следователи провели более 40 экспертиз, допросили свыше 70 свидетелей и изучили записи камер видеонаблюдения ресторана в Астане, где 9 ноября погибла женщина.",
        "ФОТО ИЗ INSTAGRAM САЛТАНАТ НУКЕНОВОЙ",
        "Бывшему министру национальной экономики Куандыку Бишимбаеву предъявлено обвинение по статье об убийстве, совершенном с особой жестокостью. Его родственнику Бахытжану Байжанову — в заранее не обещанном укрывательстве особо тяжкого преступления.",
        "«После ознакомления сторон с материалами дело будет направлено в прокуратуру, а затем в суд», — сообщили в МВД.",
        "Родственники погибшей требуют, чтобы процесс был открытым. Петицию об ужесточении наказания за домашнее насилие к этому времени подписали более 150 тысяч человек.",
    ],
    note="A vlast.kz news page: URL from docs/evidence/site-evidence.md section 6 (its excerpt had no date; 10.01.2024 is assumed from the id's place between dated ids). Header order subtitle / view bullet / title / credit and the capitalised credit as docs/evidence/site-evidence.md gives them; time.news-date.js-date-long in the '11.12.2019, 11:27' form from docs/evidence/SITES.md. JSON-LD names the site as author.",
    fetched_at="2024-01-10T18:00:00+06:00",
)

RU_58080 = Article(
    file="ru-novosti-58080.html",
    path="/novosti/58080-v-almaty-s-15-yanvarya-izmenitsya-shema-dvizheniya-na-ulice-tole-bi.html",
    lang="ru",
    kind="news",
    title="В Алматы с 15 января изменится схема движения на улице Толе би",
    subtitle="На участке от Навои до Саина появятся выделенные полосы для автобусов",
    date_text="10.01.2024, 16:05",
    date_attr="2024-01-10T16:05",
    ld_date="2024-01-10T16:05:00+06:00",
    views=1988,
    byline="Текст: Асель Сатаева",
    section="Новости",
    section_path="/novosti/",
    credit="ФОТО: АКИМАТ АЛМАТЫ",
    tags=["Алматы", "транспорт"],
    paragraphs=[
        "С 15 января на улице Толе би в Алматы на участке от улицы Навои до проспекта Саина изменится организация дорожного движения, сообщили в управлении мобильности города.",
        "Крайние правые полосы в обоих направлениях станут выделенными для общественного транспорта. Для личных автомобилей останутся по две полосы в каждую сторону, левый поворот на улицу Утеген батыра будет запрещен.",
        "В управлении объяснили, что по Толе би в часы пик проходит более 60 автобусов в час и их средняя скорость не превышает 11 километров в час.",
        "Штраф за движение по выделенной полосе составляет 5 МРП. Камеры фиксации нарушений начнут работать в тестовом режиме с 1 февраля.",
    ],
    note="A vlast.kz news page, constructed (invented story in the markup of ru-novosti-58071.html; the 'Текст:' byline without a photographer).",
    fetched_at="2024-01-10T18:00:00+06:00",
)

RU_29071 = Article(
    file="ru-novosti-29071.html",
    path="/novosti/29071-nacbank-menaet-sistemu-rascetov-po-ustanovleniu-kursa-tenge-k-dollaru.html",
    lang="ru",
    kind="news",
    title="Нацбанк меняет систему расчетов по установлению курса тенге к доллару",
    subtitle="Официальный курс будет рассчитываться по итогам всех торговых сессий дня",
    date_text="14.08.2018, 15:10",
    date_attr="2018-08-14T15:10",
    ld_date="2018-08-14T15:10:00+05:00",
    views=5310,
    byline="",
    section="Новости",
    section_path="/novosti/",
    paragraphs=[
        "Национальный банк Казахстана с 1 октября меняет методику расчета официального курса тенге к доллару США, сообщила пресс-служба регулятора.",
        "Сейчас официальный курс устанавливается по итогам утренней торговой сессии на Казахстанской фондовой бирже. После изменения он будет рассчитываться как средневзвешенный курс по итогам всех сессий предыдущего рабочего дня.",
        "В Нацбанке считают, что новая методика точнее отразит рыночную ситуацию и снизит влияние отдельных крупных сделок на курс.",
        "Участники рынка отмечают, что аналогичный подход применяют центральные банки России и Беларуси.",
    ],
    note="An old (2018) vlast.kz news page at the URL from docs/evidence/site-evidence.md section 6; same markup assumed. Its JSON-LD carries +05:00 although Almaty was UTC+6 in 2018 (the wall clock is right). Parsed by the fixture test, not served (no list of the mini-site links it).",
    fetched_at="2024-01-10T18:00:00+06:00",
    serve=False,
)

KK_60059 = Article(
    file="kk-novosti-60059.html",
    path="/kz/novosti/60059-soltustik-onirlerde-su-tasqyny-qaupi-saqtalyp-otyr.html",
    lang="kk",
    kind="news",
    title="Солтүстік өңірлерде су тасқыны қаупі сақталып отыр",
    subtitle="ТЖМ Петропавл мен Қостанай облыстарында жағдай бақылауда екенін хабарлады",
    date_text="06.05.2024, 10:15",
    date_attr="2024-05-06T10:15",
    ld_date="2024-05-06T10:15:00+06:00",
    views=1204,
    byline="Мәтін: Әсел Сәтбаева",
    section="Жаңалықтар",
    section_path="/kz/novosti/",
    credit="ФОТО: ТЖМ БАСПАСӨЗ ҚЫЗМЕТІ",
    paragraphs=[
        "Солтүстік Қазақстан және Қостанай облыстарында су деңгейі әлі де жоғары, деп хабарлады Төтенше жағдайлар министрлігі 6 мамырда.",
        "Министрліктің мәліметінше, Есіл өзенінің Петропавл маңындағы деңгейі тәулік ішінде 4 сантиметрге төмендеген, бірақ қауіпті белгіден жоғары болып тұр.",
        "Өңірлерде 2 мыңнан астам құтқарушы мен 600-ге жуық техника жұмыс істеп жатыр. Эвакуацияланған тұрғындардың бір бөлігі үйлеріне орала бастады.",
        "ТЖМ тұрғындарды су басқан аумақтарға бармауға және ресми ақпаратты ғана қадағалауға шақырды.",
    ],
    note="vlast.kz Kazakh edition under /kz/ (docs/evidence/site-evidence.md section 6 shows /kz/amp/novosti/60059-...; the slug and the text are invented). JSON-LD keeps +06:00 after 2024-03-01 (wrong; the wall clock is right).",
    fetched_at="2024-05-06T19:00:00+05:00",
)

KK_60071 = Article(
    file="kk-novosti-60071.html",
    path="/kz/novosti/60071-almatyda-qogamdyq-kolikte-zhol-zhuru-aqysy-ozgermeidi.html",
    lang="kk",
    kind="news",
    title="Алматыда қоғамдық көлікте жол жүру ақысы өзгермейді",
    subtitle="Қала әкімдігі тариф 2024 жылдың соңына дейін сақталатынын мәлімдеді",
    date_text="06.05.2024, 16:40",
    date_attr="2024-05-06T16:40",
    ld_date="2024-05-06T16:40:00+06:00",
    views=877,
    byline="",
    section="Жаңалықтар",
    section_path="/kz/novosti/",
    paragraphs=[
        "Алматыда автобус пен метрода жол жүру ақысы жыл соңына дейін өзгермейді, деп хабарлады қала әкімдігінің көлік басқармасы.",
        "Қазір қолма-қол емес төлеммен бір рет жол жүру 200 теңге тұрады. Студенттер мен зейнеткерлерге жеңілдік сақталады.",
        "Басқарма тасымалдаушыларға субсидия көлемі биыл 12 пайызға артқанын атап өтті.",
    ],
    note="vlast.kz Kazakh edition, constructed (invented story in the markup of kk-novosti-60059.html).",
    fetched_at="2024-05-06T19:00:00+05:00",
)

KK_30202 = Article(
    file="kk-obsshestvo-30202.html",
    path="/kz/obsshestvo/30202-put-musora.html",
    lang="kk",
    kind="longread",
    title="Қоқыстың жолы",
    subtitle="Алматы қоқысы қайда кетеді және оны қайта өңдеуге не кедергі",
    date_text="29 октября 2018",
    date_attr="2018-10-29",
    ld_date="2018-10-29T09:00:00+06:00",
    views=47785,
    byline="Текст: Данияр Молдабеков, Фото: Данияр Мусиров",
    section="Қоғам",
    section_path="/kz/obsshestvo/",
    paragraphs=[
        "Қоқыстың жолы",
        "Алматыда күн сайын 2,5 мың тоннаға жуық тұрмыстық қалдық пайда болады. Оның басым бөлігі қала сыртындағы полигонға жеткізіледі.",
        "Сұрыптау станциясында қоқыстың тек 15 пайызы ғана қайта өңдеуге жіберіледі. Қалғаны көміледі.",
        "ФОТО ИЗ АРХИВА VЛАСТИ",
        "Сарапшылардың айтуынша, басты мәселе — қоқысты бастапқы жинау кезінде сұрыптаудың жоқтығы. Аулалардағы бөлек контейнерлер көбіне бос тұрады немесе аралас қалдықпен толтырылады.",
        "Қайта өңдеу кәсіпорындары шикізаттың сапасы төмен екенін айтады. Пластик пен қағаз тамақ қалдықтарымен араласып кеткендіктен, оларды тазарту қымбатқа түседі.",
        "Қала әкімдігі 2025 жылға қарай қайта өңделетін қалдықтың үлесін 40 пайызға жеткізуді жоспарлап отыр.",
    ],
    note="A vlast.kz long read in the Kazakh edition at the URL from docs/evidence/site-evidence.md section 6, whose stored text gave the header order (view count 47785, '29 октября 2018', 'Текст: Данияр Молдабеков, Фото: Данияр Мусиров', the title) and the title repeated after the subtitle; the Russian header strings are kept as seen there. The Kazakh text is invented. The visible date has no time: the JSON-LD time of that day supplies it. Not linked from the mini-site's lists, so not served.",
    fetched_at="2024-05-06T19:00:00+05:00",
    serve=False,
)

EN_66402 = Article(
    file="en-english-66402.html",
    path="/english/66402-in-kazakhstan-protecting-workers-rights-might-get-you-fired.html",
    lang="en",
    kind="news",
    title="In Kazakhstan, protecting workers' rights might get you fired",
    subtitle="Trade union activists in the oil sector say they face dismissals and lawsuits",
    date_text="14.07.2025, 16:05",
    date_attr="2025-07-14T16:05",
    ld_date="2025-07-14T16:05:00+06:00",
    views=2311,
    byline="Text: Aigerim Abilmazhitova, Photo: Turar Kazangapov",
    section="English",
    section_path="/english/",
    credit="PHOTO: TURAR KAZANGAPOV",
    paragraphs=[
        "Union activists at oil service companies in western Kazakhstan say that defending their colleagues' rights has cost them their jobs.",
        "Over the past two years, at least 14 members of independent unions in Mangystau and Atyrau regions have been dismissed after organising meetings about wages and working hours, according to a local human rights group.",
        "Employers deny any link between the dismissals and union work. One company told Vlast that the contracts had ended for \"economic reasons\".",
        "The labour code adopted in 2024 guarantees the right to form unions, but lawyers note that the procedure for registering an independent union remains complicated.",
        "The International Labour Organization has repeatedly asked Kazakhstan to bring its legislation on trade unions into line with the conventions it has ratified.",
    ],
    note="A vlast.kz English page at the URL a public scraper's test uses (martin-chen-tw/Kazakhstan-Meida-Corpus-Crawl); date, text, byline and markup assumed as on the ru pages.",
    fetched_at="2025-07-14T20:00:00+05:00",
)

EN_66410 = Article(
    file="en-english-66410.html",
    path="/english/66410-almaty-opens-dedicated-bus-lanes-on-tole-bi-street.html",
    lang="en",
    kind="news",
    title="Almaty opens dedicated bus lanes on Tole Bi street",
    subtitle="The city says buses will be twice as fast at rush hour",
    date_text="14.07.2025, 18:30",
    date_attr="2025-07-14T18:30",
    ld_date="2025-07-14T18:30:00+06:00",
    views=640,
    byline="",
    section="English",
    section_path="/english/",
    paragraphs=[
        "Almaty has opened dedicated bus lanes on a five-kilometre stretch of Tole Bi street, the city's mobility department said on Monday.",
        "Private cars are left with two lanes in each direction. Cameras will start fining drivers who use the bus lanes from August.",
        "The department expects the average speed of buses on the street to double during rush hour.",
    ],
    note="A vlast.kz English page, constructed (invented story).",
    fetched_at="2025-07-14T20:00:00+05:00",
)

ARTICLES = [RU_58071, RU_58080, RU_29071, KK_60059, KK_60071, KK_30202, EN_66402, EN_66410]


def item(a: Article, lead: str) -> ListItem:
    return ListItem(a.path, a.title, lead, a.date_attr.replace("T", " "), a.date_text.split(", ")[1])


LISTS = [
    (
        "ru-novosti-archive.html",
        "ru",
        "/novosti/?archive=1",
        27,
        [
            item(RU_58080, "На участке от Навои до Саина появятся выделенные полосы"),
            item(RU_58071, "Бывшему министру национальной экономики Куандыку Бишимбаеву предъявлено обвинение"),
        ],
        "vlast.kz/novosti/?archive=1 (docs/evidence/SITES.md row 6: the archive list with <link rel=\"last\" href=\"/novosti/27/?archive=1\"> and time[datetime]); the 'Поиск новостей' opening and the teasers ending in ' ...' as docs/evidence/site-evidence.md section 6 describes the list page; markup assumed.",
        "2024-01-10T18:00:00+06:00",
    ),
    (
        "kk-novosti-archive.html",
        "kk",
        "/kz/novosti/?archive=1",
        12,
        [
            item(KK_60071, "Қала әкімдігі тариф жыл соңына дейін сақталатынын мәлімдеді"),
            item(KK_60059, "ТЖМ Петропавл мен Қостанай облыстарында жағдай бақылауда"),
        ],
        "vlast.kz/kz/novosti/?archive=1: the Kazakh edition's list, assumed by analogy with /novosti/?archive=1 (docs/evidence/SITES.md names /vlast-qazaqsha/ from a scraper; docs/evidence/site-evidence.md shows Kazakh pages under /kz/).",
        "2024-05-06T19:00:00+05:00",
    ),
    (
        "en-english-archive.html",
        "en",
        "/english/?archive=1",
        9,
        [
            item(EN_66410, "The city says buses will be twice as fast at rush hour"),
            item(EN_66402, "Trade union activists in the oil sector say they face dismissals"),
        ],
        "vlast.kz/english/?archive=1 (docs/evidence/SITES.md row 6; a public scraper walks it); markup as the ru list.",
        "2025-07-14T20:00:00+05:00",
    ),
]

ABOUT = (
    "Every vlast.kz page here is CONSTRUCTED by tests/tools/construct_vlast.py (no real HTML was available); each "
    "says at its top what it is modelled on. Evidence: docs/evidence/SITES.md row 6 and docs/evidence/site-evidence.md "
    "section 6 (URLs, the header orders of news pages and long reads, the byline, the boilerplate). fetched_at is "
    "chosen after the newest date on each page. Cases with \"serve\": false are parsed but not served by the mini-site."
)


def build() -> dict[str, str]:
    pages, cases = {}, []
    for file, lang, path, last, items, note, fetched in LISTS:
        pages[file] = list_page(lang, path, last, items, note)
        cases.append(case(file, "list", ORIGIN + path, fetched))
    for a in ARTICLES:
        pages[a.file] = article_page(a)
        cases.append(case(a.file, "article", ORIGIN + a.path, a.fetched_at, serve=a.serve))
    pages["cases.json"] = cases_json("vlast", ABOUT, cases)
    return pages


if __name__ == "__main__":
    PAGES.main(build)
