"""Theme facts live in theme_adapter.py: here, the engine's interface words for a language Material lacks."""

from __future__ import annotations

from pathlib import Path

from ruang_aman.theme_adapter import engine_knows_language


def _dirs(tmp_path: Path) -> list[str]:
    import material
    import mkdocs

    material_dir = Path(material.__file__).parent / "templates"
    return [str(tmp_path / "theme"), str(material_dir), str(Path(mkdocs.__file__).parent / "templates")]


def test_a_language_material_lacks_gets_a_partial_after_our_theme_and_before_the_engines(tmp_path):
    dirs, folder = _dirs(tmp_path), tmp_path / "theme-languages"
    engine_knows_language(dirs, "jv", folder)
    partial = folder / "partials" / "languages" / "jv.html"
    assert dirs[1] == str(folder) and len(dirs) == 4
    assert partial.read_text(encoding="utf-8") == \
        '{% macro t(key) %}{{ {"language": "jv", "direction": "ltr"}[key] }}{% endmacro %}\n'


def test_a_language_material_has_is_left_to_material(tmp_path):
    dirs, folder = _dirs(tmp_path), tmp_path / "theme-languages"
    before = list(dirs)
    engine_knows_language(dirs, "en", folder)
    assert dirs == before and not folder.exists()
