"""One direction of travel: nothing below imports anything above it (lazy imports inside functions count too).

Layers, bottom up: foundations (records, problems, URLs, helpers) -> content (load, checks, placeholders, the
stage contract) -> stages (pages, MkDocs, posters, kit, search, minify, offline, checks of the site, privacy)
-> build (the one function that runs the stages) -> commands (command line, preview, staff helpers).
A module not named below counts as a stage.
"""

from __future__ import annotations

import ast
from pathlib import Path

from ra_testing import ROOT

PACKAGE = ROOT / "scripts" / "ruang_aman"
LAYERS = {
    "foundations": {"__init__", "problems", "positions", "limits", "phones", "model", "urls", "parallel", "tokens", "report",
                    "stemming", "charts", "theme_adapter", "swap"},
    "content": {"load", "checks", "translations", "html_policy", "placeholders", "selfcheck", "synonyms", "contract"},
    "build": {"build", "quick_rebuild"},
    "commands": {"cli", "preview", "staff", "privacy.cli", "entry"},
}
ORDER = ["foundations", "content", "stages", "build", "commands"]


def layer_of(module: str) -> int:
    for name, members in LAYERS.items():
        if module in members:
            return ORDER.index(name)
    return ORDER.index("stages")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" and len(parts) > 1 else parts)


def imports_of(source: str, here: str, is_package: bool = False) -> list[tuple[str, int]]:
    """(module imported, line) for every relative import in `source` (module `here`), skipping
    `if TYPE_CHECKING:` blocks (annotations only, nothing runs)."""
    tree = ast.parse(source)
    package = here.split(".") if is_package else here.split(".")[:-1]
    if here == "__init__":
        package = []
    skipped = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
               for child in node.body for n in ast.walk(child)}
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom) or not node.level or id(node) in skipped:
            continue
        base = package[: len(package) - (node.level - 1)] if node.level > 1 else package
        if node.module is None:  # from . import x: x is a module of the package
            found += [(".".join(base + [alias.name]), node.lineno) for alias in node.names]
        else:
            found.append((".".join(base + node.module.split(".")), node.lineno))
    return found


def upward(here: str, imports: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The imports that reach a higher layer than `here`'s."""
    named = {m for members in LAYERS.values() for m in members}
    return [(target, line) for target, line in imports
            if layer_of(target if target in named else target.split(".")[0]) > layer_of(here)]


def test_nothing_below_imports_anything_above_it():
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        here = module_name(path)
        source = path.read_text(encoding="utf-8")
        for target, line in upward(here, imports_of(source, here, path.name == "__init__.py" and path.parent != PACKAGE)):
            wrong.append(f"{path.relative_to(ROOT)}:{line}: {here} ({ORDER[layer_of(here)]}) imports {target}")
    assert not wrong, "\n".join(wrong)


def test_the_check_sees_upward_imports_even_inside_functions_but_not_type_hints():
    source = (
        "from typing import TYPE_CHECKING\n"
        "from .model import Content\n"
        "if TYPE_CHECKING:\n    from .pages import Renderer\n"
        "def f():\n    from .build import build\n"
    )
    assert upward("checks", imports_of(source, "checks")) == [("build", 6)]
    assert upward("posters.plan", imports_of("from ..load import x\nfrom ..cli import main\n", "posters.plan")) == [("cli", 2)]
