"""Finding anyone and anything in real Chromium: directories, search over people and cases,
facets and chips, at a desktop and a phone width (no page wider than the screen)."""
import re

import pytest

from tests.browser_support import DESKTOP, PHONE, SCREENSHOTS, browser_tests

pytestmark = browser_tests


def _page(browser, viewport):
    context = browser.new_context(locale="da-DK", viewport=viewport,
                                  is_mobile=viewport is PHONE)
    return context, context.new_page()


def _fits(page, path: str) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"


def test_a_director_finds_a_presenter_her_kommune_and_its_cases(site, browser):
    context, page = _page(browser, DESKTOP)
    page.goto(site + "/")
    page.get_by_label("Søg i referaterne").fill("Katrine Axél")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/soeg/"))
    results = page.locator("ol.results > li h3")
    # The Kollegiet items she presented are found (their order among the other items she
    # presented is the database's ranking, which differs between PostgreSQL and SQLite).
    kollegiet = [title for title in results.all_inner_texts() if "Kollegiet" in title]
    assert len(kollegiet) == 2, results.all_inner_texts()
    page.get_by_role("link", name="Katrine Axél", exact=True).first.click()
    assert page.locator("h1").inner_text() == "Katrine Axél"
    assert page.get_by_role("heading", name="Roller over tid").is_visible()
    page.get_by_role("link", name="Syddjurs Kommune").first.click()
    assert page.locator("h1").inner_text() == "Syddjurs Kommune"
    cases = page.locator("#cases-heading ~ ol.timeline")
    assert "Godkendelse af lukning af botilbuddet Kollegiet" in cases.inner_text()
    page.screenshot(path=str(SCREENSHOTS / "directories_organisation.png"), full_page=True)
    context.close()


def test_the_directories_list_and_filter_everyone(site, browser):
    context, page = _page(browser, DESKTOP)
    page.goto(site + "/organisationer/")
    assert "19 kommuner, 1 region" in page.locator(".results-count").inner_text()
    page.goto(site + "/personer/")
    page.get_by_label("Organisation").select_option(label="Syddjurs Kommune")
    page.get_by_role("button", name="Vis").click()
    page.wait_for_url(re.compile(r"organisation=syddjurs-kommune"))
    assert page.locator("table.directory tbody tr").count() == 1
    context.close()


def test_a_facet_narrows_the_results_and_its_chip_removes_it(site, browser):
    context, page = _page(browser, DESKTOP)
    page.goto(site + "/beslutninger/?topic=rammeaftale")
    approved = page.locator(".facets a", has_text="godkendt").first
    count = int(approved.locator("xpath=following-sibling::span").inner_text())
    approved.click()
    page.wait_for_url(re.compile(r"outcome=approved"))
    assert page.locator("table.decisions tbody tr").count() == count
    page.get_by_role("link", name=re.compile("Emne: Rammeaftale")).click()
    page.wait_for_url(re.compile(r"/beslutninger/\?outcome=approved$"))
    assert "topic=" not in page.url
    context.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1366px", "390px"])
def test_no_page_of_the_journeys_is_wider_than_the_screen(site, browser, viewport):
    context, page = _page(browser, viewport)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, path in [
        ("people", "/personer/"),
        ("organisations", "/organisationer/"),
        ("person", "/personer/jesper-thyrring-moeller/"),
        ("organisation", "/organisationer/syddjurs-kommune/"),
        ("search", "/soeg/?q=Katrine+Ax%C3%A9l"),
        ("decisions", "/beslutninger/?topic=rammeaftale&outcome=approved"),
    ]:
        page.goto(site + path)
        _fits(page, path)
        page.screenshot(path=str(SCREENSHOTS / f"directories_{name}_{viewport['width']}.png"),
                        full_page=True)
    context.close()
