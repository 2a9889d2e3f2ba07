"""Follow-ups in real Chromium on the five seed referater: /opfoelgning/, a permalink page and an
item page at a desktop and a phone width (no page wider than the screen), and the secretariat
marking a follow-up done without any script."""
import re
from pathlib import Path

import pytest

from minutes.models import FollowUp
from tests.browser_support import DESKTOP, PHONE, browser_tests
from tests.upload_support import PASSWORD, make_user

pytestmark = browser_tests

SHOTS = Path("/tmp/followups_screens")


def _page(browser, viewport):
    context = browser.new_context(locale="da-DK", viewport=viewport,
                                  is_mobile=viewport is PHONE, java_script_enabled=False)
    return context, context.new_page()


def _fits(page, name: str, viewport) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}_{viewport['width']}.png"), full_page=True)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"], f"{name} is {width}px wide at {viewport['width']}px"


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_followup_pages_fit_the_screen(site, browser, viewport):
    followup = FollowUp.objects.public().exclude(actor="").order_by("pk").first()
    context, page = _page(browser, viewport)
    page.goto(site + "/opfoelgning/?status=all")
    assert page.locator("h1").inner_text() == "Opfølgning"
    assert page.locator("ol.followups > li").count() > 10
    _fits(page, "opfoelgning", viewport)
    page.get_by_label("Hvem").select_option(label=followup.actor)
    page.get_by_role("button", name="Vis opfølgninger").click()
    page.wait_for_url(re.compile(r"actor="))
    assert followup.action[:40] in page.locator("ol.followups").inner_text()
    page.goto(site + followup.item.get_absolute_url())
    block = page.locator("section.followup-block")
    assert "Opfølgning" in block.inner_text() and followup.action[:40] in block.inner_text()
    _fits(page, "punkt", viewport)
    block.locator("ol.followups a").first.click()
    page.wait_for_url(re.compile(r"/opfoelgning/\d+/$"))
    _fits(page, "permalink", viewport)
    context.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_secretariat_marks_a_followup_done(site, browser, viewport):
    make_user("sekretaer", sekretariat=True)
    followup = FollowUp.objects.public().filter(status="open").order_by("pk").first()
    context, page = _page(browser, viewport)
    page.goto(site + "/konto/login/")
    page.fill("input[name=username]", "sekretaer")
    page.fill("input[name=password]", PASSWORD)
    page.click("form.login-form button[type=submit]")
    page.wait_for_load_state()
    page.goto(site + followup.get_absolute_url())
    _fits(page, "permalink_staff", viewport)
    page.get_by_role("button", name="Markér som udført").click()
    page.wait_for_url(re.compile(rf"/opfoelgning/{followup.pk}/$"))
    assert "Opfølgningen er nu: udført." in page.locator(".messages").inner_text()
    assert page.locator(".fu-status").first.inner_text() == "udført"
    assert page.get_by_role("button", name="Genåbn").is_visible()
    _fits(page, "permalink_done", viewport)
    followup.refresh_from_db()
    assert followup.status == FollowUp.Status.DONE
    assert followup.status_changed_by.username == "sekretaer"
    context.close()
