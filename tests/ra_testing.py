"""Constants shared by the tests (a uniquely named module: several conftest.py files exist)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 11, 29)  # tests inject the date: nothing here depends on the clock
