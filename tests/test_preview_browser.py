"""The preview in a real headless Chromium: hover and keyboard focus open a figure's provenance.

Uses the shared harness (tests/browser.py). The screenshot, with the article's
figures highlighted and one popup open, is saved as an artifact
(tests/artifacts/ or $WRITER_TEST_ARTIFACTS).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from writer.cli import main

ROOT = Path(__file__).resolve().parent.parent


def _preview(tmp_path: Path) -> Path:
    """Preview of an edited draft: one range collapsed to a point, one figure no fact supports."""
    shutil.copytree(ROOT / "factbase", tmp_path / "factbase")
    article = tmp_path / "edited.md"
    runner = CliRunner()
    r = runner.invoke(main, ["draft", str(tmp_path / "factbase/events/2026-11-20-disputed-totals.yaml"), "-o", str(article)])
    assert r.exit_code == 0, r.output
    text = article.read_text(encoding="utf-8")
    text = text.replace("totals run between $150 million and $190 million", "total came to $170 million", 1)
    text = text.replace("\n## ", "\n\nOne desk saw 1,234 BTC sold into the drop.\n\n## ", 1)
    article.write_text(text, encoding="utf-8")
    out = tmp_path / "preview.html"
    r = runner.invoke(main, ["preview", str(article), "-o", str(out)])
    assert r.exit_code == 0, r.output
    return out


def _popup_text(page, fig) -> str:
    detail = page.locator("#" + fig.get_attribute("data-detail"))
    detail.wait_for(state="visible")
    return detail.inner_text()


def test_hover_and_focus_show_sources_and_status(browser, tmp_path):
    visit = browser.open(_preview(tmp_path))
    page = visit.page
    figures = page.locator(".fig[data-fact]")
    assert figures.count() > 10

    # Hover: a figure from two sources that disagree.
    disputed = page.locator('.fig[data-fact="total_24h"][data-status="disputed"]').first
    disputed.hover()
    text = _popup_text(page, disputed)
    assert "disputed" in text and "CoinGlass" in text and "CoinAnk" in text
    assert "2026-11-20T15:00:00+00:00" in text and "24h" in text
    assert "150,000,000 to 190,000,000 USD" in text

    # Keyboard: Tab from the top reaches the first figure and opens its detail; Escape closes it.
    page.mouse.move(0, 0)
    page.locator("body").focus()
    first = figures.first
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == first.get_attribute("id"):
            break
    assert page.evaluate("document.activeElement.id") == first.get_attribute("id")
    text = _popup_text(page, first)
    assert "Status" in text and "Observations" in text
    page.keyboard.press("Escape")
    assert page.locator("#" + first.get_attribute("data-detail")).is_hidden()

    # A figure no fact supports is marked as such, and its finding in the side panel jumps to it.
    unsupported = page.locator('.fig[data-status="unsupported"]')
    assert unsupported.count() == 1 and unsupported.inner_text() == "1,234 BTC"
    page.locator("a[data-jump]", has_text="$170 million").click()
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "$170 million"
    text = _popup_text(page, page.locator(".fig:focus"))
    assert "P005" in text and "disputed" in text

    # Leave a popup open on a single-source figure for the screenshot.
    single = page.locator('.fig[data-status="single_source"]').first
    single.focus()
    _popup_text(page, single)
    shot = visit.screenshot("preview", full_page=False)  # the viewport: the open popup at a readable scale
    assert shot.stat().st_size > 10_000
    assert visit.errors == []
