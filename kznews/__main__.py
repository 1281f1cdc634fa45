import sys

from kznews.cli import main

sys.exit(main())
