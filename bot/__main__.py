"""Allow `python -m bot` as well as the `storybot` script."""

import sys

from bot.cli import main

sys.exit(main())
