"""Concurrency on PostgreSQL (SQLite cannot write from two connections at once).

Two uploads of the same bytes at the same moment make one SourceDocument and one parse job; two
db_worker processes' worth of threads on one queue never parse the same document twice (the
database backend claims a job with SELECT … FOR UPDATE SKIP LOCKED).
"""
from __future__ import annotations

import threading
import time
from collections import Counter

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

import ingest.tasks
from ingest.store import store_bytes
from ingest.tasks import enqueue_parse
from minutes.models import Meeting, SourceDocument
from tests.concurrency_support import a_load_in_progress, waiting_at_most_two_seconds_for_locks
from tests.upload_support import DATABASE_TASKS, SEED_2024, make_user, referat_file

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture(autouse=True)
def _isolated(settings, tmp_path):
    settings.TASKS = DATABASE_TASKS
    settings.MEDIA_ROOT = tmp_path / "media"


def run_together(*targets) -> list:
    """Start every target in its own thread at the same moment; re-raise the first failure."""
    barrier = threading.Barrier(len(targets))
    results: list = [None] * len(targets)
    errors: list[BaseException] = []

    def run(index: int, target) -> None:
        try:
            barrier.wait()
            results[index] = target()
        except BaseException as error:  # handed to the main thread below
            errors.append(error)
        finally:
            connection.close()  # each thread has its own connection

    threads = [threading.Thread(target=run, args=(n, t)) for n, t in enumerate(targets)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    if errors:
        raise errors[0]
    return results


def test_two_uploads_of_the_same_file_at_once_make_one_document():
    user = make_user("sekretaer", sekretariat=True)

    def post():
        client = Client()
        client.force_login(user)
        return client.post("/sekretariat/", {"files": [referat_file()]}).status_code

    assert run_together(post, post) == [302, 302]
    source = SourceDocument.objects.get()
    assert source.size == SEED_2024.stat().st_size
    assert DBTaskResult.objects.count() == 1
    with source.file.open("rb") as stored:
        assert stored.read() == SEED_2024.read_bytes()


def test_many_simultaneous_stores_of_the_same_bytes_agree_on_one_document():
    data = SEED_2024.read_bytes()
    results = run_together(*[lambda: store_bytes(data, "referat.txt")] * 6)
    assert sorted(created for _, created in results) == [False] * 5 + [True]
    assert len({source.pk for source, _ in results}) == 1
    assert SourceDocument.objects.count() == 1


def test_two_workers_never_parse_the_same_document_twice(monkeypatch):
    parses: Counter[int] = Counter()
    workers: set[int] = set()
    lock = threading.Lock()
    real = ingest.tasks.process_source

    def counted(source, **kwargs):
        with lock:
            parses[source.pk] += 1
            workers.add(threading.get_ident())
        time.sleep(0.2)  # a parse takes time, so the two workers overlap
        return real(source, **kwargs)

    monkeypatch.setattr(ingest.tasks, "process_source", counted)
    # Signal handlers can only be installed by the main thread; threads stand in for processes.
    monkeypatch.setattr(db_worker.Worker, "configure_signals", lambda worker: None)
    text = SEED_2024.read_text(encoding="utf-8")
    sources = []
    for n in range(10):
        # Ten different documents: each one's date line names another day of March 2024.
        variant = text.replace("1. marts 2024", f"{n + 1}. marts 2024", 1)
        source, _ = store_bytes(variant.encode("utf-8") + b"\n" * n, f"referat-{n}.txt")
        enqueue_parse(source)
        sources.append(source)
    assert DBTaskResult.objects.filter(status="READY").count() == 10

    def worker():
        call_command("db_worker", batch=True, reload=False, startup_delay=False, verbosity=0)

    run_together(worker, worker)
    assert parses == Counter({source.pk: 1 for source in sources})
    assert len(workers) == 2, "both workers took jobs"
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}
    assert SourceDocument.objects.filter(status=SourceDocument.Status.READY).count() == 10
    assert Meeting.objects.count() == 10


def test_two_changes_of_the_archive_at_once_do_not_wait_for_each_other():
    """Each change announces itself with a new ArchiveChange row, never by updating a shared
    one: a transaction that is still loading does not hold up another change (with a shared
    counter the second would wait for the first's commit, and two loads could deadlock)."""
    from minutes.aggregates import generation

    with a_load_in_progress() as body:
        before = generation()  # the open transaction's change is not visible yet
        with waiting_at_most_two_seconds_for_locks():
            Meeting.objects.create(body=body, date="2031-02-01")
        assert generation() > before
