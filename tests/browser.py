"""A real browser for tests: Debian's headless ``chromium`` driven by Playwright for Python.

Loaded for every test module by ``tests/conftest.py`` (``pytest_plugins``), so any
test can ask for these fixtures; the interface below is kept stable for other
test modules (the site pages, the preview server):

``browser`` (function scope) -> :class:`Browser`
    ``browser.open(target) -> Visit`` opens a new tab on ``target``: a ``Path`` to a
    local file (opened as a ``file://`` URL) or a URL string (``file:``, ``data:``,
    or ``http://127.0.0.1`` / ``localhost`` for a local server). It waits for the
    ``load`` event.
    ``Visit.page`` is the Playwright ``Page``; ``Visit.errors`` lists every console
    error, uncaught page exception and failed request seen on that tab, as text;
    ``Visit.screenshot(name, full_page=True) -> Path`` saves a PNG of the whole page
    (or of the viewport only) in the artifacts folder as ``<test name>-<name>.png``.
    Tabs are closed when the test ends; the browser itself is shared by the session.

``browser_artifacts`` (session scope) -> ``Path``
    Where screenshots go: ``$WRITER_TEST_ARTIFACTS`` when set, else ``tests/artifacts/``
    (ignored by git). CI can keep that folder as the run's artifacts.

The browser is always the system one (``/usr/bin/chromium``, or ``$WRITER_CHROMIUM``),
never a browser Playwright downloads; ``.ci/run`` installs the Debian package when
it is missing. It starts headless with a fresh profile folder and with every
background service that could reach the network switched off; requests to anything
but local files and a local server are aborted (and so reported in ``Visit.errors``),
so a page that needs the network fails its test instead of fetching. When chromium
or Playwright is missing the fixture fails with the command that installs it (a
browser test never skips: a skipped test would hide a failure).
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("WRITER_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(os.environ.get("WRITER_TEST_ARTIFACTS") or Path(__file__).resolve().parent / "artifacts")
# Headless, no sandbox (CI runs as root, where chromium refuses its sandbox), no GPU,
# and nothing that phones home on start (QUIC probes, first-run pages, component
# and sync updates). Playwright adds --headless itself for headless=True; it is
# listed here too so this list is the whole command line a reader needs.
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
TIMEOUT_MS = 20_000  # a shared 2-core machine: generous, but a hung page still fails
# Starting Chromium itself took over 20 s once on this machine while two CI clones and two test suites shared its
# two cores (round fifteen): the launch gets its own, longer limit; a browser that never starts still fails.
LAUNCH_TIMEOUT_MS = 90_000
VIEWPORT = {"width": 1100, "height": 900}
_LOCAL = re.compile(r"^(file:|data:|about:|https?://(127\.0\.0\.1|localhost)(:\d+)?(/|$))")


@dataclass
class Visit:
    page: object  # playwright.sync_api.Page
    errors: list[str]
    artifacts: Path
    test_name: str

    def screenshot(self, name: str, *, full_page: bool = True) -> Path:
        self.artifacts.mkdir(parents=True, exist_ok=True)
        path = self.artifacts / f"{self.test_name}-{name}.png"
        self.page.screenshot(path=str(path), full_page=full_page)
        return path


@dataclass
class Browser:
    context: object  # playwright.sync_api.BrowserContext
    artifacts: Path
    test_name: str
    visits: list[Visit] = field(default_factory=list)

    def open(self, target: Path | str) -> Visit:
        url = Path(target).resolve().as_uri() if isinstance(target, Path) else target
        page = self.context.new_page()
        errors: list[str] = []
        page.on("console", lambda msg: errors.append(f"console {msg.type}: {msg.text}") if msg.type == "error" else None)
        page.on("pageerror", lambda exc: errors.append(f"page error: {exc}"))
        page.on("requestfailed", lambda req: errors.append(f"request failed: {req.url} ({req.failure})"))
        visit = Visit(page, errors, self.artifacts, self.test_name)
        self.visits.append(visit)
        page.goto(url, wait_until="load")
        return visit


def _refuse_remote(route) -> None:
    if _LOCAL.match(route.request.url):
        route.continue_()
    else:
        route.abort("blockedbyclient")


@pytest.fixture(scope="session")
def browser_artifacts() -> Path:
    return ARTIFACTS


@pytest.fixture(scope="session")
def _chromium_context(tmp_path_factory):
    if not (os.path.isfile(CHROMIUM) or shutil.which(CHROMIUM)):
        pytest.fail(f"no chromium at {CHROMIUM}: install Debian's package (apt-get install -y chromium; .ci/run does this)", pytrace=False)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("Playwright for Python is missing: pip install -c constraints.txt -e '.[test]'", pytrace=False)
    profile = tmp_path_factory.mktemp("chromium-profile")  # a fresh --user-data-dir every session
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, headless=True, args=list(CHROMIUM_ARGS),
            viewport=VIEWPORT, timeout=LAUNCH_TIMEOUT_MS, service_workers="block",
        )
        context.set_default_timeout(TIMEOUT_MS)
        context.route("**/*", _refuse_remote)
        try:
            yield context
        finally:
            context.close()


@pytest.fixture
def browser(_chromium_context, browser_artifacts, request) -> Browser:
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)
    harness = Browser(_chromium_context, browser_artifacts, name)
    yield harness
    for visit in harness.visits:
        visit.page.close()
