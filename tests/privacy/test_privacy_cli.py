"""The command-line contract: exit codes, output formats, masking, allow-list, protect options."""

from __future__ import annotations

import io
import json
import re
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from skimage import data as samples

from privacy_helpers import PLANTED, ROOT, run_guard, run_json, write
from ruang_aman.privacy.normalize import canonical

LEAKY_PAGE = """\
---
title: {{id: Kisah, en: Story}}
---
Korban bernama Siti Rahayu (14) melapor. Ibu SOEKARNI dan Djoko
Susilo datang. <img alt="Wulan di rumah" src="x.png"> ni-made-ayu-lestari
NIK 6471054507900003, HP 0812-3456-7890.
"""


@pytest.fixture
def leaky(project: Path, names_file: Path) -> tuple[Path, Path]:
    write(project / "content_src" / "pages" / "kisah.md", LEAKY_PAGE)
    write(project / "content_src" / "pages" / "siti-rahayu.md", "Halaman bersih.\n")
    im = Image.fromarray(samples.coffee())
    exif = Image.Exif()
    exif[0x013B] = "Siti Rahayu"
    buf = io.BytesIO()
    im.save(buf, "JPEG", exif=exif)
    write(project / "content_src" / "media" / "FotoSitiRahayu.jpg", buf.getvalue())
    return project, names_file


def test_exit_0_on_clean_and_1_on_findings(project: Path, leaky, names_file: Path) -> None:
    clean = write(project / "content_src" / "pages" / "bersih.md", "Melapor itu aman. Hubungi SAPA 129.\n")
    assert run_guard(project, str(clean), "--names", str(names_file)).returncode == 0
    assert run_guard(project, "--names", str(names_file)).returncode == 1


def test_json_shape(leaky) -> None:
    project, names_file = leaky
    proc = run_guard(project, "--format", "json", "--names", str(names_file))
    assert proc.returncode == 1
    out = json.loads(proc.stdout)  # exactly one JSON object on stdout
    assert set(out) == {"findings", "scanned"}
    assert out["scanned"]["text_files"] >= 5 and out["scanned"]["images"] == 1
    for f in out["findings"]:
        assert {"path", "line", "rule", "severity", "message"} <= set(f)
        assert f["severity"] in ("error", "warning") and (f["line"] is None or isinstance(f["line"], int))
        assert not f["path"].startswith("/")
    found = {(f["path"], f["line"], f["rule"]) for f in out["findings"]}
    page = "content_src/pages/kisah.md"
    assert {(page, 4, "victim-named"), (page, 4, "protected-name"), (page, 5, "protected-name"),
            (page, 6, "nik"), (page, 6, "personal-phone")} <= found
    names = [f for f in out["findings"] if f["path"] == page and f["rule"] == "protected-name"]
    assert len(names) == 5 and len({f["message"] for f in names}) == 5
    image = [f for f in out["findings"] if f["path"].endswith(".jpg")]
    assert {f["rule"] for f in image} == {"protected-name", "image-author", "unregistered-image"}


def test_sarif_shape(leaky) -> None:
    project, names_file = leaky
    proc = run_guard(project, "--format", "sarif", "--names", str(names_file))
    sarif = json.loads(proc.stdout)
    assert sarif["version"] == "2.1.0" and "sarif-2.1.0" in sarif["$schema"]
    run = sarif["runs"][0]
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    for res in run["results"]:
        assert res["ruleId"] == ids[res["ruleIndex"]] and res["level"] in ("error", "warning")
        assert res["message"]["text"] and res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert res["partialFingerprints"]


def test_text_format(leaky) -> None:
    project, names_file = leaky
    proc = run_guard(project, "--names", str(names_file))
    assert re.search(r"^content_src/pages/kisah\.md:6: error\[nik\]: .*nik#[0-9a-f]{4}", proc.stdout, re.M)
    assert "Publication stopped" in proc.stdout and re.search(r"privacy: \d+ error\(s\)", proc.stdout)


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_output_never_contains_a_planted_name(leaky, fmt: str) -> None:
    project, names_file = leaky
    proc = run_guard(project, "--format", fmt, "--names", str(names_file))
    output = proc.stdout + proc.stderr
    assert proc.returncode == 1
    squashed = re.sub(r"[^a-z0-9]", "", canonical(output))
    for name in PLANTED:
        for word in canonical(name).split():
            if len(word) > 3:
                assert word not in canonical(output), (name, fmt)
        assert re.sub(r"[^a-z0-9]", "", canonical(name)) not in squashed
    for secret in ("6471054507900003", "6471 0545", "81234567890", "3456-7890"):
        assert secret not in output
    assert re.search(r"name#[0-9a-f]{4}", output)
    assert "[name#" not in output.replace("(name#", "")  # masks show no initials or lengths


def test_mask_is_stable_and_shows_no_initials(leaky) -> None:
    project, names_file = leaky
    out = run_json(project, "--names", str(names_file))[1]
    masks = [m for f in out["findings"] for m in re.findall(r"name#[0-9a-f]{4}", f["message"] + f["path"])]
    assert masks and all(re.fullmatch(r"name#[0-9a-f]{4}", m) for m in masks)
    assert out == run_json(project, "--names", str(names_file))[1]
    masked_path = next(f["path"] for f in out["findings"] if f["path"].endswith(".jpg"))
    assert re.fullmatch(r"content_src/media/Fotoname#[0-9a-f]{4}\.jpg", masked_path)  # only the name is masked


@pytest.mark.parametrize("file_name, shown", [
    ("siti-rahayu-2026.jpg", r"name#[0-9a-f]{4}-2026\.jpg"),
    ("laporan_SitiRahayu_final.md", r"laporan_name#[0-9a-f]{4}_final\.md"),
    ("wulan.md", r"name#[0-9a-f]{4}\.md"),
])
def test_file_name_masks_only_the_protected_part(project: Path, names_file: Path, file_name: str, shown: str) -> None:
    write(project / "content_src" / "pages" / file_name, "Halaman bersih.\n")
    out = run_json(project, "content_src", "--names", str(names_file))[1]
    paths = {f["path"] for f in out["findings"] if f["rule"] == "protected-name"}
    assert len(paths) == 1 and re.fullmatch(r"content_src/pages/" + shown, paths.pop())


def test_names_from_environment(leaky) -> None:
    project, names_file = leaky
    proc = run_guard(project, "--format", "json", env={"PRIVACY_NAMES_FILE": str(names_file)})
    assert any(f["rule"] == "protected-name" for f in json.loads(proc.stdout)["findings"])


def test_missing_names_file_exits_2(project: Path) -> None:
    proc = run_guard(project, "--names", str(project / "nope.txt"))
    assert proc.returncode == 2 and "names file not found" in proc.stderr and "PRIVACY_NAMES_FILE" in proc.stderr


def test_tracked_names_file_is_refused(tmp_path: Path, project: Path) -> None:
    repo = tmp_path / "repo"
    names = write(repo / "names.txt", "Siti Rahayu\n")
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run(["git", "-C", str(repo), "add", "names.txt"], check=True)
    proc = run_guard(project, "--names", str(names))
    assert proc.returncode == 2 and "tracked by git" in proc.stderr and "Siti" not in proc.stderr
    subprocess.run(["git", "-C", str(repo), "rm", "-q", "--cached", "names.txt"], check=True)
    proc = run_guard(project, "--names", str(names))
    assert proc.returncode == 2 and "not ignored" in proc.stderr
    write(repo / ".gitignore", "names.txt\n")
    assert run_guard(project, "--names", str(names)).returncode == 0


def test_usage_error_exits_2(project: Path) -> None:
    assert run_guard(project, "--format", "xml").returncode == 2


def test_allow_list_needs_reason_and_allows_by_fingerprint_or_id(leaky) -> None:
    project, names_file = leaky
    out = run_json(project, "--names", str(names_file))[1]
    phone = next(f for f in out["findings"] if f["rule"] == "personal-phone")
    nik = next(f for f in out["findings"] if f["rule"] == "nik")
    allow = project / "content_src" / "privacy-allow.yml"
    write(allow, f"allow:\n  - fingerprint: {phone['fingerprint']}\n")
    proc = run_guard(project, "--names", str(names_file))
    assert proc.returncode == 2 and "privacy-allow.yml:2" in proc.stderr and "reason" in proc.stderr
    write(allow, f"allow:\n  - fingerprint: {phone['fingerprint']}\n    reason: nomor kantor, izin tertulis\n"
                 f"  - id: {nik['id']}\n    reason: contoh NIK fiktif dalam materi pelatihan\n"
                 f"  - fingerprint: content_src/pages/kisah.md:nik:99\n    reason: lama\n")
    after = run_json(project, "--names", str(names_file))[1]
    rules = {f["rule"] for f in after["findings"]}
    assert "personal-phone" not in rules and "nik" not in rules and after["scanned"]["allowed"] == 2
    stale = [f for f in after["findings"] if f["rule"] == "allow-stale"]
    assert len(stale) == 1 and stale[0]["severity"] == "warning" and stale[0]["line"] == 6


def test_protect_name_from_stdin_stores_only_hashes(project: Path) -> None:
    proc = run_guard(project, "--protect-name", "-", stdin="Siti Rahayu\nSoekarni\n")
    assert proc.returncode == 0 and "Siti" not in proc.stderr and "name#" in proc.stderr
    stored = (project / "content_src" / "privacy-hashes.yml").read_text()
    assert "siti" not in stored.lower() and "rahayu" not in stored.lower() and "karni" not in stored.lower()
    write(project / "content_src" / "pages" / "a.md", "Ibu Sukarni dan siti-rahayu hadir.\nsitirahayu.\n")
    code, out = run_json(project, "content_src")
    assert code == 1
    assert sorted(f["line"] for f in out["findings"] if f["rule"] == "protected-name") == [1, 1, 2]
    assert "Sukarni" not in json.dumps(out)


def test_protect_name_argument(project: Path) -> None:
    assert run_guard(project, "--protect-name", "Wulan").returncode == 0
    write(project / "content_src" / "pages" / "a.md", "wulan\n")
    assert run_guard(project, "content_src").returncode == 1


def test_markup_and_json_views(project: Path, names_file: Path) -> None:
    write(project / "site" / "index.html", '<p>Siti <em>Rahayu</em></p>\n<img title="Wulan" src="a.svg">\n')
    write(project / "site" / "search" / "search_index.json",
          json.dumps({"docs": [{"text": "Ibu Siti\nRahayu \u00e9 <b>Djoko</b> <i>Susilo</i>"}]}))
    code, out = run_json(project, "site", "--names", str(names_file))
    got = {(f["path"], f["line"]) for f in out["findings"] if f["rule"] == "protected-name"}
    assert ("site/index.html", 1) in got and ("site/index.html", 2) in got
    in_index = [f for f in out["findings"] if f["path"].endswith("search_index.json")]
    assert len(in_index) == 2 and all(f["line"] is None for f in in_index)


def test_repository_content_passes() -> None:
    proc = subprocess.run([str(ROOT / ".venv" / "bin" / "python"), str(ROOT / "scripts" / "check_privacy.py"),
                           "content_src"], cwd=ROOT, capture_output=True, text=True, check=False,
                          env={"PATH": "/usr/bin:/bin"})
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_clean_campaign_corpus_gives_zero_findings(project: Path, names_file: Path) -> None:
    from test_privacy_identifiers import CLEAN

    write(project / "content_src" / "pages" / "cara-melapor.md", CLEAN)
    write(project / "site" / "cara-melapor.html",
          "<html><body><h1>Cara melapor</h1>\n" + "\n".join(f"<p>{p}</p>" for p in CLEAN.split("\n\n"))
          + '\n<a href="tel:129">129</a> <a href="https://wa.me/628111129129">WhatsApp</a></body></html>\n')
    code, out = run_json(project, "--names", str(names_file))
    assert (code, out["findings"]) == (0, [])


def test_warnings_alone_do_not_fail(project: Path) -> None:
    write(project / "content_src" / "pages" / "a.md", "Menurut ibunya, AS (12) kini sudah lebih tenang.\n")
    code, out = run_json(project, "content_src")
    assert code == 0 and [(f["rule"], f["severity"], f["line"]) for f in out["findings"]] == [
        ("initials-age", "warning", 1)]


def test_folder_names_are_checked_once_per_folder(project: Path, names_file: Path, tmp_path: Path) -> None:
    write(project / "content_src" / "e" / "soekarni" / "index.md", "Halaman bersih.\n")
    write(project / "content_src" / "e" / "soekarni" / "lain.md", "Halaman bersih.\n")
    Image.new("RGB", (8, 8)).save(write(project / "content_src" / "img" / "sukarni" / "a.png", b"").as_posix())
    write(project / "content_src" / "e" / "aman" / "siti-rahayu" / "deep" / "b.md", "Bersih.\n")
    code, out = run_json(project, "content_src", "--names", str(names_file))
    names = [f for f in out["findings"] if f["rule"] == "protected-name"]
    assert code == 1 and all(f["line"] is None for f in names)
    assert all("in a folder name" in f["message"] for f in names)
    paths = sorted(f["path"] for f in names)
    assert len(paths) == 3 and len(set(paths)) == 3, paths
    assert sorted(re.sub(r"name#[0-9a-f]{4}", "N", p) for p in paths) == [
        "content_src/e/N", "content_src/e/aman/N", "content_src/img/N"]
    assert "karni" not in json.dumps(out).lower() and "rahayu" not in json.dumps(out).lower()
    # Outside the project, folders below the scanned folder are checked (the scanned folder itself is not).
    outside = tmp_path / "elsewhere" / "wulan-files"
    write(outside / "djoko-susilo" / "x.md", "Bersih.\n")
    code, out = run_json(project, str(outside), "--names", str(names_file))
    msgs = [f["message"] for f in out["findings"] if f["rule"] == "protected-name"]
    assert code == 1 and len(msgs) == 1 and "in a folder name" in msgs[0]


def test_file_name_finding_says_file_name(project: Path, names_file: Path) -> None:
    write(project / "content_src" / "pages" / "siti-rahayu.md", "Bersih.\n")
    code, out = run_json(project, "content_src", "--names", str(names_file))
    assert code == 1 and [f["message"].endswith("in the file name") for f in out["findings"]] == [True]


def test_missing_path_exits_2_naming_it(project: Path) -> None:
    proc = run_guard(project, "content_src", "no-such-folder")
    assert proc.returncode == 2, proc.stdout
    assert "no-such-folder" in proc.stderr and "no such file or folder" in proc.stderr
    assert proc.stdout == ""
