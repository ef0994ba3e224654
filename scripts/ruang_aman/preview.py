"""`make serve`: build with drafts into build/preview/, serve it, rebuild and reload on every save."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import sys
import threading
import time
from pathlib import Path

from .build import build
from .contract import BuildContext, content_root
from .quick_rebuild import quick_rebuild
from .report import print_problems

WATCHED = ("theme", "mkdocs.yml")  # besides the content root being previewed
RELOAD_JS = (
    "(function(){var id=null;setInterval(function(){fetch('/__build').then(function(r){return r.text()})"
    ".then(function(t){if(id!==null&&t!==id)location.reload();id=t}).catch(function(){})},1000)})();"
)


def watched(root: Path, content_dir: Path | None = None) -> list[Path]:
    """What the preview watches: the content root it builds (content_src/ or another city's), the theme, mkdocs.yml."""
    return [content_root(root, content_dir)] + [root / name for name in WATCHED]


def snapshot(root: Path, content_dir: Path | None = None) -> dict[Path, float]:
    """Modification times of every watched file."""
    files: dict[Path, float] = {}
    for path in watched(root, content_dir):
        for f in ([path] if path.is_file() else path.rglob("*") if path.exists() else []):
            if f.is_file():
                files[f] = f.stat().st_mtime
    return files


class State:
    """The current build number, bumped after every successful rebuild, and the last full build's context."""

    def __init__(self) -> None:
        self.build_id = str(time.time())
        self.context: BuildContext | None = None

    def keep(self, ctx: BuildContext) -> None:
        self.context = ctx


def changed_files(before: dict[Path, float], after: dict[Path, float]) -> list[Path]:
    """Files added, changed or removed between two snapshots."""
    return sorted({p for p, mtime in after.items() if before.get(p) != mtime} | (before.keys() - after.keys()))


def update(state: State, changed: list[Path], full_rebuild) -> str:
    """Bring the preview up to date after a save: the edited pages alone when that is enough (quick_rebuild),
    else a full build. Returns which one ran ("page", "full" or "failed")."""
    started = time.monotonic()
    quick = quick_rebuild(state.context, changed) if state.context is not None else None
    if quick is not None:
        state.context, problems = quick
        print_problems(problems, False)
        print(f"Rebuilt {', '.join(p.name for p in changed)} in {time.monotonic() - started:.1f} s", file=sys.stderr)
        state.build_id = str(time.time())
        return "page"
    if full_rebuild(keep=state.keep) == 0:
        state.build_id = str(time.time())
        return "full"
    return "failed"


def handler_for(site: Path, state: State):
    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(site), **kwargs)

        def log_message(self, *args) -> None:  # quiet: the terminal is for build problems
            pass

        def do_GET(self) -> None:
            if self.path == "/__build":
                return self._send(state.build_id.encode(), "text/plain")
            if self.path == "/__reload.js":
                return self._send(RELOAD_JS.encode(), "text/javascript")
            path = Path(self.translate_path(self.path))
            if path.is_dir():
                path = path / "index.html"
            if path.suffix == ".html" and path.is_file():
                html = path.read_text(encoding="utf-8")
                html = html.replace("</body>", '<script src="/__reload.js"></script></body>', 1)
                return self._send(html.encode(), "text/html; charset=utf-8")
            return super().do_GET()

        def _send(self, body: bytes, ctype: str) -> None:
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


def serve(root: Path, port: int = 8000, today: dt.date | None = None, content_dir: Path | None = None) -> int:
    """Preview until Ctrl+C; a failed rebuild keeps the last good preview and prints why."""
    site = root / "build" / "preview"
    state = State()
    rebuild = functools.partial(build, root, strict=False, today=today, include_drafts=True, site_dir=site, posters=False,
                                content_dir=content_dir)
    rebuild(keep=state.keep)
    site.mkdir(parents=True, exist_ok=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler_for(site, state))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Preview (drafts shown) on http://127.0.0.1:{port}/ - edit {content_root(root, content_dir)}/ and save; Ctrl+C stops.")
    seen = snapshot(root, content_dir)
    try:
        while True:
            time.sleep(0.5)
            now = snapshot(root, content_dir)
            if now != seen:
                changed, seen = changed_files(seen, now), now
                update(state, changed, rebuild)
    except KeyboardInterrupt:
        server.shutdown()
    return 0
