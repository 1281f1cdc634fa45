"""Builds the constructed Azattyq fixture pages (tests/fixtures/sites/azattyq/).

No real HTML of rus.azattyq.org or www.azattyq.org was available. What the pages take from the evidence
(docs/evidence/site-evidence.md section 14, docs/evidence/SITES.md row 13): the URL forms /a/<id>.html and
/a/<slug>/<id>.html, the news zones /z/360 and /z/330, the chrome before the title ('Доступность ссылок', 'ҚАЗ',
'site logo site logo', 'Срочные новости:', 'Новости'), photo captions with dates that are not publication dates and
printed twice ('Участники протеста против выселения из общежития. Уральск, 11 сентября 2023 года', '... Алматы, 14
октября 2019 года.'), the Kazakh video caption 'Астана, 5 қыркүйек 2014 жыл. (Видео авторы - Светлана Глушкова).',
'Your browser doesn’t support HTML5' (curly apostrophe), the attributions 'сообщила Азаттыку' and 'сообщает местное
издание «Информбюро».'. Assumed: Pangea markup and class names, the header time[datetime] in UTC ('...Z'), the
JSON-LD dates 'YYYY-MM-DD HH:MM:SSZ', the zone markup with its "load more" link. The stories are written for the
fixtures and their people are invented.

Run from the repository root: python tests/tools/construct_azattyq.py  (rewrites the constructed files; --check
compares)
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.tools.pagebuilder import (
    ALMATY,
    Constructor,
    day_month_year,
    esc,
    image_object,
    jsonld,
    organization,
    schema,
)

PAGES = Constructor("azattyq")

UI = {
    "ru": {
        "origin": "https://rus.azattyq.org",
        "html_lang": "ru",
        "skip": "Доступность ссылок",
        "skip_items": ["Вернуться к основному содержанию", "Вернуться к главной навигации", "Поиск"],
        "other": ("ҚАЗ", "https://www.azattyq.org"),
        "breaking": "Срочные новости:",
        "news": "Новости",
        "zone": "/z/360",
        "menu": ["Новости", "Казахстан", "Центральная Азия", "Мир", "Видео", "Мнения"],
        "more": "Загрузить еще",
        "share": "Поделиться",
        "footer": "© 2023 RFE/RL, Inc. Все права защищены.",
        "service": "Радио Азаттык",
        "popular": "Самое популярное",
        "contact": "Контакты",
        "privacy": "Политика конфиденциальности",
        "services": "Службы РСЕ/РС",
    },
    "kk": {
        "origin": "https://www.azattyq.org",
        "html_lang": "kk",
        "skip": "Сілтемелер қолжетімділігі",
        "skip_items": ["Негізгі мазмұнға оралу", "Басты навигацияға оралу", "Іздеу"],
        "other": ("РУС", "https://rus.azattyq.org"),
        "breaking": "Шұғыл жаңалықтар:",
        "news": "Жаңалықтар",
        "zone": "/z/330",
        "menu": ["Жаңалықтар", "Қазақстан", "Орталық Азия", "Әлем", "Видео", "Пікір"],
        "more": "Тағы жүктеу",
        "share": "Бөлісу",
        "footer": "© 2023 RFE/RL, Inc. Барлық құқық сақталған.",
        "service": "Азаттық радиосы",
        "popular": "Ең көп оқылған",
        "contact": "Байланыс",
        "privacy": "Құпиялылық саясаты",
        "services": "Азат Еуропа/Азаттық радиосының қызметтері",
    },
}


@dataclass
class Article:
    lang: str
    path: str
    title: str
    published: str  # UTC, "2023-09-12T04:31:24Z"
    lead: str
    paragraphs: list[str]  # HTML snippets (embeds included)
    cover_caption: str
    authors: list[str] = field(default_factory=list)
    file: str = ""
    note: str = ""

    @property
    def url(self) -> str:
        return UI[self.lang]["origin"] + self.path

    @property
    def instant(self) -> datetime:
        return datetime.fromisoformat(self.published)

    @property
    def id(self) -> str:
        return self.path.rsplit("/", 1)[1].removesuffix(".html")


def visible_date(lang: str, instant: datetime) -> str:
    return day_month_year(instant.astimezone(ALMATY), lang)


# Headlines of the "most popular" widget and of the zone entries above the fixture articles (not fixtures).
POPULAR = {
    "ru": [
        ("/a/32588031.html", "В Астане задержали участников одиночного пикета", datetime(2023, 9, 12, 8, 5, tzinfo=UTC)),
        ("/a/32587966.html", "Суд в Алматы оставил в силе приговор блогеру", datetime(2023, 9, 12, 3, 50, tzinfo=UTC)),
        ("/a/32587941.html", "Цены на бензин в Казахстане: что изменится с октября", datetime(2023, 9, 12, 2, 40, tzinfo=UTC)),
        ("/a/32587720.html", "В Жанаозене нефтяники требуют повышения зарплат", datetime(2023, 9, 11, 11, 25, tzinfo=UTC)),
        ("/a/32587655.html", "Эксперты: почему дорожает жильё в крупных городах", datetime(2023, 9, 11, 8, 0, tzinfo=UTC)),
    ],
    "kk": [
        ("/a/32588040.html", "Астанада жалғыз адамдық пикетке шыққандар ұсталды", datetime(2023, 9, 12, 8, 20, tzinfo=UTC)),
        ("/a/32587958.html", "Алматы соты блогерге шығарылған үкімді өзгеріссіз қалдырды", datetime(2023, 9, 12, 4, 5, tzinfo=UTC)),
        ("/a/32587933.html", "Жаңаөзендегі мұнайшылар жалақыны көтеруді талап етті", datetime(2023, 9, 12, 1, 30, tzinfo=UTC)),
        ("/a/32587701.html", "Астанада жол жөндеу жұмысы аяқталды", datetime(2023, 9, 11, 10, 0, tzinfo=UTC)),
        ("/a/32587640.html", "Сарапшылар: ірі қалаларда баспана неге қымбаттап жатыр", datetime(2023, 9, 11, 7, 45, tzinfo=UTC)),
    ],
}
# RFE/RL's language services, listed in every Pangea footer.
SERVICES = [
    ("Azadliq Radiosu", "https://www.azadliq.org"), ("Azatutyun", "https://www.azatutyun.am"),
    ("Azattyk", "https://www.azattyk.org"), ("Azatliq", "https://www.azatliq.org"), ("Azathabar", "https://www.azathabar.com"),
    ("Ekho Kavkaza", "https://www.ekhokavkaza.com"), ("Evropa e Lirë", "https://www.evropaelire.org"),
    ("Europa Liberă", "https://www.europalibera.org"), ("Kavkaz.Realii", "https://www.kavkazr.com"),
    ("Krym.Realii", "https://ru.krymr.com"), ("Ozodi", "https://www.ozodi.org"), ("Ozodlik", "https://www.ozodlik.org"),
    ("Radio Farda", "https://www.radiofarda.com"), ("Radio Mashaal", "https://www.mashaalradio.com"),
    ("Radio Svoboda", "https://www.radiosvoboda.org"), ("Radio Svoboda (Russian)", "https://www.svoboda.org"),
    ("Radio Tavisupleba", "https://www.radiotavisupleba.ge"), ("Slobodna Evropa", "https://www.slobodnaevropa.org"),
    ("Svaboda", "https://www.svaboda.org"), ("Sibir.Realii", "https://www.sibreal.org"), ("Idel.Realii", "https://www.idelreal.org"),
    ("RFE/RL", "https://www.rferl.org"),
]


def figure(caption: str, image: str) -> str:
    # Pangea prints the caption in the figcaption and again in the expandable image's caption.
    return f"""<figure class="media-image js-media-expand">
            <div class="img-wrap"><div class="thumb thumb16_9"><img src="{image}" alt="{esc(caption)}"></div></div>
            <figcaption><span class="caption">{esc(caption)}</span></figcaption>
            <div class="js-media-expand__caption">{esc(caption)}</div>
          </figure>"""


def page(lang: str, title: str, url: str, head_extra: str, main: str, note: str) -> str:
    ui = UI[lang]
    skip = "".join(f'<li><a href="#content">{esc(s)}</a></li>' for s in ui["skip_items"])
    menu = "".join(f'<li class="nav__item"><a href="{ui["zone"]}">{esc(m)}</a></li>' for m in ui["menu"])
    popular = "".join(
        f'<li class="media-block-wrap"><a href="{p}"><span class="title">{esc(t)}</span></a></li>' for p, t, _ in POPULAR[lang]
    )
    services = "".join(f'<li class="footer__item"><a href="{u}" class="footer__link">{esc(n)}</a></li>' for n, u in SERVICES)
    return PAGES.html(f"no real Azattyq HTML was available. {note}", f"""<html lang="{ui['html_lang']}" dir="ltr" class="no-js">
<head>
  <meta charset="utf-8">
  <title>{esc(title)}</title>
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <meta name="apple-itunes-app" content="app-id=475986784">
  <link rel="stylesheet" href="/Content/responsive/RFE/kk-KZ/RFE-kk-KZ.css?&amp;av=0.0.0.0&amp;cb=306">
{head_extra}  <script src="/Scripts/responsive/loader.bundle.js?&amp;av=0.0.0.0&amp;cb=306"></script>
</head>
<body>
  <div id="page">
    <aside><div class="ctc-message pos-fix"><div class="ctc-message__inner">Link has been copied to clipboard</div></div></aside>
    <div class="hdr-20 hdr-20--big">
      <div class="hdr-20__inner">
        <div class="hdr-20__max pos-rel">
          <div class="hdr-20__side hdr-20__side--primary d-flex">
            <label data-for="main-menu-ctrl" class="menu-toggle">Menu</label>
            <nav class="skip-links"><span class="skip-links__title">{esc(ui['skip'])}</span><ul>{skip}</ul></nav>
          </div>
          <div class="hdr-20__side hdr-20__side--secondary d-flex"><a class="hdr-20__lang" href="{ui['other'][1]}">{ui['other'][0]}</a></div>
          <a href="/" class="main-logo-link"><img src="/Content/responsive/RFE/img/logo-compact.svg" class="main-logo main-logo--comp" alt="site logo"><img src="/Content/responsive/RFE/img/logo.svg" class="main-logo main-logo--big" alt="site logo"></a>
        </div>
      </div>
      <nav class="main-nav"><ul>{menu}</ul></nav>
    </div>
    <div class="media-block-wrap breaking-news"><span class="breaking-news__title">{esc(ui['breaking'])}</span></div>
    <div id="content">
{main}
    </div>
    <div class="popular-widget"><h2 class="section-head">{esc(ui['popular'])}</h2><ol class="popular-list">{popular}</ol></div>
    <footer role="contentinfo">
      <div class="footer">
        <div class="footer__section"><h3 class="footer__title">{esc(ui['service'])}</h3>
          <ul class="footer__list"><li class="footer__item"><a href="/p/5573.html">RSS</a></li><li class="footer__item"><a href="/p/5574.html">{esc(ui['contact'])}</a></li><li class="footer__item"><a href="/p/5575.html">{esc(ui['privacy'])}</a></li><li class="footer__item"><a href="https://t.me/azattyq">Telegram</a></li><li class="footer__item"><a href="https://www.youtube.com/@azattyq">YouTube</a></li><li class="footer__item"><a href="https://www.facebook.com/azattyq">Facebook</a></li></ul>
        </div>
        <div class="footer__section footer__section--services"><h3 class="footer__title">{esc(ui['services'])}</h3><ul class="footer__list">{services}</ul></div>
        <p class="copyright">{esc(ui['footer'])}</p>
      </div>
    </footer>
  </div>
  <script>var analyticsData = {{"section":"{ui['service']}","content_type":"article"}};</script>
</body>
</html>
""")


def build_article(a: Article) -> str:
    ui = UI[a.lang]
    image = f"https://gdb.rferl.org/{a.id[-4:]}0000-0a00-0300-{a.id[:4]}-08dbb3f4c0de_w1200_r1.jpg"
    ld = schema(
        "NewsArticle",
        mainEntityOfPage=a.url,
        url=a.url,
        headline=a.title,
        description=a.lead,
        image=image_object(image),
        inLanguage="ru-RU" if a.lang == "ru" else "kk-KZ",
        datePublished=a.instant.strftime("%Y-%m-%d %H:%M:%SZ"),
        dateModified=(a.instant + timedelta(minutes=47)).strftime("%Y-%m-%d %H:%M:%SZ"),
        author=[{"@type": "Person", "name": name} for name in a.authors],
        publisher=organization(ui["service"], f"{ui['origin']}/Content/responsive/RFE/img/logo.png",
                               type_="NewsMediaOrganization"),
    )
    head = f"""  <meta name="description" content="{esc(a.lead)}">
  <link rel="canonical" href="{a.url}">
  <link rel="amphtml" href="{ui['origin']}/amp/{a.id}.html">
  <meta property="og:type" content="article">
  <meta property="og:site_name" content="{esc(ui['service'])}">
  <meta property="og:title" content="{esc(a.title)}">
  <meta property="og:description" content="{esc(a.lead)}">
  <meta property="og:image" content="{image}">
  <meta property="og:url" content="{a.url}">
  <script type="application/ld+json">{jsonld(ld)}</script>
"""
    authors = "".join(
        f'<li class="links__item"><a class="links__item-link" href="/author/{abs(len(n) * 7919)}.html">{esc(n)}</a></li>' for n in a.authors
    )
    body = "\n          ".join(a.paragraphs)
    main = f"""      <div class="container">
        <div class="row">
          <div class="col-title col-xs-12 col-md-10 pull-right">
            <div class="category"><a href="{ui['zone']}">{esc(ui['news'])}</a></div>
            <h1 class="title pg-title">{esc(a.title)}</h1>
          </div>
          <div class="col-publishing-details col-xs-12 col-md-2 pull-left">
            <div class="publishing-details">
              <div class="links"><ul class="links__list">{authors}</ul></div>
              <div class="published"><span class="date"><time pubdate="pubdate" datetime="{a.published}">{visible_date(a.lang, a.instant)}</time></span></div>
            </div>
          </div>
          <div class="col-xs-12 col-md-10 pull-right">
            <div class="cover-media">
          {figure(a.cover_caption, image)}
            </div>
            <div class="intro intro--bold"><p>{esc(a.lead)}</p></div>
            <div class="body-container">
              <div id="article-content" class="content-floated-wrap fb-quotable">
                <div class="wsw">
          {body}
                </div>
              </div>
            </div>
            <div class="share--box"><span>{ui['share']}</span><a href="https://t.me/share/url?url={a.url}">Telegram</a><a href="https://facebook.com/sharer.php?u={a.url}">Facebook</a></div>
          </div>
        </div>
      </div>"""
    return page(a.lang, a.title, a.url, head, main, a.note)


def build_zone(lang: str, items: list[Article | tuple[str, str, datetime]], note: str) -> str:
    ui = UI[lang]
    url = ui["origin"] + ui["zone"]
    rows = []
    for item in items:
        if isinstance(item, Article):
            path, title, instant = item.path, item.title, item.instant
        else:
            path, title, instant = item
        rows.append(
            f"""          <li class="col-xs-12 col-sm-12 col-md-12 col-lg-12 fui-grid__inner archive-list__item">
            <div class="media-block">
              <a href="{path}" class="img-wrap img-wrap--t-spac img-wrap--size-4 img-wrap--float" title="{esc(title)}"><div class="thumb thumb16_9"><img data-src="https://gdb.rferl.org/{path[-13:-5]}_w160_r1.jpg" src="" alt="{esc(title)}"></div></a>
              <div class="media-block__content media-block__content--h">
                <a href="{path}"><h4 class="media-block__title media-block__title--size-4" title="{esc(title)}">{esc(title)}</h4></a>
                <span class="date date--mb date--size-4">{visible_date(lang, instant)}</span>
              </div>
            </div>
          </li>"""
        )
    main = f"""      <div class="container">
        <h1 class="section-head">{esc(ui['news'])}</h1>
        <div class="media-block-wrap" id="articleItems">
        <ul class="archive-list">
{chr(10).join(rows)}
        </ul>
        </div>
        <p class="buttons btn--load-more"><a class="btn link-showMore btn__text" data-ajax="true" data-area="#articleItems" data-add="true" data-size="20" href="{ui['zone']}?p=1" title="{esc(ui['more'])}"><span class="btn__text">{esc(ui['more'])}</span></a></p>
      </div>"""
    head = f'  <link rel="canonical" href="{url}">\n'
    return page(lang, f"{ui['news']} | {ui['service']}", url, head, main, note)


def _p(text: str) -> str:
    return f"<p>{esc(text)}</p>"


RU_DORM = Article(
    lang="ru",
    path="/a/32587835.html",
    file="ru-a-32587835.html",
    title="В Уральске жильцы общежития протестуют против выселения",
    published="2023-09-12T04:31:24Z",
    lead="Жильцы бывшего заводского общежития в Уральске второй день выходят к зданию акимата, протестуя против выселения.",
    authors=["Айгуль Мухамбетова"],
    cover_caption="Участники протеста против выселения из общежития. Уральск, 11 сентября 2023 года",
    note="URL and the caption dated the day BEFORE publication ('Уральск, 11 сентября 2023 года', printed twice) from docs/evidence/site-evidence.md; the article is dated 12 September in its header time[datetime] and JSON-LD. The text is written for the fixture.",
    paragraphs=[
        _p("По словам жильцов, новый собственник здания потребовал освободить комнаты до конца месяца. В общежитии живут около сорока семей, многие – больше двадцати лет."),
        _p("«Нам некуда идти, у большинства нет другого жилья», – сообщила Азаттыку одна из жительниц общежития."),
        """<div class="wsw__embed"><figure class="media-image js-media-expand">
            <div class="img-wrap"><div class="thumb thumb16_9"><img src="https://gdb.rferl.org/0123_w650_r1.jpg" alt="Здание общежития. Уральск, 11 сентября 2023 года"></div></div>
            <figcaption><span class="caption">Здание общежития. Уральск, 11 сентября 2023 года</span></figcaption>
          </figure></div>""",
        _p("В акимате города заявили, что спор между собственником и жильцами должен решить суд, а семьям, стоящим в очереди на жильё, предложат арендные квартиры."),
        _p("Жильцы говорят, что будут добиваться приватизации комнат, которые они занимают с советских времён."),
    ],
)

RU_METRO = Article(
    lang="ru",
    path="/a/v-almaty-snova-perenesli-sroki-stroitelstva-metro-/32587990.html",
    file="ru-a-32587990.html",
    title="В Алматы снова перенесли сроки строительства метро",
    published="2023-09-11T19:40:00Z",
    lead="Строительство двух новых станций метро в Алматы завершат на год позже, чем обещали.",
    cover_caption="Строительство станции метро. Алматы, 14 октября 2019 года.",
    note="A slug-form URL (as /a/pravozaschitnitsu-...-state-/33506042.html, with its trailing hyphen); published at 19:40 UTC, which is already 12 September in Almaty. The cover photo is from 2019 and its caption says so ('Алматы, 14 октября 2019 года.', docs/evidence/site-evidence.md). The text is written for the fixture.",
    paragraphs=[
        _p("Об этом сообщает местное издание «Информбюро». По данным издания, подрядчик объясняет задержку удорожанием материалов и сложными грунтами."),
        _p("Городские власти ранее обещали открыть станции до конца 2023 года. Теперь открытие ожидается не раньше конца 2024-го."),
        _p("Алматинское метро, открытое в 2011 году, остаётся единственным в Казахстане. Сейчас в нём девять станций."),
        """<div class="wsw__embed wsw__embed--small"><div class="media-pholder"><a href="/a/32400112.html">Читайте также: Почему в Алматы так долго строят метро</a></div></div>""",
    ],
)

KK_DORM = Article(
    lang="kk",
    path="/a/32587902.html",
    file="kk-a-32587902.html",
    title="Орал: жатақхана тұрғындары көшіруге қарсы шықты",
    published="2023-09-12T05:10:00Z",
    lead="Оралдағы бұрынғы зауыт жатақханасының тұрғындары екінші күн қатарынан әкімдік алдына шықты.",
    authors=["Сәуле Ахметова"],
    cover_caption="Жатақхана тұрғындары. Орал, 11 қыркүйек 2023 жыл.",
    note="Kazakh edition; the video embed carries the archive caption 'Астана, 5 қыркүйек 2014 жыл. (Видео авторы - Светлана Глушкова).' and 'Your browser doesn’t support HTML5' from docs/evidence/site-evidence.md; the text is written for the fixture.",
    paragraphs=[
        _p("Тұрғындардың айтуынша, ғимараттың жаңа иесі бөлмелерді ай соңына дейін босатуды талап еткен. Жатақханада қырыққа жуық отбасы тұрады."),
        _p("«Барар жеріміз жоқ», – деді Азаттыққа тұрғындардың бірі."),
        """<div class="wsw__embed"><div class="c-mmp c-mmp--enabled" data-type="video">
            <div class="c-mmp__poster"><img src="https://gdb.rferl.org/vid_0914_w650_r1.jpg" alt=""></div>
            <video src="https://rfe-video-hls.akamaized.net/hls/video/26568511.m3u8" controls></video>
            <div class="c-mmp__fallback-msg">Your browser doesn’t support HTML5</div>
            <div class="c-mmp__caption">Астана, 5 қыркүйек 2014 жыл. (Видео авторы - Светлана Глушкова).</div>
          </div></div>""",
        _p("Қала әкімдігі дауды сот шешуі керек екенін айтып, кезекте тұрған отбасыларға жалдамалы пәтер ұсынатынын мәлімдеді."),
    ],
)

KK_WATER = Article(
    lang="kk",
    path="/a/oral-su-tapshylygy/32587870.html",
    file="kk-a-32587870.html",
    title="Батыс Қазақстанда ауыз су тапшылығы күшейді",
    published="2023-09-12T02:15:00Z",
    lead="Батыс Қазақстан облысының бірқатар ауылында ауыз су тасымалдап жеткізіледі.",
    cover_caption="Су таситын көлік. Батыс Қазақстан облысы, 2022 жыл.",
    note="Kazakh edition, slug-form URL; the text is written for the fixture.",
    paragraphs=[
        _p("Облыс әкімдігінің мәліметінше, жазғы аптап пен Жайық өзенінің тартылуы салдарынан жиырмаға жуық ауылда су жетіспейді."),
        _p("Тұрғындар суды күн сайын келетін көліктен алады. Ауыл әкімдері жер асты суын іздеу жұмысы басталғанын айтады."),
        _p("Сарапшылар су құбырларын жаңартуға ұзақ мерзімді бағдарлама қажет екенін айтып отыр."),
    ],
)

ARTICLES = [RU_DORM, RU_METRO, KK_DORM, KK_WATER]


def build() -> dict[str, str]:
    pages = {article.file: build_article(article) for article in ARTICLES}
    pages["ru-z-360.html"] = build_zone(
        "ru",
        [POPULAR["ru"][0], RU_DORM, POPULAR["ru"][1], POPULAR["ru"][2], RU_METRO, *POPULAR["ru"][3:]],
        "The Russian news zone /z/360 as Pangea prints it (media-block items with a day date, the load-more link); "
        "assumed markup. Only the fixture articles' entries are fixtures.",
    )
    pages["kk-z-330.html"] = build_zone(
        "kk",
        [POPULAR["kk"][0], KK_DORM, POPULAR["kk"][1], KK_WATER, *POPULAR["kk"][2:]],
        "The Kazakh news zone /z/330; assumed markup as on the Russian one. Only the fixture articles' entries are "
        "fixtures.",
    )
    return pages


if __name__ == "__main__":
    PAGES.main(build)
