"""Bot protection that answers with a page instead of the article: recognised, counted, retried later, never stored.

`detect_challenge(body, headers, status)` is a pure function: the kind of challenge a response is ("cloudflare",
"ddos-guard", "captcha", "browser-check", "js-shell") or None for a real page. It looks for three things, and only
on short pages (challenge pages carry a few hundred characters of text; news pages carry thousands, and real pages
do embed reCAPTCHA frames, Cloudflare's script loader and the word "DDoS-Guard" in articles about it):

- machine markers of the protection services (Cloudflare's `cf-mitigated: challenge` header, `_cf_chl_opt`,
  `/cdn-cgi/challenge-platform/h/`, DDoS-Guard's `/.well-known/ddos-guard/`, ...);
- the wording of challenge pages in the title or text ("Just a moment...", "Checking your browser", "Вы не робот?",
  "Проверка браузера", ...);
- a captcha widget on a page with next to no text, or an empty shell: next to no visible text and scripts that
  are meant to build or reload the page (JavaScript challenges, cookie checks).

`ChallengeMiddleware` (kznews.downloadermiddlewares.challenge, a downloader middleware after decompression and encoding repair) counts every challenge page
in `kznews/blocked/{site}` (the key monitors read; details under `kznews/blocking/{site}/...`), retries the request
after a growing back-off (KZNEWS_BLOCKED_BACKOFF_BASE, doubling, bounded by KZNEWS_RETRY_BACKOFF_MAX) during which
the whole host is left alone, and after KZNEWS_BLOCKED_RETRY_TIMES gives up: the request is dropped (counted as
`kznews/failed/{site}/blocked`) and the page never reaches extraction.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Mapping

logger = logging.getLogger(__name__)

# Pages longer than this are never challenge pages (they are a few kilobytes to a few dozen).
MAX_CHALLENGE_CHARS = 512 * 1024
# Challenge wording only counts on pages with less visible text than this.
TEXT_LIMIT = 2000
# An "empty shell": less visible text than this, and scripts.
SHELL_TEXT = 200
# Challenge titles are short ("Just a moment...", "Вы не робот?"); a headline that mentions a captcha is not one.
TITLE_LIMIT = 50
# Challenge, captcha and JavaScript-shell pages carry a handful of links and paragraphs; real pages, hundreds.
REAL_PAGE_ELEMENTS = 80

MACHINE_MARKERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "cloudflare",
        (
            "_cf_chl_opt",
            "window._cf_chl",
            "/cdn-cgi/challenge-platform/h/",
            "cf-browser-verification",
            'id="challenge-form"',
            'id="challenge-error-text"',
            "cf_chl_prog",
        ),
    ),
    ("ddos-guard", ("/.well-known/ddos-guard/", "ddos-guard.net/", "ddg_check", "__ddg1")),
    ("browser-check", ("__qrator", "qrator.net/", "servicepipe.ru", "/__variti", "variti.net", "stormwall.pro")),
)

TITLE_PHRASES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("cloudflare", ("just a moment", "attention required! | cloudflare", "один момент")),
    ("ddos-guard", ("ddos-guard",)),
    (
        "captcha",
        ("captcha", "вы не робот", "are you a robot", "are you human", "я не робот", "робот емеспін", "security check"),
    ),
    (
        "browser-check",
        ("checking your browser", "проверка браузера", "проверяем браузер", "browser check", "ddos protection"),
    ),
)

TEXT_PHRASES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "cloudflare",
        ("enable javascript and cookies to continue", "verify you are human", "performance & security by cloudflare",
         "ddos protection by cloudflare", "needs to review the security of your connection"),
    ),
    (
        "captcha",
        ("подтвердите, что запросы отправляли вы", "подтвердите, что вы не робот", "i'm not a robot",
         "докажите, что вы не робот", "введите символы с картинки"),
    ),
    (
        "browser-check",
        ("checking your browser before accessing", "this process is automatic", "проверка вашего браузера",
         "please wait while we verify", "please enable javascript to continue", "включите javascript"),
    ),
)

CAPTCHA_WIDGETS = ("g-recaptcha", "h-captcha", "smart-captcha", "smartcaptcha", "cf-turnstile", "captcha")

_HIDDEN = re.compile(r"<(script|style|noscript|template|svg)\b[^>]*>.*?</\1\s*>", re.S | re.I)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")
_TITLE = re.compile(r"<title[^>]*>(.*?)</title", re.S | re.I)


def visible_text(page: str) -> str:
    """The text a reader would see (scripts, styles, comments and tags removed, whitespace folded)."""
    text = _HIDDEN.sub(" ", _COMMENT.sub(" ", page))
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", text))).strip()


_PREFIXES = (16_384, 65_536)


def _visible_text_up_to(page: str, limit: int) -> str:
    """visible_text(page), or the visible text of a prefix once that alone is longer than `limit`: a real page
    shows more text than a challenge page in its first kilobytes, so most pages cost a fraction of a full pass.
    A prefix ends before any script or style it cuts open, so code is never counted as text."""
    for end in _PREFIXES:
        if end >= len(page):
            break
        prefix = page[:end]
        lowered = prefix.lower()
        for tag in ("script", "style"):
            opened = lowered.rfind("<" + tag)
            if opened > lowered.rfind("</" + tag):
                prefix, lowered = prefix[:opened], lowered[:opened]
        text = visible_text(prefix)
        if len(text) > limit:
            return text
    return visible_text(page)


def detect_challenge(
    body: bytes | str, headers: Mapping | None = None, status: int = 200, *, allow_shell: bool = False
) -> str | None:
    """The kind of bot-protection page this response is, or None. `allow_shell`: a page that is only scripts
    is fine (a browser-rendered response, or a page known to be built by JavaScript)."""
    header = {str(k).lower(): str(v).lower() for k, v in (headers or {}).items()}
    if header.get("cf-mitigated") == "challenge":
        return "cloudflare"
    if isinstance(body, bytes):
        if len(body) > MAX_CHALLENGE_CHARS * 2:
            return None
        body = body.decode("utf-8", errors="replace")
    if len(body) > MAX_CHALLENGE_CHARS or not body.strip():
        return None
    # A page of many links and paragraphs is a site's page, not a challenge: counted in C, this spares the
    # text analysis below on nearly every real page.
    if body.count("<a ") + body.count("<p") > REAL_PAGE_ELEMENTS:
        return None
    lower = body.lower()
    start = lower.lstrip()[:5]
    if start.startswith(("<?xml", "{", "[", "<rss", "<feed")):
        return None
    text = _visible_text_up_to(body, TEXT_LIMIT)
    if len(text) > TEXT_LIMIT:
        return None
    for kind, markers in MACHINE_MARKERS:
        if any(marker in lower for marker in markers):
            return kind
    match = _TITLE.search(body)
    title = _SPACE.sub(" ", html.unescape(match.group(1))).strip().lower() if match else ""
    if len(title) <= TITLE_LIMIT:
        for kind, phrases in TITLE_PHRASES:
            if any(phrase in title for phrase in phrases):
                return kind
    text_lower = text.lower()
    for kind, phrases in TEXT_PHRASES:
        if any(phrase in text_lower for phrase in phrases):
            return kind
    if len(text) < SHELL_TEXT:
        if any(widget in lower for widget in CAPTCHA_WIDGETS):
            return "captcha"
        if not allow_shell and "<script" in lower:
            return "js-shell"
    return None
