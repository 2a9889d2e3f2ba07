"""End to end in real Chromium: log in, upload a PDF referat, wait, review, publish, find it."""
import signal
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from minutes.models import Meeting
from tests.browser_support import SCREENSHOTS, browser_tests
from tests.upload_support import DATABASE_TASKS, PASSWORD, SEED_2024, make_user

TITLE = "Lånepuljen 2024: fælleskommunal koordinering (rettet i gennemsyn)"

pytestmark = browser_tests




@pytest.fixture
def referat_pdf(tmp_path) -> Path:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from scripts.make_test_pdfs import render_seed

    path = tmp_path / "DASSOS referat 1.3.24.pdf"
    path.write_bytes(render_seed(SEED_2024.read_text(encoding="utf-8"), SEED_2024.name).pdf)
    return path


def run_worker_once() -> None:
    """What the db_worker process does: run the queued jobs (here until the queue is empty)."""
    saved = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    try:
        call_command("db_worker", batch=True, reload=False, startup_delay=False, verbosity=0)
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)


def shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"upload_{name}.png"), full_page=True)


def test_secretariat_uploads_reviews_and_publishes_a_pdf_referat(
    live_server, settings, tmp_path, browser, referat_pdf
):
    settings.TASKS = DATABASE_TASKS
    settings.MEDIA_ROOT = tmp_path / "media"
    make_user("sekretaer", sekretariat=True)
    page = browser.new_page(locale="da-DK")  # the Danish interface, whatever the machine speaks

    page.goto(f"{live_server.url}/sekretariat/")
    assert "/konto/login/" in page.url
    page.fill("input[name=username]", "sekretaer")
    page.fill("input[name=password]", PASSWORD)
    page.click("form.login-form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/sekretariat/")

    page.set_input_files("input[type=file]", str(referat_pdf))
    page.click("form.upload-form button[type=submit]")
    page.wait_for_selector("text=er gemt og bliver læst nu")
    row = page.locator("#upload-rows tr", has_text=referat_pdf.name)
    assert row.get_attribute("data-status") == "waiting"
    shot(page, "1_waiting")

    run_worker_once()
    # The page's script refreshes the rows in place: no reload, the message stays.
    page.wait_for_selector("#upload-rows tr[data-status=ready]", timeout=15_000)
    assert page.is_visible("text=er gemt og bliver læst nu")
    assert "DASSOS 01.03.2024" in row.inner_text()
    shot(page, "2_ready")

    row.locator("a").click()
    page.wait_for_selector(".item-source .source-lines")
    assert "Multisalen" in page.inner_text(".item-source")
    assert page.input_value("#id_meeting-date") == "2024-03-01"
    meeting = Meeting.objects.get()
    public = browser.new_page(locale="da-DK")
    assert public.goto(f"{live_server.url}{meeting.get_absolute_url()}").status == 404

    title = page.locator("fieldset.item", has_text="Pkt. 1.2").locator("input[name$=-title]")
    title.fill(TITLE)
    page.click("text=Gem rettelser")
    page.wait_for_selector("text=Rettelserne er gemt")
    shot(page, "3_review")

    page.click("button:has-text('Offentliggør')")
    page.wait_for_selector("text=er offentliggjort")
    shot(page, "4_published")
    page.click("text=Se den offentlige side")
    page.wait_for_load_state()
    assert TITLE in page.inner_text("main")
    shot(page, "5_public_meeting")

    response = public.goto(f"{live_server.url}{meeting.get_absolute_url()}")
    assert response.status == 200
    assert TITLE in public.inner_text("main")
