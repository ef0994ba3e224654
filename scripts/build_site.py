#!/usr/bin/env python3
"""Entry point: validate content_src/ and build the site (see `python scripts/build_site.py --help`)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ruang_aman.entry import run  # noqa: E402

if __name__ == "__main__":
    sys.exit(run("ruang_aman.cli"))
