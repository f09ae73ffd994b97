"""Batch publishing through the library (writer.publish) with the real Drafter and Checker.

One small generated fact base is built once per module; the tests that change
things work on copies of it, so the whole file stays fast.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

import pytest

from test_batch_support import make_factbase, move_price_level, mtimes, set_value, tree
from writer.publish import BatchOptions, Shard, SiteSettings, build_site, merge_shards, shard_of
from writer.publish.build import quick_id
from writer.publish.safety import unsafe_id_reason

N = 24
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    """A fact base of N events and a site built from it with two jobs (both reused read-only)."""
    root = tmp_path_factory.mktemp("batch")
    make_factbase(root / "fb", N)
    report = build_site(root / "fb" / "events", BatchOptions(out=root / "site", jobs=2))
    assert report.rejected == [], report.rejected
    return root


@pytest.fixture
def work(base, tmp_path):
    """Private copies of the fact base and the built site, siblings as in ``base`` (same relative paths)."""
    shutil.copytree(base / "fb", tmp_path / "fb")
    shutil.copytree(base / "site", tmp_path / "site")
    return tmp_path


def build(root: Path, out: str = "site", **kw):
    return build_site(root / "fb" / "events", BatchOptions(out=root / out, **kw))


def test_full_build_publishes_every_event_with_its_files(base):
    manifest = json.loads((base / "site" / ".writer" / "manifest.json").read_text())
    assert len(manifest["events"]) == N
    for event_id, entry in manifest["events"].items():
        # Files by their name in the event's own folder (the folder is the event id).
        assert set(entry["files"]) == {"index.html", f"{event_id}.md", f"{event_id}.json"}
        assert entry["inputs"]["fact_file"] and entry["inputs"]["registry"] and entry["inputs"]["templates"] and entry["inputs"]["writer"]
        for name, digest in entry["files"].items():
            assert hashlib.sha256((base / "site" / event_id / name).read_bytes()).hexdigest() == digest
    assert {"index.html", "feed.xml"} <= set(manifest["site"]) and manifest["pending"] == {}
    for name, digest in manifest["site"].items():
        assert hashlib.sha256((base / "site" / name).read_bytes()).hexdigest() == digest
    # No temporary file is left anywhere.
    assert not [p for p in tree(base / "site", state=True) if p.endswith(".tmp")]


def test_index_lists_every_article_newest_first(base):
    manifest = json.loads((base / "site" / ".writer" / "manifest.json").read_text())
    page = (base / "site" / "index.html").read_text()
    ids = re.findall(r'<a href="([a-z0-9-]+)/">', page)
    assert sorted(ids) == sorted(manifest["events"])
    times = [datetime.fromisoformat(manifest["events"][i]["published"]) for i in ids]
    assert times == sorted(times, reverse=True)


def test_every_json_ld_block_parses_and_carries_the_required_fields(base):
    for page in sorted((base / "site").glob("*/index.html")):
        html = page.read_text()
        blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        assert len(blocks) == 1, page
        data = json.loads(blocks[0])
        assert data["@context"] == "https://schema.org" and data["@type"] == "NewsArticle"
        assert data["headline"] and data["headline"] in html
        datetime.fromisoformat(data["datePublished"])
        assert datetime.fromisoformat(data["dateModified"]) >= datetime.fromisoformat(data["datePublished"])
        assert data["author"] == {"@type": "Organization", "name": SiteSettings().desk}
        assert data["citation"] and all(c["@type"] == "CreativeWork" and c["name"] for c in data["citation"])
        # Every source the article's figures cite is among the citations.
        claims = json.loads(page.with_name(page.parent.name + ".json").read_text())
        cited = {c["identifier"] for c in data["citation"]}
        for figure in _figures(claims):
            assert set(figure["sources"]) <= cited, (page, figure)


def _figures(claims) -> list[dict]:
    found = []

    def walk(node):
        if isinstance(node, dict):
            if "fact" in node and "sources" in node:
                found.append(node)
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(claims)
    return found


def test_atom_feed_parses_and_carries_the_required_fields(base):
    root = ET.fromstring((base / "site" / "feed.xml").read_bytes())
    assert root.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{name}").text
    assert root.find(f"{ATOM}author/{ATOM}name").text == SiteSettings().desk
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == N
    ids = set()
    for e in entries:
        for name in ("id", "title", "updated", "published"):
            assert e.find(f"{ATOM}{name}").text, name
        ids.add(e.find(f"{ATOM}id").text)
        href = e.find(f"{ATOM}link").get("href")
        assert (base / "site" / href / "index.html").is_file()
    assert len(ids) == N
    updated = [datetime.fromisoformat(e.find(f"{ATOM}updated").text) for e in entries]
    assert datetime.fromisoformat(root.find(f"{ATOM}updated").text) == max(updated)


def test_no_change_rerun_builds_nothing(work):
    before = mtimes(work / "site")
    report = build(work, jobs=2)
    assert report.published == [] and report.rejected == [] and report.site_written == []
    assert report.nothing_built and len(report.unchanged) == N
    assert mtimes(work / "site") == before


def test_one_changed_event_rebuilds_that_article_and_the_site_files(work):
    target = sorted((work / "fb" / "events").glob("*.yaml"))[5]
    event_id = target.stem
    move_price_level(target)
    before, old_tree = mtimes(work / "site"), tree(work / "site")
    report = build(work, jobs=2)
    assert report.published == [event_id]
    assert len(report.unchanged) == N - 1
    assert set(report.site_written) == {"index.html", "feed.xml", ".writer/manifest.json"}
    after = mtimes(work / "site")
    touched = {rel for rel in after if after[rel] != before.get(rel)}
    assert touched <= {f"{event_id}/index.html", f"{event_id}/{event_id}.md", f"{event_id}/{event_id}.json", "index.html", "feed.xml", ".writer/manifest.json"}
    assert f"{event_id}/{event_id}.json" in touched
    assert tree(work / "site")[f"{event_id}/{event_id}.json"] != old_tree[f"{event_id}/{event_id}.json"]


def test_template_change_rebuilds_every_event(work):
    import writer.templates

    templates = work / "templates"
    shutil.copytree(Path(writer.templates.__file__).parent, templates, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    report = build(work, jobs=2, templates_dir=templates)
    # A copy of the default set has the same digest: nothing to rebuild.
    assert report.published == [] and len(report.unchanged) == N
    j2 = sorted(templates.rglob("*.j2"))[0]
    j2.write_text(j2.read_text() + "{# a template edit #}\n")
    report = build(work, jobs=2, templates_dir=templates)
    assert len(report.published) == N and report.unchanged == []


def test_job_counts_give_identical_bytes(base, tmp_path):
    shutil.copytree(base / "fb", tmp_path / "fb")
    build(tmp_path, "one", jobs=1)
    assert tree(tmp_path / "one") == tree(base / "site")


def test_shards_merged_equal_a_full_build(base, tmp_path):
    shutil.copytree(base / "fb", tmp_path / "fb")
    seen = []
    for k in (1, 2, 3):
        report = build(tmp_path, "shared", jobs=1, shard=Shard(k, 3))
        assert report.rejected == []
        seen += report.published
        assert not (tmp_path / "shared" / "index.html").exists()
    assert sorted(seen) == sorted(json.loads((base / "site" / ".writer" / "manifest.json").read_text())["events"])
    merge_shards(tmp_path / "shared", [], SiteSettings())
    assert tree(tmp_path / "shared") == tree(base / "site")
    # Shards built in separate folders (a CI matrix's artifacts), merged into a fresh one.
    # (Siblings of the fact base at the same depth, so relative `facts:` paths agree.)
    for k in (1, 2, 3):
        build(tmp_path, f"s{k}", jobs=1, shard=Shard(k, 3))
    merge_shards(tmp_path / "merged", [tmp_path / "s1", tmp_path / "s2", tmp_path / "s3"], SiteSettings())
    assert tree(tmp_path / "merged") == tree(base / "site")


def test_merge_refuses_a_missing_shard(base, tmp_path):
    from writer.errors import InputError

    shutil.copytree(base / "fb", tmp_path / "fb")
    build(tmp_path, "shared", jobs=1, shard=Shard(1, 2))
    with pytest.raises(InputError, match="missing shard 2/2"):
        merge_shards(tmp_path / "shared", [], SiteSettings())


def test_a_now_failing_event_keeps_its_previous_version(work, monkeypatch):
    target = sorted((work / "fb" / "events").glob("*.yaml"))[3]
    event_id = target.stem
    before = tree(work / "site")
    set_value(target, "source: ", "source: no-such-source\n    # ")
    report = build(work, jobs=1)
    assert report.published == []
    [rej] = report.rejected
    assert rej.event == event_id and rej.file.endswith(target.name)
    assert rej.line > 0 and rej.code == "facts" and "no-such-source" in rej.reason
    assert rej.kept_previous is True
    assert tree(work / "site") == before  # the old article, index and manifest are untouched
    assert report.exit_code == 1
    # Unchanged inputs fail the same way: the next run reports it again without drafting anything.
    monkeypatch.setattr("writer.publish.worker.Publisher.publish", lambda self, task: pytest.fail(f"re-drafted {task.path}"))
    again = build(work, jobs=1)
    assert again.rejected == report.rejected and again.published == [] and again.nothing_built
    assert tree(work / "site") == before


def test_deleted_event_is_removed_but_foreign_files_stay(work):
    target = sorted((work / "fb" / "events").glob("*.yaml"))[0]
    event_id = target.stem
    (work / "site" / event_id / "notes.txt").write_text("an editor's file")
    (work / "site" / "robots.txt").write_text("User-agent: *\n")
    target.unlink()
    report = build(work, jobs=1)
    assert report.removed == [event_id]
    assert not (work / "site" / event_id / "index.html").exists()
    assert (work / "site" / event_id / "notes.txt").read_text() == "an editor's file"
    assert (work / "site" / "robots.txt").exists()
    assert event_id not in (work / "site" / "index.html").read_text()


def test_leftovers_of_a_killed_run_are_cleaned_but_look_alike_user_files_stay(work):
    """Writer cleans only the folders it owns (.writer/stage, .writer/tmp), never files by the look of their names."""
    event_dir = next(p for p in (work / "site").iterdir() if p.is_dir() and not p.name.startswith("."))
    look_alike = event_dir / ".index.html.writer-tmp-999-0.tmp"
    look_alike.write_text("a user's file that happens to look like a temporary file")
    top_look_alike = work / "site" / ".manifest.json.writer-tmp-999-1.tmp"
    top_look_alike.write_text("{")
    leftovers = [work / "site" / ".writer" / "stage" / event_dir.name / "index.html", work / "site" / ".writer" / "tmp" / ".manifest.json.writer-tmp-1-1.tmp"]
    for p in leftovers:
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("half a page")
    target = work / "fb" / "events" / f"{event_dir.name}.yaml"
    set_value(target, "title: ", "title: Changed ")
    build(work, jobs=1, force=True)
    assert not any(p.exists() for p in leftovers)
    assert look_alike.exists() and top_look_alike.exists()


def test_unsafe_event_ids_are_refused():
    for bad in ("../etc", "/abs", "a/b", "..", ".hidden", "UPPER", "sp ace", "index", "a" * 101, "", "trailing-"):
        assert unsafe_id_reason(bad), bad
    for good in ("2026-11-17-btc-long-washout", "a", "x1"):
        assert unsafe_id_reason(good) is None


def test_quick_id_reads_the_top_level_id_only():
    assert quick_id(b"# c\nid: abc-1\nfacts:\n  - id: nested\n") == "abc-1"
    assert quick_id(b"facts:\n  - id: nested\nid: 'quoted-2'  # comment\n") == "quoted-2"
    assert quick_id(b"{id: flow-3, as_of: x}") == "flow-3"
    assert quick_id(b"facts: []\n") is None


def test_shards_partition_events_deterministically():
    ids = [f"2026-01-01-event-{i}" for i in range(300)]
    parts = [[i for i in ids if Shard(k, 4).holds(i)] for k in range(1, 5)]
    assert sorted(sum(parts, [])) == sorted(ids)
    assert all(40 < len(p) < 110 for p in parts)
    assert shard_of("2026-01-01-event-7", 4) == shard_of("2026-01-01-event-7", 4)
    for bad in ("0/3", "4/3", "1/0", "x", "1-3"):
        with pytest.raises(ValueError):
            Shard.parse(bad)


def test_a_second_build_on_the_same_folder_is_refused_while_one_runs(work):
    from writer.errors import InputError
    from writer.publish.lock import build_lock

    with build_lock(work / "site" / ".writer", "build"):
        with pytest.raises(InputError, match="another writer batch"):
            build(work, jobs=1)
        # Shards lock on their own: one may run beside another shard's run.
        build(work, jobs=1, shard=Shard(1, 2))
    assert build(work, jobs=1).rejected == []


def test_an_event_id_that_would_escape_the_folder_is_rejected(work):
    target = sorted((work / "fb" / "events").glob("*.yaml"))[2]
    text = target.read_text()
    target.write_text(re.sub(r"(?m)^id: .*$", "id: ../../escaped", text, count=1))
    report = build(work, jobs=1)
    [rej] = report.rejected
    assert rej.event == "../../escaped" and rej.line > 0 and "id" in rej.reason
    assert not (work / "escaped").exists() and not (work.parent / "escaped").exists()
    assert not any("escaped" in p for p in tree(work / "site", state=True))


def test_published_markdown_passes_the_check_on_its_own(base, monkeypatch):
    """The site's Markdown names its fact file from the folder that holds the fact base (here fb/events, so
    "events/ID.yaml"), so `writer check site/` works where the build runs (``work`` builds from fb/)."""
    from writer.check import Checker

    monkeypatch.chdir(base / "fb")
    checker = Checker()
    pages = sorted((base / "site").glob("*/*.md"))
    assert len(pages) == N
    for md in pages:
        assert checker.check_file(md) == [], md


def _die_while_starting(*args):
    os._exit(3)  # a worker that dies while starting (as if killed or out of memory)


def test_a_dying_worker_rejects_its_events_and_the_run_still_finishes(work, monkeypatch):
    import writer.publish.pool as build_module

    # Workers are spawned: the initializer travels by name, and this module is importable there.
    monkeypatch.setattr(build_module, "_init_worker", _die_while_starting)
    for it in (work / "fb" / "events").glob("*.yaml"):
        it.touch()
    report = build(work, jobs=2, force=True)
    assert report.published == [] and len(report.rejected) == N
    assert {r.code for r in report.rejected} == {"internal"}
    assert all(r.kept_previous for r in report.rejected)
    assert json.loads((work / "site" / ".writer" / "manifest.json").read_text())["events"].keys() == {r.event for r in report.rejected}


def test_a_change_in_the_check_configuration_rechecks_every_event(work, monkeypatch):
    """The gate is part of what a published page is: tightening the check re-checks the site."""
    monkeypatch.chdir(work)
    assert build(work, jobs=1).published == []
    (work / "pyproject.toml").write_text('[tool.writer.check]\nfail-on = "info"\n')  # stricter than the default (warning)
    report = build(work, jobs=2)
    assert len(report.published) == N and report.unchanged == []
    assert build(work, jobs=2).published == []


def test_published_claim_map_is_the_drafts_claims_in_compact_json(base):
    """The site's ID.json holds the same data as `writer draft --format json`, on one line (the C encoder's form)."""
    from writer.draft import Drafter
    from writer.factbase.loader import load_event, load_registry

    drafter = Drafter(None, run_check=False)
    registry = load_registry(base / "fb" / "sources.yaml")
    for path in sorted((base / "fb" / "events").glob("*.yaml"))[:3]:
        event = load_event(path, registry)
        published = (base / "site" / event.id / f"{event.id}.json").read_text(encoding="utf-8")
        assert published == json.dumps(json.loads(published), ensure_ascii=False, separators=(",", ":")) + "\n"  # compact, one line
        assert json.loads(published) == json.loads(drafter.draft(event, facts_path=f"events/{path.name}").to_json())


def test_a_template_that_words_a_figure_wrongly_is_refused_for_what_writer_check_finds(work):
    """The gate reads every figure's words and searches the facts, as `writer check` does; it never takes the
    drafter's word (the claim map) for which fact a figure is. A house template (editors own them) that words the
    long figure as the shorts' and the short figure as the longs' drafts a claim map naming the right facts, and
    the check must still refuse the article for what `writer check` finds in it (bench/claimmap_links.py: links
    taken from the claim map passed such drafts)."""
    import writer.templates
    from writer.check import Checker
    from writer.draft import Drafter
    from writer.factbase.loader import load_event, load_registry

    templates = work / "templates"
    shutil.copytree(Path(writer.templates.__file__).parent, templates, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    figures = templates / "sections" / "figures.md.j2"
    right = "{{ fig(m.long) }} of it from long positions and {{ fig(m.short) }} from shorts"
    assert right in figures.read_text()
    figures.write_text(figures.read_text().replace(right, "{{ fig(m.long) }} of it from short positions and {{ fig(m.short) }} from longs"))
    report = build(work, jobs=1, templates_dir=templates)
    assert report.rejected, "no event printed the edited sentence: pick another one"
    drafter, checker = Drafter(templates, run_check=False), Checker()
    registry = load_registry(work / "fb" / "sources.yaml")
    for rej in report.rejected:
        event = load_event(work / "fb" / "events" / rej.source, registry)
        draft = drafter.draft(event, facts_path=f"fb/events/{rej.source}")
        found = [f for f in checker.check_text(draft.markdown, path=rej.article, event=event) if f.severity in ("error", "warning")]
        assert found and (found[0].code, found[0].line, found[0].column) == (rej.code, rej.article_line, rej.article_column)
        # The words name the other side's fact: a wrong value of it (P006), where the claim map names the drafted fact.
        drafted = {(fg["line"], fg["column"] + len(fg["text"]) - len(f.figure)): fg["fact"] for f in found for fg in draft.claims["figures"]
                   if fg["line"] == f.line and fg["text"].endswith(f.figure)}
        assert {f.code for f in found} == {"P006"}
        assert all(drafted[(f.line, f.column)] not in (None, f.fact) for f in found), (found, drafted)
