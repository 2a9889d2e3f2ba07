"""Hostile files through the real entry points: a clear one-sentence error or a correct parse.

The corpus is generated once per session by scripts/make_hostile_files.py (nothing big is
committed). Each file goes through `parse_minutes` (exit 2 on refusal), through `ingest_file`
(a failed SourceDocument with the error and the original kept byte for byte) and through the
upload worker, which must go on to read a good file afterwards.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytesseract
import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from ingest.parsing import parse_document
from ingest.process import FAILED, LOADED, ingest_file
from ingest.store import store_bytes
from ingest.tasks import enqueue_parse
from minutes.models import SourceDocument
from scripts.make_hostile_files import HOSTILE, SEED, build
from tests.paths import FIXTURES, ROOT
from tests.upload_support import DATABASE_TASKS

EXPECT = {hostile.name: hostile.expect for hostile in HOSTILE}
REFUSED = sorted(name for name, expect in EXPECT.items() if expect != "parse")
READABLE = sorted(name for name, expect in EXPECT.items() if expect == "parse")
# Small enough to store and read in a test; the 100 MB file has its own tests.
STORABLE = [name for name in REFUSED if name != "huge.pdf"]


@pytest.fixture(autouse=True)
def _language_of_a_fresh_process():
    """The commands speak the active language: start from LANGUAGE_CODE (Danish), as a new
    process does, not from the language an earlier test's request left in this thread."""
    translation.deactivate()


@pytest.fixture(scope="session")
def hostile(tmp_path_factory) -> dict[str, Path]:
    return build(tmp_path_factory.mktemp("hostile"))


@pytest.fixture
def no_ocr(monkeypatch):
    """Tesseract is unavailable, as on a machine without the Debian packages."""
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def one_sentence(message: str) -> bool:
    """A single line, ending like a sentence, with no Python exception text in it."""
    return (
        "\n" not in message.strip()
        and message.strip().endswith(".")
        and "Traceback" not in message
        and "Error:" not in message
    )


def test_the_corpus_covers_every_hostile_kind(hostile):
    assert set(hostile) == set(EXPECT)
    assert hostile["empty.pdf"].stat().st_size == 0
    assert hostile["huge.pdf"].stat().st_size == 100 * 1024 * 1024
    assert hostile["bomb.pdf"].stat().st_size < 2 * 1024 * 1024


@pytest.mark.parametrize("name", REFUSED)
def test_parse_minutes_refuses_it_with_one_sentence(name, hostile, no_ocr):
    with pytest.raises(CommandError) as refused:
        call_command("parse_minutes", str(hostile[name]), stdout=StringIO())
    assert refused.value.returncode == 2
    message = str(refused.value)
    assert re.search(EXPECT[name], message), message
    assert one_sentence(message), message


@pytest.mark.parametrize("name", READABLE)
def test_parse_minutes_reads_a_referat_in_another_encoding(name, hostile):
    out = StringIO()
    call_command("parse_minutes", str(hostile[name]), stdout=out)
    summary = out.getvalue()
    assert summary.startswith("DASSOS 2024-03-01")
    assert "Punkter: 9" in summary
    assert "Deltagere: " in summary


@pytest.mark.parametrize("name", ["utf16.txt", "cp1252.txt"])
def test_another_encoding_reads_exactly_like_utf8(name, hostile):
    utf8 = parse_document((FIXTURES / SEED).read_bytes(), SEED)
    other = parse_document(hostile[name].read_bytes(), SEED)
    assert [(i.number, i.title, i.referat) for i in other.items] == [
        (i.number, i.title, i.referat) for i in utf8.items
    ]
    assert other.participants == utf8.participants


def test_the_command_exits_2_with_one_line_and_no_traceback(hostile, tmp_path):
    """The real process: exit status 2, one line on stderr, for a bomb, a 100 MB file and a scan."""
    env = {**os.environ, "PATH": str(tmp_path)}  # no tesseract on this PATH
    for name in ("bomb.pdf", "huge.pdf", "scanned.pdf"):
        done = subprocess.run(
            [sys.executable, "manage.py", "parse_minutes", str(hostile[name])],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
        )
        assert done.returncode == 2, (name, done.stderr)
        assert done.stdout == ""
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("CommandError: "), done.stderr
        assert re.search(EXPECT[name], lines[0].removeprefix("CommandError: ")), lines[0]


@pytest.mark.django_db
@pytest.mark.parametrize("name", STORABLE)
def test_ingest_keeps_the_original_and_records_the_error(name, hostile, media, no_ocr):
    data = hostile[name].read_bytes()
    result = ingest_file(hostile[name], published=False)
    assert result.status == FAILED
    assert re.search(EXPECT[name], result.message) and one_sentence(result.message)
    source = SourceDocument.objects.get()
    assert source.status == SourceDocument.Status.FAILED
    assert source.error == result.message
    assert source.meeting is None
    assert source.size == len(data)
    with source.file.open("rb") as stored:
        assert stored.read() == data


@pytest.mark.django_db
@pytest.mark.parametrize("name", READABLE)
def test_ingest_loads_a_referat_in_another_encoding(name, hostile, media):
    result = ingest_file(hostile[name], published=True)
    assert result.status == LOADED, result.message
    assert str(result.meeting.date) == "2024-03-01"
    assert result.meeting.items.count() == 9


@pytest.mark.django_db
def test_a_file_over_the_size_limit_is_refused_before_it_is_read(hostile, media):
    result = ingest_file(hostile["huge.pdf"], published=False)
    assert result.status == FAILED
    assert result.message == "Filen fylder 105 MB; grænsen er 52 MB."
    assert not SourceDocument.objects.exists()


@pytest.mark.django_db
def test_the_configured_limits_apply(hostile, media, settings, test_pdfs):
    """INGEST_MAX_PAGES, INGEST_MAX_SECONDS and INGEST_MAX_BYTES reach the parser."""
    pdf = test_pdfs["003.pdf"]
    settings.INGEST_MAX_PAGES = 1
    result = ingest_file(pdf, published=False)
    assert re.fullmatch(r"PDF-filen har \d+ sider; grænsen er 1\.", result.message)
    settings.INGEST_MAX_PAGES = 500
    settings.INGEST_MAX_SECONDS = 0
    SourceDocument.objects.all().delete()
    result = ingest_file(pdf, published=False)
    assert result.message == "Læsningen af PDF-filen tog mere end 0 sekunder."
    settings.INGEST_MAX_BYTES = 1000
    result = ingest_file(hostile["cp1252.txt"], published=False)
    assert result.status == FAILED
    assert re.fullmatch(r"Filen fylder \d+ MB; grænsen er 0 MB\.", result.message)


# The worker closes connections it finds inside a transaction, so no test transaction here.
@pytest.mark.django_db(transaction=True)
def test_the_worker_survives_hostile_files_and_reads_a_good_one_after(
    hostile, media, settings, no_ocr
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DATABASE_TASKS
    names = ["bomb.pdf", "random.pdf", "encrypted.pdf", "scanned.pdf", "long_text.txt",
             "truncated.pdf", "cp1252.txt"]
    sources = {}
    for name in names:
        source, created = store_bytes(hostile[name].read_bytes(), name)
        assert created
        enqueue_parse(source)  # no transaction open: queued at once
        sources[name] = source
    call_command("db_worker", batch=True, reload=False, startup_delay=False, verbosity=0)
    for name, source in sources.items():
        source.refresh_from_db()
        if EXPECT[name] == "parse":
            assert source.status == SourceDocument.Status.READY, (name, source.error)
            assert source.meeting.items.count() == 9
        else:
            assert source.status == SourceDocument.Status.FAILED, name
            assert re.search(EXPECT[name], source.error), (name, source.error)
    jobs = DBTaskResult.objects.all()
    assert jobs.count() == len(names)
    assert {job.status for job in jobs} == {"SUCCESSFUL"}


def test_a_pdf_of_nothing_but_page_headers_is_read_with_warnings(tmp_path):
    """Every line a running header: once a crash (max() of no lines), now a parse with warnings."""
    from scripts.make_hostile_files import many_pages_pdf

    path = tmp_path / "headers_only.pdf"
    path.write_bytes(many_pages_pdf(3))
    out = StringIO()
    call_command("parse_minutes", str(path), stdout=out)
    summary = out.getvalue()
    assert summary.startswith("DASSOS 2024-03-01")
    assert "Punkter: 0" in summary
    assert "Der blev ikke fundet nogen dagsordenspunkter." in summary
