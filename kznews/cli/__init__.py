"""`python -m kznews COMMAND`: developer and operator tools, one module per command.

  extract        parse a saved page as the crawler would and print the result as JSON
  dates          parse date strings with the date engine
  crawl          run several spiders in one process (the main job of `make run`)
  demo           replay recorded pages through the real spiders into MongoDB and print a summary
  sites          print the table of supported sites (docs/sites.md is generated from it)
  settings       print every setting and profile (docs/settings.md is generated from it)
  schema         print the article schema's table (README.md's is generated from it)
  runs           list the last runs of each site with their health (the `runs` collection)
  report         write the health report (runs and articles, with charts) as one self-contained HTML file
  load-spill     load articles spilled to a local file while MongoDB was down (docs/reliability.md)
  link-reprints  link again the reprints of recent articles (a periodic sweep after concurrent crawls)
  audit          sample a site's archived pages over the years and report how its layouts fit (docs/archives.md)
  ccnews         read the CC-NEWS files of a window once for several sites (docs/archives.md)
  export         export articles or stories (JSON Lines, CSV, Parquet); incremental pulls by cursor (docs/exports.md)
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

# command name -> module in this package; each module has `add_parser(commands)` and `run(args) -> int`
COMMANDS = {
    "extract": "extract",
    "dates": "dates",
    "crawl": "crawl",
    "demo": "demo",
    "sites": "sites",
    "settings": "settings",
    "schema": "schema",
    "runs": "runs",
    "report": "report",
    "link-reprints": "link_reprints",
    "load-spill": "load_spill",
    "audit": "audit",
    "ccnews": "ccnews",
    "export": "export",
}


class OneLineParser(argparse.ArgumentParser):
    """A bad option prints one line naming it and what it accepts (not the usage block), exit status 2."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: {message} (--help lists the options)\n")


def _module(command: str):
    return importlib.import_module(f"kznews.cli.{COMMANDS[command]}")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # installed (the `kznews` command), run from any directory: no scrapy.cfg nearby names the settings
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "kznews.settings")
    if argv and argv[0] == "dates":  # its own parser, with positional texts and stdin
        return _module("dates").main(argv[1:])
    parser = OneLineParser(prog="python -m kznews", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True, parser_class=OneLineParser)
    for command in COMMANDS:
        _module(command).add_parser(commands)
    args = parser.parse_args(argv)
    return args.run(args)
