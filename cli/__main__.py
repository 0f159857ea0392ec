"""`python -m cli`: the same as the `kosovo-map` command."""

import sys

from cli import main

sys.exit(main())
