"""Builds the constructed zakon.kz fixture pages (tests/fixtures/sites/zakon/).

We have no real zakon.kz HTML. The pages are built from what is known (docs/evidence/SITES.md row 3,
docs/evidence/site-evidence.md section 3, the selectors of two public scrapers): the header with the trending
hashtag and the rubric above the title, the lead photo whose alt text, repeated as its caption, ends in '- Новости
Zakon.kz от 27.02.2026 09:12' followed by 'Фото: Zakon.kz' (the page's only timestamp), the lead in `.description`,
the text in `div.article__block div.content` followed by .willShare, .google-news-follow and .tags.newsTags, the
author block printing the avatar alt 'Фото Ирина Капитанова' and the name, JSON-LD whose articleBody is only the
lead. The list items are `div.newscard > a.newscard_link` (2025) and `.zmainCard_item` with time[datetime] (2023);
the "load more" endpoint answers JSON whose strings are HTML chunks of newscards. Assumed: the class names not
listed above, the JSON's field names, the absence of structured dates, the kk caption wording and list date words.

Run from the repository root: python tests/tools/construct_zakon.py  (rewrites the constructed files; --check
compares)
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.tools.pagebuilder import (
    Constructor,
    day_month_year,
    days_before,
    esc,
    jsonld,
    organization,
    rfc822,
    rss,
    schema,
    sitemap_index,
    urlset,
    web_page,
)

PAGES = Constructor("zakon")
ORIGINS = {"ru": "https://www.zakon.kz", "kk": "https://kaz.zakon.kz"}
RELATIVE = {"ru": ("сегодня", "вчера"), "kk": ("бүгін", "кеше")}
WORDS = {
    "ru": {
        "menu": [("/news/", "Новости"), ("/obshestvo/", "Общество"), ("/proisshestviia/", "Происшествия"),
                 ("/sobytiia/", "События"), ("/ekonomika/", "Экономика"), ("/finansy/", "Финансы"),
                 ("/pravo/", "Право"), ("/mnenie/", "Мнения")],
        "read_also": "Читайте также", "share": "Поделитесь новостью", "google": "Следите за новостями Zakon.kz в Google News",
        "error": "Нашли ошибку? Выделите текст и нажмите Ctrl+Enter", "photo": "Фото",
        "popular": "Самое читаемое", "more": "Показать еще", "news": "Новости", "caption": "Новости Zakon.kz от",
        "title_suffix": " - Новости Zakon.kz", "comments": "Комментарии",
    },
    "kk": {
        "menu": [("/news/", "Жаңалықтар"), ("/kogam-tynysy/", "Қоғам тынысы"), ("/okiga/", "Оқиға"),
                 ("/sayasat/", "Саясат"), ("/ekonomika/", "Экономика"), ("/kukyk/", "Құқық")],
        "read_also": "Оқи отырыңыз", "share": "Жаңалықпен бөлісіңіз", "google": "Zakon.kz жаңалықтарын Google News-тен оқыңыз",
        "error": "Беттегі қатені көрсеңіз, оны белгілеп, Ctrl+Enter басыңыз", "photo": "Сурет",
        "popular": "Көп оқылғандар", "more": "Тағы көрсету", "news": "Жаңалықтар", "caption": "Zakon.kz жаңалықтары",
        "title_suffix": " - Zakon.kz жаңалықтары", "comments": "Пікірлер",
    },
}


@dataclass
class Story:
    file: str
    lang: str
    path: str
    title: str
    lead: str
    paragraphs: list[str]  # HTML blocks of div.content before the share block
    published: str  # local ISO, +05:00
    rubric: tuple[str, str]  # (name, path)
    alt: str  # SEO keywords of the lead photo, before ' - Новости Zakon.kz от ...'
    credit: str  # 'Фото: Zakon.kz'
    image: str  # path under static.zakon.kz
    tags: list[str]
    author: tuple[str, str] | None = None  # (name, slug)
    hashtag: str = "#Референдум-2026"
    extra_blocks: list[str] = field(default_factory=list)

    @property
    def url(self) -> str:
        return ORIGINS[self.lang] + self.path

    @property
    def id(self) -> str:
        return self.path.rsplit("/", 1)[-1].split("-")[0]

    @property
    def stamp(self) -> str:
        return f"{datetime.fromisoformat(self.published):%d.%m.%Y %H:%M}"

    @property
    def caption(self) -> str:
        return f"{self.alt} - {WORDS[self.lang]['caption']} {self.stamp}"


def card_date(iso: str, lang: str, now: datetime, time_first: bool = False) -> str:
    """'сегодня, 13:51' / '13:51, сегодня' / '13:51, 15 августа 2025' as the list prints them."""
    value = datetime.fromisoformat(iso)
    today, yesterday = RELATIVE[lang]
    days = days_before(value, now)
    if days == 0:
        day = today
    elif days == 1 and not time_first:
        day = yesterday
    else:
        return f"{value:%H:%M}, {day_month_year(value, lang)}"
    return f"{value:%H:%M}, {day}" if time_first else f"{day}, {value:%H:%M}"


def header(lang: str) -> str:
    origin = ORIGINS[lang]
    menu = "\n".join(f'            <li class="menu__item"><a href="{origin}{path}">{name}</a></li>'
                     for path, name in WORDS[lang]["menu"])
    other = ("https://kaz.zakon.kz/", "ҚАЗ") if lang == "ru" else ("https://www.zakon.kz/", "РУС")
    return f"""<header class="header">
    <div class="header__top">
        <div class="header__rates"><span class="rate">USD 504.12</span> <span class="rate">EUR 526.80</span> <span class="rate">RUB 5.72</span></div>
        <div class="header__weather">Астана −9°C</div>
        <a class="header__lang" href="{other[0]}">{other[1]}</a>
    </div>
    <div class="header__main">
        <a class="header__logo" href="{origin}/"><img src="{origin}/img/logo.svg" alt="Zakon.kz"></a>
        <nav class="menu"><ul class="menu__list">
{menu}
        </ul></nav>
        <form class="header__search" action="{origin}/search/"><input type="text" name="qsearch"></form>
    </div>
</header>"""


def footer(lang: str) -> str:
    origin = ORIGINS[lang]
    return f"""<footer class="footer">
    <div class="footer__menu"><a href="{origin}/about/">О проекте</a> <a href="{origin}/advertising/">Реклама</a> <a href="{origin}/contacts/">Контакты</a> <a href="{origin}/rss.xml">RSS</a></div>
    <p class="footer__copy">© 2000–2026 Zakon.kz. При полном или частичном использовании материалов ссылка на Zakon.kz обязательна.</p>
</footer>
<script>(function(m,e,t,r,i){{m[i]=m[i]||function(){{(m[i].a=m[i].a||[]).push(arguments)}};}})(window,document,"script","https://mc.yandex.ru/metrika/tag.js","ym");ym(23483152,"init",{{clickmap:true}});</script>"""


STYLE = """<style>
        .article__title { font-size: 32px; font-weight: 700; margin: 8px 0 16px }
        .article__hashtag a { color: #c00; font-weight: 700 }
        .article__photo-caption { color: #777; font-size: 13px }
        .newscard { border-bottom: 1px solid #eee; padding: 10px 0 }
        .newscard__date { color: #999; font-size: 12px }
        .willShare, .google-news-follow { margin-top: 24px }
    </style>"""


def popular(lang: str, items, now: datetime) -> str:
    rows = "\n".join(
        f'        <li class="popular__item"><a href="{ORIGINS[lang]}{path}">{esc(title)}</a> '
        f'<span class="popular__date">{card_date(iso, lang, now, time_first=True)}</span></li>'
        for path, title, iso in items
    )
    return f"""<aside class="sidebar">
    <div class="banner" id="adfox_sidebar_1"></div>
    <div class="popular"><p class="popular__title">{WORDS[lang]['popular']}</p><ul class="popular__list">
{rows}
    </ul></div>
</aside>"""


def article_page(story: Story, now: datetime, sidebar, note: str) -> str:
    words = WORDS[story.lang]
    origin = ORIGINS[story.lang]
    image = f"https://static.zakon.kz/zakon_cache/{story.image}"
    ld_article = schema(
        "NewsArticle",
        mainEntityOfPage=web_page(story.url),
        headline=story.title,
        description=story.lead,
        articleBody=story.lead,
        image=[image],
        author=organization("Zakon.kz", url=origin + "/"),
        publisher=organization("Zakon.kz", "https://www.zakon.kz/img/logo.svg"),
        inLanguage=story.lang,
    )
    tags = " ".join(f'<a class="newsTags__item" href="{origin}/tags/{i}/">#{esc(t)}</a>' for i, t in enumerate(story.tags))
    author = ""
    if story.author:
        name, slug = story.author
        author = f"""            <div class="article__author">
                <img class="author__avatar" src="https://static.zakon.kz/authors/{slug}.jpg" alt="{words['photo']} {esc(name)}">
                <a class="author__name" href="{origin}/authors/{slug}/">{esc(name)}</a>
            </div>"""
    blocks = "\n".join(story.paragraphs)
    return PAGES.html(note, f"""<html lang="{story.lang}">
<head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{esc(story.title)}{words['title_suffix']}</title>
    <meta name="description" content="{esc(story.lead)}">
    <meta property="og:title" content="{esc(story.title)}{words['title_suffix']}">
    <meta property="og:description" content="{esc(story.lead)}">
    <meta property="og:image" content="{image}">
    <meta property="og:url" content="{story.url}">
    <meta property="og:type" content="article">
    <meta property="og:site_name" content="Zakon.kz">
    <meta name="twitter:card" content="summary_large_image">
    <link rel="canonical" href="{story.url}">
    <link rel="amphtml" href="{origin}/amp{story.path}">
    <link rel="alternate" type="application/rss+xml" title="Zakon.kz" href="https://www.zakon.kz/rss.xml">
    {STYLE}
    <script type="application/ld+json">{jsonld(ld_article)}</script>
</head>
<body>
{header(story.lang)}
<div class="container">
    <main class="main">
        <div class="article" data-id="{story.id}">
            <div class="article__hashtag"><a href="{origin}/tags/trend/">{esc(story.hashtag)}</a></div>
            <div class="article__rubric"><a href="{origin}{story.rubric[1]}">{esc(story.rubric[0])}</a></div>
            <h1 class="article__title">{esc(story.title)}</h1>
            <div class="article__block">
                <div class="article__photo">
                    <img class="article__photo-img" src="{image}" alt="{esc(story.caption)}" title="{esc(story.caption)}">
                    <div class="article__photo-caption"><span class="article__photo-alt">{esc(story.caption)}</span> <span class="article__photo-source">{esc(story.credit)}</span></div>
                </div>
                <div class="description"><p>{esc(story.lead)}</p></div>
                <div class="content">
{blocks}
                    <p class="article__error">{words['error']}</p>
                    <div class="willShare"><span>{words['share']}</span> <a class="share__item" href="https://wa.me/?text={story.url}">WhatsApp</a> <a class="share__item" href="https://t.me/share/url?url={story.url}">Telegram</a> <a class="share__item" href="https://www.facebook.com/sharer.php?u={story.url}">Facebook</a></div>
                    <div class="google-news-follow"><a href="https://news.google.com/publications/CAAqBwgKMNeQlQsw5J6sAw">{words['google']}</a></div>
                    <div class="tags newsTags">{tags}</div>
{author}
                </div>
            </div>
        </div>
        <div class="comments" data-lazy="1"><p class="comments__title">{words['comments']}</p></div>
    </main>
{popular(story.lang, sidebar, now)}
</div>
{footer(story.lang)}
</body>
</html>
""", doctype_first=False)


def p(text: str) -> str:
    return f"                    <p>{text}</p>"


def inline_news(lang: str, path: str, title: str) -> str:
    return (f'                    <div class="zakon-inline-news"><span class="zakon-inline-news__label">'
            f'{WORDS[lang]["read_also"]}</span> <a href="{ORIGINS[lang]}{path}">{title}</a></div>')


def figure(src: str, credit: str) -> str:
    return (f'                    <figure class="content__image"><img src="https://static.zakon.kz/zakon_cache/{src}" '
            f'alt=""><figcaption>{credit}</figcaption></figure>')


# --- stories ------------------------------------------------------------------------------------------------

RU_NOW = datetime.fromisoformat("2026-02-27T10:30:00+05:00")
KK_NOW = datetime.fromisoformat("2026-03-04T12:30:00+05:00")

RU_BLAST = Story(
    file="ru-6509315.html",
    lang="ru",
    path="/proisshestviia/6509315-poyavilis-kadry-moshchnogo-vzryva-i-pozhara-v-kafe-v-shchuchinske.html",
    title="Появились кадры мощного взрыва и пожара в кафе в Щучинске",
    lead="Утром 27 февраля в кафе на улице Абылай хана в Щучинске прогремел взрыв, после чего начался пожар. "
    "Момент происшествия попал на камеры видеонаблюдения, сообщает Zakon.kz.",
    paragraphs=[
        p("По данным ДЧС Акмолинской области, сообщение о пожаре поступило в 07:41. Когда прибыли первые "
          "подразделения, горела кровля одноэтажного здания, площадь пожара составила около 200 квадратных метров."),
        p("\"Пожар ликвидирован в 08:35. В результате взрыва пострадал один человек – сторож заведения, он "
          "доставлен в районную больницу с ожогами\", – сообщили в департаменте."),
        inline_news("ru", "/proisshestviia/6508871-vzryv-gaza-v-chastnom-dome-v-kostanae.html",
                    "Взрыв газа в частном доме произошел в Костанае"),
        figure("2026-02/27/kafe-shchuchinsk-2.jpg", "Фото: ДЧС Акмолинской области"),
        p("На опубликованных кадрах видно, как от взрыва выбивает витрины и входную дверь, а через несколько "
          "минут из-под крыши поднимается густой дым. Прохожих в этот момент рядом не было."),
        p("Предварительная причина – утечка бытового газа. Для установления точных обстоятельств назначена "
          "пожарно-техническая экспертиза, полиция начала досудебное расследование."),
    ],
    published="2026-02-27T09:12:00+05:00",
    rubric=("Происшествия", "/proisshestviia/"),
    alt="взрыв в кафе в Щучинске, пожар, кадры",
    credit="Фото: Zakon.kz",
    image="2026-02/27/kafe-shchuchinsk.jpg",
    tags=["Щучинск", "взрыв", "ДЧС"],
    author=("Ирина Капитанова", "irina-kapitanova"),
)

RU_BUSES = Story(
    file="ru-6509342.html",
    lang="ru",
    path="/6509342-v-astane-s-1-marta-izmenyat-skhemu-dvizheniya-avtobusov.html",
    title="В Астане с 1 марта изменят схему движения 12 автобусов",
    lead="С 1 марта в столице изменятся схемы движения двенадцати автобусных маршрутов в связи с открытием "
    "новой улицы в районе Есиль, передает корреспондент Zakon.kz.",
    paragraphs=[
        p("Как пояснили в управлении пассажирского транспорта Астаны, маршруты №10, 12, 21, 28 и 40 будут "
          "проходить по новой улице Улы Дала вместо проспекта Туран. Еще семь маршрутов продлят до нового "
          "жилого массива."),
        p("\"Изменения позволят сократить время в пути для жителей левого берега в среднем на 12 минут\", – "
          "отметили в управлении."),
        inline_news("ru", "/obshestvo/6507012-stoimost-proezda-v-astane-ne-izmenitsya.html",
                    "Стоимость проезда в Астане не изменится в 2026 году"),
        p("Обновленные схемы уже загружены в мобильные приложения \"Astana LRT\" и \"2ГИС\". На остановках "
          "разместят информационные таблички."),
        p("Стоимость проезда не меняется: 100 тенге при оплате транспортной картой и 120 тенге при оплате "
          "банковской картой."),
    ],
    published="2026-02-27T10:05:00+05:00",
    rubric=("Общество", "/obshestvo/"),
    alt="автобусы в Астане, общественный транспорт",
    credit="Фото: акимат Астаны",
    image="2026-02/27/avtobusy-astana.jpg",
    tags=["Астана", "общественный транспорт"],
    author=("Дамир Бекенов", "damir-bekenov"),
)

RU_ICE = Story(
    file="ru-6509270.html",
    lang="ru",
    path="/sobytiia/6509270-v-karagande-otkrylsya-novyy-ledovyy-dvorets.html",
    title="В Караганде открылся новый ледовый дворец на 3 тысячи мест",
    lead="В Караганде 26 февраля открылся ледовый дворец на три тысячи зрителей. Он станет домашней ареной "
    "хоккейного клуба \"Сарыарка\", сообщает Zakon.kz.",
    paragraphs=[
        p("Строительство арены шло два года. Помимо основной площадки, во дворце есть тренировочный лед, "
          "зал хореографии и медицинский блок."),
        p("В будние дни с 8:00 до 14:00 лед будет бесплатно предоставляться детско-юношеским спортивным школам "
          "города, сообщили в управлении физической культуры и спорта области."),
        p("Первый официальный матч на новой арене \"Сарыарка\" проведет 3 марта."),
    ],
    published="2026-02-26T21:40:00+05:00",
    rubric=("События", "/sobytiia/"),
    alt="ледовый дворец Караганда, хоккей",
    credit="Фото: акимат Карагандинской области",
    image="2026-02/26/ledovyy-dvorets.jpg",
    tags=["Караганда", "хоккей"],
)

KK_VANDALS = Story(
    file="kk-6077618.html",
    lang="kk",
    path="/kogam-tynysy/6077618-almaty-oblysynda-eskertkshke-nsan-keltrgen-vandaldardy-politsiya-zdestrp-zhatyr.html",
    title="Алматы облысында ескерткішке нұқсан келтірген вандалдарды полиция іздестіріп жатыр",
    lead="Алматы облысы Қарасай ауданында Ұлы Отан соғысы ардагерлеріне арналған ескерткішке нұқсан "
    "келтірілді, деп хабарлайды Zakon.kz.",
    paragraphs=[
        p("Облыстық полиция департаментінің мәліметінше, белгісіз адамдар ескерткіштің қоршауын бұзып, "
          "тақтайшаларына бояумен жазу жазған. Оқиға 3 наурызға қараған түні болған."),
        p("Фактісі бойынша Қылмыстық кодекстің \"Бүлдіру\" бабымен сотқа дейінгі тергеп-тексеру басталды. "
          "Полиция аумақтағы бейнебақылау камераларының жазбаларын зерттеп жатыр."),
        inline_news("kk", "/kogam-tynysy/6076904-taldykorganda-sayabaktagy-oryndyktardy-buzgan-zhasostar-ustaldy.html",
                    "Талдықорғанда саябақтағы орындықтарды бұзған жасөспірімдер ұсталды"),
        p("Еске салсақ, 2026 жылғы 2 наурызда Қонаев қаласында да осындай оқиға тіркелген еді."),
        p("Полиция оқиға туралы ақпараты барларды 102 нөміріне хабарласуға шақырды."),
        p("Жаңалықтар телефоныңда – Zakon.kz Telegram арнасына жазылыңыз"),
    ],
    published="2026-03-04T11:20:00+05:00",
    rubric=("Қоғам тынысы", "/kogam-tynysy/"),
    alt="ескерткішке нұқсан келтірілді, Алматы облысы",
    credit="Сурет: Алматы облысы ПД",
    image="2026-03/04/eskertkish.jpg",
    tags=["Алматы облысы", "полиция"],
    author=("Ақмарал Жұмабек", "akmaral-zhumabek"),
    hashtag="#Референдум-2026",
)

KK_FIRE = Story(
    file="kk-6077655.html",
    lang="kk",
    path="/okiga/6077655-karagandyda-kop-kabatty-uydin-zhertolesinde-ort-shykty.html",
    title="Қарағандыда көп қабатты үйдің жертөлесінде өрт шықты",
    lead="Қарағанды қаласында тоғыз қабатты тұрғын үйдің жертөлесінде өрт шығып, 25 адам эвакуацияланды, "
    "деп хабарлайды Zakon.kz.",
    paragraphs=[
        p("Облыстық төтенше жағдайлар департаментінің хабарлауынша, өрт туралы хабарлама сағат 10:52-де түскен. "
          "Жертөледегі ескі жиһаз бен қоқыс жанған, өрт аумағы 30 шаршы метрді құрады."),
        p("Өрт сөндірушілер түтінге толған подъезден 25 адамды, оның ішінде 6 баланы шығарды. Зардап "
          "шеккендер жоқ."),
        p("Айта кетейік, ТЖД тұрғындарды жертөлелер мен баспалдақ алаңдарында заттар сақтамауға шақырады."),
    ],
    published="2026-03-04T12:05:00+05:00",
    rubric=("Оқиға", "/okiga/"),
    alt="Қарағандыда өрт, жертөле",
    credit="Сурет: Қарағанды облысы ТЖД",
    image="2026-03/04/karaganda-ort.jpg",
    tags=["Қарағанды", "өрт"],
)

RU_OTHERS = [
    ("/ekonomika/6509338-natsbank-sokhranil-bazovuyu-stavku.html", "Нацбанк сохранил базовую ставку на уровне 18%",
     "2026-02-27T09:58:00+05:00"),
    ("/pravo/6509329-v-mazhilise-odobrili-popravki-o-kollektorah.html", "В Мажилисе одобрили поправки о коллекторах",
     "2026-02-27T09:40:00+05:00"),
    ("/obshestvo/6509301-kakaya-pogoda-ozhidaetsya-v-vyhodnye.html", "Какая погода ожидается в Казахстане в выходные",
     "2026-02-27T08:55:00+05:00"),
    ("/sobytiia/6509288-v-almaty-proshel-reyd-po-obmennikam.html", "В Алматы прошел рейд по обменным пунктам",
     "2026-02-26T23:47:00+05:00"),
]
RU_MORE = [
    ("/finansy/6509262-kurs-tenge-na-vechernih-torgah-26-fevralya.html", "Курс тенге на вечерних торгах 26 февраля",
     "2026-02-26T19:02:00+05:00"),
    ("/obshestvo/6509231-v-shymkente-otkroyut-tri-novyh-shkoly.html", "В Шымкенте откроют три новых школы",
     "2026-02-26T17:35:00+05:00"),
    ("/proisshestviia/6509219-dtp-s-avtobusom-na-trasse-astana-karaganda.html",
     "ДТП с автобусом на трассе Астана – Караганда: есть пострадавшие", "2026-02-26T16:48:00+05:00"),
]
KK_OTHERS = [
    ("/sayasat/6077640-senat-zhana-zandy-makuldady.html", "Сенат жер қатынастары туралы заңды мақұлдады",
     "2026-03-04T11:45:00+05:00"),
    ("/ekonomika/6077601-tenge-bagamy-4-nauryz.html", "Теңге бағамы: 4 наурыздағы сауда қорытындысы",
     "2026-03-04T10:30:00+05:00"),
    ("/kogam-tynysy/6077572-astanada-kar-tazalau-zhumystary-zhurip-zhatyr.html",
     "Астанада қар тазалау жұмыстары жүріп жатыр", "2026-03-03T22:15:00+05:00"),
]


def item(story: Story) -> tuple[str, str, str]:
    return story.path, story.title, story.published


def newscard(lang: str, entry: tuple[str, str, str], now: datetime, time_first: bool = False) -> str:
    path, title, iso = entry
    return (f'<div class="newscard"><a class="newscard_link" href="{path}">'
            f'<div class="newscard__img"><img src="https://static.zakon.kz/zakon_cache/thumbs/{path.split("/")[-1][:7]}.jpg" alt="" loading="lazy"></div>'
            f'<div class="newscard__content"><div class="newscard__title">{esc(title)}</div>'
            f'<span class="newscard__date">{card_date(iso, lang, now, time_first)}</span></div></a></div>')


def news_page(lang: str, entries, now: datetime, note: str, sidebar) -> str:
    origin = ORIGINS[lang]
    words = WORDS[lang]
    cards = "\n".join("                " + newscard(lang, e, now) for e in entries)
    title = "Новости Казахстана и мира сегодня - Zakon.kz" if lang == "ru" else "Қазақстан мен әлем жаңалықтары - Zakon.kz"
    return PAGES.html(note, f"""<html lang="{lang}">
<head>
    <meta charset="utf-8">
    <title>{title}</title>
    <meta name="description" content="{title}">
    <meta property="og:title" content="{title}">
    <meta property="og:url" content="{origin}/news/">
    <link rel="canonical" href="{origin}/news/">
    <link rel="alternate" type="application/rss+xml" title="Zakon.kz" href="https://www.zakon.kz/rss.xml">
    {STYLE}
</head>
<body>
{header(lang)}
<div class="container">
    <main class="main">
        <h1 class="page__title">{words['news']}</h1>
        <div class="newsList" id="newsList">
{cards}
        </div>
        <button class="loadMoreNews" type="button" data-url="/news/?handler=LoadMoreNews&amp;type=list" data-page="1">{words['more']}</button>
    </main>
{popular(lang, sidebar, now)}
</div>
{footer(lang)}
<script>
document.querySelector('.loadMoreNews').addEventListener('click', function () {{
    var button = this, page = +button.dataset.page;
    fetch(button.dataset.url + '&p=' + page).then(function (r) {{ return r.json(); }}).then(function (data) {{
        document.getElementById('newsList').insertAdjacentHTML('beforeend', data.data.items.join(''));
        button.dataset.page = page + 1;
        if (!data.data.hasMore) button.remove();
    }});
}});
</script>
</body>
</html>
""", doctype_first=False)


def news_page_2023(note: str) -> str:
    now = datetime.fromisoformat("2023-11-10T12:00:00+06:00")
    entries = [
        ("/obshestvo/6412874-v-astane-otkryli-novyy-most-cherez-esil.html", "В Астане открыли новый мост через Есиль",
         "2023-11-10T11:42:00+06:00"),
        ("/proisshestviia/6412851-pozhar-v-mnogoetazhke-almaty.html", "Пожар в многоэтажке Алматы: эвакуированы 40 человек",
         "2023-11-10T10:15:00+06:00"),
        ("/ekonomika/6412790-inflyatsiya-v-kazakhstane-zamedlilas.html", "Инфляция в Казахстане замедлилась до 10,8%",
         "2023-11-09T18:30:00+06:00"),
    ]
    items = "\n".join(
        f"""            <div class="zmainCard_item">
                <a class="zmainCard_link" href="{path}"><div class="zmainCard_img"><img src="https://static.zakon.kz/zakon_cache/thumbs/{path.split('/')[-1][:7]}.jpg" alt=""></div>
                <div class="zmainCard_title">{esc(title)}</div></a>
                <time class="zmainCard_date" datetime="{iso}">{card_date(iso, 'ru', now)}</time>
            </div>"""
        for path, title, iso in entries
    )
    return PAGES.html(note, f"""<html lang="ru">
<head>
    <meta charset="utf-8">
    <title>Новости Казахстана и мира сегодня - Zakon.kz</title>
    <link rel="canonical" href="https://www.zakon.kz/news/">
</head>
<body>
<header class="zheader"><a class="zheader__logo" href="https://www.zakon.kz/">Zakon.kz</a>
<nav class="zheader__menu"><a href="https://www.zakon.kz/news/">Новости</a> <a href="https://www.zakon.kz/obshestvo/">Общество</a> <a href="https://www.zakon.kz/proisshestviia/">Происшествия</a></nav></header>
<div class="zcontainer">
    <div class="zmainCard">
{items}
    </div>
</div>
<footer class="zfooter">© 2000–2023 Zakon.kz</footer>
</body>
</html>
""", doctype_first=False)


def load_more_json(entries, now: datetime, page: int) -> str:
    payload = {
        "success": True,
        "data": {
            "items": [newscard("ru", e, now, time_first=True) for e in entries],
            "page": page,
            "hasMore": True,
        },
    }
    return json.dumps(payload, ensure_ascii=False)


def rss_feed(stories, others, note: str) -> str:
    entries = [*((s.path, s.title, s.published, s.lead, s.rubric[0]) for s in stories), *others]
    items = [
        [
            ("title", esc(title)),
            ("link", ORIGINS["ru"] + path),
            ('guid isPermaLink="true"', ORIGINS["ru"] + path),
            ("pubDate", rfc822(datetime.fromisoformat(iso))),
            ("category", esc(category)),
            ("description", esc(description)),
        ]
        for path, title, iso, description, category in sorted(entries, key=lambda e: e[2], reverse=True)
    ]
    channel = [
        ("title", "Zakon.kz"),
        ("link", "https://www.zakon.kz/"),
        ("description", "Новости Казахстана и мира"),
        ("language", "ru"),
        '<atom:link href="https://www.zakon.kz/rss.xml" rel="self" type="application/rss+xml"/>',
    ]
    return rss(PAGES.comment(note), channel, items, namespaces='xmlns:atom="http://www.w3.org/2005/Atom"')


def news_sitemap_index(note: str) -> str:
    children = [(650, "2026-02-27T10:20:00+05:00"), (649, "2026-02-19T08:15:00+05:00"), (648, "2026-02-09T22:40:00+05:00")]
    return sitemap_index(PAGES.comment(note), [[("loc", f"https://www.zakon.kz/sitemap/{n}.xml"), ("lastmod", lastmod)]
                                               for n, lastmod in children])


def sitemap_649(note: str) -> str:
    urls = [
        ("/obshestvo/6499987-v-almaty-zapustili-novyy-marshrut-brt.html", "2026-02-19T08:10:00+05:00"),
        ("/proisshestviia/6499954-pozhar-na-sklade-v-aktobe.html", "2026-02-19T06:45:00+05:00"),
        ("/6499921-itogi-zasedaniya-pravitelstva-18-fevralya.html", "2026-02-18T18:30:00+05:00"),
    ]
    return urlset(PAGES.comment(note), [[("loc", f"https://www.zakon.kz{path}"), ("lastmod", lastmod)]
                                        for path, lastmod in urls])


def build() -> dict[str, str]:
    pages: dict[str, str] = {}
    note = (
        "zakon.kz article page built from docs/evidence/SITES.md row 3, docs/evidence/site-evidence.md section 3 and "
        "public scrapers' selectors: hashtag and rubric lines above the title, the lead photo's alt/caption "
        "'<keywords> - Новости Zakon.kz от DD.MM.YYYY HH:MM' + 'Фото: ...' as the only timestamp, .description + "
        "div.article__block div.content, .willShare / .google-news-follow / .tags.newsTags, the author block with "
        "the avatar alt 'Фото <name>', JSON-LD whose articleBody is the lead only. Assumed: other class names; no "
        "structured dates."
    )
    ru_sidebar = [item(RU_ICE), RU_OTHERS[0][:3], RU_MORE[2][:3]]
    for story in (RU_BLAST, RU_BUSES, RU_ICE):
        pages[story.file] = article_page(story, RU_NOW, ru_sidebar, note)
    kk_note = note + " kaz.zakon.kz: the caption wording '- Zakon.kz жаңалықтары DD.MM.YYYY HH:MM' is assumed."
    kk_sidebar = [KK_OTHERS[0], KK_OTHERS[2]]
    for story in (KK_VANDALS, KK_FIRE):
        pages[story.file] = article_page(story, KK_NOW, kk_sidebar, kk_note)

    ru_entries = [item(RU_BUSES), RU_OTHERS[0], RU_OTHERS[1], item(RU_BLAST), RU_OTHERS[2], RU_OTHERS[3]]
    pages["ru-news.html"] = news_page(
        "ru", ru_entries, RU_NOW,
        "www.zakon.kz/news/ in the 2025 newscard markup (div.newscard > a.newscard_link, .newscard__title, "
        "span.newscard__date 'сегодня, 13:51'); after midnight it still lists yesterday's items. The "
        "'Показать еще' button loads /news/?handler=LoadMoreNews&p=1&type=list (first page number assumed).",
        ru_sidebar,
    )
    kk_entries = [item(KK_FIRE), KK_OTHERS[0], item(KK_VANDALS), KK_OTHERS[1], KK_OTHERS[2]]
    pages["kk-news.html"] = news_page(
        "kk", kk_entries, KK_NOW,
        "kaz.zakon.kz/news/ in the 2025 newscard markup; the kk date words ('бүгін, 12:05', 'кеше, 22:15') are "
        "assumed.",
        kk_sidebar,
    )
    pages["ru-loadmore-p1.json"] = load_more_json([item(RU_ICE), *RU_MORE], RU_NOW, 1) + "\n"
    pages["ru-news-2023.html"] = news_page_2023(
        "www.zakon.kz/news/ in the 2023 markup (.zmainCard_item with time[datetime]) per docs/evidence/SITES.md; "
        "the rest of the page is reduced to its frame.")
    pages["ru-rss.xml"] = rss_feed(
        [RU_BUSES, RU_BLAST],
        [(*RU_OTHERS[0], "Национальный банк Казахстана сохранил базовую ставку на уровне 18% годовых.", "Экономика")],
        "www.zakon.kz/rss.xml (linked as rel=alternate from the site's pages), RSS 2.0; items assumed.",
    )
    pages["ru-sitemap-index.xml"] = news_sitemap_index(
        "www.zakon.kz/sitemap/index.xml with numeric children N.xml (docs/evidence/SITES.md); lastmods assumed.")
    pages["ru-sitemap-649.xml"] = sitemap_649(
        "www.zakon.kz/sitemap/649.xml, a child of the index (ids 6490000-6499999; content assumed).")
    return pages


if __name__ == "__main__":
    PAGES.main(build)
