"""The browser harness itself: it reports console errors and failed requests, and refuses the network."""

from __future__ import annotations


def test_a_clean_page_has_no_errors_and_a_broken_one_reports_them(browser, tmp_path):
    clean = tmp_path / "clean.html"
    clean.write_text("<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>t</title></head><body><h1>Fine</h1></body></html>")
    visit = browser.open(clean)
    assert visit.page.inner_text("h1") == "Fine"
    assert visit.errors == []

    broken = tmp_path / "broken.html"
    broken.write_text("<!DOCTYPE html><html><head><title>t</title></head><body>"
                      "<script>console.error('boom'); undefinedFunction();</script>"
                      "<img src='https://example.invalid/x.png'></body></html>")
    visit = browser.open(broken)
    text = "\n".join(visit.errors)
    assert "console error: boom" in text
    assert "undefinedFunction" in text
    assert "request failed: https://example.invalid/x.png" in text


def test_screenshots_land_in_the_artifacts_folder(browser, tmp_path, browser_artifacts):
    page = tmp_path / "p.html"
    page.write_text("<!DOCTYPE html><title>t</title><p>shot</p>")
    shot = browser.open(page).screenshot("plain")
    assert shot.parent == browser_artifacts
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
