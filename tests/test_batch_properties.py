"""Bounded property tests of the publish surface: no traceback, every exit-2 message located, nothing outside --out.

Everything writer reads from its own state (manifest, rejection cache, stat
cache) and every operator option is mutated at random. A few hundred cases per
run here; ``bench/fuzz_publish.py`` runs the same properties much longer
(``WRITER_FUZZ_EXAMPLES``).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from test_batch_support import listed_files, make_factbase
from writer.cli import main
from writer.errors import InputError
from writer.publish import BatchOptions, Shard, SiteSettings, build_site
from writer.publish.feed import atom_feed
from writer.publish.manifest import Entry, Inputs, Manifest
from writer.publish.pages import SitePages
from writer.publish.safety import inside

EXAMPLES = int(os.environ.get("WRITER_FUZZ_EXAMPLES", "300"))
CLI_EXAMPLES = max(4, EXAMPLES // 30)
LOCATED = re.compile(r"^(error: )?\S[^\n]*?:\d+:\d+: \S|^Usage: |^Error: |^Try ")
PATHS = st.one_of(
    st.text(alphabet="./\\~-_aZ09\x00 ", max_size=12),
    st.sampled_from(["../victim.txt", "/etc/passwd", "..", ".", "", "a/../../b", "ID/../x", "ID/.hidden", "ID/sub/x", "index.html", "feed.xml", "ID\\x"]),
)
JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3), max_leaves=8)
FAST = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("props")
    make_factbase(root / "fb", 2)
    build_site(root / "fb", BatchOptions(out=root / "site", jobs=1))
    return root


def _mutate(data, path: list, value):
    """``data`` with the value at ``path`` (keys/indices, taken modulo) replaced by ``value``."""
    if not path or not isinstance(data, (dict, list)) or not data:
        return value
    if isinstance(data, dict):
        key = sorted(data)[path[0] % len(data)]
        return {**data, key: _mutate(data[key], path[1:], value)}
    i = path[0] % len(data)
    return data[:i] + [_mutate(data[i], path[1:], value)] + data[i + 1 :]


def _confined(manifest: Manifest, out: Path) -> None:
    for rel in listed_files(manifest):
        inside(out, rel)  # raises ValueError when it leaves the folder
        assert not rel.startswith("/") and ".." not in rel.split("/")


@FAST
@given(path=st.lists(st.integers(min_value=0, max_value=50), max_size=5), value=JSON)
def test_any_mutated_manifest_is_read_confined_or_refused_with_its_path(site, path, value):
    raw = json.loads((site / "site" / ".writer" / "manifest.json").read_bytes())
    target = site / "mutants" / "manifest.json"
    target.parent.mkdir(exist_ok=True)
    target.write_text(json.dumps(_mutate(raw, path, value)))
    try:
        manifest = Manifest.read(target)
    except InputError as exc:
        assert str(exc).startswith(str(target) + ":")
        return
    _confined(manifest, site / "site")


@FAST
@given(rel=PATHS, as_site_file=st.booleans())
def test_any_file_path_in_a_manifest_is_confined_or_refused(site, rel, as_site_file):
    raw = json.loads((site / "site" / ".writer" / "manifest.json").read_bytes())
    event_id = sorted(raw["events"])[0]
    rel = rel.replace("ID", event_id)
    if as_site_file:
        raw["site"][rel] = "0" * 64
    else:
        raw["events"][event_id]["files"][rel] = "0" * 64  # a name inside the event's folder, in the manifest
    raw["pending"][rel] = None
    try:
        manifest = Manifest._parse(raw)
    except (ValueError, KeyError, TypeError, AttributeError):
        return
    _confined(manifest, site / "site")


@FAST
@given(data=st.binary(max_size=200) | JSON.map(lambda v: json.dumps(v).encode()))
def test_damaged_caches_are_ignored_never_a_traceback(site, data):
    from writer.publish.build import _read_rejections
    from writer.publish.verify import Verifier

    target = site / "mutants" / "cache.json"
    target.parent.mkdir(exist_ok=True)
    target.write_bytes(data)
    assert isinstance(_read_rejections(target), dict)
    Verifier(site / "site", target, site / "mutants" / "tmp").digest("index.html")


@FAST
@given(desk=st.text(max_size=20), title=st.text(max_size=20))
def test_any_desk_and_title_are_refused_or_give_a_well_formed_feed_and_index(desk, title):
    try:
        settings_ = SiteSettings(desk=desk, title=title)
    except ValueError as exc:
        assert str(exc)
        return
    entry = Entry("an-event", "a.yaml", Inputs("a", "b", "c", "d", "e"), title, "2026-01-01T00:00:00+00:00", "2026-01-01T00:00:00+00:00", desk, {})
    feed = ET.fromstring(atom_feed([entry], settings_))
    assert feed.find("{http://www.w3.org/2005/Atom}title").text == title
    assert desk in SitePages(settings_).index([entry]) or "&" in desk or "<" in desk or ">" in desk or '"' in desk or "'" in desk


@FAST
@given(text=st.text(max_size=12))
def test_any_shard_text_parses_or_is_refused(text):
    try:
        shard = Shard.parse(text)
    except ValueError:
        return
    assert 1 <= shard.k <= shard.n


@settings(max_examples=CLI_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(cut=st.integers(min_value=0, max_value=4000), flip=st.integers(min_value=0, max_value=4000), option=st.sampled_from(
    [[], ["--desk", "Desk\x01"], ["--shard", "0/0"], ["--feed-size", "0"], ["--jobs", "x"], ["--title", ""], ["--articles", "/nonexistent/x"]]))
def test_writer_batch_on_a_damaged_manifest_exits_0_1_or_2_with_located_messages(site, tmp_path_factory, cut, flip, option):
    work = tmp_path_factory.mktemp("cli")
    shutil.copytree(site / "site", work / "site")
    manifest = work / "site" / ".writer" / "manifest.json"
    data = bytearray(manifest.read_bytes())
    data = data[: max(1, len(data) - cut)] if cut % 2 else data
    if data:
        data[flip % len(data)] ^= 0x20
    manifest.write_bytes(bytes(data))
    before = {p: p.read_bytes() for p in site.glob("*.txt")}
    result = CliRunner().invoke(main, ["batch", str(site / "fb"), "--out", str(work / "site"), "-q", "--jobs", "1", *option])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    assert result.exit_code in (0, 1, 2)
    if result.exit_code == 2:
        first = result.stderr.strip().splitlines()[0]
        assert LOCATED.match(first), first
    assert {p: p.read_bytes() for p in site.glob("*.txt")} == before


def _resealed(data: bytes) -> bytes:
    """``data`` with its seal recomputed over what follows the seal's line (the plan index and the event lines), when it
    still has the seal's layout (what a forger does, or a flipped byte the seal would otherwise catch): the manifest is
    then read as lines when its plan index still describes them, else checked whole."""
    from writer.publish.manifest import EVENTS_END, EVENTS_LINE, SEAL

    marker = ("\n" + EVENTS_LINE + "\n").encode()
    start = data.find(marker)
    seal = f'\n "{SEAL}": "'.encode()
    at = data.find(seal)
    sealed_from = data.find(b"\n", at + 1) + 1
    if start < 0 or not data.endswith(EVENTS_END.encode()) or at < 0 or not 0 < sealed_from <= start:
        return data
    digest = hashlib.sha256(data[sealed_from:]).hexdigest().encode()
    return data[: at + len(seal)] + digest + data[at + len(seal) + 64:]


@settings(max_examples=CLI_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(flip=st.integers(min_value=0, max_value=4000), bit=st.sampled_from([0x01, 0x20, 0x40]), option=st.sampled_from([[], ["--verify"], ["--force"]]))
def test_writer_batch_on_a_damaged_manifest_under_a_forged_seal_exits_0_1_or_2_never_outside(site, tmp_path_factory, flip, bit, option):
    """A damaged line the seal vouches for is held, built only when used, and checked then: a located exit 2 or a
    run that never used it, never a traceback, and nothing written outside the site."""
    work = tmp_path_factory.mktemp("sealed")
    shutil.copytree(site / "site", work / "site")
    manifest = work / "site" / ".writer" / "manifest.json"
    data = bytearray(manifest.read_bytes())
    data[flip % len(data)] ^= bit
    manifest.write_bytes(_resealed(bytes(data)))
    outside = sorted(p.name for p in work.iterdir())
    result = CliRunner().invoke(main, ["batch", str(site / "fb"), "--out", str(work / "site"), "-q", "--jobs", "1", *option])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    assert result.exit_code in (0, 1, 2)
    if result.exit_code == 2:
        first = result.stderr.strip().splitlines()[0]
        assert LOCATED.match(first), first
    assert sorted(p.name for p in work.iterdir()) == outside
