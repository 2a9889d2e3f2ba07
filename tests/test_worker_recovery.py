"""A reading whose worker died is noticed by its lease and done again, a few times at most.

The worker renews a reading's lease (SourceDocument.heartbeat_at) while its parser child runs;
`recover_stalled`, run by `manage.py ingest_worker`, queues a source whose lease ran out again,
and fails it with the reason after the third lost reading. The last test kills a real worker
with SIGKILL in the middle of a reading.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from ingest.store import store_bytes
from ingest.tasks import MAX_ATTEMPTS, can_retry, recover_stalled
from minutes.models import SourceDocument
from scripts.make_hostile_files import seed_text
from tests.paths import ROOT

pytestmark = pytest.mark.django_db
SEED = seed_text().encode("utf-8")


@pytest.fixture
def parsing(upload_settings, settings):
    """A source its worker began reading, with its lease renewed `age` ago."""
    settings.INGEST_LEASE_SECONDS = 60

    def make(age: timedelta, attempts: int = 0) -> SourceDocument:
        source, _ = store_bytes(SEED, "referat.txt")
        source.status = SourceDocument.Status.PARSING
        source.parse_started_at = source.heartbeat_at = timezone.now() - age
        source.attempts = attempts
        source.save()
        return source

    return make


def test_a_reading_whose_lease_ran_out_is_done_again(
    parsing, django_capture_on_commit_callbacks
):
    source = parsing(timedelta(seconds=90))
    assert can_retry(source)

    with django_capture_on_commit_callbacks(execute=True):
        assert recover_stalled() == [source]

    source.refresh_from_db()
    assert source.status == SourceDocument.Status.READY
    assert source.attempts == 1
    assert source.meeting.date.isoformat() == "2024-03-01"


def test_a_reading_with_a_fresh_lease_is_left_to_its_worker(parsing):
    source = parsing(timedelta(seconds=20))

    assert recover_stalled() == []
    source.refresh_from_db()
    assert source.status == SourceDocument.Status.PARSING
    assert not can_retry(source)


def test_after_the_last_lost_reading_the_source_fails_saying_why(parsing):
    source = parsing(timedelta(minutes=5), attempts=MAX_ATTEMPTS - 1)

    recover_stalled()

    source.refresh_from_db()
    assert source.status == SourceDocument.Status.FAILED
    assert source.error == (
        "Læsningen blev afbrudt 3 gange, fordi baggrundsprocessen stoppede; filen afvises."
    )


# --- a real worker, killed -----------------------------------------------------------------------

def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] not in ("Z", "X"):
            found.append(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] not in "ZX"
    except FileNotFoundError:
        return False


def _group(pgid: int) -> list[int]:
    """Live processes in this process group."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] not in ("Z", "X"):
            found.append(int(stat.parent.name))
    return found


def _shell(env: dict, code: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code], cwd=ROOT, env=env,
        capture_output=True, text=True, timeout=120, check=True,
    )
    return done.stdout.strip()


STATUS = "from minutes.models import SourceDocument as S; print(S.objects.get().status)"
WORKER = [sys.executable, "manage.py", "ingest_worker", "--interval", "0.2", "--no-reload"]


def _archive_with_a_queued_reading(tmp_path, stored: str, **settings: str) -> dict:
    """A migrated SQLite archive in tmp_path holding one queued upload, made by the code in
    `stored` (which names the bytes `data` and the file `name`); the environment to run it."""
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'archive.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "PYTHONPATH": str(ROOT),
        **settings,
    }
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env,
                   check=True, timeout=300)
    _shell(env, (
        "from ingest.store import store_bytes; from ingest.tasks import enqueue_parse;"
        f"{stored}; source, _ = store_bytes(data, name); enqueue_parse(source)"
    ))
    return env


def _parser_of(worker: subprocess.Popen) -> list[int]:
    """The parser child the worker starts, once it has started one (within a minute)."""
    deadline = time.monotonic() + 60
    parser = []
    while time.monotonic() < deadline and not parser:
        parser = _children(worker.pid)
        time.sleep(0.1)
    assert parser, "the worker never started a parser child"
    return parser


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_reading_leaves_no_process_and_the_next_worker_finishes(tmp_path):
    # About 2 MB of referat text: a few seconds of parsing, time enough to kill the worker.
    env = _archive_with_a_queued_reading(
        tmp_path,
        "from scripts.make_hostile_files import seed_text;"
        "data = ((seed_text() + '\\n') * 80).encode(); name = 'referat.txt'",
        INGEST_LEASE_SECONDS="3",
    )
    worker = subprocess.Popen(WORKER, cwd=ROOT, env=env, stderr=subprocess.DEVNULL)
    try:
        parser = _parser_of(worker)
        killed = worker.pid
        os.kill(killed, signal.SIGKILL)
        worker.wait(10)
        for _ in range(50):
            if not any(_alive(pid) for pid in parser):
                break
            time.sleep(0.1)
        assert not any(_alive(pid) for pid in parser), "the parser outlived its worker"
        assert not _group(parser[0]), "a program the parser started outlived it"
        assert _shell(env, STATUS) == "parsing"

        worker = subprocess.Popen(WORKER, cwd=ROOT, env=env, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        status = "parsing"
        while time.monotonic() < deadline and status in ("parsing", "waiting"):
            time.sleep(1)
            status = _shell(env, STATUS)
        assert status in ("ready", "failed")
        attempts = _shell(env, "from minutes.models import SourceDocument as S;"
                               "print(S.objects.get().attempts)")
        assert attempts == "1"
        assert not list(Path(tempfile.gettempdir()).glob(f"dassos-parse-{killed}-*"))
    finally:
        worker.kill()
        worker.wait(10)


@pytest.mark.ocr
@pytest.mark.skipif(shutil.which("tesseract") is None, reason="needs Debian's tesseract-ocr")
@pytest.mark.django_db(transaction=True)
def test_a_worker_told_to_stop_requeues_a_long_reading_after_its_grace_period(tmp_path):
    # A scan of four pages: OCR takes seconds a page, far more than the grace period.
    env = _archive_with_a_queued_reading(
        tmp_path,
        "from scripts.make_hostile_files import seed_pdf;"
        "from scripts.make_test_pdfs import scan_pages;"
        "data = scan_pages(seed_pdf(), (1, 2, 3, 4)); name = 'scan.pdf'",
        INGEST_STOP_GRACE_SECONDS="1",
    )
    log = tmp_path / "worker.log"
    with log.open("wb") as stderr:
        worker = subprocess.Popen(WORKER, cwd=ROOT, env=env, stderr=stderr)
    try:
        parser = _parser_of(worker)
        stopped = time.monotonic()
        worker.send_signal(signal.SIGTERM)
        worker.wait(30)

        assert time.monotonic() - stopped < 10
        assert not any(_alive(pid) for pid in parser)
        status = _shell(env, STATUS)
        why = _shell(env, "from minutes.models import SourceDocument as S;"
                          "print(S.objects.get().error)")
        # queued again for the next worker (the log and the error say why, if not)
        assert status == "waiting", (why, log.read_text(errors="replace")[-3000:])
    finally:
        worker.kill()
        worker.wait(10)
