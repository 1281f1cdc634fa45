"""One spider class per registered site, so `scrapy list` and scrapyd see every site by name.

A site is data; its spider is the engine plus the site definition. Sites whose lists need JavaScript also get
the scrapy-playwright download handlers (the browser is still used only for requests that ask for it). Every
spider also reads archived copies of its site with `-a source=archive` (kznews.spiders.archive).
"""

from kznews.browser import BROWSER_SETTINGS
from kznews.sites import SITES
from kznews.spiders.archive import ArchiveSourceMixin
from kznews.spiders.engine import NewsSpider


def _spider_class(site):
    class_name = "".join(part.capitalize() for part in site.name.replace("-", "_").split("_")) + "Spider"
    if class_name[0].isdigit():  # "24kz"
        class_name = "Site" + class_name
    attributes = {
        "name": site.name,
        "site": site,
        "__module__": __name__,
        "__doc__": f"Crawls {site.title} ({', '.join(site.langs)}).",
        "custom_settings": dict(BROWSER_SETTINGS) if site.uses_browser else {},
    }
    return type(class_name, (ArchiveSourceMixin, NewsSpider), attributes)


for _site in SITES.values():
    _cls = _spider_class(_site)
    globals()[_cls.__name__] = _cls

del _site, _cls  # the loop variables would be found again by Scrapy's spider loader
