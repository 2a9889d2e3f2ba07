"""The parser on a fast subset of the variety corpus (scripts/variants): every fact, exactly.

Each variant is a meeting rendered in one template (benchmarks/parse_variants.py runs all of
them). The parse must get every fact of the variant's expected tree right (scripts/fidelity.py);
the wrong facts are printed on failure. Variants today's parser gets wrong are marked xfail with
what fails (parser issue 13), so the suite stays green while the parser is rewritten; an XPASS
means a mark can go.
"""
from functools import cache

import pytest

from ingest.parsing import parse_document
from scripts.fidelity import score
from scripts.variants.build import expected, render, shaped
from scripts.variants.check import missing_facts
from scripts.variants.matrix import Variant, all_variants

FAST = (
    "baseline--fu25--txt",
    "baseline--s002--pdf",
    "dagsorden--takst25--md",
    "dagsorden-til--fu25--txt",
    "body-forretningsudvalget--dassos25--txt",
    "title-dash--dassos25--md",
    "labels-tid-dato--styr24--txt",
    "labels-tab--fu25--txt",
    "no-cover-date--netv23--txt",
    "time-kl-spaced--styr24--txt",
    "time-hours--takst25--md",
    "presenter-ansvarlig--takst25--txt",
    "time-slots--styr24--txt",
    "bullets-lettered--dassos25--txt",
    "people-table--styr24--md",
    "people-bullets--dassos25--txt",
    "people-table--styr24--pdf",
    "people-inline--takst25--txt",
    "people-role-after-org--fu25--md",
    "people-referent-line--styr24--txt",
    "num-flat--dassos25--txt",
    "num-punkt--styr24--md",
    "num-letter--netv23--txt",
    "num-roman--dassos25--md",
    "num-paragraph--styr24--txt",
    "num-unnumbered-sections--fu25--txt",
    "num-roman-sections--fu25--txt",
    "headings-wrap--netv23--txt",
    "parts-beslutning--dassos25--txt",
    "parts-indstilling-sentence--fu25--md",
    "bilag-no-heading--fu25--txt",
    "parts-order-agenda--takst25--txt",
    "parts-missing--netv23--md",
    "bilag-letters--styr24--txt",
    "bilag-urls--netv23--md",
    "toc-wrap--takst25--txt",
    "toc-tight--fu25--pdf",
    "toc-inside--netv23--txt",
    "nul-chars--dassos25--txt",
    "odd-titles--styr24--txt",
    "num-sag--styr24--md",
    "num-sag-nr--takst25--txt",
    "bilag-numbered--s002--pdf",
    "bilag-bullets--netv23--txt",
    # contents titles wrapping over lines that end in "(kl."; a section heading wrapped in a PDF
    "combo-11--s000--pdf",
    "combo-30--dassos25--pdf",
    "combo-09--dassos25--txt",  # a section heading stopping at "(kl." goes on
    "num-paren--s000--txt",  # an item's "Referat" heading next to a sentence is no title
)

# What today's parser gets wrong on each failing variant (parser issue 13).
KNOWN_FAILURES: dict[str, str] = {
    "people-table--styr24--pdf": "a wrapped table cell loses its second line ('KKR "
    "Sekretariatet i' without 'Midtjylland')",
}


@cache
def variant(name: str) -> Variant:
    return next(v for v in all_variants() if v.name == name)


@cache
def rendered(name: str) -> bytes:
    return render(variant(name))


def _params() -> list:
    params = []
    for name in FAST:
        marks = []
        if name in KNOWN_FAILURES:
            reason = f"parser issue 13: {KNOWN_FAILURES[name]}"
            marks.append(pytest.mark.xfail(strict=False, reason=reason))
        params.append(pytest.param(name, id=name, marks=marks))
    return params


@pytest.mark.parametrize("name", _params())
def test_the_parser_reads_every_fact_of_the_variant(name):
    v = variant(name)
    parsed = parse_document(rendered(name), v.filename)
    result = score(parsed, expected(v))
    assert result.fraction == 1.0, result.report(30)


@pytest.mark.parametrize("name", FAST)
def test_the_rendered_file_carries_every_expected_fact(name):
    v = variant(name)
    assert missing_facts(rendered(name), v, shaped(v), expected(v)) == []


def test_every_text_variant_carries_its_expected_facts():
    problems = []
    for v in all_variants():
        if v.fmt != "pdf":
            problems += [f"{v.name}: {p}" for p in missing_facts(render(v), v, shaped(v),
                                                                 expected(v))]
    assert problems == []


def test_the_check_notices_a_dropped_title():
    v = variant("baseline--fu25--txt")
    title = expected(v)["items"][1]["title"]
    damaged = rendered(v.name).replace(title.encode(), b"Et andet punkt")
    assert missing_facts(damaged, v, shaped(v), expected(v)) == [
        f"item 1.2 title not in the file: {title!r}"
    ]


def test_the_corpus_is_deterministic_and_names_are_unique():
    names = [v.name for v in all_variants()]
    assert len(names) == len(set(names))
    for name in ("toc-inside--netv23--pdf", "people-table--s002--txt"):
        assert render(variant(name)) == render(variant(name))


def test_a_dagsorden_expects_no_referat_and_no_outcome():
    tree = expected(variant("dagsorden--takst25--md"))
    assert tree["doctype"] == "dagsorden"
    assert all(item["referat_starts"] == "" and item["outcome"] == "none"
               for item in tree["items"])


def test_item_numbers_are_normalised_and_flat_items_have_no_section():
    letters = expected(variant("num-letter--netv23--txt"))["items"]
    assert [item["number"] for item in letters[:3]] == ["A", "B", "C"]
    assert {item["section"] for item in letters} == {""}
    punkt = expected(variant("num-punkt--styr24--md"))["items"]
    assert [item["number"] for item in punkt] == ["1", "2", "3"]
    assert b"Punkt 2: " in rendered("num-punkt--styr24--md")
