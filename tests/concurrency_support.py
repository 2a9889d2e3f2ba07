"""A second connection holding an uncommitted change, for tests of what others may do meanwhile
(PostgreSQL only: SQLite cannot write from two connections at once)."""
from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection, transaction

from minutes.models import Body, Meeting


@contextmanager
def a_load_in_progress() -> Iterator[Body]:
    """While the block runs, another thread's transaction has saved a meeting (2031-01-01) and
    not committed; it commits when the block ends. Yields the body the meeting belongs to."""
    body, _ = Body.objects.get_or_create(slug="dassos", defaults={"name": "DASSOS"})
    saved, release = threading.Event(), threading.Event()

    def long_load() -> None:
        try:
            with transaction.atomic():
                Meeting.objects.create(body=body, date="2031-01-01")
                saved.set()
                release.wait(timeout=30)
        finally:
            connection.close()  # the thread's own connection

    loader = threading.Thread(target=long_load)
    loader.start()
    try:
        assert saved.wait(timeout=30), "the other transaction never saved its meeting"
        yield body
    finally:
        release.set()
        loader.join(timeout=30)


@contextmanager
def waiting_at_most_two_seconds_for_locks() -> Iterator[None]:
    """A transaction that fails instead of waiting more than 2 s for another's lock."""
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL lock_timeout = '2s'")
        yield
