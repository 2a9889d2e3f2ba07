"""The project's foundation: settings from the environment, Danish by default, pages served."""
import subprocess
import sys
from datetime import date

import pytest
from django.conf import settings
from django.utils import formats, translation


def test_the_interface_speaks_danish_by_default(client, db):
    response = client.get("/")
    assert response.status_code == 200
    assert '<html lang="da">' in response.content.decode()


def test_english_is_available(client, db):
    response = client.get("/", headers={"accept-language": "en"})
    assert '<html lang="en">' in response.content.decode()


def test_dates_print_the_danish_way():
    with translation.override("da"):
        assert formats.date_format(date(2024, 3, 1), "DATE_FORMAT") == "1. marts 2024"
    assert settings.TIME_ZONE == "Europe/Copenhagen"


def _settings_with(env: dict) -> subprocess.CompletedProcess:
    code = "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"
    return subprocess.run(
        [sys.executable, "-c", code],
        env={"DJANGO_SETTINGS_MODULE": "dassos.settings", "PATH": "/usr/bin", **env},
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
    )


def test_production_refuses_to_start_without_a_real_secret_key():
    result = _settings_with({"DEBUG": "0"})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_starts_with_a_real_secret_key():
    result = _settings_with({"DEBUG": "0", "SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "example.org"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_a_bad_boolean_fails_loudly():
    result = _settings_with({"DEBUG": "maybe"})
    assert result.returncode != 0
    assert "DEBUG must be a boolean" in result.stderr


@pytest.mark.postgres
def test_postgresql_has_the_danish_text_search_configuration(db):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector('danish', 'botilbuddet')::text")
        assert "botilbud" in cursor.fetchone()[0]
