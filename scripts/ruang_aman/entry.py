"""The command scripts' entry: a package missing from .venv is a setup step to name, not a traceback.

After a `git pull` that adds a dependency, a command run without make (the pre-commit hook runs
`.venv/bin/python scripts/check_privacy.py`) meets a .venv that lacks it. make reinstalls .venv when
requirements.txt changes; this says so. Nothing here imports a third-party package.
"""

from __future__ import annotations

import importlib
import sys


def run(module: str) -> int:
    """Import `module` and run its main(); a missing third-party package ends with the fix, exit code 2."""
    try:
        return importlib.import_module(module).main()
    except ModuleNotFoundError as exc:
        missing = (exc.name or "").split(".")[0]
        if not missing or missing == __name__.split(".")[0]:
            raise  # our own module missing is a bug, not a setup step
        print(f"error[setup]: the Python package '{missing}' is not installed in {sys.prefix}: requirements.txt "
              f"names packages this .venv lacks (it changed since the last install).\n"
              f"  fix: run `make check` once (every make command reinstalls .venv when requirements.txt changes), "
              f"or `{sys.executable} -m pip install -r requirements.txt`; then run the command again.",
              file=sys.stderr)
        return 2
