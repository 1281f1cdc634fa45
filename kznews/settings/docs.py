"""docs/settings.md, generated from the registry and the profiles (`python -m kznews settings`, `make docs`)."""

from __future__ import annotations

import json

from kznews.settings.profiles import PROFILE_DOCS, PROFILES
from kznews.settings.registry import GROUPS, SETTINGS, Setting


def _value(value) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        text = json.dumps(value, ensure_ascii=False)
        return f"`{text}`" if len(text) <= 60 else "see `kznews/settings/registry.py`"
    return f"`{value}`"


def _row(spec: Setting) -> str:
    env = f"`{spec.env}`" if spec.env else ""
    doc = spec.doc.replace("|", "\\|")
    return f"| `{spec.name}` | {spec.type} | {_value(spec.default)} | {env} | {doc} |"


def markdown() -> str:
    lines = [
        "# Settings",
        "",
        "Generated from `kznews/settings/registry.py` and `kznews/settings/profiles.py` by "
        "`python -m kznews settings` (`make docs`); do not edit by hand.",
        "",
        "Every setting can be given with `-s NAME=VALUE` (`scrapy crawl`, `python -m kznews crawl`). kznews' own "
        "settings can also come from the environment variable in the table, applied once on top of the default "
        "and the profile; `-s` wins over the environment. JSON settings take JSON text from the environment or "
        "`-s`. Lowest precedence first: default < profile < environment < a spider's own settings < `-s`.",
        "",
        "## Profiles",
        "",
        "`KZNEWS_PROFILE` picks one; a Scrapy add-on (`kznews.settings.profiles.KznewsAddon`) applies it to every "
        "crawler, so `-s KZNEWS_PROFILE=local` and `KZNEWS_PROFILE=local` in the environment do the same.",
        "",
        "| profile | for | changes |",
        "|---|---|---|",
    ]
    for name, values in PROFILES.items():
        changes = ", ".join(f"`{key}` {_value(value)}" for key, value in values.items()) or "none"
        lines.append(f"| `{name}` | {PROFILE_DOCS[name]} | {changes} |")
    for group, title in GROUPS.items():
        specs = [spec for spec in SETTINGS if spec.group == group]
        own = [spec for spec in specs if not spec.scrapy]
        theirs = [spec for spec in specs if spec.scrapy]
        lines += ["", f"## {title}", ""]
        if own:
            lines += ["| setting | type | default | environment | meaning |", "|---|---|---|---|---|"]
            lines += [_row(spec) for spec in own]
        if theirs:
            if own:
                lines.append("")
            lines += ["Scrapy's (and its plugins') settings that kznews changes:", "",
                      "| setting | type | kznews' value | environment | why |", "|---|---|---|---|---|"]
            lines += [_row(spec) for spec in theirs]
    return "\n".join(lines) + "\n"
