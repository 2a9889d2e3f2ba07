"""In real Chromium: the upload list follows a scan's OCR page by page, in place."""
from minutes.models import SourceDocument
from tests.browser_support import SCREENSHOTS, browser_tests
from tests.upload_support import PASSWORD, make_user

pytestmark = browser_tests


def test_the_upload_list_follows_the_pages_of_a_scan_as_they_are_read(live_server, browser):
    make_user("sekretaer", sekretariat=True)
    source = SourceDocument.objects.create(
        file="sources/aa/scan.pdf", original_filename="scannet-referat.pdf", sha256="a" * 64,
        size=3, status=SourceDocument.Status.PARSING, progress="3/12",
    )
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width in (1366, 390):
        page = browser.new_page(locale="da-DK", viewport={"width": width, "height": 800})
        page.goto(f"{live_server.url}/sekretariat/")
        if "/konto/login/" in page.url:
            page.fill("input[name=username]", "sekretaer")
            page.fill("input[name=password]", PASSWORD)
            page.click("form.login-form button[type=submit]")
            page.wait_for_url(f"{live_server.url}/sekretariat/")
        row = page.locator("#upload-rows tr", has_text="scannet-referat.pdf")
        assert "side 3 af 12" in row.inner_text()
        SourceDocument.objects.filter(pk=source.pk).update(progress="4/12")
        # The page's script refreshes the rows in place, no reload.
        page.wait_for_selector("#upload-rows .progress:text('side 4 af 12')", timeout=10_000)
        page.screenshot(path=str(SCREENSHOTS / f"upload_ocr_progress_{width}.png"))
        SourceDocument.objects.filter(pk=source.pk).update(progress="3/12")
        page.close()
