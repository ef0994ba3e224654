#!/usr/bin/env python3
"""`make references`: rewrite the reference images of tests/kit/ (one page of each print kind).

The comparison test never refreshes them itself. Run this after a deliberate change to content or
layout, look at the images it wrote, and commit them.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.kit.references import refresh  # noqa: E402

if __name__ == "__main__":
    for path in refresh(ROOT):
        print(f"wrote {path.relative_to(ROOT)}")
