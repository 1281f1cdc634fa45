"""The registry of sites. Each module in this package defines one outlet as data (see base.py); add a site by
adding its module and its line below. A spider per site is generated from this registry
(kznews/spiders/sites.py), so `scrapy list` shows every site here."""

from __future__ import annotations

from kznews.sites import (
    azattyq,
    baq,
    egemen,
    inform,
    informburo,
    kapital,
    kazpravda,
    khabar,
    kt,
    kursiv,
    kz24,
    liter,
    nur,
    orda,
    sputnik,
    tengrinews,
    vlast,
    zakon,
)
from kznews.sites.base import ArticleLayout, Edition, ListLayout, ListSource, Site

SITES: dict[str, Site] = {
    site.name: site
    for site in (
        azattyq.SITE,
        baq.SITE,
        egemen.SITE,
        inform.SITE,
        informburo.SITE,
        kapital.SITE,
        kazpravda.SITE,
        khabar.SITE,
        kt.SITE,
        kursiv.SITE,
        kz24.SITE,
        liter.SITE,
        nur.SITE,
        orda.SITE,
        sputnik.SITE,
        tengrinews.SITE,
        vlast.SITE,
        zakon.SITE,
    )
}


def get_site(name: str) -> Site:
    try:
        return SITES[name]
    except KeyError:
        raise KeyError(f"unknown site {name!r}; known: {', '.join(sorted(SITES))}") from None


def site_for_url(url: str) -> Site | None:
    for site in SITES.values():
        if site.edition_for_url(url) is not None:
            return site
    return None


__all__ = ["SITES", "ArticleLayout", "Edition", "ListLayout", "ListSource", "Site", "get_site", "site_for_url"]
