"""OCR of scans: fidelity against each born-digital twin's facts, and seconds per page on one
core and on all cores.

Run: .venv/bin/python benchmarks/ocr_speed.py [SCANDIR] [--only GLOBS] [--limit N]
     [--workers N] [--no-single]

Without SCANDIR, office-scanner copies (scripts/make_scans.py: 200 dpi, tilted up to ±0.5°,
blurred, speckled, JPEG) of the variant PDFs chosen by --only (comma-separated globs; by default
every 19th PDF variant from the 13th, none of them looked at while the OCR was written) are made in
memory; with it, the scans and `*.expected.json` that make_scans.py wrote there are read. Each
scan is parsed with ingest.parsing.parse_document on all cores (Limits.ocr_workers) and, unless
--no-single, on one core, and scored with scripts/fidelity.py (fuzzy text matching, as for OCR;
bilag URLs are not expected from a page image). Printed: each scan's fidelity and that of its
born-digital twin, the facts it got wrong, then overall fidelity, seconds per page on 1 core
and on N cores, and the speed-up.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest.parsing import parse_document  # noqa: E402
from ingest.parsing.contract import ParseError  # noqa: E402
from ingest.parsing.limits import Limits  # noqa: E402
from scripts.fidelity import score  # noqa: E402


def without_urls(expected: dict) -> dict:
    """The expectations less the bilag URLs, which a page image cannot carry."""
    tree = json.loads(json.dumps(expected))
    for item in tree.get("items", []):
        for attachment in item.get("attachments", []):
            attachment["url"] = None
    return tree


def cases(scandir: Path | None, only: str | None, limit: int | None):
    """(name, scan bytes, born-digital bytes or None, expected tree) for each scan."""
    if scandir is not None:
        for path in sorted(scandir.glob("*.expected.json"))[:limit]:
            tree = json.loads(path.read_text(encoding="utf-8"))
            yield tree["file"], (scandir / tree["file"]).read_bytes(), None, tree
        return
    from scripts.make_scans import scan
    from scripts.variants.build import expected, render, select

    if only:
        variants = list({v.name: v for g in only.split(",") for v in select(g, ("pdf",))}.values())
    else:
        variants = select(None, ("pdf",))[12::19]
    for number, variant in enumerate(variants[:limit]):
        data = render(variant)
        yield variant.name, scan(data, seed=number), data, expected(variant)


def pages_of(data: bytes) -> int:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        return len(document)
    finally:
        document.close()


def parse(data: bytes, name: str, workers: int) -> tuple[dict, float, str]:
    started = time.perf_counter()
    try:
        parsed = parse_document(data, name, Limits(ocr_workers=workers)).to_dict()
        error = ""
    except ParseError as failure:
        parsed, error = {"meeting": {}, "participants": [], "items": []}, str(failure)
    return parsed, time.perf_counter() - started, error


def _busy(_: int) -> float:
    started = time.perf_counter()
    total = 0
    for number in range(8_000_000):
        total += number
    return time.perf_counter() - started


def machine_speedup(workers: int) -> float:
    """What the machine gives `workers` busy processes at once against one, now: the ceiling
    for the OCR's speed-up (other work on a shared machine lowers it)."""
    from multiprocessing import Pool

    with Pool(workers) as pool:
        started = time.perf_counter()
        pool.map(_busy, range(1))
        one = time.perf_counter() - started
        started = time.perf_counter()
        pool.map(_busy, range(workers))
        many = time.perf_counter() - started
    return workers * one / many


def warm_up() -> None:
    """Load the word lists and Tesseract's model once, so the first timed scan does not pay."""
    from ingest.parsing.extract.ocr import _dictionary, check_tesseract
    from ingest.parsing.extract.ocr_repair import repair_ocr_text

    _dictionary()
    repair_ocr_text("mgdet")
    check_tesseract()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scandir", nargs="?", type=Path)
    parser.add_argument("--only", help="comma-separated globs of variant names or variations")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--no-single", action="store_true", help="skip the one-core timing")
    parser.add_argument("--worst", type=int, default=8)
    args = parser.parse_args(argv)

    warm_up()
    load_before = os.getloadavg()[0]
    ceiling_before = machine_speedup(args.workers)
    right = total = twin_right = twin_total = pages = 0
    seconds_one = seconds_all = 0.0
    print(f"{'scan':<44} {'pages':>5} {'facts':>9} {'scan':>6} {'twin':>6} "
          f"{'s/page 1':>8} {f's/page {args.workers}':>8}")
    for name, data, twin, expected in cases(args.scandir, args.only, args.limit):
        count = pages_of(data)
        one_cell = "       –"
        if not args.no_single:
            _, elapsed_one, _ = parse(data, name, 1)
            seconds_one += elapsed_one
            one_cell = f"{elapsed_one / count:8.1f}"
        parsed, elapsed_all, error = parse(data, name, args.workers)
        result = score(parsed, without_urls(expected), fuzzy=True)
        right, total = right + result.right, total + result.total
        twin_cell = "     –"
        if twin is not None:
            twin_result = score(parse_document(twin, name).to_dict(), without_urls(expected))
            twin_right, twin_total = twin_right + twin_result.right, twin_total + twin_result.total
            twin_cell = f"{twin_result.fraction:6.1%}"
        seconds_all += elapsed_all
        pages += count
        facts = f"{result.right}/{result.total}"
        print(f"{name:<44} {count:>5} {facts:>9} {result.fraction:6.1%} {twin_cell} "
              f"{one_cell} {elapsed_all / count:8.1f}", flush=True)
        if error:
            print(f"    {error}")
        for fact in result.wrong()[: args.worst]:
            print(f"    {fact}")
    if not pages:
        print("no scans")
        return
    print(f"\nfidelity of the scans: {right}/{total} = {right / total:.1%}", end="")
    if twin_total:
        print(f"  (born-digital twins: {twin_right / twin_total:.1%})", end="")
    print(f"\nseconds per page on {args.workers} cores: {seconds_all / pages:.2f}"
          f" ({pages} pages, {seconds_all:.0f} s)")
    if not args.no_single:
        print(f"seconds per page on 1 core: {seconds_one / pages:.2f}")
        print(f"speed-up: {seconds_one / seconds_all:.2f}x")
    print(f"load average before and after: {load_before:.1f}, {os.getloadavg()[0]:.1f} on "
          f"{os.cpu_count()} cores; {args.workers} busy processes ran {ceiling_before:.2f}x and "
          f"{machine_speedup(args.workers):.2f}x as fast as one before and after (the ceiling)")


if __name__ == "__main__":
    main()
