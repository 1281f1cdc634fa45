"""Scrapy settings of kznews (scrapy.cfg's SETTINGS_MODULE), built from the registry (kznews.settings.registry):
every setting's default, then the environment applied once on top. `-s NAME=VALUE` overrides both; the profile
(KZNEWS_PROFILE: polite, local, distributed) is applied for every crawler by the add-on in
kznews.settings.profiles. Every setting, its type, default and meaning: docs/settings.md.
"""

import os
import sys

from kznews.settings.registry import SettingError, project_settings

try:
    globals().update(project_settings(os.environ))
except SettingError as error:  # a mistyped environment variable: one line, exit 2, before anything starts
    print(f"kznews settings: {error}", file=sys.stderr)
    raise SystemExit(2) from None
