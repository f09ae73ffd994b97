"""Nothing writer reads from its own state sends it outside --out; bad operator input is exit 2 with a located message."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from test_batch_support import make_factbase, tree
from writer.cli import main
from writer.publish import BatchOptions, Rejection, SiteSettings, build_site
from writer.publish.rejection import reject


def run(*args: str):
    return CliRunner().invoke(main, ["batch", *args], catch_exceptions=False)


@pytest.fixture
def built(tmp_path):
    make_factbase(tmp_path / "fb", 3)
    build_site(tmp_path / "fb", BatchOptions(out=tmp_path / "site", jobs=1))
    return tmp_path


def _edit_manifest(path: Path, edit) -> None:
    data = json.loads(path.read_text())
    edit(data)
    path.write_text(json.dumps(data))


def test_a_manifest_entry_pointing_outside_the_site_is_refused_and_nothing_is_deleted(built):
    victim = built / "victim.txt"
    victim.write_text("not writer's")
    (built / "empty-folder").mkdir()
    manifest = built / "site" / ".writer" / "manifest.json"

    def point_outside(data):
        event_id = next(iter(data["events"]))
        digest = next(iter(data["events"][event_id]["files"].values()))
        data["events"][event_id]["files"] = {"../victim.txt": digest, "../empty-folder/x": digest}

    _edit_manifest(manifest, point_outside)
    (built / "fb" / "events" / sorted(p.name for p in (built / "fb" / "events").iterdir())[0]).unlink()  # its event is gone
    result = run(str(built / "fb"), "--out", str(built / "site"), "-q")
    assert result.exit_code == 2
    assert "manifest.json" in result.stderr and "../victim.txt" in result.stderr and "Traceback" not in result.stderr
    assert victim.read_text() == "not writer's" and (built / "empty-folder").is_dir()


# A manifest names each file inside its event's folder: any name with a folder in it, or a dot-name, is refused.
@pytest.mark.parametrize("bad", ["/etc/passwd", "x/../../victim.txt", "other-event/index.html", "ID/index.html", ".hidden", "..", "sub/page.html",
                                 "..\\x", "a\\b", "line\nbreak", ""])
def test_every_path_form_that_leaves_the_event_folder_is_refused(built, bad):
    manifest = built / "site" / ".writer" / "manifest.json"

    def edit(data):
        event_id = next(iter(data["events"]))
        data["events"][event_id]["files"][bad.replace("ID", event_id)] = "0" * 64

    _edit_manifest(manifest, edit)
    result = run(str(built / "fb"), "--out", str(built / "site"), "-q")
    assert result.exit_code == 2 and "not a writer manifest" in result.stderr


# Digests are checked all at once per event (joined): lengths that add up to whole digests, or upper case, are still refused.
@pytest.mark.parametrize("digests", [("a" * 63, "b" * 65), ("A" * 64, "0" * 64), ("0" * 64, "g" * 64), ("0" * 64, 64), ("0" * 64, None)])
def test_every_published_file_needs_a_sha256_digest(built, digests):
    manifest = built / "site" / ".writer" / "manifest.json"

    def edit(data):
        files = next(iter(data["events"].values()))["files"]
        for name, digest in zip(sorted(files), digests):
            files[name] = digest

    _edit_manifest(manifest, edit)
    result = run(str(built / "fb"), "--out", str(built / "site"), "-q")
    assert result.exit_code == 2 and "not a writer manifest" in result.stderr and "Traceback" not in result.stderr


def test_a_manifest_event_id_that_is_not_a_safe_folder_name_is_refused(built):
    manifest = built / "site" / ".writer" / "manifest.json"
    _edit_manifest(manifest, lambda data: data["events"].update({"..": next(iter(data["events"].values()))}))
    result = run(str(built / "fb"), "--out", str(built / "site"), "-q")
    assert result.exit_code == 2 and "escape" in result.stderr


def test_a_shard_manifest_listing_a_path_outside_makes_merge_exit_2_without_writing(tmp_path):
    make_factbase(tmp_path / "fb", 4)
    for k in (1, 2):
        build_site(tmp_path / "fb", BatchOptions(out=tmp_path / f"s{k}", jobs=1, shard=__import__("writer.publish", fromlist=["Shard"]).Shard(k, 2)))
    shard_manifest = tmp_path / "s1" / ".writer" / "shard-1-of-2.json"

    def outside(data):
        event_id = next(iter(data["events"]))
        data["events"][event_id]["files"]["../outside/p.txt"] = next(iter(data["events"][event_id]["files"].values()))

    _edit_manifest(shard_manifest, outside)
    result = run("--merge", "--out", str(tmp_path / "merged"), str(tmp_path / "s1"), str(tmp_path / "s2"))
    assert result.exit_code == 2 and "shard-1-of-2.json" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "outside").exists()
    assert not any(p for p in (tmp_path / "merged").rglob("*") if p.is_file() and ".writer" not in p.parts)


def test_a_control_character_in_the_desk_is_exit_2_and_no_feed_is_written(tmp_path):
    make_factbase(tmp_path / "fb", 1)
    for option, value in (("--desk", "Night\x01desk"), ("--title", "Liq\x1buidations"), ("--desk", "Desk\x85")):
        result = run(str(tmp_path / "fb"), "--out", str(tmp_path / "site"), option, value)
        assert result.exit_code == 2 and "control character" in result.stderr, (option, result.output)
    assert not (tmp_path / "site").exists()
    with pytest.raises(ValueError):
        SiteSettings(desk="")


def test_any_printable_desk_name_gives_a_well_formed_feed(tmp_path):
    make_factbase(tmp_path / "fb", 1)
    desk = "Desk <&> \"quoted\" 'single' \u2028 \U0001f4c8 ]]>"
    result = run(str(tmp_path / "fb"), "--out", str(tmp_path / "site"), "--desk", desk, "-q")
    assert result.exit_code == 0, result.output
    feed = ET.fromstring((tmp_path / "site" / "feed.xml").read_bytes())
    assert feed.find("{http://www.w3.org/2005/Atom}author/{http://www.w3.org/2005/Atom}name").text == desk


@pytest.mark.parametrize("content", ["tool = 5\n", '[tool]\nwriter = "x"\n', "[tool.writer]\ncheck = 5\n"])
def test_a_config_file_writer_cannot_read_is_named_in_the_message(tmp_path, monkeypatch, content):
    make_factbase(tmp_path / "fb", 1)
    (tmp_path / "pyproject.toml").write_text(content)
    monkeypatch.chdir(tmp_path)
    result = run(str(tmp_path / "fb"), "--out", str(tmp_path / "site"), "-q")
    assert result.exit_code == 2, result.output
    assert "pyproject.toml" in result.stderr and "Traceback" not in result.stderr
    assert "cannot set up drafting" not in result.stderr


def test_rejections_are_one_typed_record_from_one_constructor():
    r = reject("fb/a.yaml", "a", "facts", "unit: not a unit", line=3, column=5, problems=["fb/a.yaml:3:5: x"], source="a.yaml")
    assert isinstance(r, Rejection) and r.location() == "fb/a.yaml:3:5"
    d = r.as_dict()
    assert d == {"event": "a", "file": "fb/a.yaml", "line": 3, "column": 5, "code": "facts", "reason": "unit: not a unit",
                 "problems": ["fb/a.yaml:3:5: x"], "kept_previous": False}
    assert Rejection.from_dict(d, source="a.yaml") == r
    assert r.cacheable and not reject("x", None, "internal", "died").cacheable
    for broken in (None, [], {"file": 3}, {"event": "a", "file": "f", "line": "x", "column": 0, "code": "c", "reason": "r"}):
        assert Rejection.from_dict(broken) is None


def test_a_damaged_rejection_cache_is_ignored_not_trusted(built):
    cache = built / "site" / ".writer" / "rejections.json"
    cache.write_text(json.dumps({"events/x.yaml": {"inputs": 5, "rejection": {"file": "/etc/passwd"}}, "y": "z"}))
    before = tree(built / "site")
    report = build_site(built / "fb", BatchOptions(out=built / "site", jobs=1))
    assert report.rejected == [] and tree(built / "site") == before


def test_a_fifo_as_fact_base_or_registry_is_exit_2_not_a_hang(tmp_path):
    import os

    make_factbase(tmp_path / "fb", 1)
    os.mkfifo(tmp_path / "pipe")
    for args in ([str(tmp_path / "pipe")], [str(tmp_path / "fb"), "--sources", str(tmp_path / "pipe")]):
        result = run(*args, "--out", str(tmp_path / "site"), "-q")
        assert result.exit_code == 2 and result.stderr.startswith(f"{tmp_path / 'pipe'}:"), result.output


_ID_TRAPS = ["a", "a-b", "x" * 100, "x" * 101, "", "A", "a-", "-a", "a--b", "a\n", "a\nb", "\n", "index", "feed", "nul", "a/b", "..", ".a",
             "~a", "a b", "a\\b", "é", "a\x00", "0", "9-9"]


@pytest.mark.parametrize("extra", _ID_TRAPS)
def test_checking_many_ids_at_once_agrees_with_checking_each(extra):
    """A sealed manifest's 10,000 ids are checked in one pass (all_safe_ids); it must refuse exactly
    what unsafe_id_reason refuses, whichever id of the lot is the bad one."""
    from writer.publish.safety import all_safe_ids, unsafe_id_reason

    for ids in ([extra], ["a", extra], [extra, "b", "c-d"], ["a", "b", extra]):
        assert all_safe_ids(ids) == all(unsafe_id_reason(i) is None for i in ids), ids
    assert all_safe_ids([])
