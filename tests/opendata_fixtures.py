"""For the open-data tests: the five seed referater, loaded once per test module.

Four are published; seed 004 (1 March 2024) is loaded as a draft and must never be visible.
The loading runs in a transaction rolled back when the module ends, so other modules never
see these rows; each test runs in a savepoint inside it. Registered in tests/conftest.py as a
plugin: a test module asks for `seeded` (usually via `pytest.mark.usefixtures`), never imports it.
"""
import pytest
from django.db import transaction
from django.test import override_settings

from ingest.process import ingest_file
from tests.paths import SEEDS

DRAFT_STEM = "004_eed90c9ef06859eb"
DRAFT_DATE = "2024-03-01"
PUBLISHED_DATES = ["2020-11-23", "2021-11-25", "2022-09-15", "2026-02-27"]


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media):
        with transaction.atomic():
            for path in SEEDS:
                result = ingest_file(path, published=path.stem != DRAFT_STEM)
                assert result.ok, result.message
            yield media
            transaction.set_rollback(True)
