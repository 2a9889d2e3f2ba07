"""The secretary's walk in real Chromium: a CPR number is caught and kept out of public view, no
edit is lost on publishing, each item is checked beside its own page, a replacement is reviewed
before it goes public — and every secretariat page fits a 390-pixel phone."""
from pathlib import Path

import pytest

from minutes.models import Meeting, SourceDocument
from tests.browser_support import SCREENSHOTS, browser_tests
from tests.test_upload_browser import run_worker_once
from tests.upload_support import DATABASE_TASKS, PASSWORD, SEED_2024, make_user

pytestmark = browser_tests

SENTENCE = "Borgeren (CPR 010203-1234, hans.hansen@gmail.com) klagede over ventetiden."
TITLE = "Lånepuljen 2025/26: fælles koordinering (rettet)"
WIDE, PHONE = 1366, 390


def _pdf(tmp_path: Path, name: str, text: str) -> Path:
    from scripts.make_test_pdfs import render_seed

    path = tmp_path / name
    path.write_bytes(render_seed(text, SEED_2024.name).pdf)
    return path


def shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"review_{name}.png"), full_page=True)


def fits(page, name: str) -> None:
    """The page at phone width: nothing wider than the screen, screenshot kept."""
    page.set_viewport_size({"width": PHONE, "height": 800})
    width = page.evaluate("document.documentElement.scrollWidth")
    shot(page, f"{name}_{PHONE}")
    assert width <= PHONE, f"{name}: {width} px wide at {PHONE} px"
    page.set_viewport_size({"width": WIDE, "height": 900})


def _upload(page, live_server, path: Path) -> None:
    page.goto(f"{live_server.url}/sekretariat/")
    page.set_input_files("input[type=file]", str(path))
    page.click("form.upload-form button[type=submit]")
    page.wait_for_selector("text=er gemt og bliver læst nu")
    run_worker_once()


@pytest.fixture
def secretary(live_server, settings, tmp_path, browser):
    settings.TASKS = DATABASE_TASKS
    settings.MEDIA_ROOT = tmp_path / "media"
    make_user("sekretaer", sekretariat=True)
    page = browser.new_page(locale="da-DK", viewport={"width": WIDE, "height": 900})
    page.goto(f"{live_server.url}/konto/login/")
    page.fill("input[name=username]", "sekretaer")
    page.fill("input[name=password]", PASSWORD)
    page.click("form.login-form button[type=submit]")
    page.wait_for_load_state()
    return page


def test_the_secretary_walks_privacy_edits_source_and_replacement(
    secretary, live_server, browser, tmp_path
):
    page = secretary
    seed = SEED_2024.read_text(encoding="utf-8")
    text = seed.replace(
        "DASSOS drøftede graden af fælleskommunal koordinering",
        f"{SENTENCE}\n\nDASSOS drøftede graden af fælleskommunal koordinering",
        1,
    )
    _upload(page, live_server, _pdf(tmp_path, "referat-2024.pdf", text))
    fits(page, "uploads")
    source = SourceDocument.objects.get()
    page.goto(f"{live_server.url}/sekretariat/{source.pk}/")

    # 1. The warnings say where each finding stands, with a link to the field.
    warnings = page.locator("#warnings-heading + ul")
    assert warnings.locator("[data-finding=open]").count() == 2
    field = warnings.locator("a", has_text="Pkt. 1.2: Referat").first.get_attribute("href")
    # 3. The source beside the item: its lines, numbered as the warnings count, and its page.
    row = page.locator(".item-row", has=page.locator("legend", has_text="Pkt. 1.2"))
    assert "DASSOS drøftede graden" in row.locator(".item-source").inner_text()
    image = row.locator("img.page-image").first
    image.scroll_into_view_if_needed()
    loaded = "img => img.complete && img.naturalWidth > 0"
    page.wait_for_function(loaded, arg=image.element_handle())
    assert row.locator(".item-source").evaluate("e => getComputedStyle(e).position") == "sticky"
    assert page.input_value("#id_meeting-room") == "Multisalen"
    shot(page, "1_findings_beside_source")
    fits(page, "review")

    # 2. Remove the sentence, change a title, and publish from the button at the top.
    referat = page.locator(field)
    referat.fill(referat.input_value().replace(SENTENCE, "").strip())
    row.locator("input[name$=-title]").fill(TITLE)
    page.locator(".publish button", has_text="Gem og offentliggør").click()
    page.wait_for_selector("text=er offentliggjort")
    meeting = Meeting.objects.get()
    assert meeting.is_published and meeting.items.filter(title=TITLE).exists()
    warnings = page.locator("#warnings-heading + ul")
    assert warnings.locator("[data-finding=open]").count() == 0
    assert warnings.locator("[data-finding=original]").count() == 2
    shot(page, "2_published_findings_resolved")

    public = browser.new_page(locale="da-DK")
    public.goto(f"{live_server.url}{meeting.get_absolute_url()}")
    main = public.inner_text("main")
    assert TITLE in main and "Den oprindelige fil er ikke offentlig" in main
    assert "010203" not in main
    assert public.goto(f"{live_server.url}/kilder/{source.pk}/download/").status == 404
    shot(public, "3_public_page_original_withheld")

    # 4. A replacement is compared with the public version and public only when confirmed.
    corrected = seed.replace(
        "DASSOS drøftede mulige emner", "DASSOS drøftede grundigt mulige emner", 1
    )
    _upload(page, live_server, _pdf(tmp_path, "referat-2024-rettet.pdf", corrected))
    new = SourceDocument.objects.get(original_filename="referat-2024-rettet.pdf")
    page.goto(f"{live_server.url}/sekretariat/{new.pk}/")
    comparison = page.inner_text(".comparison")
    assert "Forskelle fra den offentlige udgave" in comparison and "grundigt" in comparison
    public.goto(f"{live_server.url}{meeting.get_absolute_url()}punkt/1.3/")
    assert "grundigt" not in public.inner_text("main")
    shot(page, "4_replacement_comparison")
    fits(page, "replacement")
    page.click("text=Erstat og offentliggør")
    page.wait_for_load_state()
    run_worker_once()
    public.goto(f"{live_server.url}{meeting.get_absolute_url()}punkt/1.3/")
    assert "grundigt" in public.inner_text("main")
    assert TITLE in public.goto(
        f"{live_server.url}{meeting.get_absolute_url()}"
    ).text()  # the hand-corrected title stays


def test_the_other_secretariat_pages_fit_a_phone(secretary, live_server, browser, tmp_path):
    page = secretary
    unreadable = tmp_path / "noter-uden-dato.txt"
    unreadable.write_text("Noter fra et møde uden dato og uden punkter.\n" * 30, encoding="utf-8")
    _upload(page, live_server, unreadable)
    failed = SourceDocument.objects.get()
    assert failed.status == SourceDocument.Status.FAILED
    page.goto(f"{live_server.url}/sekretariat/{failed.pk}/")
    assert page.is_visible("text=Filen kunne ikke læses")
    fits(page, "failed")
    page.goto(f"{live_server.url}/sekretariat/findes-ikke/")
    assert "Siden findes ikke" in page.inner_text("main")
    fits(page, "404")
    stranger = browser.new_page(locale="da-DK", viewport={"width": PHONE, "height": 800})
    stranger.goto(f"{live_server.url}/konto/login/")
    fits(stranger, "login")
    make_user("laeser")
    stranger.fill("input[name=username]", "laeser")
    stranger.fill("input[name=password]", PASSWORD)
    stranger.click("form.login-form button[type=submit]")
    stranger.wait_for_load_state()
    response = stranger.goto(f"{live_server.url}/sekretariat/")
    assert response.status == 403 and "Ingen adgang" in stranger.inner_text("main")
    fits(stranger, "403")
