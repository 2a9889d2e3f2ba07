"""Hard limits around parsing: a bounded child process, linear-time text, clean stored text.

The parser runs in a child process with a memory ceiling and a wall-clock limit its parent
enforces; whatever a file does inside, the caller gets a one-sentence refusal and goes on.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest import sandbox
from ingest.parsing import parse_document
from ingest.parsing.contract import ParseError
from ingest.parsing.extract.pdf import extract_pdf
from ingest.parsing.limits import Limits
from ingest.sandbox import parse_isolated
from minutes.models import AgendaItem, Meeting
from scripts.make_hostile_files import control_glyph_pdf, operator_flood_pdf, seed_text
from tests.opendata_fixtures import PUBLISHED_DATES
from tests.paths import ROOT

SEED = seed_text().encode("utf-8")
MB = 1024 * 1024


# --- the child process -------------------------------------------------------------------------

def test_a_parse_in_the_child_gives_the_same_tree_as_in_process():
    assert parse_isolated(SEED, "referat.txt").to_dict() == parse_document(
        SEED, "referat.txt"
    ).to_dict()


def test_a_refusal_in_the_child_keeps_its_sentence():
    with pytest.raises(ParseError, match=r"^Filen er tom\.$"):
        parse_isolated(b"   ", "tom.txt")


def test_a_file_that_floods_memory_is_refused_at_the_ceiling_and_the_caller_goes_on():
    limits = Limits(max_memory=150 * MB)
    started = time.monotonic()

    with pytest.raises(ParseError, match=r"krævede mere end 157 MB hukommelse; den afvises"):
        parse_isolated(operator_flood_pdf(), "flood.pdf", limits)

    assert time.monotonic() - started < 60
    assert parse_isolated(SEED, "referat.txt", limits).meeting.date.isoformat() == "2024-03-01"


@pytest.mark.ocr
@pytest.mark.skipif(shutil.which("tesseract") is None, reason="needs Debian's tesseract-ocr")
def test_a_scan_is_read_within_the_default_ceiling_by_a_process_that_never_did_ocr(tmp_path):
    """The worker's path: a fresh process that has not imported OCR's libraries forks the child.
    OpenCV's and numpy's own address space (~440 MB, little of it used) must not count against
    the reading's 500 MB, or every scanned upload fails."""
    from scripts.make_hostile_files import seed_pdf
    from scripts.make_test_pdfs import scan_pages

    scan = tmp_path / "scan.pdf"
    scan.write_bytes(scan_pages(seed_pdf(), (1, 2)))
    code = (
        "import sys; from pathlib import Path; from ingest.sandbox import parse_isolated;"
        "assert 'cv2' not in sys.modules;"
        f"parsed = parse_isolated(Path({str(scan)!r}).read_bytes(), 'scan.pdf');"
        "print(parsed.meeting.date, len(parsed.items))"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    day, items = done.stdout.split()
    assert day == "2024-03-01" and int(items) > 0


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except FileNotFoundError:
        return False
    return state not in ("Z", "X")


def test_a_parser_past_its_time_is_killed_with_its_programs_and_temporary_files(
    monkeypatch, tmp_path
):
    pid_file = tmp_path / "helper.pid"

    def hangs(*args, **kwargs):
        helper = subprocess.Popen(["sleep", "300"])  # as OCR starts Tesseract
        with tempfile.NamedTemporaryFile(prefix="tess_", delete=False) as scratch:
            pid_file.write_text(f"{helper.pid} {scratch.name}")
        time.sleep(300)

    monkeypatch.setattr(sandbox, "parse_document", hangs)  # the child is forked: it inherits this
    monkeypatch.setattr(sandbox, "GRACE_SECONDS", 0.5)
    started = time.monotonic()

    with pytest.raises(ParseError, match=r"^Læsningen af filen tog mere end 2 sekunder"):
        parse_isolated(SEED, "referat.txt", Limits(max_seconds=2))

    assert time.monotonic() - started < 10
    helper, scratch = pid_file.read_text().split()
    helper = int(helper)
    assert not Path(scratch).exists(), "the parser's temporary file was left behind"
    for _ in range(50):
        if not _alive(helper):
            break
        time.sleep(0.1)
    assert not _alive(helper), "the helper process outlived the killed parser"


def test_progress_reported_in_the_child_reaches_the_caller(monkeypatch):
    real = sandbox.parse_document

    def reports(data, filename, limits, *, sha256=None, progress=None):
        for done in range(1, 4):
            progress(done, 3)
        return real(data, filename, limits, sha256=sha256)

    monkeypatch.setattr(sandbox, "parse_document", reports)
    seen = []

    parsed = parse_isolated(SEED, "referat.txt", progress=lambda d, t: seen.append((d, t)))

    assert seen == [(1, 3), (2, 3), (3, 3)]
    assert len(parsed.items) == 9


def test_a_parser_bug_in_the_child_is_reported_with_its_type(monkeypatch):
    def breaks(*args, **kwargs):
        raise KeyError("oops")

    monkeypatch.setattr(sandbox, "parse_document", breaks)

    with pytest.raises(sandbox.ChildCrashed) as crashed:
        parse_isolated(SEED, "referat.txt")
    assert "KeyError" in str(sandbox.crash_message(crashed.value))


# --- linear-time text --------------------------------------------------------------------------

PATHOLOGICAL = ["[", "(", "*", " ", "1", "](", "[a](", "**", "# ", "1. ", "\t", "|", "A ", "_"]


@settings(
    max_examples=30, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(
    unit=st.sampled_from(PATHOLOGICAL)
    | st.text(alphabet="[]()*_ #1.\t|-•A", min_size=1, max_size=4),
    length=st.integers(10_000, 60_000),
    prefix=st.sampled_from(["", "DASSOS\n", "# Referat\n", "Referat 1.3.24 "]),
)
def test_long_pathological_lines_parse_in_linear_time(unit, length, prefix):
    line = prefix + unit * (length // len(unit))
    started = time.monotonic()
    try:
        parse_document(line.encode("utf-8"), "linje.txt")
    except ParseError as error:
        assert str(error).strip()
    # Linear costs about 0.1 s for 60,000 characters; quadratic ones took seconds to minutes.
    assert time.monotonic() - started < 3, f"{unit!r} × {length // len(unit)}"


# --- clean text in, valid output out -----------------------------------------------------------

def test_a_font_that_maps_a_glyph_to_escape_leaves_no_control_character_in_the_lines():
    extracted = extract_pdf(control_glyph_pdf())

    text = "\n".join(line.text for line in extracted.lines)
    assert text == "DASSOS Referat"
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", text + extracted.raw_text)


@pytest.mark.django_db
@pytest.mark.usefixtures("seeded")
@pytest.mark.parametrize(
    "url",
    ["/beslutninger/feed/", "/moeder/feed/", "/soeg/feed/?q=Rammeaftale", "/kalender.ics"],
)
def test_control_characters_in_stored_text_leave_feeds_and_calendar_valid(client, url):
    meeting = Meeting.objects.get(date=max(PUBLISHED_DATES))
    AgendaItem.objects.filter(meeting=meeting).update(title="Rammeaftale\x1b 2025\x01")
    Meeting.objects.filter(pk=meeting.pk).update(location="Rådhuset\x1b", room="Lokale\x0b 1")

    response = client.get(url)

    assert response.status_code == 200
    assert not re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", response.content)


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["%00", "%01", "%1B", "Ramme%1Baftale"])
@pytest.mark.parametrize("path", ["/soeg/", "/soeg/feed/"])
def test_search_and_its_feed_clean_control_characters_from_the_query(client, path, query):
    response = client.get(f"{path}?q={query}")

    assert response.status_code == 200
    assert b"\x1b" not in response.content and b"\x00" not in response.content

