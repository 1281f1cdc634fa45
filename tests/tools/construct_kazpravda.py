"""Builds the constructed kazpravda.kz fixture pages (tests/fixtures/sites/kazpravda) and their cases.json.

No real HTML of kazpravda.kz is available. What the pages rest on (see kznews/sites/kazpravda.py):
- docs/evidence/site-evidence.md section 12: the article header as text, in this order: title, rubric tokens
  without a space ('Статьи,Президент'), the date '21 января 2026 г. 6:00' (un-padded hour), the view count '1',
  the authors 'Лилия Сыздыкова, Алибек Байшуленов', and on a 2017 page a photo credit glued after them
  ('... Лаура Тусупбекова фото Игоря Бургандинова'); a header without any date ('Важнейший исторический рубеж');
  credits 'фото Аманкула Дюсенбаева, Еркебулана Укибаева'; URLs /n/<slug>/ and the old /articles/view/<slug>.
- docs/evidence/SITES.md row 11 and public scrapers: sections /r/politika, /r/ekonomika...; the sitemap index
  /sitemap.xml; the home page feed of day headings and times '9:05'; list items are <article>s inside
  main.app__main with div.news__title and a <time> '12 сентября 2017 г. 9:50'; article pages `article.article`
  with h1.article__title, time.article__date, div.article__views, div.article__body, div.article__tags and a
  swiper gallery (Kutepov/fresh, martin-chen-tw, arystan01).
Assumed: the rubric, author and subtitle markup, the JSON-LD (with a wrong fixed offset on the 2017 page), the
sitemap children, the feed markup on the home page, the texts.

Run from the repository root: python tests/tools/construct_kazpravda.py  (rewrites the constructed files and
cases.json; --check compares)
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.tools.pagebuilder import (
    Constructor,
    case,
    cases_json,
    esc,
    jsonld,
    organization,
    resource,
    schema,
    sitemap_index,
    urlset,
)

PAGES = Constructor("kazpravda")
ORIGIN = "https://kazpravda.kz"

RUBRICS = {"Статьи": "/r/stati/", "Президент": "/r/prezident/", "Политика": "/r/politika/", "Общество": "/r/obshchestvo/",
           "Экономика": "/r/ekonomika/"}

HEADER = """<header class="header">
    <div class="header__top container">
      <a class="header__logo" href="/"><img src="/_nuxt/img/logo.3f1c2a.svg" alt="Казахстанская правда"></a>
      <div class="header__date">Среда, 21 января 2026</div>
      <div class="header__rates"><span>USD 505,12</span><span>EUR 548,30</span></div>
      <a class="header__subscribe" href="/subscribe/">Подписка на газету</a>
    </div>
    <nav class="menu container">
      <a class="menu__item" href="/r/prezident/">Президент</a><a class="menu__item" href="/r/politika/">Политика</a>
      <a class="menu__item" href="/r/ekonomika/">Экономика</a><a class="menu__item" href="/r/obshchestvo/">Общество</a>
      <a class="menu__item" href="/r/proisshestviya/">Происшествия</a><a class="menu__item" href="/r/v-mire/">В мире</a>
      <a class="menu__item" href="/r/kultura/">Культура</a><a class="menu__item" href="/r/sport/">Спорт</a>
    </nav>
  </header>"""

FOOTER = """<footer class="footer">
    <div class="container footer__menus">
      <nav class="footer__menu"><a href="/r/prezident/">Президент</a><a href="/r/politika/">Политика</a><a href="/r/ekonomika/">Экономика</a><a href="/r/obshchestvo/">Общество</a><a href="/r/proisshestviya/">Происшествия</a><a href="/r/v-mire/">В мире</a><a href="/r/kultura/">Культура</a><a href="/r/sport/">Спорт</a><a href="/r/tehnologii/">Технологии</a></nav>
      <nav class="footer__menu"><a href="/about/">О газете</a><a href="/editorial/">Редакция</a><a href="/advertising/">Реклама</a><a href="/subscribe/">Подписка</a><a href="/archive/">Архив номеров</a><a href="/contacts/">Контакты</a></nav>
      <div class="footer__social"><a href="https://t.me/kazpravda">Telegram</a><a href="https://www.facebook.com/kazpravda">Facebook</a><a href="https://www.instagram.com/kazpravda.kz">Instagram</a><a href="https://www.youtube.com/@kazpravda">YouTube</a></div>
    </div>
    <div class="container">
      <p>© 2001–2026 АО «Республиканская газета «Казахстанская правда». Свидетельство о постановке на учет № 16437-Г.</p>
      <p>При полном или частичном использовании материалов ссылка на kazpravda.kz обязательна.</p>
    </div>
  </footer>"""


def shell(title: str, head: str, main: str, note: str) -> str:
    return PAGES.html(note, f"""<html lang="ru" data-n-head="%7B%22lang%22:%7B%22ssr%22:%22ru%22%7D%7D">
<head>
  <meta data-n-head="ssr" charset="utf-8">
  <meta data-n-head="ssr" name="viewport" content="width=device-width, initial-scale=1">
  <title>{esc(title)}</title>
{head}
  <link rel="preload" href="/_nuxt/app.4f8d2c1.js" as="script">
  <link rel="stylesheet" href="/_nuxt/css/app.8e1b3f0.css">
</head>
<body>
<div id="__nuxt"><div id="__layout"><div class="app">
  {HEADER}
  <main class="app__main">
{main}
  </main>
  {FOOTER}
</div></div></div>
<script>window.__NUXT__=(function(a,b){{return {{layout:"default",data:[{{}}],state:{{rates:{{usd:505.12}}}},serverRendered:true}}}}(null,false));</script>
<script src="/_nuxt/app.4f8d2c1.js" defer></script>
</body>
</html>
""", doctype_first=False)


@dataclass
class Article:
    file: str
    url: str  # the URL the case is fetched at
    canonical: str
    title: str
    subtitle: str
    rubrics: list[str]
    date_text: str  # '' when the header shows none
    ld_date: str
    views: int
    authors: list[str]
    photo_credit: str  # glued after the authors ('фото Игоря Бургандинова'), or ''
    paragraphs: list[str]
    tags: list[str] = field(default_factory=list)
    gallery: list[str] = field(default_factory=list)  # slide captions
    note: str = ""
    fetched_at: str = ""
    serve: bool = True


def article_page(a: Article) -> str:
    slug = a.canonical.rstrip("/").rsplit("/", 1)[1]
    image = f"{ORIGIN}/media/articles/{slug[:40]}/cover.jpg"
    ld = schema(
        "NewsArticle",
        headline=a.title,
        description=a.subtitle,
        datePublished=a.ld_date,
        image=image,
        author=organization("Казахстанская правда"),
        publisher=organization("Казахстанская правда", ORIGIN + "/logo.png"),
        mainEntityOfPage=a.canonical,
    )
    head = f"""  <meta data-n-head="ssr" name="description" content="{esc(a.subtitle)}">
  <meta data-n-head="ssr" property="og:type" content="article">
  <meta data-n-head="ssr" property="og:site_name" content="Казахстанская правда">
  <meta data-n-head="ssr" property="og:title" content="{esc(a.title)}">
  <meta data-n-head="ssr" property="og:description" content="{esc(a.subtitle)}">
  <meta data-n-head="ssr" property="og:image" content="{image}">
  <meta data-n-head="ssr" property="og:url" content="{a.canonical}">
  <link data-n-head="ssr" rel="canonical" href="{a.canonical}">
  <script data-n-head="ssr" type="application/ld+json">{jsonld(ld)}</script>"""
    rubrics = ",".join(f'<a class="article__rubric" href="{RUBRICS[r]}">{r}</a>' for r in a.rubrics)
    date = f'\n          <time class="article__date">{a.date_text}</time>' if a.date_text else ""
    authors = ", ".join(f'<a class="article__author" href="/a/{i}/">{esc(n)}</a>' for i, n in enumerate(a.authors, 1201))
    credit = f' <span class="article__photo-author">{esc(a.photo_credit)}</span>' if a.photo_credit else ""
    body = "\n".join(f"          <p>{p}</p>" for p in a.paragraphs)
    gallery = ""
    if a.gallery:
        slides = "\n".join(
            f'              <div class="swiper-slide"><img data-src="{ORIGIN}/media/gallery/{slug[:20]}-{i}.jpg" alt=""><div class="swiper-slide__caption">{esc(c)}</div></div>'
            for i, c in enumerate(a.gallery, 1)
        )
        gallery = f"""
          <div class="swiper">
            <div class="swiper-wrapper js-lg">
{slides}
            </div>
          </div>"""
    tags = "".join(f'<a class="article__tag" href="/t/{i}/">#{esc(t)}</a>' for i, t in enumerate(a.tags, 301))
    main = f"""    <div class="container page page--article">
      <article class="article">
        <h1 class="article__title">{esc(a.title)}</h1>
        <div class="article__info">
          <div class="article__rubrics">{rubrics}</div>{date}
          <div class="article__views"><svg class="icon icon-eye"><use href="#eye"></use></svg>{a.views}</div>
          <div class="article__authors">{authors}{credit}</div>
        </div>
        <div class="article__subtitle">{esc(a.subtitle)}</div>
        <div class="article__image"><img src="{image}" alt=""></div>
        <div class="article__body">
{body}{gallery}
        </div>
        <div class="article__tags">{tags}</div>
        <div class="article__share"><span>Поделиться</span><a class="share share--tg" href="#"></a><a class="share share--fb" href="#"></a></div>
      </article>
      <section class="related">
        <h3 class="related__title">Читайте также</h3>
        <article class="news"><a href="/n/pravitelstvo-utverdilo-plan-na-2026-god/"><div class="news__title">Правительство утвердило план на 2026 год</div><time>20 января 2026 г. 18:20</time></a></article>
        <article class="news"><a href="/n/senat-prinyal-zakon-ob-iskusstvennom-intellekte/"><div class="news__title">Сенат принял закон об искусственном интеллекте</div><time>20 января 2026 г. 14:30</time></a></article>
        <article class="news"><a href="/n/glava-gosudarstva-prinyal-predsedatelya-senata/"><div class="news__title">Глава государства принял Председателя Сената</div><time>19 января 2026 г. 9:40</time></a></article>
        <article class="news"><a href="/n/partii-gotovyatsya-k-vyboram-v-maslikhaty/"><div class="news__title">Партии готовятся к выборам в маслихаты</div><time>17 января 2026 г. 18:05</time></a></article>
      </section>
      <section class="popular">
        <h3 class="popular__title">Самое читаемое</h3>
        <ol class="popular__list">
          <li><a href="/n/kakie-zakony-vstupayut-v-silu-v-yanvare-2026-goda/">Какие законы вступают в силу в январе 2026 года</a></li>
          <li><a href="/n/razmer-pensiy-i-posobiy-v-2026-godu/">Размер пенсий и пособий в 2026 году</a></li>
          <li><a href="/n/prognoz-pogody-na-nedelyu/">Прогноз погоды на неделю: морозы до –35</a></li>
        </ol>
      </section>
    </div>"""
    return shell(f"{a.title} - Казахстанская правда", head, main, a.note)


NEW_STAGE = Article(
    file="n-kazahstan-vyhodit-na-novyy-etap.html",
    url=ORIGIN + "/n/kazahstan-vyhodit-na-novyy-etap-gosudarstvennogo-stroitelstva/",
    canonical=ORIGIN + "/n/kazahstan-vyhodit-na-novyy-etap-gosudarstvennogo-stroitelstva/",
    title="Казахстан выходит на новый этап государственного строительства",
    subtitle="Глава государства предложил обсудить переход к однопалатному парламенту",
    rubrics=["Статьи", "Президент"],
    date_text="21 января 2026 г. 6:00",
    ld_date="2026-01-21T06:00:00+05:00",
    views=1,
    authors=["Лилия Сыздыкова", "Алибек Байшуленов"],
    photo_credit="",
    tags=["Президент", "парламентская реформа"],
    paragraphs=[
        "Выступление Президента на заседании Национального курултая задало повестку политического года. Глава государства предложил вынести на общественное обсуждение идею перехода к однопалатному парламенту.",
        "По словам Касым-Жомарта Токаева, реформа должна повысить ответственность депутатов и ускорить законотворческий процесс. Окончательное решение, подчеркнул он, будет принято с учетом мнения граждан.",
        "Эксперты, опрошенные «Казахстанской правдой», отмечают, что речь идет о продолжении курса на перераспределение полномочий между ветвями власти, начатого в 2022 году.",
        "Рабочая группа по подготовке поправок должна представить свои предложения до конца первого квартала.",
    ],
    gallery=["фото Аманкула Дюсенбаева, Еркебулана Укибаева", "фото Аманкула Дюсенбаева"],
    note="kazpravda.kz article at the URL in docs/evidence/site-evidence.md section 12 (store date 2026-01-21) with its header in the order given there: title, 'Статьи,Президент' (no space), '21 января 2026 г. 6:00', the view count '1', the two authors; BEM classes from public scrapers; gallery captions 'фото ...' as seen there. Texts invented.",
    fetched_at="2026-01-21T12:00:00+05:00",
)

E_BUSES = Article(
    file="n-v-astane-zapustili-elektrobusy.html",
    url=ORIGIN + "/n/v-astane-zapustili-elektrobusy-na-pyati-marshrutah/",
    canonical=ORIGIN + "/n/v-astane-zapustili-elektrobusy-na-pyati-marshrutah/",
    title="В Астане запустили электробусы на пяти маршрутах",
    subtitle="До конца года их число вырастет до 200",
    rubrics=["Общество"],
    date_text="21 января 2026 г. 9:05",
    ld_date="2026-01-21T09:05:00+05:00",
    views=37,
    authors=["Ерлан Абдикаримов"],
    photo_credit="фото Игоря Бургандинова",
    tags=["Астана", "транспорт"],
    paragraphs=[
        "В столице вышли на линию первые 60 электробусов отечественной сборки. Они обслуживают пять маршрутов, связывающих левый берег с железнодорожным вокзалом.",
        "Как сообщили в акимате, запас хода машин составляет 250 километров, зарядные станции установлены на конечных остановках.",
        "Фото: пресс-служба акимата Астаны",
        "До конца года город планирует закупить еще 140 электробусов.",
    ],
    note="A kazpravda.kz article, constructed in the markup of n-kazahstan-vyhodit-na-novyy-etap.html (invented story); the photo credit glued after the author as on the 2017 page of docs/evidence/site-evidence.md section 12; published at '9:05', the un-padded hour the home page feed prints.",
    fetched_at="2026-01-21T12:00:00+05:00",
)

MILESTONE = Article(
    file="n-vazhneyshiy-istoricheskiy-rubezh.html",
    url=ORIGIN + "/n/vazhneyshiy-istoricheskiy-rubezh/",
    canonical=ORIGIN + "/n/vazhneyshiy-istoricheskiy-rubezh/",
    title="Важнейший исторический рубеж",
    subtitle="День Республики напоминает о выборе, сделанном 35 лет назад",
    rubrics=["Президент"],
    date_text="",
    ld_date="2025-10-25T06:00:00+05:00",
    views=1,
    authors=["Лилия Сыздыкова"],
    photo_credit="",
    paragraphs=[
        "25 октября 1990 года Верховный Совет Казахской ССР принял Декларацию о государственном суверенитете. Этот день вновь стал главным государственным праздником страны.",
        "Глава государства в своем поздравлении назвал Декларацию документом, заложившим основы независимого Казахстана.",
        "Торжественные мероприятия прошли во всех регионах. В Астане состоялось награждение граждан, внесших вклад в развитие страны.",
    ],
    note="kazpravda.kz article at the URL in docs/evidence/site-evidence.md section 12 (store date 2025-10-25) whose header there had no date ('Важнейший исторический рубеж / Президент / 1 / Лилия Сыздыкова / subtitle'): only the JSON-LD dates it. Reached through the sitemap.",
    fetched_at="2026-01-21T12:00:00+05:00",
)

ALPHABET = Article(
    file="articles-view-alfavitnii-poryadok.html",
    url=ORIGIN + "/articles/view/alfavitnii-poryadok",
    canonical=ORIGIN + "/n/alfavitnii-poryadok/",
    title="Алфавитный порядок",
    subtitle="Как будет проходить переход казахского языка на латиницу",
    rubrics=["Статьи"],
    date_text="12 сентября 2017 г. 9:50",
    ld_date="2017-09-12T09:50:00+05:00",
    views=2640,
    authors=["Зарина Нокрабекова", "Лаура Тусупбекова"],
    photo_credit="фото Игоря Бургандинова",
    paragraphs=[
        "Рабочая группа представила обновленный вариант алфавита казахского языка на основе латинской графики. В нем 32 буквы, специфические звуки передаются апострофами.",
        "Переход планируется завершить к 2025 году. Сначала на латиницу переведут учебники для первых классов, затем официальную документацию.",
        "Лингвисты призывают не торопиться и провести широкое обсуждение, чтобы избежать ошибок при внедрении.",
    ],
    note="A 2017 kazpravda.kz article at the old URL /articles/view/<slug> of docs/evidence/site-evidence.md section 12, rendered in the current markup with its canonical /n/<slug>/; header 'Статьи 12 сентября 2017 г. 9:50 2640 Зарина Нокрабекова, Лаура Тусупбекова фото Игоря Бургандинова' as seen there. The JSON-LD says +05:00 although Almaty was UTC+6 in 2017. Not served.",
    fetched_at="2026-01-21T12:00:00+05:00",
    serve=False,
)

ARTICLES = [NEW_STAGE, E_BUSES, MILESTONE, ALPHABET]


def home_page() -> str:
    days = [
        ("21 января", [(None, "11:20", "/n/mazhilis-rassmotrit-popravki-v-byudzhetnyy-kodeks/", "Мажилис рассмотрит поправки в Бюджетный кодекс"),
                       (None, "10:40", "/n/v-akmolinskoy-oblasti-zakryli-trassy-iz-za-burana/", "В Акмолинской области закрыли трассы из-за бурана"),
                       (E_BUSES, "9:05"), (NEW_STAGE, "6:00")]),
        ("20 января", [(None, "21:40", "/n/v-almatinskoy-oblasti-otkryli-novuyu-shkolu/", "В Алматинской области открыли новую школу"),
                       (None, "19:55", "/n/v-karagande-zavershili-remont-teploseti/", "В Караганде завершили ремонт теплосети"),
                       (None, "18:20", "/n/pravitelstvo-utverdilo-plan-na-2026-god/", "Правительство утвердило план на 2026 год"),
                       (None, "16:05", "/n/eksport-zerna-vyros-na-tret/", "Экспорт зерна вырос на треть"),
                       (None, "14:30", "/n/senat-prinyal-zakon-ob-iskusstvennom-intellekte/", "Сенат принял закон об искусственном интеллекте"),
                       (None, "11:10", "/n/v-shymkente-otkrylsya-novyy-onkocentr/", "В Шымкенте открылся новый онкоцентр"),
                       (None, "9:45", "/n/tenge-ukrepilsya-k-dollaru/", "Тенге укрепился к доллару")]),
    ]
    rows = []
    for heading, items in days:
        rows.append(f'          <div class="feed__day">{heading}</div>')
        for item in items:
            if item[0] is not None:
                a, time = item
                href, title = a.canonical[len(ORIGIN):], a.title
            else:
                _, time, href, title = item
            rows.append(f'          <a class="feed__item" href="{href}"><time class="feed__time">{time}</time><span class="feed__title">{esc(title)}</span></a>')
    main = f"""    <div class="container page page--home">
      <section class="daynews">
        <article class="daynews__item"><a href="{NEW_STAGE.canonical[len(ORIGIN):]}"><div class="daynews__title">{esc(NEW_STAGE.title)}</div><time>21 января 2026 г. 6:00</time></a></article>
      </section>
      <aside class="feed">
        <h2 class="feed__heading">Лента новостей</h2>
        <div class="feed__list">
{chr(10).join(rows)}
        </div>
        <a class="feed__more" href="/r/novosti/">Все новости</a>
      </aside>
    </div>"""
    head = f'  <link data-n-head="ssr" rel="canonical" href="{ORIGIN}/">\n  <meta data-n-head="ssr" property="og:site_name" content="Казахстанская правда">'
    note = ("kazpravda.kz home page: a news feed of day headings ('21 января', '20 января') and items showing only an "
            "un-padded time '9:05' (docs/evidence/SITES.md row 11), plus a 'daynews' block whose <time> is full; the feed markup is assumed.")
    return shell("Казахстанская правда – главные новости Казахстана", head, main, note)


def rubric_page() -> str:
    items = [
        (NEW_STAGE.canonical[len(ORIGIN):], "Казахстан выходит на новый этап государственного строительства", "21 января 2026 г. 6:00"),
        ("/n/mazhilis-odobril-popravki-v-zakon-o-vyborah/", "Мажилис одобрил поправки в закон о выборах", "20 января 2026 г. 15:30"),
        ("/n/senatory-obsudili-parlamentskuyu-reformu/", "Сенаторы обсудили парламентскую реформу", "19 января 2026 г. 11:15"),
        ("/n/glava-gosudarstva-prinyal-predsedatelya-senata/", "Глава государства принял Председателя Сената", "19 января 2026 г. 9:40"),
        ("/n/partii-gotovyatsya-k-vyboram-v-maslikhaty/", "Партии готовятся к выборам в маслихаты", "17 января 2026 г. 18:05"),
        ("/n/kazahstan-i-uzbekistan-obsudili-demarkaciyu-granicy/", "Казахстан и Узбекистан обсудили демаркацию границы", "16 января 2026 г. 14:50"),
        ("/n/v-mazhilise-sozdana-rabochaya-gruppa-po-reforme/", "В Мажилисе создана рабочая группа по реформе", "15 января 2026 г. 12:00"),
        ("/n/tokaev-provel-soveshchanie-po-voprosam-bezopasnosti/", "Токаев провел совещание по вопросам безопасности", "14 января 2026 г. 17:25"),
    ]
    cards = "\n".join(
        f'        <article class="news"><a class="news__link" href="{h}"><img class="news__image" src="{ORIGIN}/media/thumbs/{i}.jpg" alt=""><div class="news__title">{esc(t)}</div><time class="news__date">{d}</time></a></article>'
        for i, (h, t, d) in enumerate(items, 1)
    )
    main = f"""    <div class="container page page--rubric">
      <h1 class="page__title">Политика</h1>
      <div class="tab-content"><article class="news news--pinned"><a class="news__link" href="/n/konstitucionnaya-reforma-otvety-na-glavnye-voprosy/"><div class="news__title">Конституционная реформа: ответы на главные вопросы</div><time class="news__date">12 января 2026 г. 10:00</time></a></article></div>
      <section class="news-list">
{cards}
      </section>
      <div class="pagination"><span class="pagination__current">1</span><a href="/r/politika?page=2">2</a><a href="/r/politika?page=3">3</a></div>
    </div>"""
    head = f'  <link data-n-head="ssr" rel="canonical" href="{ORIGIN}/r/politika">'
    note = ("kazpravda.kz/r/politika: <article>s in main.app__main with div.news__title and a <time> in the article's date "
            "form, as public scrapers read them (one of them removes div.tab-content, a pinned block); pagination ?page=N assumed.")
    return shell("Политика - Казахстанская правда", head, main, note)


def sitemap_index_page() -> str:
    note = "kazpravda.kz/sitemap.xml, an index (docs/evidence/SITES.md row 11: '-> children'); the children's names are assumed."
    children = [
        (f"{ORIGIN}/sitemap/rubrics.xml", "2026-01-21T06:00:00+05:00"),
        (f"{ORIGIN}/sitemap/articles-2026-01.xml", "2026-01-21T09:05:00+05:00"),
        (f"{ORIGIN}/sitemap/articles-2025-10.xml", "2025-10-31T23:00:00+05:00"),
    ]
    return sitemap_index(PAGES.comment(note), [[("loc", loc), ("lastmod", lastmod)] for loc, lastmod in children])


def sitemap(articles: list[Article], extra: list[str], note: str) -> str:
    urls = [[("loc", a.canonical), ("lastmod", a.ld_date)] for a in articles] + [[("loc", u)] for u in extra]
    return urlset(PAGES.comment(note), urls)


ABOUT = (
    "Every kazpravda.kz page here is CONSTRUCTED by tests/tools/construct_kazpravda.py (no real HTML was available); each "
    "says at its top what it is modelled on. Evidence: docs/evidence/site-evidence.md section 12 (URLs, the header "
    "orders, bylines and credits), docs/evidence/SITES.md row 11 and public scrapers' selectors. fetched_at is the noon "
    "after the newest article. The sitemap index is a resource; its children are cases."
)


def build() -> dict[str, str]:
    fetched = "2026-01-21T12:00:00+05:00"
    pages = {"home.html": home_page(), "r-politika.html": rubric_page()}
    cases = [case("home.html", "list", ORIGIN + "/", fetched), case("r-politika.html", "list", ORIGIN + "/r/politika", fetched)]
    for a in ARTICLES:
        pages[a.file] = article_page(a)
        cases.append(case(a.file, "article", a.url, a.fetched_at, serve=a.serve))
    pages["sitemap-index.xml"] = sitemap_index_page()
    pages["sitemap-articles-2026-01.xml"] = sitemap(
        [E_BUSES, NEW_STAGE], [], "the January 2026 articles child of kazpravda.kz/sitemap.xml.")
    pages["sitemap-articles-2025-10.xml"] = sitemap(
        [MILESTONE], [], "the October 2025 articles child of kazpravda.kz/sitemap.xml.")
    pages["sitemap-rubrics.xml"] = sitemap(
        [], [ORIGIN + p for p in ("/r/prezident/", "/r/politika/", "/r/ekonomika/")], "the rubrics child: no articles.")
    for file, path in (("sitemap-articles-2026-01.xml", "/sitemap/articles-2026-01.xml"),
                       ("sitemap-articles-2025-10.xml", "/sitemap/articles-2025-10.xml"),
                       ("sitemap-rubrics.xml", "/sitemap/rubrics.xml")):
        cases.append(case(file, "sitemap", ORIGIN + path, fetched))
    resources = [resource(ORIGIN + "/sitemap.xml", "sitemap-index.xml", fetched)]
    pages["cases.json"] = cases_json("kazpravda", ABOUT, cases, resources)
    return pages


if __name__ == "__main__":
    PAGES.main(build)
