"""Scrapy settings of kznews (scrapy.cfg's SETTINGS_MODULE), built from the registry (kznews.settings.registry):
every setting's default, then the environment applied once on top. `-s NAME=VALUE` overrides both; the profile
(KZNEWS_PROFILE: polite, local, distributed) is applied for every crawler by the add-on in
kznews.settings.profiles. Every setting, its type, default and meaning: docs/settings.md.
"""

import os

from kznews.settings.registry import project_settings

globals().update(project_settings(os.environ))
