"""The public pages in real Chromium: search, filtering decisions, topic → decision, keyboard,
phone layout and print; screenshots of the main pages go to artifacts/screenshots/."""
import re

import pytest

from minutes.models import Person
from tests.browser_support import PHONE, SCREENSHOTS, browser_tests

pytestmark = browser_tests


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="da-DK", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"pages_{name}.png"), full_page=True)


def test_a_reader_searches_and_opens_the_hit(site, page):
    page.goto(site + "/")
    page.get_by_label("Søg i referaterne").fill("Kollegiet")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/soeg/\?q=Kollegiet"))
    assert page.locator("h2.results-count").inner_text() == "2 resultater for »Kollegiet«"
    assert page.locator("mark", has_text="Kollegiet").count() >= 2
    shot(page, "search")
    page.get_by_role("link", name=re.compile("lukning af botilbuddet Kollegiet")).click()
    assert "Kollegiet" in page.locator("h1").inner_text()
    assert page.get_by_role("heading", name="Referat").is_visible()


def test_a_reader_filters_the_decisions(site, page):
    page.goto(site + "/beslutninger/")
    page.get_by_label("Emne").select_option(label="Botilbud")
    page.get_by_label("Udfald").select_option(label="godkendt")
    page.get_by_role("button", name="Vis beslutninger").click()
    page.wait_for_url(re.compile(r"topic=botilbud"))
    rows = page.locator("table.decisions tbody tr")
    assert rows.count() >= 2
    for n in range(rows.count()):
        assert rows.nth(n).locator(".outcome").inner_text() == "godkendt"
    assert page.get_by_role("link", name="Hent som CSV").get_attribute("href").startswith(
        "/beslutninger.csv?"
    )
    shot(page, "decisions")
    page.goto(site + "/beslutninger/")
    page.locator(".facets").get_by_role("link", name="Hjerneskade").click()
    assert "topic=hjerneskade" in page.url
    assert "Hjerneskade" in page.locator("table.decisions").inner_text()


def test_a_reader_goes_from_a_topic_to_a_decision_and_follows_the_case(site, page):
    page.goto(site + "/")
    page.get_by_role("link", name="Emner", exact=True).click()
    page.get_by_role("link", name="Botilbud", exact=True).click()
    assert page.locator("h1").inner_text() == "Botilbud"
    shot(page, "topic")
    page.get_by_role("link", name=re.compile("omlægning af midlertidig botilbud Kollegiet")).click()
    assert page.url.endswith("/moeder/2024-03-01/dassos/punkt/1.4/")
    assert "DASSOS godkendte omlægningen" in page.locator("section.referat").inner_text()
    shot(page, "item")
    related = page.locator("aside.related")
    related.get_by_role("link", name=re.compile("lukning af botilbuddet Kollegiet")).click()
    assert page.url.endswith("/moeder/2026-02-27/dassos/punkt/1.8/")


def test_the_main_pages_are_screenshot_for_review(site, page):
    chair = Person.objects.get(name="Jesper Thyrring Møller")
    for name, path in [
        ("home", "/"),
        ("meetings", "/moeder/"),
        ("meeting", "/moeder/2024-03-01/dassos/"),
        ("person", chair.get_absolute_url()),
        ("organisation", chair.participations.first().organisation.get_absolute_url()),
    ]:
        response = page.goto(site + path)
        assert response.status == 200, path
        assert page.locator("h1").count() == 1, path
        shot(page, name)


def test_the_skip_link_is_the_first_stop_for_the_keyboard(site, page):
    page.goto(site + "/moeder/2024-03-01/dassos/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.strip() == "Spring til indhold"
    page.keyboard.press("Enter")
    # The jump is a same-page navigation; on a busy machine it lands after press() returns.
    page.wait_for_function("location.hash === '#main'", timeout=5000)


def test_pages_fit_a_phone_screen(site, browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, locale="da-DK")
    page = context.new_page()
    for name, path in [("home", "/"), ("decisions", "/beslutninger/"),
                       ("item", "/moeder/2026-02-27/dassos/punkt/1.4/")]:
        page.goto(site + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"
        shot(page, f"phone_{name}")
    context.close()


def test_the_print_stylesheet_hides_navigation_on_item_pages(site, page):
    page.goto(site + "/moeder/2024-03-01/dassos/punkt/1.4/")
    page.emulate_media(media="print")
    assert not page.locator("nav[aria-label='Hovedmenu']").is_visible()
    assert not page.locator(".prev-next").is_visible()
    assert page.locator("section.referat").is_visible()
