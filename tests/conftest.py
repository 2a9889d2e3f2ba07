"""Shared fixtures and the rule that PostgreSQL-only tests skip visibly on SQLite."""
from pathlib import Path

import pytest

from tests.paths import FIXTURES

# Every module of shared fixtures is registered here, never imported into a test module.
pytest_plugins = [
    "tests.pdf_fixtures",
    "tests.browser_support",
    "tests.upload_support",
    "tests.opendata_fixtures",
    "tests.pages_data",
]


def pytest_collection_modifyitems(config, items):
    from django.db import connection

    if connection.vendor == "postgresql":
        return
    skip = pytest.mark.skip(reason=f"needs PostgreSQL; this run uses {connection.vendor}")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES
