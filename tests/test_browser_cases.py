"""Cases in real Chromium: a case page read, and a suggestion confirmed on an item page by the
secretariat, at a desktop and a phone width (no page wider than the screen)."""
import pytest

from tests.browser_support import DESKTOP, PHONE, SCREENSHOTS, browser_tests
from tests.upload_support import PASSWORD, make_user

pytestmark = browser_tests


def _fits(page, path: str) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_director_follows_a_case_and_the_secretariat_confirms_a_suggestion(
    site, browser, viewport
):
    width = viewport["width"]
    make_user("sekretaer", sekretariat=True)
    context = browser.new_context(locale="da-DK", viewport=viewport, is_mobile=viewport is PHONE)
    page = context.new_page()
    page.goto(site + "/")
    page.get_by_role("link", name="Sager", exact=True).click()
    _fits(page, "/sager/")
    page.get_by_role("link", name="Ungementorordningen").click()
    assert page.locator("h1").inner_text() == "Ungementorordningen"
    steps = page.locator("ol.case-steps > li")
    assert steps.count() == 3
    assert "2020" in steps.nth(0).inner_text() and "2024" in steps.nth(2).inner_text()
    _fits(page, "/sager/ungementorordningen/")
    page.screenshot(path=str(SCREENSHOTS / f"case_page_{width}.png"), full_page=True)

    page.goto(site + "/moeder/2026-02-27/dassos/punkt/1.8/")
    assert page.get_by_role("heading", name="Muligvis samme sag").is_visible()
    assert page.locator("form.case-decision").count() == 0  # readers see no forms

    page.goto(f"{site}/konto/login/")
    page.fill("input[name=username]", "sekretaer")
    page.fill("input[name=password]", PASSWORD)
    page.click("form.login-form button[type=submit]")
    page.goto(site + "/moeder/2026-02-27/dassos/punkt/1.8/")
    _fits(page, "item page with the decision form")
    page.screenshot(path=str(SCREENSHOTS / f"case_suggestion_{width}.png"), full_page=True)
    page.get_by_role("button", name="Bekræft samme sag").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Samme sag", exact=True).is_visible()
    assert page.locator(".same-case").get_by_role("link", name="Kollegiet", exact=True).is_visible()
    assert "Bekræftet som samme sag: Kollegiet." in page.locator(".messages").inner_text()
    _fits(page, "item page after confirming")
    page.screenshot(path=str(SCREENSHOTS / f"case_confirmed_{width}.png"), full_page=True)
    context.close()
