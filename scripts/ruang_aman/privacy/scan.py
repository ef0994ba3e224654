"""Walking paths and scanning each file: text for names and identifiers, images for the rest.

Files are scanned in worker processes (fork) when there are many; the context (matchers,
register, contacts) is built once in the parent and inherited by the workers.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path

from ..limits import image_dimensions, image_too_large
from . import identifiers
from .context import name_verdict, prose_of_html
from .findings import ERROR, Finding
from .hashes import HashStore
from .images import IMAGE_EXTS, inspect, near
from .names import NameMatcher, found_form
from .normalize import canonical, fold, name_key, rejoin_hyphens, split_camel, strip_tags
from .register import Register

TEXT_EXTS = frozenset({".md", ".markdown", ".yml", ".yaml", ".html", ".htm", ".txt", ".json", ".csv", ".svg", ".css",
                       ".js", ".mjs", ".xml", ".webmanifest", ".ics", ".tsv", ".map", ".toml"})
MARKUP_EXTS = frozenset({".html", ".htm", ".svg"})
# Style sheets and scripts: names are looked for; numbers are not (minified code is full of long digit runs).
CODE_EXTS = frozenset({".css", ".js", ".mjs", ".map"})
SKIP_DIRS = frozenset({"node_modules", "__pycache__"})
METADATA_RULES = frozenset({"image-gps", "image-device", "image-author", "image-metadata"})


@dataclass
class Context:
    """What every file's scan needs, built once per run."""

    root: Path
    matcher: NameMatcher
    store: HashStore
    services: frozenset[str]
    addresses: tuple[str, ...]
    register: Register
    site_roots: list[Path] = field(default_factory=list)
    photo_hashes: list[int] = field(default_factory=list)
    photo_tiles: list = field(default_factory=list)   # photomatch.StoredPhoto per protected photo with tiles
    content: Path | None = None   # the content root (media.yml paths are relative to it); None = root/content_src
    _parts: dict[str, str] = field(default_factory=dict)
    _images: dict[tuple[str, bool], object] = field(default_factory=dict)  # (sha256, faces) -> ImageFacts
    _part_keys: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def mask(self, kind: str, value: str) -> str:
        """'name#3f2a': a keyed fingerprint that shows neither initials nor length."""
        return f"{kind}#{self.store.keyed('ra-mask', f'{kind}:{value}', 4)}"

    def match_id(self, rule: str, value: str) -> str:
        """Allow-list id of a match: rule plus a 12-hex keyed hash of the matched value."""
        return f"{rule}:{self.store.keyed('ra-id', f'{rule}:{value}', 12)}"

    def shown(self, path: Path | str) -> str:
        """Path relative to the project root (or as given), with protected names in it masked."""
        absolute = os.path.abspath(path)
        prefix = str(self.root) + os.sep
        text = absolute[len(prefix):] if absolute.startswith(prefix) else os.fspath(path)
        text = text.replace(os.sep, "/")
        return "/".join(self._masked_part(part) for part in text.split("/"))

    def shown_member(self, name: str) -> str:
        """A member path inside an archive, with protected names in it masked."""
        return "/".join(self._masked_part(part) for part in name.split("/"))

    def name_keys(self, part: str) -> tuple[str, ...]:
        """Protected names in one file or folder name (camelCase split), each once; cached."""
        keys = self._part_keys.get(part)
        if keys is None:
            hits = (self.matcher.find(canonical(split_camel(part)))
                    if not self.matcher.empty and self.matcher.may_hold(part) else [])
            keys = self._part_keys[part] = tuple(dict.fromkeys(h.key for h in hits))
        return keys

    def _masked_part(self, part: str) -> str:
        cached = self._parts.get(part)
        if cached is None:
            keys = self.name_keys(part)
            cached = part
            if keys:
                cached = self._mask_spans(part, set(keys))
            self._parts[part] = cached
        return cached

    def _mask_spans(self, part: str, keys: set[str]) -> str:
        """Only the protected words of a file or folder name masked ('siti-rahayu-2026.jpg' -> 'name#3f2a-2026.jpg');
        the whole stem when the name cannot be placed word by word (escapes, entities)."""
        tokens = [(m.start(), m.end(), name_key(m.group())) for m in _NAME_TOKEN.finditer(part)]
        tokens = [t for t in tokens if t[2]]
        joined, owner = "", []
        for i, (_, _, key) in enumerate(tokens):
            if joined:
                joined += " "
                owner.append(i)
            joined += key
            owner.extend([i] * len(key))
        spans, found = [], set()
        for hit in self.matcher.find(joined):
            if hit.kind != "full":
                continue
            first, last = owner[hit.start], owner[hit.end - 1]
            spans.append((tokens[first][0], tokens[last][1], hit.key))
            found.add(hit.key)
        if found < keys:
            _, dot, ext = part.rpartition(".")
            return "+".join(sorted({self.mask("name", k) for k in keys})) + (f".{ext}" if dot else "")
        out, pos = [], 0
        for start, end, key in sorted(spans):
            if start < pos:
                continue
            out += [part[pos:start], self.mask("name", key)]
            pos = end
        return "".join(out) + part[pos:]


# Words of a file name: camelCase parts, runs of letters, runs of digits.
_NAME_TOKEN = re.compile(r"[A-Z\u00c0-\u00de]?[a-z\u00df-\u00ff]+|[A-Z\u00c0-\u00de]+(?![a-z])|[0-9]+|[^\W\d_]+")


@dataclass
class FileResult:
    findings: list[Finding]
    size: int
    kind: str  # text | image
    shown: str  # the path as reported (masked)
    fixable: bool = False


def _name_findings(ctx: Context, shown: str, views: list[tuple[str, bool]], where: str) -> list[Finding]:
    """Protected names and their near forms; each (line, name) once, at its most severe verdict."""
    best: dict[tuple[int | None, str], str] = {}
    for text, has_lines in views:
        canon = rejoin_hyphens(fold(text))
        hits = ctx.matcher.find_near(canon)
        if not hits:
            continue
        lines = text.split("\n") if has_lines else None
        for hit in hits:
            line = canon.count("\n", 0, hit.start) + 1 if has_lines else None
            words = found_form(canon[hit.start:hit.end]).split()
            original = lines[line - 1] if lines is not None and line is not None and line <= len(lines) else None
            verdict = name_verdict(canon, hit.start, hit.end, hit.kind, original, words)
            if verdict is None:
                continue
            slot = (line, hit.key)
            if not has_lines:
                slot = next((k for k in best if k[1] == hit.key), slot)
            if best.get(slot) != ERROR:
                best[slot] = verdict
    out = []
    for (line, key), verdict in best.items():
        unsure = "" if verdict == ERROR else " (next to a degree, a role or other name words: check it is not the victim)"
        out.append(Finding(shown, line, "protected-name",
                           f"a protected name ({ctx.mask('name', key)}) appears {where}{unsure}",
                           ctx.match_id("protected-name", key), verdict))
    return out


def _identifier_findings(ctx: Context, shown: str, text: str, prose: str | None, where: str,
                         has_lines: bool = True) -> list[Finding]:
    out, seen = [], set()
    for hit in identifiers.find_all(text, ctx.services, ctx.addresses, prose):
        line = hit.line if has_lines else None
        if (line, hit.rule, hit.value) in seen:
            continue
        seen.add((line, hit.rule, hit.value))
        out.append(Finding(shown, line, hit.rule, f"{hit.message} ({ctx.mask(hit.kind, hit.value)}) {where}".rstrip(),
                           ctx.match_id(hit.rule, hit.value)))
    return out


def _json_strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in [k, *_json_strings(v)]]
    if isinstance(value, list):
        return [s for v in value for s in _json_strings(v)]
    return []


def scan_text(ctx: Context, path: Path | str) -> FileResult:
    """Names and identifiers in one text file; markup is also read with its tags removed."""
    name = os.fspath(path)
    with open(name, "rb", buffering=0) as file:  # unbuffered: one read of the whole file, no buffer object
        raw = file.readall()
    shown = ctx.shown(name)
    findings = text_findings(ctx, shown, raw.decode("utf-8", "replace"), suffix(name).lower(), "here")
    findings += _path_findings(ctx, name, shown)
    return FileResult(findings, len(raw), "text", shown)


def suffix(name: str) -> str:
    """What Path(name).suffix gives, without making a Path ('.md'; '' for '.bashrc' and 'file.')."""
    base = os.path.basename(name)
    dot = base.rfind(".")
    return base[dot:] if 0 < dot < len(base) - 1 else ""


def text_findings(ctx: Context, shown: str, text: str, ext: str, where: str, has_lines: bool = True) -> list[Finding]:
    """Names and identifiers in text of one kind (by extension: markup, JSON or plain)."""
    views = [(text, has_lines)]
    prose = None
    if ext in MARKUP_EXTS:
        import html
        prose = html.unescape(prose_of_html(text))
        views.append((prose, has_lines))
    elif ext == ".json":
        try:
            strings = _json_strings(json.loads(text))
        except ValueError:
            strings = []
        if any("\\" in s or "<" in s for s in strings) or "\\" in text:
            decoded = "\n".join(strings)
            views.append((decoded, False))
            views.append((strip_tags(decoded), False))
    findings = _name_findings(ctx, shown, views, where)
    if ext not in CODE_EXTS:
        findings += _identifier_findings(ctx, shown, text, prose, "" if where == "here" else where, has_lines)
    return findings


def scan_other(ctx: Context, path: Path, kind: str) -> FileResult:
    """A PDF, an archive or a font: every part checked as a file of its kind; anything else refused."""
    shown = ctx.shown(path)
    findings = _path_findings(ctx, path, shown)
    if kind == "refused":
        findings.append(Finding(shown, None, "unsupported-file",
                                f"the guard cannot check a '{path.suffix or path.name}' file, and the build would publish it"))
        return FileResult(findings, path.stat().st_size, kind, shown)
    data = path.read_bytes()
    built = ctx.register.built(path, "")
    findings += container_findings(ctx, shown, data, path.name, kind, depth=0, built=built)
    return FileResult(findings, len(data), kind, shown)


def container_findings(ctx: Context, shown: str, data: bytes, name: str, kind: str, depth: int,
                       built: bool = False) -> list[Finding]:
    """Findings in a PDF, ZIP, gzip or font given as bytes; parts are reported as 'file (part)' or 'file!member'.

    `built`: the build made this file (a poster PDF), so the images inside it are the build's own."""
    from . import documents as docs

    opened = {"pdf": lambda: docs.open_pdf(data), "zip": lambda: docs.open_zip(data),
              "gz": lambda: docs.open_gzip(data, name), "font": lambda: docs.open_font(data)}[kind]()
    if opened.error:
        return [Finding(shown, None, "unreadable", opened.error)]
    out: list[Finding] = []
    for part in opened.parts:
        where = f"in {part.where}"
        if part.kind in ("text", "markup"):
            out += text_findings(ctx, shown, part.text, ".html" if part.kind == "markup" else ".txt", where, False)
        elif part.kind == "image":
            out += _embedded_image_findings(ctx, shown, part.data, part.name, f" ({part.where})", built)
        else:  # a member of an archive: judged by its own name
            member = f"{shown}!{ctx.shown_member(part.name)}"
            out += _member_findings(ctx, member, part, depth, built)
    return out


def _member_findings(ctx: Context, member: str, part, depth: int, built: bool = False) -> list[Finding]:
    from .documents import ARCHIVE_EXTS, DOCUMENT_EXTS, FONT_EXTS

    ext = Path(part.name).suffix.lower()
    out = [f for f in _part_findings(ctx, Path(part.name).name, member, "in the file name")]
    if ext in TEXT_EXTS or (not ext and _is_text(part.data)):
        return out + text_findings(ctx, member, part.data.decode("utf-8", "replace"), ext, "here")
    if ext in IMAGE_EXTS:
        if part.size and not part.data:  # left packed: over the byte limit
            return out + [Finding(member, None, "image-too-large", image_too_large(None, part.size) or "")]
        return out + _embedded_image_findings(ctx, member, part.data, part.name, "", built)
    inner = _container_kind(ext)
    if inner and depth < 2:
        return out + container_findings(ctx, member, part.data, part.name, inner, depth + 1, built)
    if not part.data:
        return out  # an empty file holds nothing
    return out + [Finding(member, None, "unsupported-file",
                          f"the guard cannot check a '{ext or Path(part.name).name}' file, and the bundle would publish it")]


def _is_text(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return b"\x00" not in data


def _container_kind(ext: str) -> str:
    from .documents import ARCHIVE_EXTS, DOCUMENT_EXTS, FONT_EXTS

    if ext in DOCUMENT_EXTS:
        return "pdf"
    if ext in ARCHIVE_EXTS:
        return ext.lstrip(".")
    if ext in FONT_EXTS:
        return "font"
    return ""


def _part_findings(ctx: Context, part: str, shown: str, where: str) -> list[Finding]:
    keys = ctx.name_keys(part)
    return [Finding(shown, None, "protected-name",
                    f"a protected name ({ctx.mask('name', key)}) appears {where}",
                    ctx.match_id("protected-name", key)) for key in keys]


def _path_findings(ctx: Context, path: Path | str, shown: str) -> list[Finding]:
    return _part_findings(ctx, os.path.basename(path), shown, "in the file name")


def folder_findings(ctx: Context, folders: list[tuple[str, str]]) -> tuple[list[Finding], set[str]]:
    """Protected names in folder names, one finding per folder; and the shown path of every folder checked.

    `folders` holds (folder, scanned path it was found under). Folders are checked below the project
    root, or below the scanned path when it lies outside the project.
    """
    if ctx.matcher.empty:
        return [], set()
    prefix = str(ctx.root) + os.sep
    out: list[Finding] = []
    done: set[str] = set()
    for folder, top in folders:
        absolute = os.path.abspath(folder)
        if absolute.startswith(prefix):
            base, rel = ctx.root, absolute[len(prefix):]
        else:
            rel = os.path.relpath(absolute, os.path.abspath(top))
            if rel == os.curdir or rel.startswith(os.pardir):
                continue
            base = Path(top)
        parts = rel.split(os.sep)
        for i in range(len(parts), 0, -1):  # deepest first: once a folder is done, so are its parents
            shown = ctx.shown(base.joinpath(*parts[:i]))
            if shown in done:
                break
            done.add(shown)
            out += _part_findings(ctx, parts[i - 1], shown, "in a folder name")
    return out, done


def _relative(path: Path, base: Path) -> str | None:
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return None


def scan_image(ctx: Context, path: Path) -> FileResult:
    """Metadata, protected-photo copies, faces and the register for one image."""
    shown = ctx.shown(path)
    data = path.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    site_rel = next((r for r in (_relative(path, s) for s in [*ctx.site_roots, ctx.root / "docs"]) if r), None)
    entry = ctx.register.lookup(_relative(path, ctx.content or ctx.root / "content_src"), site_rel, sha)
    known = entry is not None or ctx.register.built(path, sha)
    findings, fixable = image_findings(ctx, shown, data, path.name, "", entry, known, sha)
    return FileResult(_path_findings(ctx, path, shown) + findings, len(data), "image", shown, fixable)


def image_findings(ctx: Context, shown: str, data: bytes, name: str, where: str, entry, known: bool,
                   sha: str = "") -> tuple[list[Finding], bool]:
    """Every check of one image given as bytes (a file, a ZIP member, a PDF's image): size, metadata and
    the text in it, protected-photo copies, faces, the register. `where` names the part (' (image 1 on
    page 2)'), `entry` is its register entry, `known` whether the register or the build knows it.
    Returns the findings and whether --fix could remove the metadata ones."""
    consented = entry is not None and entry.consented_photo
    findings: list[Finding] = []
    # Read from the header only: an image too large to publish is not decoded (a 400-megapixel file would take
    # gigabytes) and gets its own message with its size and the limit, not a privacy hint.
    too_large = image_too_large(image_dimensions(io.BytesIO(data)), len(data))
    if too_large:
        return [Finding(shown, None, "image-too-large", too_large + where)], False
    sha = sha or hashlib.sha256(data).hexdigest()
    # The same picture is often published twice (a poster and its copy in the offline ZIP): look at it once.
    facts = ctx._images.get((sha, not consented))
    if facts is None:
        facts = ctx._images[(sha, not consented)] = inspect(Path(name or "image"), faces=not consented, data=data,
                                                            sha256=sha, tiles=bool(ctx.photo_tiles))
    if facts.error:
        return [Finding(shown, None, "image-unreadable", f"the image{where} cannot be decoded ({facts.error})")], False
    by_rule: dict[str, list[str]] = {}
    for rule, what in facts.metadata:
        by_rule.setdefault(rule, []).append(what)
    for rule, whats in by_rule.items():
        findings.append(Finding(shown, None, rule, f"image metadata{where} holds " + ", ".join(dict.fromkeys(whats))))
    meta_findings = []
    if facts.text:
        label = f"in the image metadata{where}"
        meta_findings = _name_findings(ctx, shown, [(facts.text, False)], label)
        meta_findings += _identifier_findings(ctx, shown, facts.text, None, label, has_lines=False)
        findings += meta_findings
    findings += picture_findings(ctx, shown, facts.picture, consented, where)
    if facts.thumbnail is not None:
        findings += picture_findings(ctx, shown, facts.thumbnail, consented, f"{where} in its EXIF thumbnail")
    if not known:
        findings.append(Finding(shown, None, "unregistered-image", f"the image{where} is not in content_src/media.yml"
                                + (" (an image inside a file is known by identical bytes: register the image "
                                   "itself)" if where or "!" in shown else "")))
    return findings, bool(by_rule) or bool(meta_findings)


def _embedded_image_findings(ctx: Context, shown: str, data: bytes, name: str, where: str,
                             container_built: bool) -> list[Finding]:
    """An image inside a ZIP or PDF: the register knows it by its bytes (or the build made its container)."""
    sha = hashlib.sha256(data).hexdigest()
    entry = ctx.register.lookup(None, None, sha)
    known = entry is not None or container_built or ctx.register.built_bytes(sha)
    return image_findings(ctx, shown, data, name, where, entry, known, sha)[0]


def picture_findings(ctx: Context, shown: str, picture, consented: bool, where: str) -> list[Finding]:
    """Protected-photo copies and faces in one picture (an image, its EXIF thumbnail, a PDF's image)."""
    from .photomatch import is_copy

    out = []
    if any(near(v, p) for p in ctx.photo_hashes for v in picture.phashes) or (
            picture.tiles is not None and any(is_copy(picture.tiles, stored) for stored in ctx.photo_tiles)):
        out.append(Finding(shown, None, "protected-photo",
                           f"this picture{where} matches a protected photo (cropped, captioned, mirrored, turned, "
                           f"recompressed or shrunk copies included)"))
    if picture.faces and not consented:
        out.append(Finding(shown, None, "face",
                           f"the picture{where} shows {picture.faces} face(s) and is not a consented photo in the register"))
    return out


def scan_one(ctx: Context, task: tuple[str, str]) -> FileResult:
    """Scan one task: (kind, path), kind text, image, pdf, zip, gz, font or refused; with the run's context."""
    kind, name = task
    path = Path(name) if kind != "text" else name
    try:
        if kind == "text":
            return scan_text(ctx, name)
        if kind == "image":
            return scan_image(ctx, path)
        return scan_other(ctx, path, kind)
    except OSError as exc:
        shown = ctx.shown(path)
        finding = Finding(shown, None, "unreadable", f"cannot read the file ({exc.__class__.__name__})")
        return FileResult([finding], 0, kind, shown)


def _scan_chunk(ctx: Context, chunk: list[tuple[str, str]]) -> list[FileResult]:
    return [scan_one(ctx, t) for t in chunk]


def collect(paths: list[Path], skip: set[str]) -> tuple[list[tuple[str, str]], int, list[tuple[str, str]]]:
    """Tasks for every text file and image under the paths; how many files were skipped; and the
    folders seen, as (folder, the scanned path it is under)."""
    tasks, skipped, folders = [], 0, []

    def add(file: str) -> None:
        nonlocal skipped
        ext = suffix(file).lower()
        if skip and os.path.abspath(file) in skip:
            skipped += 1
        elif ext in TEXT_EXTS:
            tasks.append(("text", file))
        elif ext in IMAGE_EXTS:
            tasks.append(("image", file))
        elif _container_kind(ext):
            tasks.append((_container_kind(ext), file))
        elif not ext and _is_text(Path(file).read_bytes()):
            tasks.append(("text", file))
        elif os.stat(file).st_size == 0:
            skipped += 1  # an empty file (.nojekyll) holds nothing to check
        else:
            tasks.append(("refused", file))

    for path in paths:
        if path.is_dir():
            for folder, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIP_DIRS)
                folders.append((folder, str(path)))
                for name in sorted(files):
                    add(os.path.join(folder, name))
        elif path.is_file():
            folders.append((str(path.parent), str(path.parent)))
            add(str(path))
    return tasks, skipped, folders


def _worker(ctx: Context, chunk: list[tuple[str, str]], conn) -> None:
    try:
        conn.send(_scan_chunk(ctx, chunk))
    finally:
        conn.close()


def run(ctx: Context, tasks: list[tuple[str, str]], jobs: int) -> list[FileResult]:
    """Scan every task, in forked worker processes when there are enough files to pay for them.

    The context goes to each worker as an argument; with fork it is inherited, not pickled. The
    parent scans one share itself. Images are slow and text is fast: tasks are dealt round-robin.
    """
    if jobs <= 1 or len(tasks) < 64:
        return _scan_chunk(ctx, tasks)
    fork = get_context("fork")
    chunks = [tasks[i::jobs] for i in range(jobs)]
    workers = []
    for chunk in chunks[1:]:
        receive, send = fork.Pipe(duplex=False)
        proc = fork.Process(target=_worker, args=(ctx, chunk, send), daemon=True)
        proc.start()
        send.close()
        workers.append((proc, receive))
    shares = [_scan_chunk(ctx, chunks[0])]
    for proc, receive in workers:
        try:
            shares.append(receive.recv())
        except EOFError:
            raise RuntimeError(f"a privacy scan worker died (exit code {proc.exitcode}); run with --jobs 1 "
                               f"to see the error") from None
        finally:
            proc.join()
    out: list[FileResult] = [None] * len(tasks)  # type: ignore[list-item]
    for i, share in enumerate(shares):
        out[i::jobs] = share
    return out
