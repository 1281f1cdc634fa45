"""`python -m kznews settings`: every setting with its type, default and meaning, and the profiles, as Markdown
(docs/settings.md is generated from it by `make docs`)."""

from __future__ import annotations


def add_parser(commands) -> None:
    settings = commands.add_parser("settings", help="print every setting and profile (Markdown)")
    settings.set_defaults(run=run)


def run(args) -> int:
    from kznews.settings.docs import markdown

    print(markdown(), end="")
    return 0
