"""SQLite beside the worker (`make run`): a writer waits for another instead of failing with
"database is locked", and if a lock still wins, `reingest` says what to do."""
import copy
import threading
import time
from unittest import mock

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import OperationalError
from django.db.utils import ConnectionHandler

pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
    reason="SQLite only",
)


def _connection(path):
    config = copy.deepcopy(settings.DATABASES["default"])
    config["NAME"] = str(path)
    return ConnectionHandler({"default": config})["default"]


@pytest.fixture(autouse=True)
def _unblocked(request, django_db_blocker):
    if "db" in request.fixturenames:
        yield
        return
    with django_db_blocker.unblock():  # connections of our own, to files of our own
        yield


def test_the_file_database_runs_in_wal_with_immediate_transactions(tmp_path):
    connection = _connection(tmp_path / "db.sqlite3")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
    assert connection.settings_dict["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    connection.close()


def test_a_second_writer_waits_for_the_first_instead_of_failing(tmp_path):
    path = tmp_path / "db.sqlite3"
    setup = _connection(path)
    with setup.cursor() as cursor:
        cursor.execute("CREATE TABLE counter (n INTEGER)")
        cursor.execute("INSERT INTO counter VALUES (0)")
    setup.close()
    holding = threading.Event()

    def worker() -> None:
        connection = _connection(path)
        with connection.cursor() as cursor:
            cursor.execute("BEGIN IMMEDIATE")
            cursor.execute("UPDATE counter SET n = n + 1")
            holding.set()
            time.sleep(0.5)  # a parse loading its rows
            cursor.execute("COMMIT")
        connection.close()

    thread = threading.Thread(target=worker)
    thread.start()
    holding.wait(5)
    web = _connection(path)
    # Read first, then write, in one transaction, while the worker holds the write lock.
    from django.db import transaction

    with transaction.atomic(using=web.alias), web.cursor() as cursor:
        cursor.execute("SELECT n FROM counter")
        cursor.execute("UPDATE counter SET n = n + 1")
    thread.join()
    with web.cursor() as cursor:
        cursor.execute("SELECT n FROM counter")
        assert cursor.fetchone()[0] == 2
    web.close()


@pytest.mark.django_db
def test_reingest_explains_a_database_lock(db):
    from minutes.models import Body, Meeting

    body, _ = Body.objects.get_or_create(slug="dassos", defaults={"name": "DASSOS"})
    Meeting.objects.create(body=body, date="2024-03-01")
    from minutes.models import SourceDocument

    SourceDocument.objects.create(
        meeting=Meeting.objects.get(), file="sources/x.txt", original_filename="x.txt",
        sha256="a" * 64, size=1, status="ready",
    )
    with mock.patch(
        "ingest.management.commands.reingest.reingest_source",
        side_effect=OperationalError("database is locked"),
    ), pytest.raises(CommandError) as raised:
        call_command("reingest", "--all")
    assert "ingest_worker" in str(raised.value) and "database is locked" in str(raised.value)
