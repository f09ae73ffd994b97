"""The build's steps one by one, without drafting: plan (decide), commit (order of the renames), clean."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from writer import __version__
from writer.atomic import sha256_bytes
from writer.publish.commit import Layout, clean, commit, deletions_for
from writer.publish.manifest import Entry, Inputs, Manifest
from writer.publish.plan import Item, Scan, decide
from writer.publish.rejection import reject
from writer.publish.verify import OK

INPUTS = Inputs("fact", "registry", "templates", __version__, "settings")


def entry(event_id: str, files: dict[str, bytes], inputs: Inputs = INPUTS) -> Entry:
    return Entry(event_id, f"events/{event_id}.yaml", inputs, event_id.title(), "2026-01-01T00:00:00+00:00", "2026-01-01T00:00:00+00:00", "",
                 {f"{event_id}/{name}": sha256_bytes(data) for name, data in files.items()})


def item(event_id: str, prior: Entry | None, digest: str = "fact") -> Item:
    return Item(Path(f"fb/events/{event_id}.yaml"), f"events/{event_id}.yaml", digest, Path("fb/sources.yaml"), "registry", event_id, prior)


def test_decide_sorts_unchanged_changed_duplicate_and_cached_items_without_drafting():
    old = entry("a", {"index.html": b"a"})
    prior = Manifest({"a": old})
    cached_inputs = Inputs("fact-c", "registry", "templates", __version__, "settings")
    from writer.publish.plan import inputs_key

    cached = {"events/c.yaml": (inputs_key(cached_inputs), reject("fb/events/c.yaml", "c", "facts", "bad", source="events/c.yaml"))}
    found = Scan([item("a", old), item("b", None), item("b", None, "other"), item("c", None, "fact-c")], [])
    found.items[2].source = "events/b-copy.yaml"
    plan = decide(found, prior, "templates", __version__, "settings", force=False, cached=cached, verify=lambda e: OK)
    assert [it.event_id for it in plan.unchanged] == ["a"]
    assert [it.event_id for it in plan.todo] == ["b"]
    assert sorted(r.code for r in plan.rejections) == ["duplicate-id", "facts"]
    # A damaged file is noticed but the event stays unchanged; a missing one is published again.
    assert decide(found, prior, "templates", __version__, "settings", force=False, cached={}, verify=lambda e: ["a/index.html"]).damaged == ["a/index.html"]
    assert "a" in [it.event_id for it in decide(found, prior, "templates", __version__, "settings", force=False, cached={}, verify=lambda e: "missing").todo]
    assert len(decide(found, prior, "templates", __version__, "settings", force=True, cached=cached, verify=lambda e: OK).todo) == 3


@pytest.mark.parametrize("read_back", [True, False])
def test_commit_writes_the_journal_first_renames_articles_before_the_index_deletes_then_writes_the_manifest(tmp_path, monkeypatch, read_back):
    """``read_back``: the previous manifest as a build has it (read from its file: the journal beside it);
    else one never read from this folder's manifest file (the previous manifest is written again as the journal)."""
    out = tmp_path / "site"
    layout = Layout(out)
    old_a, gone = entry("a", {"index.html": b"old a"}), entry("gone", {"index.html": b"gone"})
    for e, data in ((old_a, b"old a"), (gone, b"gone")):
        (out / e.id).mkdir(parents=True)
        (out / e.id / "index.html").write_bytes(data)
    (out / "index.html").write_bytes(b"old index")
    before = Manifest({"a": old_a, "gone": gone}, {"index.html": sha256_bytes(b"old index")})
    layout.write(layout.manifest, before.to_bytes(__version__))
    if read_back:
        before = Manifest.read(layout.manifest, __version__)
    new_a = entry("a", {"index.html": b"new a"})
    after = Manifest({"a": new_a}, {"index.html": sha256_bytes(b"new index")})
    for rel, data in (("a/index.html", b"new a"), ("index.html", b"new index")):
        (layout.stage / rel).parent.mkdir(parents=True, exist_ok=True)
        (layout.stage / rel).write_bytes(data)
    change = deletions_for(before, after, [gone])
    change.staged = ["index.html", "a/index.html"]

    events: list[str] = []
    real_replace, real_unlink = os.replace, os.unlink

    def replace(src, dst):
        name = Path(dst).relative_to(out).as_posix()
        if name == ".writer/manifest.json":
            journal = Manifest.read(Path(src), journal=False)
            name += " (journal)" if journal.pending else " (final)"
        events.append(f"rename {name}")
        real_replace(src, dst)

    def unlink(path, *a, **kw):
        if str(path).startswith(str(out)) and ".writer" not in str(path):
            events.append(f"delete {Path(path).relative_to(out).as_posix()}")
        real_unlink(path, *a, **kw)

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(os, "unlink", unlink)
    assert commit(layout, before, after, change, write_manifest=True)
    journal = ".writer/manifest.journal" if read_back else ".writer/manifest.json (journal)"
    assert events == [f"rename {journal}", "rename a/index.html", "rename index.html", "delete gone/index.html",
                      "rename .writer/manifest.json (final)"]
    assert not (out / "gone").exists() and Manifest.read(layout.manifest) == after and not layout.journal.exists()


def test_clean_empties_only_writers_own_folders(tmp_path):
    layout = Layout(tmp_path)
    for p in (layout.stage / "x" / "index.html", layout.tmp / ".f.writer-tmp-1-1.tmp", tmp_path / ".f.writer-tmp-1-1.tmp", tmp_path / "x" / "keep"):
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("x")
    clean(layout)
    assert not any(layout.stage.iterdir()) and not any(layout.tmp.iterdir())
    assert (tmp_path / ".f.writer-tmp-1-1.tmp").exists() and (tmp_path / "x" / "keep").exists()


def test_the_build_s_templates_digest_is_the_drafters_without_building_one(tmp_path):
    """The plan compares the manifest's templates digest with one computed from the files alone:
    it must be the Drafter's own, for the bundled templates and for an override folder."""
    import shutil as _shutil

    from writer.draft import Drafter
    from writer.draft.drafter import default_templates_dir, template_dirs, templates_digest

    assert templates_digest(template_dirs(None)) == Drafter(None, run_check=False).templates_digest
    override = tmp_path / "templates"
    _shutil.copytree(default_templates_dir() / "sections", override / "sections")
    section = sorted((override / "sections").glob("*.j2"))[0]
    section.write_text(section.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    digest = templates_digest(template_dirs(override))
    assert digest == Drafter(override, run_check=False).templates_digest and digest != templates_digest(template_dirs(None))


def test_a_manifest_is_written_back_byte_for_byte_and_a_doubled_event_line_is_not_reused(tmp_path):
    """Unchanged entries keep their lines as read (no serialising 10,000 entries again), but only
    when the file has one line per event: a key written twice is read as JSON reads it."""
    import json

    from test_batch_support import make_factbase
    from writer.publish import BatchOptions, build_site

    make_factbase(tmp_path / "fb", 2)
    build_site(tmp_path / "fb", BatchOptions(out=tmp_path / "site", jobs=1))
    path = tmp_path / "site" / ".writer" / "manifest.json"
    data = path.read_bytes()
    manifest = Manifest.read(path, __version__)
    assert not any(isinstance(manifest.entries.item(k), Entry) for k in manifest.entries)  # held as lines, none built
    assert manifest.to_bytes(__version__) == data
    lines = data.decode().split("\n")
    at = lines.index(" }")  # the end of the events: the last event's line is just before it
    last = lines[at - 1]
    event_id = last.split('"')[1]
    changed = last.replace('"title":"', '"title":"Edited ', 1)
    doubled = lines[:at - 1] + [last + ",", changed] + lines[at:]  # the same id twice: JSON keeps the second
    path.write_text("\n".join(doubled), encoding="utf-8")
    again = Manifest.read(path, __version__)
    assert again.entries[event_id].title.startswith("Edited ")
    assert all(isinstance(again.entries.item(k), Entry) for k in again.entries)  # built from the JSON, serialised again
    assert json.loads(again.to_bytes(__version__))["events"][event_id]["title"].startswith("Edited ")


def _per_file(layout, staged):
    """The plain version of commit._move_into_place: every staged file renamed on its own, in one sorted order."""
    for rel in sorted(staged, key=lambda r: ("/" not in r, r)):
        (layout.out / rel).parent.mkdir(parents=True, exist_ok=True)
        os.replace(layout.stage / rel, layout.out / rel)
        yield rel


def test_a_new_event_s_folder_moves_in_whole_and_the_site_is_the_one_file_by_file_renames_give(tmp_path, monkeypatch):
    import shutil

    from test_batch_support import make_factbase, move_price_level, tree
    from writer.publish import BatchOptions, build_site
    from writer.publish import commit as commit_module

    paths = make_factbase(tmp_path / "fb", 4)
    spare = tmp_path / "spare.yaml"
    shutil.move(paths[-1], spare)
    build_site(tmp_path / "fb", BatchOptions(out=tmp_path / "a", jobs=1))
    shutil.copytree(tmp_path / "a", tmp_path / "b")
    shutil.copy(spare, paths[-1])  # a new event
    move_price_level(paths[0])  # and a changed one
    moves: list[str] = []
    real_replace = os.replace

    def replace(src, dst):
        if Path(src).is_dir():
            moves.append(Path(dst).name)
        real_replace(src, dst)

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    with monkeypatch.context() as m:
        m.setattr(os, "replace", replace)
        report = build_site(tmp_path / "fb", BatchOptions(out=tmp_path / "a", jobs=1))
    assert sorted(report.published) == sorted([paths[0].stem, paths[-1].stem])
    assert moves == [paths[-1].stem]  # the new event's folder, once; the changed one file by file
    monkeypatch.setattr(commit_module, "_move_into_place", _per_file)
    build_site(tmp_path / "fb", BatchOptions(out=tmp_path / "b", jobs=1))
    assert tree(tmp_path / "a", state=False) == tree(tmp_path / "b", state=False)
    assert (tmp_path / "a" / ".writer" / "manifest.json").read_bytes() == (tmp_path / "b" / ".writer" / "manifest.json").read_bytes()
    assert not any((tmp_path / "a" / ".writer" / "stage").iterdir())
