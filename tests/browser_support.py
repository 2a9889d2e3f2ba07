"""Real Chromium for the browser tests: Debian's package (or any Chromium) driven by Playwright."""
import os
import shutil
from pathlib import Path

import pytest
from django.db import connections

from tests.pages_data import ensure_default_topics, load_seeds

SCREENSHOTS = Path(__file__).resolve().parent.parent / "artifacts" / "screenshots"
# Playwright's own browser download cannot reach its server here; these flags keep Chromium
# from trying the network on its own.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def find_chromium() -> tuple[Path | None, str]:
    """The Chromium to drive ($CHROMIUM, else `chromium` or `chromium-browser` on the PATH), or
    None and the reason none was found."""
    configured = os.environ.get("CHROMIUM")
    if configured:
        path = Path(configured)
        if path.is_file() and os.access(path, os.X_OK):
            return path, ""
        return None, f"CHROMIUM={configured} is not an executable file"
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return Path(found), ""
    return None, (
        "needs Chromium: install Debian's chromium package (apt-get install chromium) or set "
        "CHROMIUM to a Chromium executable"
    )


CHROMIUM, NO_CHROMIUM = find_chromium()
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}

browser_tests = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM),
]


@pytest.fixture
def browser(monkeypatch):
    """A headless Chromium for one test."""
    playwright = pytest.importorskip("playwright.sync_api")
    # Playwright's loop vs. the ORM in tests; restored afterwards so no later check sees it.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
            # While Playwright runs, its event loop counts as running in this thread, so Django
            # keeps the thread's connections in a context variable: the test's own queries open a
            # second connection that the test database's teardown never sees, and PostgreSQL then
            # refuses to drop the database ("being accessed by other users"). Close it here.
            connections.close_all()


@pytest.fixture
def site(transactional_db, live_server, settings, tmp_path) -> str:
    """The live server's address, with the five seed referater loaded and committed."""
    settings.MEDIA_ROOT = tmp_path
    ensure_default_topics()
    load_seeds()
    return live_server.url
