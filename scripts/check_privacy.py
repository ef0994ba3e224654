#!/usr/bin/env python3
"""Privacy guard entry point (issue 4): see `python scripts/check_privacy.py --help`."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ruang_aman.entry import run  # noqa: E402

if __name__ == "__main__":
    sys.exit(run("ruang_aman.privacy.cli"))
