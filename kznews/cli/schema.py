"""`python -m kznews schema`: the articles collection's table (kznews.schema) as Markdown; `--readme README.md`
writes it into the README's "The articles collection" instead, `--json docs/schema.json` writes the JSON Schema of
an article document (`make docs`; `--json -` prints it)."""

from __future__ import annotations

import sys
from pathlib import Path

HEADER = "| field | type | meaning |"


def add_parser(commands) -> None:
    schema = commands.add_parser("schema", help="print the article schema's table (Markdown)")
    schema.add_argument("--readme", help="write the table into this README instead of printing it")
    schema.add_argument("--json", metavar="PATH", help="write the JSON Schema of an article document here (- prints)")
    schema.set_defaults(run=run)


def json_text() -> str:
    import json

    from kznews.schema import json_schema

    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"


def replace_table(text: str, table: str) -> str:
    """`text` with the Markdown table that starts with HEADER replaced by `table`."""
    start = text.index(HEADER)
    end = text.find("\n\n", start)
    end = len(text) if end < 0 else end + 1
    return text[:start] + table + text[end:]


def run(args) -> int:
    from kznews.schema import markdown_table

    if args.json:
        if args.json == "-":
            print(json_text(), end="")
        else:
            Path(args.json).write_text(json_text(), encoding="utf-8")
        return 0
    if not args.readme:
        print(markdown_table(), end="")
        return 0
    path = Path(args.readme)
    try:
        text = path.read_text(encoding="utf-8")
        updated = replace_table(text, markdown_table())
    except OSError as error:
        print(f"schema: --readme {args.readme}: cannot be read ({error.strerror})", file=sys.stderr)
        return 2
    except ValueError:  # no table to replace
        print(f"schema: --readme {args.readme}: has no table starting with {HEADER!r}", file=sys.stderr)
        return 2
    path.write_text(updated, encoding="utf-8")
    return 0
