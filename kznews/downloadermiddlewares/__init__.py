"""Downloader middlewares, one component per module (DOWNLOADER_MIDDLEWARES, in request order):

- urlsafety.UrlSafetyMiddleware    (40)  refuses unsafe URLs before anything else
- retry.RetryMiddleware           (550)  retries with back-off and Retry-After; empty and cut-short bodies
- challenge.ChallengeMiddleware   (585)  bot-protection pages counted, retried later, never extracted
- encoding.EncodingMiddleware     (587)  the encoding decided from the bytes
- redirect.RedirectMiddleware     (600)  Scrapy's, plus redirect loops counted
- warc.WarcMiddleware             (950)  records to / replays from WARC files
- fetchtime.FetchTimeMiddleware   (960)  the fetch time every relative date resolves against

Their pure parts live next to the package root: kznews.backoff, kznews.blocking, kznews.encoding, kznews.safety,
kznews.warc.
"""
