"""``python -m kznews.dates``: the same command line as ``python -m kznews dates``."""

import sys

from kznews.dates.cli import main

sys.exit(main())
