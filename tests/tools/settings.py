"""Settings of the crawls tests and benchmarks run: the project's settings plus the loopback add-on
(tests/tools/loopback.py), which fetches the hosts of KZNEWS_HOST_MAP from local servers."""

import os

from kznews.settings import *  # noqa: F403
from kznews.settings import ADDONS

KZNEWS_HOST_MAP = os.environ.get("KZNEWS_HOST_MAP", "")
ADDONS = {**ADDONS, "tests.tools.loopback.LoopbackAddon": 1000}
