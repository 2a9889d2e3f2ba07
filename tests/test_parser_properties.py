"""Property tests: whatever bytes arrive, parse_document returns a parse or raises ParseError.

Hypothesis drives the parser with arbitrary text and bytes, and with seed referater (text and
born-digital PDF) damaged by byte flips, truncation, shuffled and deleted lines. Any other
exception (IndexError, a regex blow-up, a pdfminer error leaking out) fails the test.
"""
from __future__ import annotations

from functools import lru_cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.parsing import parse_document
from ingest.parsing.contract import ParsedMeeting, ParseError
from ingest.parsing.limits import Limits
from scripts.make_test_pdfs import render_seed
from tests import paths

SEEDS = {path.name: path.read_bytes() for path in paths.SEEDS}
# Small limits keep a runaway case quick; the seeds are far below them.
LIMITS = Limits(max_bytes=2_000_000, max_pages=50, max_seconds=30)
FAST = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)


def parse_or_refuse(data: bytes, filename: str) -> ParsedMeeting | ParseError:
    """The documented outcomes only: a ParsedMeeting, or the ParseError (with a message)."""
    try:
        parsed = parse_document(data, filename, LIMITS)
    except ParseError as error:
        assert str(error).strip(), "a ParseError must say what is wrong"
        assert "Traceback" not in str(error)
        return error
    assert isinstance(parsed, ParsedMeeting)
    assert parsed.source.filename == filename
    return parsed


@lru_cache(maxsize=1)
def seed_pdf() -> bytes:
    """The smallest seed as a born-digital PDF (rendered once)."""
    name = "004_eed90c9ef06859eb.txt"
    return render_seed(SEEDS[name].decode("utf-8"), name).pdf


# --- mutations -------------------------------------------------------------------------------

@st.composite
def flipped(draw, data: bytes) -> bytes:
    """Some bytes replaced by arbitrary ones."""
    if not data:
        return data
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 20))):
        out[draw(st.integers(0, len(out) - 1))] = draw(st.integers(0, 255))
    return bytes(out)


@st.composite
def truncated(draw, data: bytes) -> bytes:
    return data[: draw(st.integers(0, len(data)))]


@st.composite
def shuffled_lines(draw, data: bytes) -> bytes:
    lines = data.split(b"\n")
    return b"\n".join(draw(st.permutations(lines)))


@st.composite
def deleted_lines(draw, data: bytes) -> bytes:
    lines = data.split(b"\n")
    keep = draw(st.lists(st.booleans(), min_size=len(lines), max_size=len(lines)))
    return b"\n".join(line for line, kept in zip(lines, keep, strict=True) if kept)


@st.composite
def spliced(draw, data: bytes) -> bytes:
    """A slice of the document moved or repeated elsewhere (pages out of order, copied twice)."""
    start = draw(st.integers(0, len(data)))
    end = draw(st.integers(start, min(len(data), start + 5000)))
    at = draw(st.integers(0, len(data)))
    return data[:at] + data[start:end] + data[at:]


MUTATIONS = (flipped, truncated, shuffled_lines, deleted_lines, spliced)


@st.composite
def mutated_seed(draw) -> tuple[str, bytes]:
    name = draw(st.sampled_from(sorted(SEEDS)))
    data = SEEDS[name]
    for mutation in draw(st.lists(st.sampled_from(MUTATIONS), min_size=1, max_size=3)):
        data = draw(mutation(data))
    return name, data


# --- properties ------------------------------------------------------------------------------

@FAST
@given(st.text(max_size=3000))
def test_it_parses_or_refuses_arbitrary_text(text):
    parse_or_refuse(text.encode("utf-8"), "referat.txt")


@FAST
@given(st.binary(max_size=3000))
def test_it_parses_or_refuses_arbitrary_bytes(data):
    parse_or_refuse(data, "referat.pdf")


@FAST
@given(
    st.lists(
        st.sampled_from(
            [line for data in SEEDS.values() for line in data.decode("utf-8").splitlines()]
        ),
        max_size=300,
    )
)
def test_it_parses_or_refuses_seed_lines_in_any_order(lines):
    parse_or_refuse("\n".join(lines).encode("utf-8"), "referat.txt")


@FAST
@given(mutated_seed())
def test_it_parses_or_refuses_mutated_seed_referater(case):
    name, data = case
    parse_or_refuse(data, name)


@settings(max_examples=20, deadline=None, derandomize=True)
@given(mutated_seed(), st.sampled_from(["cp1252", "latin-1", "utf-16", "utf-8-sig"]))
def test_it_parses_or_refuses_mutated_seeds_in_other_encodings(case, encoding):
    name, data = case
    text = data.decode("utf-8", errors="replace")
    parse_or_refuse(text.encode(encoding, errors="replace"), name)


@settings(max_examples=15, deadline=None, derandomize=True)
@given(st.data())
def test_it_parses_or_refuses_a_damaged_pdf(data):
    pdf = seed_pdf()
    damage = data.draw(st.sampled_from([flipped, truncated, spliced]))
    parse_or_refuse(data.draw(damage(pdf)), "referat.pdf")


@settings(max_examples=25, deadline=None, derandomize=True)
@given(st.binary(max_size=4000))
def test_it_parses_or_refuses_pdf_like_junk(body):
    parse_or_refuse(b"%PDF-1.7\n" + body + b"\n%%EOF\n", "referat.pdf")


def test_an_undamaged_seed_still_parses():
    """The properties above are not vacuous: the unmutated inputs do parse."""
    for name, data in SEEDS.items():
        parsed = parse_or_refuse(data, name)
        assert isinstance(parsed, ParsedMeeting), f"{name}: {parsed}"
        assert parsed.items
    parsed = parse_or_refuse(seed_pdf(), "referat.pdf")
    assert isinstance(parsed, ParsedMeeting) and parsed.items
