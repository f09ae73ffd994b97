"""writer's own code and data, and the libraries that shape a page, are an input of every page (writer.publish.identity).

A change to the check's phrases, with the version string unchanged, re-checks every
published event: one the new check rejects is rejected (its previous version kept), and
once the check accepts it again it is republished; a change that decides nothing re-checks
and writes no page; an unchanged re-run does nothing. The runs use a copy of the package
laid out as installed, in fresh processes, so the test edits that copy, never this checkout.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from test_batch_support import make_factbase, tree

from writer.publish.identity import NOT_PAGE_FOLDERS, PAGE_LIBRARIES, code_files, is_page_input, library_versions, writer_identity
from writer.publish.verify import Verifier

ROOT = Path(__file__).resolve().parents[1]
PHRASES = Path("writer/check/phrases.yaml")
# A word every draft prints beside a single-source figure, made a word of overstated certainty (P009, at the gate).
OVERSTATED = "overstated:\n"
OVERSTATED_LIQUIDATIONS = "overstated:\n  - liquidations\n"


def _installed_copy(into: Path) -> Path:
    skip = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "writer", into / "writer", ignore=skip)
    shutil.copytree(ROOT / "templates", into / "writer" / "templates", ignore=skip)
    return into


def _batch(code: Path, fb: Path, site: Path) -> tuple[int, dict]:
    env = {**os.environ, "PYTHONPATH": str(code), "SOURCE_DATE_EPOCH": "1800000000"}
    # -P: the working folder is not put before PYTHONPATH (run from a checkout, it would import the checkout's writer)
    proc = subprocess.run([sys.executable, "-P", "-m", "writer.cli", "batch", str(fb), "--out", str(site), "--jobs", "1", "--format", "json", "-q"],
                          capture_output=True, text=True, env=env, cwd=code)
    assert proc.returncode in (0, 1), proc.stdout + proc.stderr
    return proc.returncode, json.loads(proc.stdout)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("code-inputs")
    code = _installed_copy(root / "code")
    fb = root / "fb"
    make_factbase(fb, 3, seed=7)
    site = root / "site"
    code_rc, first = _batch(code, fb, site)
    assert code_rc == 0 and len(first["published"]) == 3
    return code, fb, site


def test_a_phrase_change_rechecks_rejects_then_republishes_and_an_unchanged_rerun_does_nothing(built):
    code, fb, site = built
    manifest = site / ".writer" / "manifest.json"
    pages = tree(site)

    rc, again = _batch(code, fb, site)
    assert rc == 0 and again["published"] == [] and len(again["unchanged"]) == 3 and again["site_files_written"] == []

    # "liquidations" now overstates a single source's figure: every event is checked again and
    # rejected, and the site keeps the versions it has.
    _edit(code / PHRASES, OVERSTATED, OVERSTATED_LIQUIDATIONS)
    rc, report = _batch(code, fb, site)
    assert rc == 1 and report["published"] == [] and len(report["rejected"]) == 3
    assert {r["code"] for r in report["rejected"]} == {"P009"} and all(r["kept_previous"] for r in report["rejected"])
    assert tree(site) == pages

    # The phrase gone again, the file as it was: the kept versions are what these inputs publish.
    _edit(code / PHRASES, OVERSTATED_LIQUIDATIONS, OVERSTATED)
    rc, report = _batch(code, fb, site)
    assert rc == 0 and report["published"] == [] and report["rejected"] == [] and len(report["unchanged"]) == 3

    # Phrases the check accepts the drafts with, but not the ones they were published with: checked
    # again and republished (the same bytes, so no page is written).
    _edit(code / PHRASES, OVERSTATED, "overstated:\n  # a comment: the phrases changed, the verdict did not\n")
    rc, report = _batch(code, fb, site)
    assert rc == 0 and len(report["published"]) == 3 and report["files_written"] == 0
    assert tree(site) == pages
    settled = manifest.read_bytes()

    rc, again = _batch(code, fb, site)
    assert rc == 0 and again["published"] == [] and again["rejected"] == [] and manifest.read_bytes() == settled


def test_a_code_change_that_decides_nothing_rechecks_and_writes_no_page(built):
    code, fb, site = built
    pages = tree(site)
    _edit(code / "writer/check/rules/__init__.py", '"""', '"""A comment that decides nothing. ')
    rc, report = _batch(code, fb, site)
    assert rc == 0 and len(report["published"]) == 3 and report["files_written"] == 0
    assert tree(site) == pages
    rc, again = _batch(code, fb, site)
    assert again["published"] == []


def test_a_code_change_that_changes_a_published_file_republishes_just_that_file(built):
    code, fb, site = built
    pages = tree(site)
    _edit(code / "writer/publish/claimmap.py", 'COMPACT = (",", ":")', 'COMPACT = (", ", ":")')  # the claim maps' bytes change
    rc, report = _batch(code, fb, site)
    assert rc == 0 and len(report["published"]) == 3 and report["files_written"] == 3
    now = tree(site)
    changed = sorted(rel for rel in now if now[rel] != pages.get(rel))
    assert len(changed) == 3 and all(rel.endswith(".json") for rel in changed)
    assert all(json.loads(now[rel]) == json.loads(pages[rel]) for rel in changed)


def _fake_distribution(folder: Path, name: str, version: str) -> Path:
    """An installed distribution's metadata as pip leaves it, found before the real one (PYTHONPATH comes first)."""
    info = folder / f"{name}-{version}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n", encoding="utf-8")
    return info


def test_an_upgraded_library_republishes_and_an_unchanged_run_does_nothing(built):
    code, fb, site = built
    pages = tree(site)
    rc, again = _batch(code, fb, site)
    assert rc == 0 and again["published"] == [] and again["site_files_written"] == []

    # babel "upgraded" (it formats every date and number a page prints): every event is checked and published again;
    # this fake version prints the same bytes, so no page is written.
    fake = _fake_distribution(code, "babel", "99.0")
    rc, report = _batch(code, fb, site)
    assert rc == 0 and len(report["published"]) == 3 and report["files_written"] == 0 and tree(site) == pages
    rc, again = _batch(code, fb, site)
    assert rc == 0 and again["published"] == [] and again["site_files_written"] == []

    # Back to the version the site was first built with: published again, then settled.
    shutil.rmtree(fake)
    rc, report = _batch(code, fb, site)
    assert rc == 0 and len(report["published"]) == 3 and report["files_written"] == 0
    rc, again = _batch(code, fb, site)
    assert rc == 0 and again["published"] == [] and again["site_files_written"] == [] and tree(site) == pages


def test_library_versions_are_read_again_only_when_a_folder_of_the_import_path_changes(tmp_path, monkeypatch):
    monkeypatch.setattr("writer.publish.verify.RACY_MARGIN_NS", 0)  # the folders are new: remember them at once
    state = tmp_path / "state"
    state.mkdir()
    first, second, later = tmp_path / "site-packages", tmp_path / "user-site", tmp_path / "not-yet"
    first.mkdir()
    second.mkdir()
    folders = [str(first), str(second), str(later)]
    reads: list[str] = []

    def versions(text: str):
        def read() -> str:
            reads.append(text)
            return text
        return read

    def libraries(paths: list[str], text: str) -> str:
        verifier = Verifier(tmp_path, state / "verified.json", state)
        found = verifier.libraries(paths, versions(text))
        verifier.save()
        return found

    assert libraries(folders, "Jinja2 3.1.6\n") == "Jinja2 3.1.6\n" and reads == ["Jinja2 3.1.6\n"]
    assert libraries(folders, "not read\n") == "Jinja2 3.1.6\n" and len(reads) == 1  # nothing changed: nothing read
    (second / "jinja2-3.2.0.dist-info").mkdir()  # an upgrade installed into one folder of the path
    assert libraries(folders, "Jinja2 3.2.0\n") == "Jinja2 3.2.0\n" and len(reads) == 2
    assert libraries(folders, "not read\n") == "Jinja2 3.2.0\n" and len(reads) == 2
    assert libraries(folders[::-1], "Jinja2 3.1.6\n") == "Jinja2 3.1.6\n" and len(reads) == 3  # another order: another answer
    later.mkdir()  # a folder of the path that did not exist now does
    assert libraries(folders[::-1], "Jinja2 3.3.0\n") == "Jinja2 3.3.0\n" and len(reads) == 4
    assert libraries(folders[:2], "Jinja2 3.1.6\n") == "Jinja2 3.1.6\n" and len(reads) == 5  # a folder fewer


def test_the_identity_names_each_page_library_and_follows_its_version(monkeypatch):
    from importlib import metadata

    text = library_versions()
    assert text.startswith(f"{sys.implementation.name} {sys.version_info[0]}.{sys.version_info[1]}.")
    for name in PAGE_LIBRARIES:
        assert f"\n{name} {metadata.version(name)}\n" in text
    base = writer_identity()
    real = metadata.version
    monkeypatch.setattr(metadata, "version", lambda name: "99.0" if name == "Jinja2" else real(name))
    assert "\nJinja2 99.0\n" in library_versions() and writer_identity() != base


def test_the_identity_follows_every_page_input_and_no_other_file(tmp_path):
    code = _installed_copy(tmp_path / "code") / "writer"
    base = writer_identity(root=code)
    assert base == writer_identity(root=code)  # deterministic
    for rel in ("check/phrases.yaml", "draft/numbers.py", "publish/pages.py", "markdown_html.py"):
        saved = (code / rel).read_bytes()
        (code / rel).write_bytes(saved + b"\n")
        assert writer_identity(root=code) != base, rel
        (code / rel).write_bytes(saved)
    assert writer_identity(root=code) == base
    for rel in ("importers/coinglass.py", "preview/render.py", "cli_check.py", "templates/style.yaml", "check/__pycache__/x.pyc"):
        (code / rel).parent.mkdir(exist_ok=True)
        (code / rel).write_bytes(b"# not a page input\n")
        assert writer_identity(root=code) == base, rel
    (code / "check" / "new_rule_data.yaml").write_text("a: 1\n")
    assert writer_identity(root=code) != base  # a new data file is an input


def test_the_identity_is_the_same_from_the_stat_cache_and_reads_only_a_changed_file(tmp_path, monkeypatch):
    code = _installed_copy(tmp_path / "code") / "writer"
    monkeypatch.setattr("writer.publish.verify.RACY_MARGIN_NS", 0)  # the copy is new: remember its files at once
    state = tmp_path / "state"
    state.mkdir()
    plain = writer_identity(root=code)
    first = Verifier(tmp_path, state / "verified.json", state)
    assert writer_identity(first, root=code) == plain
    first.save()
    read: list[str] = []
    real_open = open

    def counting_open(path, *a, **k):
        read.append(os.fspath(path))
        return real_open(path, *a, **k)

    monkeypatch.setattr("builtins.open", counting_open)
    assert writer_identity(Verifier(tmp_path, state / "verified.json", state), root=code) == plain
    assert [p for p in read if p.startswith(os.fspath(code))] == []  # nothing of the package read
    phrases = code / "check" / "phrases.yaml"
    phrases.write_bytes(phrases.read_bytes() + b"# edited\n")
    edited = writer_identity(Verifier(tmp_path, state / "verified.json", state), root=code)
    assert [p for p in read if p.startswith(os.fspath(code))] == [os.fspath(phrases)]  # that file alone
    assert edited != plain and edited == writer_identity(root=code)


def _normal(distribution: str) -> str:
    """A distribution's name as pip compares names (PEP 503)."""
    return re.sub(r"[-_.]+", "-", distribution).lower()


def test_publishing_imports_no_module_left_out_of_the_identity(tmp_path):
    """The parts left out (importers, preview, the command line's modules) must be parts no page depends on, and
    every library publishing imports (an edited article's too) must be one whose version is an input."""
    fb = tmp_path / "fb"
    paths = make_factbase(fb / "events", 2, seed=3)
    (fb / "events" / "sources.yaml").rename(fb / "sources.yaml")
    articles = fb / "articles"
    articles.mkdir()
    drafted = subprocess.run([sys.executable, "-m", "writer.cli", "draft", str(paths[0]), "-o", str(articles / f"{paths[0].stem}.md")],
                             capture_output=True, text=True, cwd=tmp_path)
    assert drafted.returncode == 0, drafted.stderr
    script = (
        "import sys\n"
        "before = set(sys.modules)\n"
        "from pathlib import Path\n"
        "from importlib import metadata\n"
        "from writer.publish import BatchOptions, build_site\n"
        f"report = build_site(Path({str(fb / 'events')!r}), BatchOptions(out=Path({str(tmp_path / 'site')!r}), jobs=1))\n"
        "assert len(report.published) == 2 and not report.rejected, report.as_dict()\n"
        "import writer\n"
        "base = Path(writer.__file__).parent\n"
        "owners = metadata.packages_distributions()\n"
        "for name, m in list(sys.modules.items()):\n"
        "    f = getattr(m, '__file__', None) or ''\n"
        "    if f.startswith(str(base)):\n"
        "        print(Path(f).relative_to(base).as_posix())\n"
        "    elif name not in before and name.split('.')[0] in owners and not f.startswith(sys.base_prefix):\n"
        "        print(*('library:' + d for d in owners[name.split('.')[0]]))\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    loaded = proc.stdout.split()
    assert "check/checker.py" in loaded and "draft/drafter.py" in loaded and "publish/edited.py" in loaded
    libraries = {_normal(rel.removeprefix("library:")) for rel in loaded if rel.startswith("library:")} - {"writer"}
    assert libraries == {_normal(name) for name in PAGE_LIBRARIES}  # each one publishing imports, and no other
    # Installed from a wheel, the bundled templates are the package writer.templates (inputs through their own digests).
    assert [rel for rel in loaded if not is_page_input(rel) and not rel.startswith(("templates/", "library:"))] == []
    assert "templates" in NOT_PAGE_FOLDERS


def test_a_package_folder_that_cannot_be_read_is_an_input_error_naming_it(tmp_path, monkeypatch):
    from writer.errors import InputError

    code = _installed_copy(tmp_path / "code") / "writer"
    real_open = open

    def refusing_open(path, *a, **k):
        if os.fspath(path).endswith("phrases.yaml"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_open(path, *a, **k)

    monkeypatch.setattr("builtins.open", refusing_open)
    with pytest.raises(InputError) as caught:
        writer_identity(root=code)
    assert "check/phrases.yaml" in str(caught.value) and "cannot read writer's own files" in str(caught.value)
    with pytest.raises(InputError) as gone:
        writer_identity(root=tmp_path / "gone")
    assert str(tmp_path / "gone") in str(gone.value)
