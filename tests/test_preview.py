"""`writer preview`: one self-contained page marking every figure with its provenance."""

from __future__ import annotations

import json
import re
import shutil
import threading
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from writer.cli import main
from writer.preview import preview_data, preview_html
from writer.preview.watch import watch

ROOT = Path(__file__).resolve().parent.parent
EVENTS = ROOT / "factbase" / "events"
WASHOUT = EVENTS / "2026-11-12-long-washout-94pct.yaml"
DISPUTED = EVENTS / "2026-11-20-disputed-totals.yaml"


class Figures(HTMLParser):
    """Every element with data-fact, and every tag that could load something from elsewhere."""

    def __init__(self):
        super().__init__()
        self.figures: list[dict] = []
        self.remote: list[str] = []
        self.scripts: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "data-fact" in a:
            self.figures.append(a)
        for key in ("src", "href"):
            if key in a and not (a[key] or "").startswith("#"):
                self.remote.append(f"{tag} {key}={a[key]}")
        if tag == "link":
            self.remote.append("link")


def parse(html: str) -> Figures:
    p = Figures()
    p.feed(html)
    return p


@pytest.fixture(scope="module")
def factbase(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("preview")
    shutil.copytree(ROOT / "factbase", root / "factbase")
    return root


def edited_article(factbase: Path) -> Path:
    """A draft of the disputed-totals event, edited: one range collapsed to a point, one figure no fact has."""
    r = CliRunner().invoke(main, ["draft", str(factbase / "factbase/events/2026-11-20-disputed-totals.yaml"), "-o", str(factbase / "edited.md")])
    assert r.exit_code == 0, r.output
    path = factbase / "edited.md"
    text = path.read_text(encoding="utf-8")
    paragraph = next(line for line in text.split("\n") if "totals run between $150 million and $190 million" in line)
    edited = paragraph.replace("totals run between $150 million and $190 million", "total came to $170 million", 1)
    edited += " One desk saw 1,234 BTC sold into the drop."
    path.write_text(text.replace(paragraph, edited, 1), encoding="utf-8")
    return path


def test_every_drafted_figure_is_marked_and_described(tmp_path):
    html, watched = preview_html(WASHOUT)
    claims = json.loads(CliRunner().invoke(main, ["draft", str(WASHOUT), "--format", "json"]).stdout)
    page = parse(html)
    assert len(page.figures) == len(claims["figures"]) > 5
    for fig, claim in zip(page.figures, claims["figures"]):
        assert fig["data-fact"] == claim["fact"] and fig["data-status"] == claim["status"]
        assert fig["tabindex"] == "0" and fig["aria-describedby"] == fig["data-detail"]
        assert f'id="{fig["data-detail"]}"' in html
    assert WASHOUT in watched and any(p.name == "style.yaml" for p in watched)


def test_page_is_self_contained_and_deterministic():
    html, _ = preview_html(DISPUTED)
    page = parse(html)
    assert page.remote == []  # no stylesheet, script, image or link to anything outside the page
    assert "default-src 'none'" in html  # and the page may not fetch anything
    assert preview_html(DISPUTED)[0] == html


def test_popup_content_for_a_disputed_figure():
    data = preview_data(DISPUTED)
    mark = next(m for m in data.marks if m.fact == "total_24h")
    assert mark.status == "disputed" and mark.backing.window == "24h"
    assert mark.backing.value == "150,000,000 to 190,000,000 USD"
    sources = {o.source for o in mark.backing.observations}
    assert sources == {"CoinGlass", "CoinAnk"} and all(o.as_of.startswith("2026-11-20T") for o in mark.backing.observations)


def test_derived_figure_lists_its_inputs():
    data = preview_data(WASHOUT)
    share = next(m for m in data.marks if m.backing and m.backing.derived_from)
    assert {d.id for d in share.backing.derived_from} >= {"long_24h"}
    html, _ = preview_html(WASHOUT)
    assert "Computed from" in html


def test_edited_article_marks_unsupported_figures_and_lists_findings(factbase):
    path = edited_article(factbase)
    data = preview_data(path)
    by_text = {m.text: m for m in data.marks}
    assert by_text["1,234 BTC"].status == "unsupported" and by_text["1,234 BTC"].fact == ""
    assert by_text["$170 million"].fact == "total_24h" and by_text["$170 million"].findings
    codes = {f.code for f in data.findings}
    assert {"P001", "P005"} <= codes
    html = preview_html(path)[0]
    assert re.search(r'<a href="#fig-\d+" data-jump="fig-\d+">line \d+: \$170 million</a>', html)
    assert "zones" in {name for name, _ in data.skipped}  # what the house draft of this event leaves out
    assert data.skipped == preview_data(factbase / "factbase/events/2026-11-20-disputed-totals.yaml").skipped


def test_article_markup_and_fact_values_are_escaped(tmp_path):
    art = tmp_path / "a.md"
    art.write_text("# Test\n\n<script>alert(1)</script>\n\nLongs lost $5 million <img src=x onerror=alert(2)>.\n", encoding="utf-8")
    html = preview_html(art)[0]
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert parse(html).figures[0]["data-status"] == "unlinked"


def test_watch_rerenders_when_an_input_changes(tmp_path):
    watched_file = tmp_path / "facts.yaml"
    watched_file.write_text("a", encoding="utf-8")
    other = tmp_path / "templates.j2"
    renders: list[int] = []
    stop = threading.Event()

    def render():
        renders.append(1)
        stop.set()
        return [watched_file, other]

    t = threading.Thread(target=watch, args=(render, [watched_file]), kwargs={"interval": 0.05, "stop": stop})
    t.start()
    try:
        stop.wait(0.3)
        assert renders == []  # nothing changed, nothing rendered
        watched_file.write_text("changed, and longer", encoding="utf-8")
        t.join(10)
    finally:
        stop.set()
    assert renders == [1]


def test_cli_writes_a_file_and_refuses_watch_without_output(tmp_path):
    out = tmp_path / "p.html"
    r = CliRunner().invoke(main, ["preview", str(DISPUTED), "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    r = CliRunner().invoke(main, ["preview", str(DISPUTED), "--watch"])
    assert r.exit_code == 2 and "-o FILE" in r.output


def test_cli_bad_fact_file_is_exit_2_with_nothing_written(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\nfacts: 5\n", encoding="utf-8")
    out = tmp_path / "p.html"
    r = CliRunner().invoke(main, ["preview", str(bad), "-o", str(out)])
    assert r.exit_code == 2 and str(bad) in r.output and "Traceback" not in r.output
    assert not out.exists()


def test_cli_watch_rerenders_when_the_fact_file_changes(tmp_path):
    """`writer preview EVENT -o FILE --watch` as an editor runs it: a real process, stopped by its pid."""
    import os
    import signal
    import subprocess
    import sys
    import time

    shutil.copytree(ROOT / "factbase", tmp_path / "factbase")
    event = tmp_path / "factbase/events/2026-11-20-disputed-totals.yaml"
    out = tmp_path / "preview.html"
    proc = subprocess.Popen([sys.executable, "-m", "writer.cli", "preview", str(event), "-o", str(out), "--watch"],
                            cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while not out.exists() and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.1)
        assert out.exists(), proc.stderr.read() if proc.poll() is not None else "no preview written"
        assert "counts the largest 18 venues" in out.read_text(encoding="utf-8")
        time.sleep(1.5)  # past the first poll, so the edit is a change of stamp
        event.write_text(event.read_text(encoding="utf-8").replace("counts the largest 18 venues", "counts the largest 19 venues"), encoding="utf-8")
        while time.monotonic() < deadline and "largest 19 venues" not in out.read_text(encoding="utf-8"):
            time.sleep(0.1)
        assert "counts the largest 19 venues" in out.read_text(encoding="utf-8")
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(30)
    assert "Traceback" not in proc.stderr.read()


def test_preview_does_not_pay_for_spacy(tmp_path):
    """The check's component runs outside spaCy with identical findings, so a preview never imports it."""
    import subprocess
    import sys

    art = tmp_path / "a.md"
    art.write_text("# Test\n\nLongs lost $5 million, according to CoinGlass.\n", encoding="utf-8")
    code = ("import sys; from pathlib import Path; from writer.preview import preview_html; "
            f"preview_html(Path({str(art)!r})); preview_html(Path({str(DISPUTED)!r})); print('spacy' in sys.modules)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "False"


def test_cli_open_writes_a_temporary_page_and_opens_it(monkeypatch):
    import webbrowser

    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url: opened.append(url) or True)
    r = CliRunner().invoke(main, ["preview", str(DISPUTED), "--open"])
    assert r.exit_code == 0, r.output
    assert len(opened) == 1 and opened[0].startswith("file://") and opened[0].endswith(".html")
    page = Path(opened[0].removeprefix("file://"))
    try:
        assert 'data-fact="total_24h"' in page.read_text(encoding="utf-8")
    finally:
        page.unlink()


def test_legend_marks_are_the_published_pages_marks():
    """One place for each status's mark and words: templates/site/legend.yaml, read by the site and the preview."""
    import yaml

    from writer.preview.render import Legend

    legend = Legend()
    data = yaml.safe_load((ROOT / "templates" / "site" / "legend.yaml").read_text(encoding="utf-8"))["statuses"]
    for status, entry in data.items():
        assert (legend(status).badge, legend(status).label) == (entry["mark"], entry["label"])
    marks = [legend(s).badge for s in [*data, "unsupported", "unlinked"]]
    assert len(set(marks)) == len(marks)  # every status has its own mark
    html = preview_html(DISPUTED)[0]
    assert f'data-status="disputed" data-badge="{data["disputed"]["mark"]}"' in html
