"""Property tests: damaged PDFs give the parse error, never another exception.

Hypothesis damages PDFs at the object level, as a broken exporter or a hostile sender would:
objects dropped or replaced with junk, blank or absurd page boxes, page trees of any depth, fonts
with unknown names, encodings and widths, and content streams of random operators. The parser
must answer with a ParsedMeeting or a ParseError with one sentence — nothing else.
"""
from __future__ import annotations

import re
from functools import lru_cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.parsing import parse_document
from ingest.parsing.contract import ParsedMeeting, ParseError
from ingest.parsing.limits import Limits
from scripts.make_hostile_files import deep_page_tree_pdf, page_with, pdf_of, seed_pdf, stream

LIMITS = Limits(max_bytes=2_000_000, max_pages=50, max_seconds=30)
FAST = settings(
    max_examples=30, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
OBJECT = re.compile(rb"\d+ 0 obj\n(.*?)\nendobj", re.DOTALL)
JUNK = st.binary(max_size=40) | st.sampled_from(
    [b"", b"null", b"<< >>", b"[ ]", b"<< /Type /Pages /Kids [1 0 R] /Count 1 >>", b"(((", b"<<"]
)


def outcome(data: bytes) -> ParsedMeeting | ParseError:
    try:
        parsed = parse_document(data, "referat.pdf", LIMITS)
    except ParseError as error:
        assert str(error).strip() and "\n" not in str(error)
        return error
    assert isinstance(parsed, ParsedMeeting)
    return parsed


@lru_cache(maxsize=1)
def referat_pdf() -> bytes:
    return seed_pdf()


@FAST
@given(st.data())
def test_objects_replaced_with_junk_give_the_parse_error(data):
    pdf = referat_pdf()
    bodies = list(OBJECT.finditer(pdf))
    damaged = bytearray(pdf)
    for match in sorted(data.draw(st.lists(st.sampled_from(bodies), min_size=1, max_size=3,
                                           unique_by=lambda m: m.start())),
                        key=lambda m: -m.start()):
        damaged[match.start(1):match.end(1)] = data.draw(JUNK)
    outcome(bytes(damaged))


BOX = st.sampled_from([b"[ ]", b"[0 0]", b"[0 0 0 0]", b"[-1e9 0 1e9 1]", b"[(a) 0 1 2]",
                       b"null", b"[0 0 595 842 7]", b"5 0 R", b"[1 1 1 1e400]"])


@FAST
@given(box=BOX, crop=st.none() | BOX, rotate=st.sampled_from([b"", b"/Rotate 45", b"/Rotate (x)"]))
def test_blank_or_absurd_page_boxes_give_the_parse_error(box, crop, rotate):
    objects = page_with(stream(b"BT /F1 12 Tf 72 720 Td (DASSOS den 1. marts 2024) Tj ET"), box=box)
    extra = (b" /CropBox " + crop if crop else b"") + b" " + rotate
    objects[2] = objects[2][:-2] + extra + b" >>"
    outcome(pdf_of(objects))


@settings(max_examples=8, deadline=None, derandomize=True)
@given(depth=st.integers(1, 1500))
def test_page_trees_of_any_depth_give_a_parse_or_the_parse_error(depth):
    outcome(deep_page_tree_pdf(depth))


FONT = st.builds(
    lambda base, encoding, widths, first: (
        b"<< /Type /Font /Subtype /Type1 /BaseFont /" + base + b" /Encoding " + encoding
        + b" /Widths " + widths + b" /FirstChar " + first + b" >>"
    ),
    st.sampled_from([b"Helvetica", b"NoSuchFont", b"", b"#00", b"Times-Roman+x"]),
    st.sampled_from([b"/WinAnsiEncoding", b"/Nonsense", b"<< /Differences [65 /uni001B 66 /x] >>",
                     b"<< /Differences [(a) 1] >>", b"null", b"<< /BaseEncoding 3 >>"]),
    st.sampled_from([b"[]", b"[1 2 (x)]", b"null", b"[-5 1e300]"]),
    st.sampled_from([b"32", b"-1", b"(a)", b"99999999999"]),
)
OPERATORS = st.lists(
    st.sampled_from([b"BT", b"ET", b"/F1 12 Tf", b"/F1 -1 Tf", b"72 720 Td", b"(Referat) Tj",
                     b"[(a) -250 (b)] TJ", b"1 0 0 1 0 0 Tm", b"q", b"Q", b"/X9 Do", b"T*",
                     b"(x) '", b"0 0 0 rg", b"1e99 Tz", b"Tj", b"<41> Tj", b"/F2 9 Tf"]),
    max_size=30,
)


@FAST
@given(font=FONT, ops=OPERATORS)
def test_bad_fonts_and_random_operators_give_the_parse_error(font, ops):
    objects = page_with(stream(b"\n".join(ops)))
    objects[2] = objects[2].replace(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", font
    )
    outcome(pdf_of(objects))
