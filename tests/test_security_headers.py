"""Pages carry the security headers of the production settings, and cookies are secure."""
import json
import re

import pytest
from django.test import override_settings

from tests.test_security_deploy import PRODUCTION_ENV, ROOT, run_manage
from tests.upload_support import PASSWORD, make_user

pytestmark = pytest.mark.django_db

NAMES = [
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SECURE",
    "X_FRAME_OPTIONS",
    "CONTENT_SECURITY_POLICY",
]


@pytest.fixture(scope="module")
def production_settings() -> dict:
    """The security settings as dassos/settings.py computes them with DEBUG=0."""
    code = (
        "import json; from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n) for n in {NAMES!r}}}))"
    )
    result = run_manage("shell", "-c", code, env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture
def production(production_settings):
    with override_settings(**production_settings):
        yield production_settings


def test_production_settings_turn_on_secure_cookies_and_hsts(production_settings):
    assert production_settings["SESSION_COOKIE_SECURE"] is True
    assert production_settings["CSRF_COOKIE_SECURE"] is True
    assert production_settings["SESSION_COOKIE_HTTPONLY"] is True
    assert production_settings["SECURE_HSTS_SECONDS"] >= 31536000
    assert production_settings["SECURE_SSL_REDIRECT"] is True


def test_a_page_over_https_carries_every_security_header(client, production):
    response = client.get("/", secure=True)
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == (
        "max-age=31536000; includeSubDomains; preload"
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    policy = dict(
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
    )
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in response["Content-Security-Policy"]


def test_plain_http_is_redirected_to_https(client, production):
    response = client.get("/moeder/")
    assert response.status_code == 301
    assert response.url == "https://testserver/moeder/"


def test_the_session_and_csrf_cookies_are_secure_and_the_session_is_http_only(client, production):
    make_user("sekretaer", sekretariat=True)
    login_page = client.get("/konto/login/", secure=True)
    assert login_page.cookies["csrftoken"]["secure"] is True
    response = client.post(
        "/konto/login/", {"username": "sekretaer", "password": PASSWORD}, secure=True
    )
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["secure"] is True
    assert session["httponly"] is True


INLINE = {
    "<style> element": re.compile(r"<style\b", re.I),
    "style attribute": re.compile(r"<[a-z][^>]*\sstyle\s*=", re.I),
    "on* attribute": re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I),
    "javascript: URL": re.compile(r"javascript:", re.I),
    "<script> without src": re.compile(r"<script\b(?![^>]*\ssrc=)[^>]*>", re.I),
}


def test_no_template_has_inline_script_or_style():
    offending = [
        (str(template.relative_to(ROOT)), what)
        for template in (ROOT / "templates").rglob("*.html")
        for what, pattern in INLINE.items()
        if pattern.search(template.read_text(encoding="utf-8"))
    ]
    assert offending == []
