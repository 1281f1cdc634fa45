"""A test-only site whose lists render only in a browser, to prove the Playwright path end to end with Debian's
Chromium: /latest/ shows two items in its HTML and three more after "load more" is clicked; /popular/ builds its
whole list from embedded JSON on scroll. Loaded with -s SPIDER_MODULES=kznews.spiders,tests.tools.jsdemo_site."""

import re

from kznews.browser import BROWSER_SETTINGS
from kznews.sites.base import ArticleLayout, Edition, ListLayout, ListSource, Site
from kznews.spiders.engine import NewsSpider

ORIGIN = "https://js.example.kz"

SITE = Site(
    name="jsdemo",
    title="JS demo",
    editions=(
        Edition(
            "ru",
            ORIGIN,
            lists=(
                ListSource("/latest/", js=True, load_more="button.load-more"),
                ListSource("/popular/", js=True),
            ),
        ),
    ),
    article_path=re.compile(r"^/news/\d+-[a-z-]+/$"),
    list_layouts=(ListLayout(name="cards", item="article.card", link="a.card__title", date="time", date_attr="datetime"),),
    article_layouts=(ArticleLayout(name="plain", detect="div.article-body", title="h1", body="div.article-body", date="time.published", date_attr="datetime"),),
)


class JsdemoSpider(NewsSpider):
    name = "jsdemo"
    site = SITE
    custom_settings = dict(BROWSER_SETTINGS)


def article_html(number: int) -> str:
    return f"""<!DOCTYPE html><html lang="ru"><head><title>Новость {number}</title></head><body>
<h1>Новость номер {number}</h1><time class="published" datetime="2025-11-20T1{number}:00:00+05:00">20 ноября</time>
<div class="article-body"><p>Первый абзац новости номер {number}: событие произошло в Алматы, сообщили в акимате города.</p>
<p>Второй абзац новости номер {number} с подробностями о том, что случилось и что будет дальше.</p></div></body></html>"""


def card(number: int) -> str:
    return (
        f'<article class="card"><a class="card__title" href="/news/{number}-novost/">Новость {number}</a>'
        f'<time datetime="2025-11-20T1{number}:00:00+05:00"></time></article>'
    )


LATEST = f"""<!DOCTYPE html><html lang="ru"><head><title>Последние новости</title></head><body>
<div id="list">{card(1)}{card(2)}</div>
<button class="load-more">Показать ещё</button>
<script>
  const more = [3, 4, 5];
  document.querySelector('button.load-more').addEventListener('click', () => {{
    const n = more.shift();
    if (n === undefined) {{ document.querySelector('button.load-more').remove(); return; }}
    const el = document.createElement('article');
    el.className = 'card';
    el.innerHTML = '<a class="card__title" href="/news/' + n + '-novost/">Новость ' + n + '</a>'
      + '<time datetime="2025-11-20T1' + n + ':00:00+05:00"></time>';
    document.getElementById('list').appendChild(el);
  }});
</script></body></html>"""

POPULAR = """<!DOCTYPE html><html lang="ru"><head><title>Популярное</title></head><body>
<div id="list"></div><div style="height: 3000px"></div>
<script>
  window.addEventListener('scroll', () => {
    const list = document.getElementById('list');
    if (list.children.length) return;
    for (const n of [6, 2]) {
      list.insertAdjacentHTML('beforeend', '<article class="card"><a class="card__title" href="/news/' + n
        + '-novost/">Новость ' + n + '</a><time datetime="2025-11-20T1' + n + ':00:00+05:00"></time></article>');
    }
  });
</script></body></html>"""


def pages() -> dict[str, str]:
    found = {f"{ORIGIN}/latest/": LATEST, f"{ORIGIN}/popular/": POPULAR}
    for number in range(1, 7):
        found[f"{ORIGIN}/news/{number}-novost/"] = article_html(number)
    return found
