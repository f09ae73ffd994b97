"""The manifest read as lines: a re-run builds only the entries it uses, and trusts nothing it cannot prove.

A manifest this writer version wrote carries a seal (the sha256 of its event lines); while the
lines still hash to it, each entry stays its line until asked for (``Entries``). These tests hold
that path to the whole read it replaces (same entries, same bytes written, same site), and show
that an edited, forged or pre-seal manifest is still checked before any path in it is used.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from test_batch_support import make_factbase, move_price_level, tree
from writer import __version__
from writer.errors import InputError
from writer.publish import BatchOptions, build_site
from writer.publish.manifest import EVENTS_END, EVENTS_LINE, PLAN, SEAL, Brief, Entry, Manifest
from writer.publish.settings import SiteSettings

EPOCH = "1767225600"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("state")
    paths = make_factbase(root / "fb", 4)
    build_site(root / "fb", BatchOptions(out=root / "site", jobs=1))
    return root, paths


def manifest_path(site):
    return site / ".writer" / "manifest.json"


def reseal(data: bytes, edit_plan=None) -> bytes:
    """``data`` with its plan index's line lengths and its seal recomputed to match its event lines (what a forger would do);
    ``edit_plan(plan)``: a change to the plan index before it is sealed."""
    marker = ("\n" + EVENTS_LINE + "\n").encode()
    head, rest = data.split(marker, 1)
    lines = head.decode().split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith(f' "{PLAN}": '))
    plan = json.loads(lines[at][len(f' "{PLAN}": '):-1])
    plan["lengths"] = [len(line) for line in rest[: -len(EVENTS_END)].split(b",\n")]
    if edit_plan is not None:
        edit_plan(plan)
    lines[at] = f' "{PLAN}": {json.dumps(plan, separators=(",", ":"))},'
    sealed = "\n".join(lines[at:]).encode() + marker + rest  # everything after the seal's line
    lines = [f' "{SEAL}": "{hashlib.sha256(sealed).hexdigest()}",' if line.startswith(f' "{SEAL}"') else line for line in lines]
    return "\n".join(lines).encode() + marker + rest


def in_events(data: bytes, old: bytes, new: bytes) -> bytes:
    """``data`` with the first ``old`` among its event lines replaced by ``new``."""
    at = data.index(EVENTS_LINE.encode())
    return data[:at] + data[at:].replace(old, new, 1)


def builds_when_read(path, monkeypatch) -> int:
    """How many entries ``Manifest.read`` builds (and checks) reading ``path``."""
    count = []
    real = Entry.from_dict.__func__
    with monkeypatch.context() as m:
        m.setattr(Entry, "from_dict", classmethod(lambda cls, event_id, d, **kw: count.append(event_id) or real(cls, event_id, d, **kw)))
        Manifest.read(path, __version__)
    return len(count)


def test_a_sealed_manifest_holds_lines_that_build_to_the_entries_of_a_whole_read(built):
    root, _ = built
    path = manifest_path(root / "site")
    lazy, whole = Manifest.read(path, __version__), Manifest.read(path)
    assert not any(isinstance(lazy.entries.item(k), Entry) for k in lazy.entries)
    assert all(isinstance(whole.entries.item(k), Entry) for k in whole.entries)
    assert list(lazy.entries) == list(whole.entries)
    for event_id in whole.entries:
        assert lazy.entries.brief(event_id) == Brief.of(whole.entries[event_id])  # read from the line, not built
        assert not isinstance(lazy.entries.item(event_id), Entry)
        assert lazy.entries[event_id] == whole.entries[event_id]
    assert lazy.to_bytes(__version__) == path.read_bytes() == whole.to_bytes(__version__)
    assert (lazy.site_files, lazy.settings, lazy.pending, lazy.site_templates) == (whole.site_files, whole.settings, whole.pending, whole.site_templates)


def test_an_edited_line_breaks_the_seal_and_the_manifest_is_checked_whole(built, tmp_path):
    root, _ = built
    site = tmp_path / "site"
    shutil.copytree(root / "site", site)
    path = manifest_path(site)
    data = path.read_bytes()
    edited = in_events(data, b'"index.html":', b'"../../outside.html":')
    assert edited != data
    path.write_bytes(edited)
    with pytest.raises(InputError, match="not a file in the folder of event"):
        Manifest.read(path, __version__)


def test_a_forged_seal_never_sends_writer_outside_its_folder(built, tmp_path):
    """A line listing a path outside the site, under a seal recomputed to match: the line is held, never
    used for a path unless built, and building it refuses it (exit 2), as a whole read would."""
    root, paths = built
    site = tmp_path / "site"
    shutil.copytree(root / "site", site)
    path = manifest_path(site)
    forged = reseal(in_events(path.read_bytes(), b'"index.html":', b'"../../outside.html":'))
    path.write_bytes(forged)
    manifest = Manifest.read(path, __version__)  # the seal holds: read as lines
    victim = next(iter(manifest.entries))
    with pytest.raises(InputError, match="not a file in the folder of event"):
        manifest.entries[victim]
    with pytest.raises(InputError, match="not a file in the folder of event"):
        build_site(root / "fb", BatchOptions(out=site, jobs=1, verify=True))  # --verify builds every entry
    assert not (tmp_path / "outside.html").exists()


def test_a_manifest_written_before_the_seal_is_read_whole_then_sealed(built, tmp_path, monkeypatch):
    """Migration: main's format 3 (no seal) is read and checked whole; the next run writes the seal, and the
    manifest it writes is the one a fresh build writes."""
    root, _ = built
    site = tmp_path / "site"
    shutil.copytree(root / "site", site)
    path = manifest_path(site)
    sealed = path.read_bytes()
    unsealed = b"\n".join(line for line in sealed.split(b"\n") if not line.startswith(f' "{SEAL}"'.encode()))
    assert unsealed != sealed and json.loads(unsealed)["events"]
    path.write_bytes(unsealed)
    assert builds_when_read(path, monkeypatch) == 4  # checked whole
    report = build_site(root / "fb", BatchOptions(out=site, jobs=1))
    assert report.published == [] and report.site_written == [".writer/manifest.json"]
    assert path.read_bytes() == sealed
    assert tree(site) == tree(root / "site")
    assert builds_when_read(path, monkeypatch) == 0  # sealed: held as lines


def test_a_plan_index_that_does_not_describe_its_lines_is_not_trusted(built, tmp_path, monkeypatch):
    """Under a seal that holds (recomputed by a forger), a plan index naming the lines in another order, or giving
    them other lengths, is not used: the manifest is read and checked whole, as an unsealed one is."""
    root, _ = built
    path = manifest_path(tmp_path)
    path.parent.mkdir()
    data = manifest_path(root / "site").read_bytes()
    whole = Manifest.read(manifest_path(root / "site"))
    for edit in (lambda plan: plan["ids"].reverse(), lambda plan: plan["lengths"].__setitem__(0, plan["lengths"][0] - 1),
                 lambda plan: plan["inputs_of"].__setitem__(0, 7), lambda plan: plan.pop("sources")):
        path.write_bytes(reseal(data, edit))
        assert builds_when_read(path, monkeypatch) == 4
        read = Manifest.read(path, __version__)
        assert not read.sealed and dict(read.entries) == dict(whole.entries)
    path.write_bytes(reseal(data))  # the forger's tools agree with writer's own: unchanged, it is trusted
    assert path.read_bytes() == data and builds_when_read(path, monkeypatch) == 0


def test_a_format_3_manifest_is_read_whole_then_written_with_the_plan_index(built, tmp_path, monkeypatch):
    """Migration: a format-3 manifest (sealed lines, no plan index) is read and checked whole; the next run writes
    the manifest a fresh build writes, and publishes nothing."""
    root, _ = built
    site = tmp_path / "site"
    shutil.copytree(root / "site", site)
    path = manifest_path(site)
    current = path.read_bytes()
    marker = ("\n" + EVENTS_LINE + "\n").encode()
    head, rest = current.split(marker, 1)
    lines = [line for line in head.decode().split("\n") if not line.startswith(f' "{PLAN}": ')]
    body = rest[: -len(EVENTS_END)]
    lines = [' "format": 3,' if line.startswith(' "format": ') else
             f' "{SEAL}": "{hashlib.sha256(body).hexdigest()}",' if line.startswith(f' "{SEAL}"') else line for line in lines]
    path.write_bytes("\n".join(lines).encode() + marker + rest)
    assert builds_when_read(path, monkeypatch) == 4  # checked whole
    report = build_site(root / "fb", BatchOptions(out=site, jobs=1))
    assert report.published == [] and report.site_written == [".writer/manifest.json"]
    assert path.read_bytes() == current
    assert tree(site) == tree(root / "site")


def _re_run(site, fb, monkeypatch, *, whole: bool):
    """A re-run counting the entries it builds; ``whole``: the plain path (every manifest read whole and checked)."""
    built = []
    real = Entry.from_dict.__func__

    def counting(cls, event_id, d, **kw):
        built.append(event_id)
        return real(cls, event_id, d, **kw)

    with monkeypatch.context() as m:
        if whole:
            m.setattr(Manifest, "_read_sealed", classmethod(lambda cls, raw, path, version, trusted=None: None))
        m.setattr(Entry, "from_dict", classmethod(counting))
        report = build_site(fb, BatchOptions(out=site, jobs=1, settings=SiteSettings(feed_size=1)))
    return report, built


def test_a_one_changed_re_run_builds_only_what_it_uses_and_writes_what_the_whole_read_writes(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    monkeypatch.setattr("writer.publish.sitefiles.INDEX_PAGE_SIZE", 2)  # 6 events: 3 index pages
    paths = make_factbase(tmp_path / "fb", 6)
    settings = SiteSettings(feed_size=1)
    build_site(tmp_path / "fb", BatchOptions(out=tmp_path / "a", jobs=1, settings=settings))
    shutil.copytree(tmp_path / "a", tmp_path / "b")
    move_price_level(paths[0])
    lazy, lazy_built = _re_run(tmp_path / "a", tmp_path / "fb", monkeypatch, whole=False)
    whole, whole_built = _re_run(tmp_path / "b", tmp_path / "fb", monkeypatch, whole=True)
    assert lazy.published == whole.published == [paths[0].stem] and lazy.corrected == [paths[0].stem]
    assert len(whole_built) == 6 and 1 <= len(lazy_built) <= 3  # the changed entry and its index page's
    assert tree(tmp_path / "a") == tree(tmp_path / "b")
    assert manifest_path(tmp_path / "a").read_bytes() == manifest_path(tmp_path / "b").read_bytes()


def test_the_articles_stat_cache_is_kept_apart_for_verify_runs(tmp_path, monkeypatch):
    """An ordinary re-run neither reads nor writes the articles' stats; a --verify run after it hashes
    only what was published since the last --verify, not every article file again."""
    from writer.publish import verify as verify_module

    paths = make_factbase(tmp_path / "fb", 3)
    out = tmp_path / "site"
    build_site(tmp_path / "fb", BatchOptions(out=out, jobs=1))
    articles_cache = out / ".writer" / "verified-articles.json"
    assert not articles_cache.exists()
    monkeypatch.setattr(verify_module, "RACY_MARGIN_NS", -10**18)  # remember every hash at once (no clock tick to wait for)
    build_site(tmp_path / "fb", BatchOptions(out=out, jobs=1, verify=True))
    cached = json.loads(articles_cache.read_bytes())["site"]
    assert sorted(cached) == sorted(rel for rel in tree(out) if "/" in rel)  # every article file, none of the site's own
    move_price_level(paths[0])
    build_site(tmp_path / "fb", BatchOptions(out=out, jobs=1))  # republishes one event; the articles' cache is not touched
    assert json.loads(articles_cache.read_bytes())["site"] == cached
    hashed = []
    real = verify_module.sha256_file
    monkeypatch.setattr(verify_module, "sha256_file", lambda path: hashed.append(Path(path).relative_to(out).as_posix()) or real(path))
    report = build_site(tmp_path / "fb", BatchOptions(out=out, jobs=1, verify=True))
    assert report.damaged == [] and report.published == []
    assert sorted(hashed) == sorted(rel for rel in tree(out) if rel.startswith(paths[0].stem + "/"))  # the republished event's files only
