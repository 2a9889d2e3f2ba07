"""Branded 403, 404 and 500 pages: the site's navigation and search, in Danish and English."""
import pytest
from django.test import Client, RequestFactory
from django.utils import translation
from django.views.defaults import server_error

from tests.upload_support import make_user

pytestmark = pytest.mark.django_db


def _has_site_frame(page: str) -> None:
    assert 'aria-label="Hovedmenu"' in page or 'aria-label="Main menu"' in page
    assert 'role="search"' in page and 'action="/soeg/"' in page


def test_a_missing_page_is_a_danish_page_with_navigation_and_search(settings):
    settings.DEBUG = False
    response = Client().get("/findes-ikke/")
    page = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="da">' in page and "Siden findes ikke" in page
    _has_site_frame(page)


def test_a_missing_page_in_english(settings):
    settings.DEBUG = False
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get("/findes-ikke/").content.decode()
    assert '<html lang="en">' in page and "Page not found" in page
    _has_site_frame(page)


def test_a_user_without_the_group_gets_a_page_saying_what_is_missing(settings):
    settings.DEBUG = False
    client = Client()
    client.force_login(make_user("reader"))
    response = client.get("/sekretariat/")
    page = response.content.decode()
    assert response.status_code == 403
    assert "Ingen adgang" in page and "mangler gruppen »Sekretariat«" in page
    _has_site_frame(page)


@pytest.mark.parametrize(("language", "heading"), [("da", "Der skete en fejl"),
                                                   ("en", "Something went wrong")])
def test_a_server_error_page_keeps_the_site_frame(language, heading):
    with translation.override(language):
        response = server_error(RequestFactory().get("/"))
    page = response.content.decode()
    assert response.status_code == 500
    assert f'<html lang="{language}">' in page and heading in page
    _has_site_frame(page)
