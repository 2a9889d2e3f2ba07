"""The five seed referater parsed once per run and loaded through the real loader per test.

Registered in tests/conftest.py as a plugin: a test asks for the `archive` fixture by name.
"""
from functools import cache

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ingest.load import load_parsed
from ingest.parsing import parse_document
from ingest.parsing.contract import ParsedMeeting
from ingest.store import store_bytes
from minutes.models import Meeting, Topic
from minutes.models.base import danish_slugify
from minutes.topics import DEFAULT_TOPICS
from tests.paths import SEEDS


@cache
def parsed_seeds() -> tuple[tuple[str, bytes, ParsedMeeting], ...]:
    """(filename, bytes, parsed tree) of every seed; parsing is pure, so it is done once."""
    return tuple(
        (path.name, path.read_bytes(), parse_document(path.read_bytes(), path.name))
        for path in SEEDS
    )


def ensure_default_topics() -> None:
    """Recreate migration 0002's topics (a transactional test's flush removes them)."""
    for name, terms in DEFAULT_TOPICS.items():
        Topic.objects.get_or_create(
            name=name, defaults={"slug": danish_slugify(name), "match_terms": "\n".join(terms)}
        )


def load_seeds(*, published: bool = True) -> list[Meeting]:
    """Store and load every seed the way `manage.py ingest` does."""
    meetings = []
    for name, data, parsed in parsed_seeds():
        source, _created = store_bytes(data, name)
        meetings.append(load_parsed(parsed, source, published=published).meeting)
    return meetings


@pytest.fixture
def archive(db, settings, tmp_path) -> list[Meeting]:
    """All five seed meetings, published, with sources stored under a temporary MEDIA_ROOT."""
    settings.MEDIA_ROOT = tmp_path
    return load_seeds()


def count_queries(client, url: str) -> int:
    """How many queries rendering `url` takes (the response must be 200)."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)
