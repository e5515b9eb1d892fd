"""``python -m resume_match ...``: the same command line as ``resume-match``."""

import sys

from resume_match.cli import main

sys.exit(main())
