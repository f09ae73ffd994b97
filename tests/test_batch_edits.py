"""Issue 12: edited articles publish (checked against the current facts), and changed figures give corrections."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from datetime import datetime, timezone

import pytest
from click.testing import CliRunner

from test_batch_support import make_factbase, move_price_level, tree
from writer.cli import main
from writer.publish import BatchOptions, build_site

ATOM = "{http://www.w3.org/2005/Atom}"
FIRST = datetime(2026, 2, 1, 9, 30, tzinfo=timezone.utc)
LATER = datetime(2026, 3, 5, 14, 5, tzinfo=timezone.utc)
EDITOR_SENTENCE = "Desk traders said the move caught many leveraged accounts off guard overnight."


def json_ld(page: str) -> dict:
    return json.loads(re.search(r'<script type="application/ld\+json">\n(.*?)\n</script>', page, re.S).group(1))


def feed_updated(site, event_id: str) -> str:
    feed = ET.fromstring((site / "feed.xml").read_bytes())
    for entry in feed.iter(f"{ATOM}entry"):
        if entry.find(f"{ATOM}link").get("href") == f"{event_id}/":
            return entry.find(f"{ATOM}updated").text
    raise AssertionError(f"{event_id} not in the feed")


@pytest.fixture
def desk(tmp_path):
    paths = make_factbase(tmp_path / "fb", 2)
    return tmp_path, paths


def start_edit(tmp_path, fact_file):
    """The documented way to start an edit: `writer draft EVENT -o articles/ID.md`."""
    article = tmp_path / "fb" / "articles" / f"{fact_file.stem}.md"
    result = CliRunner().invoke(main, ["draft", str(fact_file), "-o", str(article)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return article


def edit(article) -> None:
    text = article.read_text(encoding="utf-8")
    body_start = text.index("\n# ")
    heading_end = text.index("\n", body_start + 1)
    article.write_text(text[:heading_end] + f"\n\n{EDITOR_SENTENCE}\n" + text[heading_end:], encoding="utf-8")


def test_an_edited_article_is_what_gets_published(desk):
    tmp_path, paths = desk
    article = start_edit(tmp_path, paths[0])
    edit(article)
    report = build_site(tmp_path / "fb" / "events", BatchOptions(out=tmp_path / "site", jobs=1, now=FIRST))
    assert report.rejected == [] and len(report.published) == 2
    event_id = paths[0].stem
    page = (tmp_path / "site" / event_id / "index.html").read_text(encoding="utf-8")
    assert EDITOR_SENTENCE in page
    assert (tmp_path / "site" / event_id / f"{event_id}.md").read_text(encoding="utf-8") == article.read_text(encoding="utf-8")
    manifest = json.loads((tmp_path / "site" / ".writer" / "manifest.json").read_text())
    assert manifest["events"][event_id]["edited"] is True and "article" in manifest["events"][event_id]["inputs"]
    assert "edited" not in manifest["events"][paths[1].stem]
    assert EDITOR_SENTENCE not in (tmp_path / "site" / paths[1].stem / "index.html").read_text(encoding="utf-8")
    # An unchanged rebuild does nothing; editing the article again republishes it.
    assert build_site(tmp_path / "fb" / "events", BatchOptions(out=tmp_path / "site", jobs=1, now=LATER)).nothing_built
    article.write_text(article.read_text(encoding="utf-8").replace(EDITOR_SENTENCE, "Traders were caught off guard."), encoding="utf-8")
    again = build_site(tmp_path / "fb" / "events", BatchOptions(out=tmp_path / "site", jobs=1, now=LATER))
    assert again.published == [event_id] and again.corrected == []
    assert "Traders were caught off guard." in (tmp_path / "site" / event_id / "index.html").read_text(encoding="utf-8")


def test_an_edit_made_stale_by_a_fact_change_is_rejected_and_the_previous_page_kept(desk):
    tmp_path, paths = desk
    article = start_edit(tmp_path, paths[0])
    edit(article)
    build_site(tmp_path / "fb" / "events", BatchOptions(out=tmp_path / "site", jobs=1, now=FIRST))
    before = tree(tmp_path / "site")
    move_price_level(paths[0])  # the article still prints the old level
    report = build_site(tmp_path / "fb" / "events", BatchOptions(out=tmp_path / "site", jobs=1, now=LATER))
    assert report.published == [] and report.exit_code == 1
    [rej] = report.rejected
    assert rej.event == paths[0].stem and rej.file == str(article) and rej.line > 0 and rej.kept_previous
    assert "no longer agrees with the facts" in rej.reason and rej.problems
    # Never silently replaced by a machine draft: the site is exactly the previous one.
    assert tree(tmp_path / "site") == before
    # The CLI says so, with the article's location.
    result = CliRunner().invoke(main, ["batch", str(tmp_path / "fb" / "events"), "--out", str(tmp_path / "site"), "-q"], catch_exceptions=False)
    assert result.exit_code == 1 and f"{article}:{rej.line}:" in result.stdout and "previous version kept" in result.stdout


def test_articles_can_come_from_any_folder_and_unrelated_markdown_is_ignored(desk):
    tmp_path, paths = desk
    other = tmp_path / "edits"
    other.mkdir()
    (other / "README.md").write_text("# Notes\n\nNot an article.\n")
    article = start_edit(tmp_path, paths[1])
    edited = other / article.name
    edited.write_text(article.read_text().replace("facts: \"../events/", "facts: \"../fb/events/"))
    article.unlink()
    report = build_site(tmp_path / "fb" / "events", BatchOptions(out=tmp_path / "site", jobs=1, articles=other))
    assert report.rejected == [], report.rejected
    manifest = json.loads((tmp_path / "site" / ".writer" / "manifest.json").read_text())
    assert manifest["events"][paths[1].stem].get("edited") is True


def test_a_corrected_figure_gives_a_dated_note_and_moves_the_dates(desk):
    tmp_path, paths = desk
    out = tmp_path / "site"
    build_site(tmp_path / "fb" / "events", BatchOptions(out=out, jobs=1, now=FIRST))
    event_id = paths[0].stem
    first_page = (out / event_id / "index.html").read_text(encoding="utf-8")
    first_ld = json_ld(first_page)
    assert "correction" not in first_ld and 'class="corrections"' not in first_page

    move_price_level(paths[0])
    report = build_site(tmp_path / "fb" / "events", BatchOptions(out=out, jobs=1, now=LATER))
    assert report.corrected == [event_id] and report.published == [event_id]
    page = (out / event_id / "index.html").read_text(encoding="utf-8")
    note = re.sub(r"<[^>]+>", "", re.search(r'<li class="correction"[^>]*>(.*?)</li>', page).group(1))  # the note's text (its date is a <time>)
    assert note.startswith("Updated 5 March 2026, 14:05 UTC: the BTC price level was revised from ")
    before, after = re.search(r"revised from (.*?) to (.*?), ", note).groups()
    assert before != after and before in first_page and after in page
    ld = json_ld(page)
    assert ld["dateModified"] == "2026-03-05T14:05:00+00:00" != first_ld["dateModified"]
    assert ld["datePublished"] == first_ld["datePublished"]
    [correction] = ld["correction"]
    assert correction["@type"] == "CorrectionComment" and correction["datePublished"] == ld["dateModified"]
    assert feed_updated(out, event_id) == "2026-03-05T14:05:00+00:00"
    assert feed_updated(out, paths[1].stem) == json_ld((out / paths[1].stem / "index.html").read_text())["dateModified"]

    # Rebuilt later with no printed figure changed: no date moves, no byte changes.
    corrected = tree(out)
    much_later = datetime(2026, 6, 1, tzinfo=timezone.utc)
    assert build_site(tmp_path / "fb" / "events", BatchOptions(out=out, jobs=1, now=much_later)).nothing_built
    assert tree(out) == corrected
    forced = build_site(tmp_path / "fb" / "events", BatchOptions(out=out, jobs=1, now=much_later, force=True))
    assert forced.corrected == [] and tree(out) == corrected


def test_a_change_that_prints_no_different_figure_adds_no_correction(desk):
    tmp_path, paths = desk
    out = tmp_path / "site"
    build_site(tmp_path / "fb" / "events", BatchOptions(out=out, jobs=1, now=FIRST))
    text = paths[0].read_text()
    paths[0].write_text(text.replace("title: ", "title: Retitled ", 1))
    report = build_site(tmp_path / "fb" / "events", BatchOptions(out=out, jobs=1, now=LATER))
    assert report.published == [paths[0].stem] and report.corrected == []
    assert "correction" not in json_ld((out / paths[0].stem / "index.html").read_text())


def test_source_date_epoch_sets_the_moment_of_a_correction(desk, monkeypatch):
    from writer.errors import InputError
    from writer.publish.build import run_moment

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1772719500")
    assert run_moment() == datetime(2026, 3, 5, 14, 5, tzinfo=timezone.utc)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "soon")
    with pytest.raises(InputError):
        run_moment()


def test_an_article_naming_a_fact_file_outside_the_fact_base_is_reported(desk):
    tmp_path, paths = desk
    article = start_edit(tmp_path, paths[0])
    text = article.read_text(encoding="utf-8")
    (article.parent / "stray.md").write_text(text.replace(f"{paths[0].name}", "no-such-event.yaml"), encoding="utf-8")
    report = build_site(tmp_path / "fb" / "events", BatchOptions(out=tmp_path / "site", jobs=1, now=FIRST))
    [rej] = report.rejected
    assert rej.code == "article" and rej.file.endswith("stray.md") and "not an event file" in rej.reason
    assert len(report.published) == 2  # the real article and the other event's draft


def test_unreadable_articles_are_located_rejections_not_tracebacks(desk):
    tmp_path, paths = desk
    folder = tmp_path / "fb" / "articles"
    folder.mkdir(parents=True)
    (folder / "binary.md").write_bytes(b"---\nfacts: x\n---\n\xff\xfe")
    (folder / "deep.md").write_text("---\nfacts: " + "[" * 5000 + "]" * 5000 + "\n---\n# T\n")
    (folder / "open.md").write_text("---\nfacts: x\n")
    report = build_site(tmp_path / "fb" / "events", BatchOptions(out=tmp_path / "site", jobs=1, now=FIRST))
    assert sorted(r.file.rsplit("/", 1)[-1] for r in report.rejected) == ["binary.md", "deep.md", "open.md"]
    assert all(r.code == "article" and r.line >= 1 for r in report.rejected)
    assert len(report.published) == 2
