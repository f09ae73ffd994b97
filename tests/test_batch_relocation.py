"""A site and its fact base moved or copied: pages do not depend on where either is on disk.

A published article names its fact file from the folder that holds the fact base
(``events/ID.yaml`` for a fact base built as ``fb/events``), never by a path from the
site to it: a site copied elsewhere, alone or with its fact base, republishes nothing
and a forced rebuild there writes the same bytes; the same fact base built into two
folders gives the same site. Renaming the fact base folder changes what every page
names, so it republishes every page once.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from test_batch_support import make_factbase, tree
from writer.publish import BatchOptions, build_site

N = 3


def build(fb: Path, out: Path, **kw):
    report = build_site(fb, BatchOptions(out=out, jobs=1, **kw))
    assert report.rejected == [], report.rejected
    return report


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    root = tmp_path_factory.mktemp("relocation")
    make_factbase(root / "desk" / "fb", N, seed=11)
    build(root / "desk" / "fb" / "events", root / "desk" / "site")
    return root


def _front_matter_facts(site: Path) -> set[str]:
    return {line for md in site.glob("*/*.md") for line in md.read_text(encoding="utf-8").splitlines() if line.startswith("facts:")}


def test_pages_name_their_fact_file_from_the_folder_that_holds_the_fact_base(desk):
    names = _front_matter_facts(desk / "desk" / "site")
    assert len(names) == N and all(line.startswith('facts: "events/') and line.endswith('.yaml"') for line in names)


def test_a_site_copied_elsewhere_alone_republishes_nothing_and_a_forced_rebuild_writes_the_same_bytes(desk, tmp_path):
    site = tmp_path / "deploy" / "www" / "site"  # deeper than the original, far from the fact base
    shutil.copytree(desk / "desk" / "site", site)
    report = build(desk / "desk" / "fb" / "events", site)
    assert report.published == [] and len(report.unchanged) == N and report.site_written == []
    forced = build(desk / "desk" / "fb" / "events", site, force=True)
    assert len(forced.published) == N and forced.files_written == 0
    assert tree(site) == tree(desk / "desk" / "site")


def test_a_desk_moved_whole_republishes_nothing(desk, tmp_path):
    moved = tmp_path / "another" / "machine" / "desk"
    shutil.copytree(desk / "desk", moved)
    report = build(moved / "fb" / "events", moved / "site")
    assert report.published == [] and len(report.unchanged) == N and report.site_written == []
    assert build(moved / "fb" / "events", moved / "site", force=True).files_written == 0


def test_one_fact_base_built_into_two_places_gives_the_same_site(desk, tmp_path):
    build(desk / "desk" / "fb" / "events", tmp_path / "one")
    build(desk / "desk" / "fb" / "events", tmp_path / "two" / "levels" / "down")
    assert tree(tmp_path / "one") == tree(tmp_path / "two" / "levels" / "down") == tree(desk / "desk" / "site")


def test_renaming_the_fact_base_folder_republishes_every_page_with_the_new_name(desk, tmp_path):
    shutil.copytree(desk / "desk", tmp_path / "desk")
    (tmp_path / "desk" / "fb" / "events").rename(tmp_path / "desk" / "fb" / "reports")
    report = build(tmp_path / "desk" / "fb" / "reports", tmp_path / "desk" / "site")
    assert len(report.published) == N and report.files_written == 2 * N  # each article's Markdown and claim map
    assert all(line.startswith('facts: "reports/') for line in _front_matter_facts(tmp_path / "desk" / "site"))
    assert build(tmp_path / "desk" / "fb" / "reports", tmp_path / "desk" / "site").published == []
