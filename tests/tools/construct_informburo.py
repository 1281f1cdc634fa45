"""Builds the constructed informburo.kz fixture pages (tests/fixtures/sites/informburo) and their cases.json.

No real HTML of informburo.kz is available. What the pages rest on (see kznews/sites/informburo.py):
- docs/evidence/SITES.md row 7 and its scraper table: the /novosti list is `ul.uk-nav-default > li` (UIkit) with
  `h2.date-heading` day headings ('Сегодня' or '15 августа', no year) followed by items whose only date is
  `time.article-time` '13:51'; the title link sits in the item's `.uk-width-expand` column beside a thumbnail link,
  with more than the title inside it (Greemq/ainews reads only its first text node); the article body is
  `.article` minus `.read-more` blocks, after `.article-excerpt`; articles /novosti/<slug> (old .html); the
  sitemap /sitemap.xml with children of 'type=articles'.
- A public notebook (arystan01/news_parser) reads the article date from `div.article-meta time[datetime]` with
  text '1 апреля 2024, 12:16' and the views from the second `div.article-meta small.uk-text-muted`.
- docs/evidence/site-evidence.md section 7: the URLs (AMP copies of /novosti/mama-posmotrite-... and
  /kaz/newskaz/ork-referendumnyn-...), the editor's note '(один из подсудимых. – Авт.)' inside the text, and a
  reprint's '18 мая 2024, 13:05 |  Общество' (date, then the rubric).
Assumed: the kk list /kaz/newskaz, the pagination (?page=N), the JSON-LD (with a truncated headline, a common
mistake), the author link, every class name not listed above, the texts and the dates of the articles.

Run from the repository root: python tests/tools/construct_informburo.py  (rewrites the constructed files and
cases.json; --check compares)
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.tools.pagebuilder import (
    Constructor,
    case,
    cases_json,
    esc,
    image_object,
    jsonld,
    organization,
    resource,
    schema,
    sitemap_index,
    urlset,
    web_page,
)

PAGES = Constructor("informburo")
ORIGIN = "https://informburo.kz"

UI = {
    "ru": {"home": "Главная", "news": "Новости", "more": "Читайте также:", "popular": "Популярное", "views": "просмотров",
           "share": "Поделиться", "locale": "ru_RU", "prefix": ""},
    "kk": {"home": "Басты бет", "news": "Жаңалықтар", "more": "Оқи отырыңыз:", "popular": "Көп оқылған", "views": "қаралым",
           "share": "Бөлісу", "locale": "kk_KZ", "prefix": "/kaz"},
}

POPULAR = {
    "ru": [("/novosti/v-almaty-otkryli-novuyu-liniyu-brt-po-ulice-timiryazeva", "В Алматы открыли новую линию BRT по улице Тимирязева"),
           ("/novosti/nacbank-sohranil-bazovuyu-stavku-na-urovne-1475", "Нацбанк сохранил базовую ставку на уровне 14,75%"),
           ("/novosti/skolko-stoit-arenda-zhilya-v-astane-i-almaty-v-2024-godu", "Сколько стоит аренда жилья в Астане и Алматы в 2024 году"),
           ("/novosti/ekonomist-obyasnil-pochemu-dorozhayut-produkty", "Экономист объяснил, почему дорожают продукты"),
           ("/novosti/v-kazahstane-izmenyatsya-pravila-vydachi-voditelskih-prav", "В Казахстане изменятся правила выдачи водительских прав")],
    "kk": [("/kaz/newskaz/almatyda-zhana-avtobus-zholagy-ashyldy", "Алматыда жаңа автобус жолағы ашылды"),
           ("/kaz/newskaz/ulttyq-bank-bazalyq-molsherlemeni-saqtady", "Ұлттық банк базалық мөлшерлемені сақтады"),
           ("/kaz/newskaz/referendumga-qatysu-qalai-otti", "Референдумға қатысу қалай өтті"),
           ("/kaz/newskaz/zheke-kolik-salygy-ozgeredi", "Жеке көлік салығы өзгереді")],
}

# Other items of the lists' days: (path, title, time).
MORE_RU_TODAY = [
    ("/novosti/v-astane-vveli-ogranicheniya-na-poliv", "В Астане ввели ограничения на полив газонов", "09:40"),
    ("/novosti/minzdrav-napomnil-o-pravilah-vakcinacii-pered-letom", "Минздрав напомнил о правилах вакцинации перед летом", "08:55"),
    ("/novosti/v-shymkente-otkryli-novyy-detskiy-sad-na-300-mest", "В Шымкенте открыли новый детский сад на 300 мест", "08:10"),
]
MORE_RU_YESTERDAY = [
    ("/novosti/kazahstan-i-kitay-podpisali-soglashenie-o-bezvizovom-rezhime", "Казахстан и Китай подписали соглашение о безвизовом режиме", "22:15"),
    ("/novosti/v-pavlodare-zaderzhali-podozrevaemogo-v-podzhoge-avtomobiley", "В Павлодаре задержали подозреваемого в поджоге автомобилей", "20:48"),
    ("/novosti/senat-prinyal-zakon-o-zashchite-prav-zhenshchin-i-bezopasnosti-detey", "Сенат принял закон о защите прав женщин и безопасности детей", "17:30"),
    ("/novosti/tenge-oslab-na-utrennih-torgah-birzhi", "Тенге ослаб на утренних торгах биржи", "11:25"),
    ("/novosti/sud-po-delu-serzata-polata-nacalsya-v-taldykorgane.html", "Суд по делу Шерзата Полата начался в Талдыкоргане", "11:02"),
]
MORE_KK_YESTERDAY = [
    ("/kaz/newskaz/referendum-qalai-otti", "Референдум қалай өтті: фоторепортаж", "10:30"),
    ("/kaz/newskaz/ork-dauys-beru-qorytyndysyn-shygardy", "ОСК дауыс беру қорытындысын шығара бастады", "08:15"),
]
MORE_KK_TODAY = [
    ("/kaz/newskaz/qazaqstanda-zhylu-mausymy-bastaldy", "Қазақстанда жылу маусымы басталды", "10:05"),
    ("/kaz/newskaz/tenge-bagamy-birzhada-nygaidy", "Теңге бағамы биржада нығайды", "09:20"),
]

def shell(lang: str, title: str, head: str, main: str, note: str) -> str:
    ui = UI[lang]
    popular = "\n".join(
        f'          <li><a class="uk-link-reset" href="{h}">{esc(t)}</a></li>' for h, t in POPULAR[lang]
    )
    return PAGES.html(note, f"""<html lang="{'kk' if lang == 'kk' else 'ru'}" dir="ltr">
<head>
  <meta charset="utf-8">
  <meta http-equiv="x-ua-compatible" content="ie=edge">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{esc(title)}</title>
  <link rel="stylesheet" href="/themes/informburo/css/uikit.min.css?v=3.16.22">
  <link rel="stylesheet" href="/themes/informburo/css/theme.css?v=2024.3">
  <script src="/themes/informburo/js/uikit.min.js?v=3.16.22"></script>
  <script src="/themes/informburo/js/uikit-icons.min.js?v=3.16.22"></script>
{head}
  <script async src="https://www.googletagmanager.com/gtag/js?id=G-2T2Z8S5X1N"></script>
  <script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}} gtag('js', new Date()); gtag('config', 'G-2T2Z8S5X1N');</script>
</head>
<body>
<div class="uk-offcanvas-content">
  <header class="site-header uk-section-secondary">
    <nav class="uk-navbar-container uk-container" uk-navbar>
      <div class="uk-navbar-left"><a class="uk-navbar-item uk-logo" href="{ui['prefix']}/"><img src="/themes/informburo/img/logo.svg" alt="Informburo.kz"></a></div>
      <div class="uk-navbar-center">
        <ul class="uk-navbar-nav">
          <li><a href="/novosti">Новости</a></li><li><a href="/novosti/obshchestvo">Общество</a></li><li><a href="/novosti/gorod">Город</a></li>
          <li><a href="/novosti/ekonomika">Экономика</a></li><li><a href="/kaz/newskaz">Қазақша</a></li>
        </ul>
      </div>
      <div class="uk-navbar-right"><a class="uk-navbar-toggle" uk-search-icon href="#search-modal" uk-toggle></a></div>
    </nav>
  </header>
  <div id="search-modal" class="uk-flex-top" uk-modal><div class="uk-modal-dialog"><div class="gcse-search"></div></div></div>
  <main class="uk-section uk-section-small">
    <div class="uk-container">
      <div uk-grid class="uk-grid-medium">
        <div class="uk-width-2-3@m">
{main}
        </div>
        <aside class="uk-width-1-3@m sidebar">
          <h3 class="uk-heading-bullet">{ui['popular']}</h3>
          <ul class="uk-list uk-list-divider">
{popular}
          </ul>
          <div class="banner-side"><div id="adfox_170322188" class="adfox"></div></div>
        </aside>
      </div>
    </div>
  </main>
  <footer class="uk-section uk-section-secondary uk-section-small">
    <div class="uk-container">
      <div class="uk-grid-small uk-child-width-1-4@m" uk-grid>
        <div><ul class="uk-list"><li><a href="/novosti">Новости</a></li><li><a href="/novosti/obshchestvo">Общество</a></li><li><a href="/novosti/gorod">Город</a></li><li><a href="/novosti/ekonomika">Экономика</a></li></ul></div>
        <div><ul class="uk-list"><li><a href="/kaz/newskaz">Жаңалықтар</a></li><li><a href="/kaz/newskaz/qogam">Қоғам</a></li></ul></div>
        <div><ul class="uk-list"><li><a href="/about">О нас</a></li><li><a href="/reklama">Реклама</a></li><li><a href="/contacts">Контакты</a></li><li><a href="/vakansii">Вакансии</a></li><li><a href="/privacy">Политика конфиденциальности</a></li></ul></div>
        <div><ul class="uk-iconnav"><li><a href="https://t.me/informburokz" uk-icon="telegram"></a></li><li><a href="https://www.instagram.com/informburo.kz" uk-icon="instagram"></a></li><li><a href="https://www.facebook.com/informburo.kz" uk-icon="facebook"></a></li><li><a href="https://www.youtube.com/@informburo" uk-icon="youtube"></a></li></ul></div>
      </div>
      <p class="uk-text-small">© 2014–2024 Informburo.kz. Свидетельство о постановке на учет периодического печатного издания, информационного агентства и сетевого издания № KZ77VPY00021547. При использовании материалов гиперссылка на Informburo.kz обязательна. Мнение редакции может не совпадать с мнением авторов.</p>
      <p class="uk-text-small">18+</p>
    </div>
  </footer>
  <div id="cookie-banner" class="uk-position-fixed uk-position-bottom uk-padding-small uk-background-muted" hidden>
    <p>Мы используем файлы cookie, чтобы сайт работал лучше. Оставаясь на сайте, вы соглашаетесь с <a href="/privacy">политикой конфиденциальности</a>.</p><button class="uk-button uk-button-primary uk-button-small">Хорошо</button>
  </div>
  <div id="offcanvas-nav" uk-offcanvas="overlay: true"><div class="uk-offcanvas-bar"><ul class="uk-nav uk-nav-primary">
    <li><a href="/novosti">Новости</a></li><li><a href="/novosti/obshchestvo">Общество</a></li><li><a href="/novosti/gorod">Город</a></li><li><a href="/kaz/newskaz">Қазақша</a></li>
  </ul></div></div>
  <script>window.yaContextCb=window.yaContextCb||[];window.adfoxSettings={{ownerId:170322,params:{{pp:"g",ps:"drkl",p2:"hbqb"}}}};</script>
  <script src="https://yandex.ru/ads/system/context.js" async></script>
</div>
</body>
</html>
""", doctype_first=False)


@dataclass
class Article:
    file: str
    path: str
    lang: str
    title: str
    headline_ld: str  # the JSON-LD headline (may be truncated, as the site's template does)
    excerpt: str
    date_text: str  # '18 мая 2024, 13:05'
    iso: str
    section: str
    section_path: str
    author: str
    author_path: str
    views: int
    paragraphs: list[str]
    read_more: tuple[str, str] | None
    caption: str
    note: str
    fetched_at: str
    serve: bool = True


def article_page(a: Article) -> str:
    ui = UI[a.lang]
    url = ORIGIN + a.path
    image = f"{ORIGIN}/storage/images/{a.iso[:7].replace('-', '/')}/{a.path.rsplit('/', 1)[1][:24]}.jpg"
    ld = schema(
        "NewsArticle",
        headline=a.headline_ld,
        description=a.excerpt,
        image=image_object(image, width=1200, height=675),
        datePublished=a.iso,
        dateModified=a.iso,
        author={"@type": "Person", "name": a.author, "url": ORIGIN + a.author_path},
        publisher=organization("Informburo.kz", ORIGIN + "/themes/informburo/img/logo.png"),
        mainEntityOfPage=web_page(url),
    )
    head = f"""  <meta name="description" content="{esc(a.excerpt)}">
  <link rel="canonical" href="{url}">
  <link rel="amphtml" href="{ORIGIN}/amp{a.path}">
  <meta property="og:site_name" content="Informburo.kz">
  <meta property="og:type" content="article">
  <meta property="og:locale" content="{ui['locale']}">
  <meta property="og:title" content="{esc(a.title)}">
  <meta property="og:description" content="{esc(a.excerpt)}">
  <meta property="og:url" content="{url}">
  <meta property="og:image" content="{image}">
  <meta property="article:published_time" content="{a.iso}">
  <meta property="article:section" content="{esc(a.section)}">
  <script type="application/ld+json">{jsonld(ld)}</script>"""
    body = []
    for i, p in enumerate(a.paragraphs):
        body.append(f"            <p>{p}</p>")
        if a.read_more and i == 1:
            href, text = a.read_more
            body.append(
                f'            <div class="read-more uk-card uk-card-default uk-card-small uk-card-body"><span class="uk-text-meta">{ui["more"]}</span> '
                f'<a href="{href}">{esc(text)}</a></div>'
            )
    main = f"""          <ul class="uk-breadcrumb"><li><a href="{ui['prefix']}/">{ui['home']}</a></li><li><a href="{a.section_path}">{esc(a.section)}</a></li></ul>
          <article class="uk-article">
            <h1 class="uk-article-title">{esc(a.title)}</h1>
            <div class="article-meta uk-flex uk-flex-middle uk-flex-wrap">
              <time datetime="{a.iso}">{a.date_text}</time>
              <small class="uk-text-muted">&nbsp;|&nbsp;</small><a class="article-section uk-link-muted" href="{a.section_path}">{esc(a.section)}</a>
              <small class="uk-text-muted uk-margin-small-left"><span uk-icon="icon: eye; ratio: 0.8"></span> {a.views}</small>
              <a class="article-author uk-link-muted uk-margin-small-left" href="{a.author_path}">{esc(a.author)}</a>
            </div>
            <div class="article-excerpt uk-text-lead">{esc(a.excerpt)}</div>
            <figure class="article-image"><img src="{image}" alt="{esc(a.title)}"><figcaption class="uk-text-meta">{esc(a.caption)}</figcaption></figure>
            <div class="article">
{chr(10).join(body)}
            </div>
            <div class="article-tags uk-margin"><a class="uk-label" href="{a.section_path}">{esc(a.section)}</a></div>
            <div class="article-share"><span>{ui['share']}:</span> <a href="#" uk-icon="facebook"></a> <a href="#" uk-icon="telegram"></a> <a href="#" uk-icon="whatsapp"></a></div>
          </article>"""
    return shell(a.lang, f"{a.title} - Informburo.kz", head, main, a.note)


@dataclass
class Item:
    path: str
    title: str
    time: str


def list_page(lang: str, path: str, days: list[tuple[str, list[Item]]], note: str) -> str:
    ui = UI[lang]
    rows = []
    for heading, items in days:
        rows.append(f'              <li><h2 class="date-heading uk-h5 uk-margin-remove">{heading}</h2></li>')
        for item in items:
            thumb = item.path.rsplit("/", 1)[1][:20]
            rows.append(f"""              <li>
                <div class="uk-grid-small uk-flex-middle" uk-grid>
                  <div class="uk-width-auto"><a href="{item.path}"><img src="/storage/thumbs/{thumb}.jpg" width="96" height="64" alt=""></a></div>
                  <div class="uk-width-expand">
                    <a class="uk-link-heading" href="{item.path}">{esc(item.title)}<span class="article-icons" uk-icon="icon: camera; ratio: 0.7"></span></a>
                    <div><time class="article-time uk-text-meta">{item.time}</time></div>
                  </div>
                </div>
              </li>""")
    main = f"""          <h1 class="uk-heading-line"><span>{ui['news']}</span></h1>
          <ul class="uk-nav uk-nav-default news-feed">
{chr(10).join(rows)}
          </ul>
          <ul class="uk-pagination uk-flex-center"><li class="uk-active"><span>1</span></li><li><a href="{path}?page=2">2</a></li><li><a href="{path}?page=3">3</a></li><li><a href="{path}?page=2"><span uk-pagination-next></span></a></li></ul>"""
    head = f'  <link rel="canonical" href="{ORIGIN}{path}">\n  <meta name="description" content="{ui["news"]} Informburo.kz">'
    return shell(lang, f"{ui['news']} - Informburo.kz", head, main, note)


RU_MAMA = Article(
    file="ru-novosti-mama-posmotrite-siuda.html",
    path="/novosti/mama-posmotrite-siuda-togda-ia-uvidela-nozevoe-ranenie-o-smerti-serzata-polata-rasskazala-ego-mama",
    lang="ru",
    title="«Мама, посмотрите сюда. Тогда я увидела ножевое ранение»: о смерти Шерзата Полата рассказала его мама",
    headline_ld="«Мама, посмотрите сюда. Тогда я увидела ножевое ранение»: о смерти Шерзата...",
    excerpt="В Талдыкоргане продолжается суд по делу об убийстве 17-летнего Шерзата Полата",
    date_text="18 мая 2024, 13:05",
    iso="2024-05-18T13:05:00+05:00",
    section="Общество",
    section_path="/novosti/obshchestvo",
    author="Алия Иманбаева",
    author_path="/avtor/aliya-imanbaeva",
    views=4120,
    paragraphs=[
        "В суде Талдыкоргана допросили мать Шерзата Полата. Женщина рассказала, как узнала о нападении на сына у кафе в Алматинской области.",
        "По ее словам, ей позвонили друзья Шерзата и сказали, что он ранен. Когда она приехала в больницу, сын был уже без сознания.",
        "«Врач сказал: \"Мама, посмотрите сюда\". Тогда я увидела ножевое ранение. До этого мне говорили, что его просто избили», – сказала она в суде.",
        "Мать подростка также заявила, что Абдуллаев (один из подсудимых. – Авт.) угрожал их семье после задержания.",
        "На скамье подсудимых 11 человек. Им вменяют убийство, совершенное группой лиц, и хулиганство. Подсудимые свою вину в убийстве не признают.",
        "Следующее заседание назначено на 21 мая.",
    ],
    read_more=("/novosti/sud-po-delu-serzata-polata-nacalsya-v-taldykorgane", "Суд по делу Шерзата Полата начался в Талдыкоргане"),
    caption="Фото: Informburo.kz",
    note="informburo.kz/novosti article at the URL of the stored AMP copy in docs/evidence/site-evidence.md section 7 (whose text had no date); the date line '18 мая 2024, 13:05 | Общество' follows a reprint's header quoted there, inside div.article-meta time[datetime] as a public notebook reads it. The JSON-LD headline is truncated. Texts invented around the real case.",
    fetched_at="2024-05-18T20:00:00+05:00",
)

RU_BRT = Article(
    file="ru-novosti-v-almaty-zapustili-brt.html",
    path="/novosti/v-almaty-zapustili-vtoruyu-liniyu-brt-po-prospektu-raiymbeka",
    lang="ru",
    title="В Алматы запустили вторую линию BRT по проспекту Райымбека",
    headline_ld="В Алматы запустили вторую линию BRT по проспекту Райымбека",
    excerpt="Автобусы пойдут по выделенным полосам от Саина до Суюнбая",
    date_text="18 мая 2024, 16:20",
    iso="2024-05-18T16:20:00+05:00",
    section="Город",
    section_path="/novosti/gorod",
    author="Данияр Сериков",
    author_path="/avtor/daniyar-serikov",
    views=815,
    paragraphs=[
        "В Алматы 18 мая открыли движение по второй линии скоростного автобусного транспорта BRT на проспекте Райымбека.",
        "Длина линии – 12 километров, на ней построили 15 остановочных павильонов с подогревом и табло прибытия автобусов.",
        "В акимате ожидают, что время поездки от Саина до Суюнбая сократится с 55 до 35 минут.",
        "Стоимость проезда не изменится: 200 тенге при оплате транспортной картой.",
    ],
    read_more=None,
    caption="Фото: акимат Алматы",
    note="An informburo.kz/novosti article, constructed in the markup of ru-novosti-mama-posmotrite-siuda.html (invented story).",
    fetched_at="2024-05-18T20:00:00+05:00",
)

KK_REFERENDUM = Article(
    file="kk-newskaz-ork-referendum.html",
    path="/kaz/newskaz/ork-referendumnyn-qorytyndy-natizelerin-zariialady",
    lang="kk",
    title="ОСК референдумның қорытынды нәтижелерін жариялады",
    headline_ld="ОСК референдумның қорытынды нәтижелерін жариялады",
    excerpt="Дауыс бергендердің 71,12 пайызы АЭС салуды қолдады",
    date_text="8 қазан 2024, 12:40",
    iso="2024-10-08T12:40:00+05:00",
    section="Қоғам",
    section_path="/kaz/newskaz/qogam",
    author="Айгерім Тұрсын",
    author_path="/kaz/avtor/aigerim-tursyn",
    views=2390,
    paragraphs=[
        "Орталық сайлау комиссиясы 6 қазанда өткен республикалық референдумның қорытынды нәтижелерін жариялады.",
        "ОСК мәліметінше, референдумға 7,8 миллионнан астам адам қатысқан, бұл сайлаушылардың 63,66 пайызы.",
        "Атом электр станциясын салу мәселесін 71,12 пайыз азамат қолдаған, 26,15 пайызы қарсы дауыс берген.",
        "Комиссия төрағасы референдум заңнама талаптарына сай өткенін, шешімі бүкіл ел аумағында міндетті екенін айтты.",
    ],
    read_more=("/kaz/newskaz/referendum-qalai-otti", "Референдум қалай өтті: фоторепортаж"),
    caption="Фото: ОСК",
    note="informburo.kz Kazakh edition (/kaz/) at the URL of the stored AMP copy in docs/evidence/site-evidence.md section 7; date line, markup and text assumed as on the ru pages with Kazakh month names.",
    fetched_at="2024-10-08T19:00:00+05:00",
)

KK_BUS = Article(
    file="kk-newskaz-astanada-avtobus.html",
    path="/kaz/newskaz/astanada-zhana-avtobus-bagyttary-iske-qosyldy",
    lang="kk",
    title="Астанада жаңа автобус бағыттары іске қосылды",
    headline_ld="Астанада жаңа автобус бағыттары іске қосылды",
    excerpt="Жаңа бағыттар сол жағалаудағы тұрғын үй кешендерін орталықпен байланыстырады",
    date_text="7 қазан 2024, 18:10",
    iso="2024-10-07T18:10:00+05:00",
    section="Қоғам",
    section_path="/kaz/newskaz/qogam",
    author="Ерлан Жұмабек",
    author_path="/kaz/avtor/erlan-zhumabek",
    views=640,
    paragraphs=[
        "Астанада 7 қазаннан бастап үш жаңа автобус бағыты жұмыс істей бастады, деп хабарлады қалалық жолаушылар көлігі басқармасы.",
        "Жаңа бағыттар сол жағалаудағы тұрғын үй кешендерін теміржол вокзалымен және университеттермен байланыстырады.",
        "Әр бағытқа 12 автобустан шығарылды, қозғалыс аралығы – 10 минут.",
    ],
    read_more=None,
    caption="Фото: Астана әкімдігі",
    note="informburo.kz Kazakh edition, constructed (invented story); dated the day before the list's fetch, under its 'Кеше' heading.",
    fetched_at="2024-10-08T19:00:00+05:00",
)

ARTICLES = [RU_MAMA, RU_BRT, KK_REFERENDUM, KK_BUS]

LISTS = [
    (
        "ru-novosti.html",
        "ru",
        "/novosti",
        [
            ("Сегодня", [Item(RU_BRT.path, RU_BRT.title, "16:20"), Item(RU_MAMA.path, RU_MAMA.title, "13:05"),
                         *(Item(*i) for i in MORE_RU_TODAY)]),
            ("17 мая", [Item(*i) for i in MORE_RU_YESTERDAY]),
        ],
        "informburo.kz/novosti: ul.uk-nav-default > li with h2.date-heading day headings ('Сегодня', '17 мая') and items dated only by time.article-time, as docs/evidence/SITES.md describes; the title link holds an icon beside the title text. One old-style .html link.",
        "2024-05-18T20:00:00+05:00",
    ),
    (
        "kk-newskaz.html",
        "kk",
        "/kaz/newskaz",
        [
            ("Бүгін", [Item(KK_REFERENDUM.path, KK_REFERENDUM.title, "12:40"), *(Item(*i) for i in MORE_KK_TODAY)]),
            ("Кеше", [Item(KK_BUS.path, KK_BUS.title, "18:10"), *(Item(*i) for i in MORE_KK_YESTERDAY)]),
        ],
        "informburo.kz/kaz/newskaz, assumed to be the Kazakh news list (the Kazakh article URLs are /kaz/newskaz/<slug>) in the markup of the ru /novosti list, with Kazakh day headings 'Бүгін', 'Кеше'.",
        "2024-10-08T19:00:00+05:00",
    ),
]

def sitemap_index_page() -> str:
    note = (
        "informburo.kz/sitemap.xml, an index whose children are typed by a query (docs/evidence/SITES.md: children "
        "with 'type=articles'); only those are followed."
    )
    children = [
        ("https://informburo.kz/sitemap.xml?type=articles&amp;page=1", "2024-10-08T12:40:00+05:00"),
        ("https://informburo.kz/sitemap.xml?type=tags&amp;page=1", "2024-10-08T12:40:00+05:00"),
        ("https://informburo.kz/sitemap.xml?type=pages", "2023-02-01T10:00:00+06:00"),
    ]
    return sitemap_index(PAGES.comment(note), [[("loc", loc), ("lastmod", lastmod)] for loc, lastmod in children])


def sitemap_articles() -> str:
    note = (
        "the first 'type=articles' child of informburo.kz/sitemap.xml; ru and kk articles together, plus a tag page "
        "that is not an article."
    )
    urls = [[("loc", ORIGIN + a.path), ("lastmod", a.iso), ("changefreq", "never")] for a in ARTICLES]
    urls.append([("loc", f"{ORIGIN}/tag/referendum"), ("lastmod", "2024-10-08T12:40:00+05:00")])
    return urlset(PAGES.comment(note), urls)


ABOUT = (
    "Every informburo.kz page here is CONSTRUCTED by tests/tools/construct_informburo.py (no real HTML was "
    "available); each says at its top what it is modelled on. Evidence: docs/evidence/SITES.md row 7 and its scraper "
    "table (the /novosti list with day headings), docs/evidence/site-evidence.md section 7 (URLs, an editor's "
    "note, a reprint's date line). fetched_at is chosen after the newest item of each list, so that 'Сегодня' "
    "and 'Бүгін' name the articles' days. The sitemap index is served as a resource; its articles child is a case."
)


def build() -> dict[str, str]:
    pages, cases = {}, []
    for file, lang, path, days, note, fetched in LISTS:
        pages[file] = list_page(lang, path, days, note)
        cases.append(case(file, "list", ORIGIN + path, fetched))
    for a in ARTICLES:
        pages[a.file] = article_page(a)
        cases.append(case(a.file, "article", ORIGIN + a.path, a.fetched_at))
    pages["sitemap-index.xml"] = sitemap_index_page()
    pages["sitemap-articles-1.xml"] = sitemap_articles()
    cases.append(case("sitemap-articles-1.xml", "sitemap", ORIGIN + "/sitemap.xml?type=articles&page=1",
                      "2024-10-08T19:00:00+05:00"))
    resources = [resource(ORIGIN + "/sitemap.xml", "sitemap-index.xml", "2024-10-08T19:00:00+05:00")]
    pages["cases.json"] = cases_json("informburo", ABOUT, cases, resources)
    return pages


if __name__ == "__main__":
    PAGES.main(build)
