"""Work spread over the machine's cores: one function mapped over many items in worker processes.

Processes, not threads: Markdown, Jinja and HTML parsing hold Python's lock. Workers are forked, so they
start with everything the build already loaded (a large `shared` value, such as the build context, is
inherited, never pickled); results come back in input order. Small inputs stay in this process: forking
the build (100-200 MB) and starting workers costs 50-100 ms a call, more than a few hundred pages of work
saves; measured at 100 pages per language, the whole build ran 10-50% faster with every per-page step in
this process. RA_JOBS=1 turns it off (debugging, profiling).
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Callable, Iterable

_NOTHING = object()
_work: tuple[Callable, Any] | None = None  # set only while a pool runs; the forked workers inherit it


def jobs() -> int:
    """How many processes to use: RA_JOBS, else the cores this process may run on (at most 4)."""
    if os.environ.get("RA_JOBS", "").isdigit():
        return max(1, int(os.environ["RA_JOBS"]))
    return max(1, min(4, len(os.sched_getaffinity(0))))


def _call(item: Any) -> Any:
    fn, shared = _work
    return fn(item) if shared is _NOTHING else fn(shared, item)


def pmap(fn: Callable, items: Iterable, *, shared: Any = _NOTHING, min_items: int = 400) -> list:
    """[fn(x) for x in items] (or fn(shared, x)), spread over jobs() processes when there are enough items.

    Results must be picklable; `fn` and `shared` need not be.
    """
    global _work
    items = list(items)
    workers = min(jobs(), len(items))
    if workers <= 1 or len(items) < min_items or multiprocessing.parent_process() is not None:
        return [fn(item) if shared is _NOTHING else fn(shared, item) for item in items]
    _work = (fn, shared)
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            return list(pool.map(_call, items, chunksize=max(1, len(items) // (workers * 4))))
    finally:
        _work = None
