"""The parser against the hand-written expectations of the five seed referater.

Each seed is parsed as its text and, for 001–004, as the born-digital PDF that
scripts/make_test_pdfs.py renders from it; the same expectations must hold for both. Each test
collects every mismatch of one aspect, so a failure lists which item and which field. The OCR seed
(000) is compared with a tolerance: the expectations are written in correct Danish and the OCR
repair is not perfect.
"""
import json
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache

import pytest

from ingest.parsing import parse_document
from ingest.parsing.contract import ParsedMeeting
from ingest.parsing.parse.attachments import parse_bilag_line
from scripts.make_test_pdfs import BORN_DIGITAL
from tests.paths import FIXTURES, ROOT
from tests.pdf_fixtures import needs_tesseract

EXPECTATIONS = sorted((ROOT / "tests" / "expectations").glob("*.json"))
OCR_SEEDS = {"000_356b5759de07d0fb"}
PDF_OF_SEED = {seed[: -len(".txt")]: pdf for pdf, seed in BORN_DIGITAL.items()}


@dataclass
class Case:
    parsed: ParsedMeeting
    expected: dict
    fuzzy: bool
    bilag_urls: dict[str, str] | None  # label -> URL the PDF links; None: the expected URLs


@cache
def parsed_seed(stem: str) -> ParsedMeeting:
    path = FIXTURES / f"{stem}.txt"
    return parse_document(path.read_bytes(), path.name)


_parsed_pdfs: dict[str, ParsedMeeting] = {}


@cache
def expected(stem: str) -> dict:
    return json.loads((ROOT / "tests" / "expectations" / f"{stem}.json").read_text("utf-8"))


CASES = [pytest.param(path.stem, "text", id=f"{path.stem[:3]}-text") for path in EXPECTATIONS] + [
    pytest.param(path.stem, "pdf", id=f"{path.stem[:3]}-pdf")
    for path in EXPECTATIONS
    if path.stem in PDF_OF_SEED
]
seeds = pytest.mark.parametrize(("stem", "form"), CASES)


@pytest.fixture
def case(request, stem: str, form: str) -> Case:
    if form == "text":
        return Case(parsed_seed(stem), expected(stem), stem in OCR_SEEDS, None)
    rendered = request.getfixturevalue("born_digital_pdfs")[PDF_OF_SEED[stem]]
    if stem not in _parsed_pdfs:
        _parsed_pdfs[stem] = parse_document(rendered.pdf, PDF_OF_SEED[stem])
    # The PDF links every bilag title: the URL the seed prints, else one the generator made up.
    urls = {parse_bilag_line(text).label: url for text, url in rendered.bilag_urls.items()}
    return Case(_parsed_pdfs[stem], expected(stem), False, urls)


def _norm(text: str | None) -> str:
    """Whitespace collapsed, bullet markers dropped; OCR em dashes read as the en dashes of Word."""
    if text is None:
        return ""
    words = [word for word in text.replace("—", "–").split() if word != "•"]
    return " ".join(words)


def _same(got: str | None, want: str | None, fuzzy: bool) -> bool:
    if want is None or got is None:
        return got == want
    got, want = _norm(got), _norm(want)
    if not fuzzy:
        return got == want
    return SequenceMatcher(None, got, want).ratio() >= 0.9


def _starts(text: str, want: str, fuzzy: bool) -> bool:
    got = _norm(text)
    want = _norm(want)
    if not want:
        return got == ""
    return _same(got[: len(want)], want, fuzzy)


def _report(problems: list[str]) -> str:
    return "\n".join(problems)


@seeds
def test_it_finds_every_item_with_its_number_section_and_title(case):
    items, want, fuzzy = case.parsed.items, case.expected["items"], case.fuzzy
    problems = []
    got_numbers = [item.number for item in items]
    want_numbers = [item["number"] for item in want]
    if got_numbers != want_numbers:
        problems.append(f"item numbers: got {got_numbers}, expected {want_numbers}")
    for item, exp in zip(items, want, strict=False):
        if not _same(item.section, exp["section"], fuzzy):
            problems.append(f"item {exp['number']} section: {item.section!r} ≠ {exp['section']!r}")
        if not _same(item.title, exp["title"], fuzzy):
            problems.append(f"item {exp['number']} title: {item.title!r} ≠ {exp['title']!r}")
    assert not problems, _report(problems)


@seeds
def test_it_reads_presenters_and_indstilling_points(case):
    items, want, fuzzy = case.parsed.items, case.expected["items"], case.fuzzy
    problems = []
    for item, exp in zip(items, want, strict=False):
        got = item.presenters
        names_match = len(got) == len(exp["presenters"]) and all(
            _same(g, w, fuzzy) for g, w in zip(got, exp["presenters"], strict=True)
        )
        if not names_match:
            problems.append(f"item {exp['number']} presenters: {got} ≠ {exp['presenters']}")
        if len(item.indstilling) != exp["indstilling_count"]:
            problems.append(
                f"item {exp['number']} indstilling: {len(item.indstilling)} points "
                f"≠ {exp['indstilling_count']}: {item.indstilling}"
            )
    assert not problems, _report(problems)


@seeds
def test_it_separates_referat_sagsfremstilling_and_other_parts(case):
    items, want, fuzzy = case.parsed.items, case.expected["items"], case.fuzzy
    problems = []
    for item, exp in zip(items, want, strict=False):
        if not _starts(item.referat, exp["referat_starts"], fuzzy):
            problems.append(
                f"item {exp['number']} referat starts {_norm(item.referat)[:80]!r}, "
                f"expected {exp['referat_starts']!r}"
            )
        if not _starts(item.sagsfremstilling, exp["sagsfremstilling_starts"], fuzzy):
            want_start = exp["sagsfremstilling_starts"]
            problems.append(
                f"item {exp['number']} sagsfremstilling starts "
                f"{_norm(item.sagsfremstilling)[:80]!r}, expected {want_start!r}"
            )
        if list(item.other_parts) != exp["other_parts"]:
            problems.append(
                f"item {exp['number']} other parts: {list(item.other_parts)} ≠ {exp['other_parts']}"
            )
    assert not problems, _report(problems)


@seeds
def test_it_classifies_each_outcome(case):
    items, want = case.parsed.items, case.expected["items"]
    problems = [
        f"item {exp['number']} outcome: {item.outcome} ≠ {exp['outcome']} "
        f"(referat: {_norm(item.referat)[:80]!r})"
        for item, exp in zip(items, want, strict=False)
        if item.outcome != exp["outcome"]
    ]
    assert not problems, _report(problems)


@seeds
def test_it_lists_attachments_with_their_urls(case):
    items, want, fuzzy = case.parsed.items, case.expected["items"], case.fuzzy
    links = case.bilag_urls
    problems = []
    for item, exp in zip(items, want, strict=False):
        got = [(a.label, a.title, a.url) for a in item.attachments]
        exp_list = [
            (a["label"], a["title"], links.get(a["label"]) if links is not None else a["url"])
            for a in exp["attachments"]
        ]
        if len(got) != len(exp_list):
            problems.append(f"item {exp['number']} attachments: {got} ≠ {exp_list}")
            continue
        for (label, title, url), (w_label, w_title, w_url) in zip(got, exp_list, strict=True):
            if label != w_label or url != w_url or not _same(title, w_title, fuzzy):
                problems.append(
                    f"item {exp['number']} {w_label}: got ({label!r}, {title!r}, {url!r}), "
                    f"expected ({w_label!r}, {w_title!r}, {w_url!r})"
                )
    assert not problems, _report(problems)


@seeds
def test_it_reads_the_meeting_and_its_participants(case):
    parsed, exp = case.parsed, case.expected
    meeting = parsed.to_dict()["meeting"]
    problems = [
        f"meeting {key}: {meeting[key]!r} ≠ {value!r}"
        for key, value in exp["meeting"].items()
        if meeting[key] != value
    ]
    got = [
        (p.name, p.organisation, p.role, p.status, p.note) for p in parsed.participants
    ]
    want = [
        (p["name"], p["organisation"], p["role"], p["status"], p["note"])
        for p in exp["participants"]
    ]
    if got != want:
        problems.append(f"participants: got {len(got)}, expected {len(want)}")
        problems += [f"  got {g} expected {w}" for g, w in zip(got, want, strict=False) if g != w]
    assert not problems, _report(problems)


@seeds
def test_it_keeps_page_debris_out_of_item_text(case):
    """Link targets dumped at page ends and running headers are not item text."""
    for item in case.parsed.items:
        for text in (item.referat, item.sagsfremstilling, *item.indstilling):
            assert "file:///" not in text, item.number
            assert "viborg.dk/media" not in text, item.number
            assert "DASSOS Referat" not in text, item.number


@pytest.mark.parametrize(
    ("stem", "form"), [p for p in CASES if p.values[1] == "pdf"]
)
def test_items_of_a_pdf_know_the_pages_they_span(case):
    pages = [item.pages for item in case.parsed.items]
    assert all(span is not None and span[0] <= span[1] for span in pages), pages
    starts = [span[0] for span in pages]
    assert starts == sorted(starts)
    assert pages[-1][1] <= case.parsed.source.pages


@needs_tesseract
def test_a_scan_of_seed_003_gives_the_same_meeting_participants_and_first_item(test_pdfs):
    """Pages 1 (cover, participants) and 3 (item 1.1) of 003.pdf as images, read by OCR."""
    parsed = parse_document(test_pdfs["003_scanned.pdf"].read_bytes(), "003_scanned.pdf")
    exp = expected("003_3388be411b985e9f")
    assert parsed.source.kind == "scanned-pdf"
    assert parsed.to_dict()["meeting"] == exp["meeting"]
    names = [p.name for p in parsed.participants]
    want_names = [p["name"] for p in exp["participants"]]
    assert len(names) == len(want_names)
    assert all(_same(g, w, True) for g, w in zip(names, want_names, strict=True)), names
    item, want = parsed.items[0], exp["items"][0]
    assert (item.number, item.section) == (want["number"], want["section"])
    assert _same(item.title, want["title"], True), item.title
    assert item.presenters == want["presenters"]
    assert len(item.indstilling) == want["indstilling_count"]
    assert _starts(item.referat, want["referat_starts"], True), item.referat[:80]
    assert _starts(item.sagsfremstilling, want["sagsfremstilling_starts"], True)
    assert item.outcome == want["outcome"]
    assert [(a.label, a.title) for a in item.attachments] == [
        (a["label"], a["title"]) for a in want["attachments"]
    ]
