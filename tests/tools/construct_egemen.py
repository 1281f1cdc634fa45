"""Builds the constructed egemen.kz fixture pages (tests/fixtures/sites/egemen/) for its four editions.

No real HTML of egemen.kz was available. What the pages take from the evidence (docs/evidence/site-evidence.md
section 13, docs/evidence/SITES.md row 12): the header '[Rubric • ]DD <Kazakh month>, YYYY' before the title
('Сұхбат • 21 Ақпан, 2025', 'Oqıǵa • 04 Shilde, 2022'), the counters split over lines after the title ('4236 рет /
көрсетілді / 24 мин / оқу үшін', '252 ret / kórsetildi / 1 mın / oqý úshin'), the title repeated as the image
caption, 'Sońǵy jańalyqtar' and 'Tolyǵymen', the attribution 'dep habarlaıdy Egemen.kz.', the collage credit, the
URL form /article/<id>-<slug> with slugs cut at 80 characters in the site's transliteration ('qazaqstannynh',
'taghy'), the lat. story 317103 and 'Бүгін, 14:30' on lists. lat.egemen.kz prints Kazakh in the 2018 Latin alphabet
with acute accents (as the evidence strings show); its pages are made here by transliterating Cyrillic text with
that alphabet. Assumed: all markup and class names, the JSON-LD without an offset, and everything on ru. and en. (no
stored page shows them). The stories are written for the fixtures; the people in them are invented.

Run from the repository root: python tests/tools/construct_egemen.py  (rewrites the constructed files; --check
compares)
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.tools.pagebuilder import (
    Constructor,
    esc,
    jsonld,
    organization,
    schema,
    urlset,
)

PAGES = Constructor("egemen")

# Kazakh Cyrillic -> the 2018 Latin alphabet lat.egemen.kz prints ('Oqıǵa', 'Sáýir', 'habarlaıdy', 'mın').
_LATIN = {
    "а": "a", "ә": "á", "б": "b", "в": "v", "г": "g", "ғ": "ǵ", "д": "d", "е": "e", "ё": "ıo", "ж": "j", "з": "z",
    "и": "ı", "й": "ı", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n", "ң": "ń", "о": "o", "ө": "ó", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "ý", "ұ": "u", "ү": "ú", "ф": "f", "х": "h", "һ": "h", "ц": "ts", "ч": "ch",
    "ш": "sh", "щ": "sh", "ъ": "", "ы": "y", "і": "i", "ь": "", "э": "e", "ю": "ıý", "я": "ıa",
}
# Cyrillic -> the ASCII of the site's URL slugs ('qazaqstannynh', 'enhbek', 'taghy', 'kishkentay', 'zhumadildaev').
_SLUG = {
    "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "gh", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n", "ң": "nh", "о": "o", "ө": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f", "х": "kh", "һ": "h", "ц": "ts", "ч": "ch",
    "ш": "sh", "щ": "sch", "ъ": "", "ы": "y", "і": "i", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}


def latin(text: str) -> str:
    out = []
    for char in text:
        low = char.lower()
        if low not in _LATIN:
            out.append(char)
            continue
        value = _LATIN[low]
        out.append(value[:1].upper() + value[1:] if char != low and value else value)
    return "".join(out)


def slug(text: str) -> str:
    ascii_text = "".join(_SLUG.get(c, c) for c in text.lower())
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:80].rstrip("-")


UI = {
    "kk": {"origin": "https://egemen.kz", "lang": "kk", "most_read": "Көп оқылған", "address": "Астана қ., Мәңгілік Ел даңғылы, 8, «Egemen Qazaqstan» республикалық газеті", "footer_links": ["Редакция", "Жарнама", "Жазылу", "Газет мұрағаты", "Байланыс", "Құпиялылық саясаты"],
           "latest": "Соңғы жаңалықтар", "more": "Толығымен",
           "menu": ["Басты бет", "Саясат", "Экономика", "Қоғам", "Руханият", "Сұхбат", "Спорт", "Аймақтар"],
           "views": ("рет", "көрсетілді"), "read": ("мин", "оқу үшін"), "share": "Бөлісу", "tags": "Тегтер",
           "footer": "© 2025 «Egemen Qazaqstan» РГ» АҚ. Сайт материалдарын пайдаланғанда сілтеме міндетті."},
    "kk-latn": {"origin": "https://lat.egemen.kz", "lang": "kk", "most_read": "Kóp oqylǵan", "address": "Astana q., Máńgilik El dańǵyly, 8, «Egemen Qazaqstan» respýblıkalyq gazeti", "footer_links": ["Redaktsııa", "Jarnama", "Jazylý", "Gazet muraǵaty", "Baılanys", "Qupııalylyq saıasaty"],
                "latest": "Sońǵy jańalyqtar", "more": "Tolyǵymen",
                "menu": ["Basty bet", "Saıasat", "Ekonomıka", "Qoǵam", "Rýhanııat", "Suhbat", "Sport", "Aımaqtar"],
                "views": ("ret", "kórsetildi"), "read": ("mın", "oqý úshin"), "share": "Bólisý", "tags": "Tegter",
                "footer": "© 2022 «Egemen Qazaqstan» RG» AQ. Saıt materıaldaryn paıdalanǵanda silteme mindetti."},
    "ru": {"origin": "https://ru.egemen.kz", "lang": "ru", "most_read": "Самое читаемое", "address": "г. Астана, проспект Мангилик Ел, 8, республиканская газета «Egemen Qazaqstan»", "footer_links": ["Редакция", "Реклама", "Подписка", "Архив газеты", "Контакты", "Политика конфиденциальности"],
           "latest": "Последние новости", "more": "Подробнее",
           "menu": ["Главная", "Политика", "Экономика", "Общество", "Культура", "Интервью", "Спорт", "Регионы"],
           "views": ("просмотров", ""), "read": ("мин", "на чтение"), "share": "Поделиться", "tags": "Теги",
           "footer": "© 2025 АО «РГ «Egemen Qazaqstan». При использовании материалов ссылка обязательна."},
    "en": {"origin": "https://en.egemen.kz", "lang": "en", "most_read": "Most read", "address": "8 Mangilik El Avenue, Astana, Egemen Qazaqstan national newspaper", "footer_links": ["Editorial board", "Advertising", "Subscription", "Newspaper archive", "Contacts", "Privacy policy"],
           "latest": "Latest news", "more": "Read more",
           "menu": ["Home", "Politics", "Economy", "Society", "Culture", "Interview", "Sports", "Regions"],
           "views": ("views", ""), "read": ("min", "read"), "share": "Share", "tags": "Tags",
           "footer": "© 2025 Egemen Qazaqstan JSC. Reference to the source is required."},
}

# Headlines of the "latest news" sidebar (Cyrillic for both Kazakh editions; lat. prints them transliterated).
_LATEST_KK = [
    "Елордада күн жылынады",
    "Футболдан ұлттық құрама жаңа бапкерді таныстырды",
    "Шымкентте жаңа мектеп салынады",
    "Ақтөбеде жаңа әуежай терминалы салынады",
    "Президент шетелдік инвесторлармен кездесті",
    "Қарағандыда жаңа аурухана салынады",
    "Ұлттық банк алтын-валюта резерві туралы мәлімдеді",
    "Түркістан облысында жаңа жылыжай кешені ашылды",
]
_LATEST = {
    "kk": _LATEST_KK,
    "kk-latn": _LATEST_KK,
    "ru": [
        "В Астане потеплеет до плюс пяти",
        "Сборная по футболу представила нового тренера",
        "В Шымкенте построят новую школу",
        "В Актобе построят новый терминал аэропорта",
        "Президент встретился с иностранными инвесторами",
        "В Караганде построят новую больницу",
        "Нацбанк сообщил о золотовалютных резервах",
        "В Туркестанской области открыли тепличный комплекс",
    ],
    "en": [
        "Astana weather to warm up",
        "National football team introduces new coach",
        "New school to be built in Shymkent",
        "New airport terminal to be built in Aktobe",
        "President meets foreign investors",
        "New hospital to be built in Karaganda",
        "National Bank reports on gold and currency reserves",
        "New greenhouse complex opens in Turkistan region",
    ],
}
_FIRST_ID = {"kk": 382230, "kk-latn": 317120, "ru": 51244, "en": 9131}
_FIRST_TIME = {"kk": (17, 10), "kk-latn": (17, 40), "ru": (17, 10), "en": (17, 10)}


def _sidebar(edition: str) -> list[tuple[str, str, str]]:
    items = []
    hour, minute = _FIRST_TIME[edition]
    for n, headline in enumerate(_LATEST[edition]):
        tail = slug(headline) if edition in ("kk", "kk-latn", "ru") else re.sub(r"[^a-z0-9]+", "-", headline.lower()).strip("-")
        shown = latin(headline) if edition == "kk-latn" else headline
        total = hour * 60 + minute - 47 * n
        items.append((f"/article/{_FIRST_ID[edition] - 2 * n}-{tail}", shown, f"{total // 60:02d}:{total % 60:02d}"))
    return items


SIDEBAR = {edition: _sidebar(edition) for edition in _LATEST}


@dataclass
class Article:
    edition: str
    id: int
    title: str  # Cyrillic for kk-latn (transliterated when built)
    rubric: str
    rubric_path: str
    date: str  # the header date as printed
    ld_date: str  # JSON-LD datePublished, no offset
    views: int
    minutes: int
    lead: str
    paragraphs: list[str]
    author: str = ""
    tags: list[str] = field(default_factory=list)
    caption_repeats_title: bool = False
    slug_source: str = ""  # text the URL slug is made from (default: the title)
    note: str = ""

    @property
    def ui(self) -> dict:
        return UI[self.edition]

    def text(self, value: str) -> str:
        return latin(value) if self.edition == "kk-latn" else value

    @property
    def path(self) -> str:
        source = self.slug_source or self.title
        tail = slug(source) if re.search("[а-яәғқңөұүһі]", source.lower()) else re.sub(r"[^a-z0-9]+", "-", source.lower()).strip("-")[:80]
        return f"/article/{self.id}-{tail}"

    @property
    def file(self) -> str:
        return f"{self.edition}-article-{self.id}.html"

    @property
    def url(self) -> str:
        return self.ui["origin"] + self.path


def page(edition: str, title: str, url: str, head_extra: str, main: str, note: str) -> str:
    ui = UI[edition]
    menu = "".join(f'<li><a href="/category/{i}">{esc(m)}</a></li>' for i, m in enumerate(ui["menu"], start=1))
    latest = "".join(
        f'<li><span class="time">{t}</span> <a href="{p}">{esc(x)}</a></li>' for p, x, t in SIDEBAR[edition]
    )
    most_read = "".join(f'<li><a href="{p}">{esc(x)}</a></li>' for p, x, _ in reversed(SIDEBAR[edition][2:]))
    footer_links = "".join(f'<li><a href="/page/{i}">{esc(x)}</a></li>' for i, x in enumerate(ui["footer_links"], start=1))
    html_lang = {"kk": "kk", "kk-latn": "kk-Latn", "ru": "ru", "en": "en"}[edition]
    return PAGES.html(f"no real egemen.kz HTML was available. {note}", f"""<html lang="{html_lang}">
<head>
  <meta charset="UTF-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="csrf-token" content="mB8x0Qe7o2VvRk0yYkq1nZ8cJd3tWfLs">
  <title>{esc(title)}</title>
  <link rel="icon" href="/favicon.ico">
  <link rel="stylesheet" href="/css/app.css?id=4f1c2b7e9a">
{head_extra}  <script async src="https://www.googletagmanager.com/gtag/js?id=G-EGMN21"></script>
</head>
<body>
  <header class="header">
    <div class="top-line">
      <div class="langs"><a href="https://egemen.kz">Қаз</a><a href="https://lat.egemen.kz">Qaz</a><a href="https://ru.egemen.kz">Рус</a><a href="https://en.egemen.kz">Eng</a><a href="https://ar.egemen.kz">توتە</a></div>
      <div class="currency"><span>USD 503.12</span><span>EUR 524.60</span><span>RUB 5.68</span></div>
    </div>
    <a class="logo" href="/"><img src="/img/logo.svg" alt="Egemen Qazaqstan"></a>
    <nav class="menu"><ul>{menu}</ul></nav>
  </header>
  <div class="container">
    <div class="row">
      <div class="col-md-8">
{main}
      </div>
      <div class="col-md-4">
        <div class="last-news"><h3>{ui['latest']}</h3><ul>{latest}</ul></div>
        <div class="most-read"><h3>{ui['most_read']}</h3><ol>{most_read}</ol></div>
        <div class="banner"><a href="https://egemen.kz/podpiska"><img src="/img/banners/podpiska.jpg" alt=""></a></div>
      </div>
    </div>
  </div>
  <footer class="footer">
    <div class="footer-logo"><img src="/img/logo-white.svg" alt="Egemen Qazaqstan"></div>
    <ul class="footer-menu">{footer_links}</ul>
    <div class="footer-contacts"><p>{esc(ui['address'])}</p><p>+7 (7172) 79-73-01 · info@egemen.kz</p></div>
    <div class="footer-social"><a href="https://t.me/egemenkz">Telegram</a> <a href="https://www.facebook.com/egemen.kz">Facebook</a> <a href="https://www.instagram.com/egemen.kz">Instagram</a> <a href="https://www.youtube.com/@egemenkz">YouTube</a></div>
    <p class="copyright">{esc(ui['footer'])}</p>
  </footer>
  <script src="/js/app.js?id=9c2d4e1f"></script>
  <script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}} gtag('js', new Date()); gtag('config', 'G-EGMN21');</script>
  <script>(function(m,e,t,r,i,k,a){{m[i]=m[i]||function(){{(m[i].a=m[i].a||[]).push(arguments)}}; m[i].l=1*new Date(); k=e.createElement(t),a=e.getElementsByTagName(t)[0],k.async=1,k.src=r,a.parentNode.insertBefore(k,a)}})(window, document, "script", "https://mc.yandex.ru/metrika/tag.js", "ym"); ym(42960504, "init", {{clickmap:true, trackLinks:true, accurateTrackBounce:true}});</script>
</body>
</html>
""")


def build_article(a: Article) -> str:
    ui = a.ui
    title = a.text(a.title)
    image = f"{ui['origin']}/uploads/2025/{a.id}/main.jpg"
    views_word, views_line2 = ui["views"]
    read_word, read_line2 = ui["read"]
    views = f"<span>{a.views} {views_word}</span>" + (f"<br><span>{views_line2}</span>" if views_line2 else "")
    read = f"<span>{a.minutes} {read_word}</span>" + (f"<br><span>{read_line2}</span>" if read_line2 else "")
    rubric = f'<a class="category" href="{a.rubric_path}">{esc(a.text(a.rubric))}</a> • ' if a.rubric else ""
    caption = f'<div class="img-caption">{esc(title)}</div>' if a.caption_repeats_title else ""
    paragraphs = "\n".join(f"<p>{esc(a.text(p))}</p>" for p in a.paragraphs)
    author = (
        f'<div class="author-block"><img src="/uploads/authors/{a.id % 97}.jpg" alt=""><a class="author-name" href="/author/{a.id % 97}">{esc(a.text(a.author))}</a></div>'
        if a.author
        else ""
    )
    tags = "".join(f'<a href="/tag/{esc(t)}">#{esc(a.text(t))}</a> ' for t in a.tags)
    ld = schema(
        "NewsArticle",
        headline=title,
        url=a.url,
        datePublished=a.ld_date,
        dateModified=a.ld_date,
        image=[image],
        author={"@type": "Person", "name": a.text(a.author)} if a.author else organization("Egemen Qazaqstan"),
        publisher=organization("Egemen Qazaqstan", "https://egemen.kz/img/logo.png"),
    )
    head = f"""  <meta name="description" content="{esc(a.text(a.lead))}">
  <link rel="canonical" href="{a.url}">
  <link rel="amphtml" href="{ui['origin']}/amp{a.path}">
  <meta property="og:type" content="article">
  <meta property="og:title" content="{esc(title)}">
  <meta property="og:description" content="{esc(a.text(a.lead))}">
  <meta property="og:image" content="{image}">
  <meta property="og:url" content="{a.url}">
  <script type="application/ld+json">{jsonld(ld)}</script>
"""
    main = f"""        <div class="main-news">
          <div class="news-info">{rubric}<span class="date">{esc(a.text(a.date))}</span></div>
          <h1>{esc(title)}</h1>
          <div class="news-body">
            <div class="news-stat"><div class="views">{views}</div><div class="read-time">{read}</div></div>
            <div class="news-lead"><p>{esc(a.text(a.lead))}</p></div>
            <div class="news-img"><img src="{image}" alt="{esc(title)}">{caption}</div>
            <div class="news-text">
{paragraphs}
            </div>
          </div>
          {author}
          <div class="news-tags">{tags}</div>
          <div class="share"><span>{ui['share']}:</span> <a href="https://t.me/share/url?url={a.url}">Telegram</a> <a href="https://www.facebook.com/sharer.php?u={a.url}">Facebook</a></div>
        </div>"""
    return page(a.edition, f"{title} | Egemen Qazaqstan", a.url, head, main, a.note)


@dataclass
class ListItem:
    path: str
    title: str
    teaser: str
    date: str  # as printed, rubric included


def build_list(edition: str, items: list[ListItem], note: str) -> str:
    ui = UI[edition]
    url = ui["origin"] + "/articles"
    rows = "\n".join(
        f"""          <div class="news-item clearfix">
            <a class="news-img" href="{it.path}"><img src="/uploads/thumbs/{it.path.split('/')[2].split('-')[0]}.jpg" alt=""></a>
            <div class="text">
              <h3><a href="{it.path}">{esc(it.title)}</a></h3>
              <p class="anons">{esc(it.teaser)}</p>
              <a class="more" href="{it.path}">{ui['more']}</a>
              <div class="date-info">{esc(it.date)}</div>
            </div>
          </div>"""
        for it in items
    )
    main = f"""        <div class="news-list">
{rows}
        </div>
        <ul class="pagination">
          <li class="page-item disabled"><span class="page-link">‹</span></li>
          <li class="page-item active"><span class="page-link">1</span></li>
          <li class="page-item"><a class="page-link" href="{url}?page=2">2</a></li>
          <li class="page-item"><a class="page-link" href="{url}?page=3">3</a></li>
          <li class="page-item"><a class="page-link" href="{url}?page=2" rel="next">›</a></li>
        </ul>"""
    return page(edition, "Egemen Qazaqstan", url, f'  <link rel="canonical" href="{url}">\n', main, note)


KK_INTERVIEW = Article(
    edition="kk",
    id=382214,
    title="Гүлнар Сейітова, ауыл мұғалімі: Ірі істер кішкентай қадамнан басталады",
    rubric="Сұхбат",
    rubric_path="/category/6",
    date="21 Ақпан, 2025",
    ld_date="2025-02-21 09:14:37",
    views=4236,
    minutes=24,
    lead="Ақмола облысындағы шағын ауыл мектебінде отыз жыл сабақ берген мұғаліммен білім мен ауылдың болашағы туралы әңгімелестік.",
    author="Әлия Сапарқызы",
    tags=["білім", "ауыл мектебі"],
    caption_repeats_title=True,
    note="Kazakh (Cyrillic) edition. The header 'Сұхбат • 21 Ақпан, 2025', the counters '4236 рет / көрсетілді / 24 мин / оқу үшін' and the title repeated as the image caption are from docs/evidence/site-evidence.md; the interview and its people are invented.",
    paragraphs=[
        "– Гүлнар Сейітқызы, ауыл мектебінде отыз жыл жұмыс істедіңіз. Осы уақытта не өзгерді?",
        "– Көп нәрсе өзгерді. Бұрын бір сыныпта жиырма бала оқыса, қазір сегіз-ақ бала қалды. Есесіне әр баламен жеке жұмыс істеуге мүмкіндік көбейді. Интернет келді, балалар әлемді көріп отыр.",
        "– Ауыл мектебіне жас мамандарды қалай тартуға болады?",
        "– Жас мұғалімге ең алдымен баспана мен қолдау керек. Біздің мектепке соңғы бес жылда үш жас маман келді, екеуі қалды. Оларды ауыл болып қарсы алдық, тәжірибемізбен бөлістік.",
        "– Оқушыларыңыздың арасында кімдер бар?",
        "– Дәрігерлер де, инженерлер де, мұғалімдер де бар. Ең бастысы – олар ауылды ұмытпайды. Ірі істер кішкентай қадамнан басталады деп жиі айтамын.",
        "Коллажды жасаған – Алмас Манап, «EQ»",
    ],
)

KK_LIBRARY = Article(
    edition="kk",
    id=382190,
    title="Астанада жаңа кітапхана ашылды",
    rubric="Қоғам",
    rubric_path="/category/4",
    date="20 Ақпан, 2025",
    ld_date="2025-02-20 16:42:10",
    views=1187,
    minutes=2,
    lead="Елордадағы жаңа тұрғын үй алабында үш қабатты қалалық кітапхана есігін айқара ашты.",
    tags=["Астана", "кітапхана"],
    note="Kazakh (Cyrillic) edition, header with the rubric 'Қоғам' as on the list pages in docs/evidence/site-evidence.md; the story is invented.",
    paragraphs=[
        "Кітапхана қорында 60 мыңнан астам кітап бар, оның жартысынан көбі қазақ тілінде. Оқырмандар үшін балалар залы, коворкинг орталығы және аудиокітап тыңдайтын бөлме жабдықталған.",
        "Қала әкімдігінің мәліметінше, кітапхана күн сайын таңғы сағат 9-дан кешкі 21-ге дейін жұмыс істейді. Оқырман билеті тегін беріледі.",
        "Ашылу рәсімінде жазушылар мен оқушылар кездесуі өтті. Жыл соңына дейін елордада тағы екі кітапхана ашу жоспарланған.",
    ],
)

LAT_BOMB = Article(
    edition="kk-latn",
    id=317103,
    title="Алматыда сауда орталығына тағы бомба қойылды",
    rubric="Оқиға",
    rubric_path="/category/9",
    date="04 Шілде, 2022",
    ld_date="2022-07-04 11:37:00",
    views=252,
    minutes=1,
    lead="Алматыдағы ірі сауда орталықтарының біріне бомба қойылғаны туралы хабарлама түсті.",
    note="Latin-script edition: URL, title and the header 'Oqıǵa • 04 Shilde, 2022' and the counters '252 ret / kórsetildi / 1 mın / oqý úshin' as in docs/evidence/site-evidence.md; the text is written for the fixture (Cyrillic, transliterated with the 2018 Latin alphabet).",
    paragraphs=[
        "Хабарлама таңертең белгісіз нөмірден түскен. Сауда орталығындағы адамдар дереу эвакуацияланды, ғимаратты полиция мен төтенше жағдайлар қызметкерлері тексерді, деп хабарлайды Egemen.kz.",
        "Полиция департаментінің мәліметінше, тексеру барысында жарылғыш зат табылмады. Хабарламаның жалған екені анықталды.",
        "Соңғы бір аптада қаладағы сауда орталықтарына қатысты мұндай хабарлама екінші рет түсіп отыр. Жалған хабарлама жасағандар заң бойынша жауапқа тартылады.",
    ],
)

LAT_PARK = Article(
    edition="kk-latn",
    id=317098,
    title="Елордада балалар саябағы ашылды",
    rubric="Қоғам",
    rubric_path="/category/4",
    date="04 Шілде, 2022",
    ld_date="2022-07-04 09:05:00",
    views=418,
    minutes=2,
    lead="Елорданың Есіл ауданында балаларға арналған жаңа саябақ ашылды.",
    author="Нұрлан Омаров",
    tags=["Астана", "саябақ"],
    note="Latin-script edition; the story is invented and transliterated.",
    paragraphs=[
        "Саябақ аумағы бес гектарды құрайды. Мұнда ойын алаңдары, велосипед жолы, шағын футбол алаңы және субұрқақ орналасқан.",
        "Қала әкімдігі саябаққа мың түп ағаш пен бұта отырғызылғанын хабарлады. Кешке аумақ толық жарықтандырылады.",
        "Тұрғындар саябақтың жанынан көлік тұрағын салуды сұрады, әкімдік бұл ұсынысты қарастыратынын айтты, деп хабарлайды Egemen.kz.",
    ],
)

RU_TEACHERS = Article(
    edition="ru",
    id=51230,
    title="Учителям сельских школ увеличат надбавки",
    rubric="Общество",
    rubric_path="/category/4",
    date="21 февраля, 2025",
    ld_date="2025-02-21 11:20:00",
    views=1520,
    minutes=3,
    lead="Министерство просвещения предложило повысить надбавки педагогам, работающим в сельской местности.",
    author="Айгерим Нуриева",
    tags=["образование", "село"],
    note="Russian edition: no stored page of ru.egemen.kz exists (docs/evidence/site-evidence.md: 'not found'); its header, counters and markup are assumed to follow the Kazakh templates in Russian.",
    paragraphs=[
        "Проект приказа опубликован для общественного обсуждения. Согласно документу, надбавка для учителей сельских школ вырастет с 25 до 35 процентов от должностного оклада.",
        "В министерстве отмечают, что мера должна помочь привлечь молодых специалистов в малокомплектные школы, где сегодня не хватает учителей математики и физики.",
        "Обсуждение проекта продлится до 7 марта. Новые выплаты планируется ввести с начала учебного года.",
    ],
)

RU_GRAIN = Article(
    edition="ru",
    id=51221,
    title="Экспорт казахстанского зерна вырос на 18 процентов",
    rubric="Экономика",
    rubric_path="/category/3",
    date="20 февраля, 2025",
    ld_date="2025-02-20 15:05:00",
    views=864,
    minutes=2,
    lead="С начала сезона Казахстан экспортировал на 18 процентов больше зерна, чем годом ранее.",
    tags=["зерно", "экспорт"],
    note="Russian edition, assumed as above; the figures are invented for the fixture.",
    paragraphs=[
        "Основными покупателями остаются страны Центральной Азии, Афганистан и Китай. Растут поставки в Иран и страны Закавказья.",
        "В министерстве сельского хозяйства объясняют рост хорошим урожаем и субсидированием железнодорожных перевозок.",
        "До конца сезона экспорт может превысить 10 миллионов тонн.",
    ],
)

EN_LIBRARY = Article(
    edition="en",
    id=9120,
    title="Astana opens new public library",
    rubric="Society",
    rubric_path="/category/4",
    date="20 February, 2025",
    ld_date="2025-02-20 17:30:00",
    views=312,
    minutes=2,
    lead="A three-storey public library has opened in one of Astana's new residential districts.",
    tags=["Astana", "library"],
    note="English edition: no stored page of en.egemen.kz exists; its header, counters and markup are assumed to follow the Kazakh templates in English.",
    paragraphs=[
        "The library holds more than 60,000 books, over half of them in Kazakh. It has a children's hall, a coworking space and a room for listening to audiobooks.",
        "According to the city administration, the library is open daily from 9 a.m. to 9 p.m., and library cards are free of charge.",
        "Two more libraries are planned to open in the capital before the end of the year.",
    ],
)

EN_GRAIN = Article(
    edition="en",
    id=9125,
    title="Kazakhstan's grain exports up 18 percent",
    rubric="Economy",
    rubric_path="/category/3",
    date="21 February, 2025",
    ld_date="2025-02-21 10:45:00",
    views=205,
    minutes=2,
    lead="Kazakhstan has exported 18 percent more grain since the start of the season than a year earlier.",
    author="Dana Ospanova",
    tags=["grain", "exports"],
    note="English edition, assumed as above; the figures are invented.",
    paragraphs=[
        "Central Asian countries, Afghanistan and China remain the main buyers, while shipments to Iran and the South Caucasus are growing.",
        "The Ministry of Agriculture attributes the increase to a good harvest and subsidised rail transport.",
        "Exports could exceed 10 million tonnes by the end of the season.",
    ],
)

ARTICLES = [KK_INTERVIEW, KK_LIBRARY, LAT_BOMB, LAT_PARK, RU_TEACHERS, RU_GRAIN, EN_LIBRARY, EN_GRAIN]


def _item(a: Article, date: str) -> ListItem:
    return ListItem(a.path, a.text(a.title), a.text(a.lead), date)


def _latest_items(edition: str, date: str) -> list[ListItem]:
    """Entries of the list above the fixture articles: the sidebar's headlines (not fixtures: 404 in the mini-site)."""
    return [ListItem(path, title, title, date.format(time=time)) for path, title, time in SIDEBAR[edition][1:6]]


def build_sitemap(entries: list[tuple[str, str]]) -> str:
    note = (
        "https://egemen.kz/sitemap.xml (docs/evidence/SITES.md row 12, [C]: a sitemap on each subdomain); a url set "
        "with lastmod, format assumed."
    )
    return urlset(PAGES.comment(note), [[("loc", loc), ("lastmod", lastmod)] for loc, lastmod in entries], multiline=True)


def build() -> dict[str, str]:
    pages = {article.file: build_article(article) for article in ARTICLES}
    lists = {
        "kk": (
            [
                ListItem(SIDEBAR["kk"][0][0], SIDEBAR["kk"][0][1], "Синоптиктер демалыс күндері күн жылынатынын айтты.", "Қоғам • Бүгін, 17:10"),
                *_latest_items("kk", "Қоғам • Бүгін, {time}"),
                _item(KK_INTERVIEW, "Сұхбат • Бүгін, 09:14"),
                _item(KK_LIBRARY, "Қоғам • Кеше, 16:42"),
            ],
            "The Kazakh /articles list: 'Бүгін, 14:30' style dates (docs/evidence/SITES.md, [C]) with the rubric as on the search list in docs/evidence/site-evidence.md ('Қоғам • 30 Сәуір, 2020'); markup assumed. Only the fixture articles' entries are fixtures.",
        ),
        "kk-latn": (
            [*_latest_items("kk-latn", "04 Shilde, 2022"), _item(LAT_BOMB, "04 Shilde, 2022"), _item(LAT_PARK, "04 Shilde, 2022"), ListItem("/article/317060-" + slug("Ақтауда теңіз жағалауы тазартылды"), latin("Ақтауда теңіз жағалауы тазартылды"), latin("Еріктілер жағалаудан екі тонна қоқыс жинады."), "03 Shilde, 2022")],
            "The Latin-script /articles list: a date after each teaser ('09 Sáýir, 2023' in docs/evidence/site-evidence.md); markup assumed. Only the fixture articles' entries are fixtures.",
        ),
        "ru": (
            [*_latest_items("ru", "Общество • Сегодня, {time}"), _item(RU_TEACHERS, "Общество • Сегодня, 11:20"), _item(RU_GRAIN, "Экономика • Вчера, 15:05")],
            "The Russian /articles list: assumed in full (no stored page of ru.egemen.kz). Only the fixture articles' entries are fixtures.",
        ),
        "en": (
            [*_latest_items("en", "Society • Today, {time}"), _item(EN_GRAIN, "Economy • Today, 10:45"), _item(EN_LIBRARY, "Society • Yesterday, 17:30")],
            "The English /articles list: assumed in full (no stored page of en.egemen.kz). Only the fixture articles' entries are fixtures.",
        ),
    }
    for edition, (items, note) in lists.items():
        pages[f"{edition}-articles.html"] = build_list(edition, items, note)
    pages["kk-sitemap.xml"] = build_sitemap(
        [
            ("https://egemen.kz/", "2025-02-21T17:10:00+05:00"),
            (KK_INTERVIEW.url, "2025-02-21T09:14:37+05:00"),
            (KK_LIBRARY.url, "2025-02-20T16:42:10+05:00"),
            ("https://egemen.kz/article/31808-botanikalyq-baq", "2014-04-30T10:00:00+06:00"),
        ]
    )
    return pages


if __name__ == "__main__":
    PAGES.main(build)
