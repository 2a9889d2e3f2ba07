"""Print how fast born-digital referat PDFs are read, against poppler's pdftotext on the same files.

Run: .venv/bin/python benchmarks/pdf_speed.py [ROUNDS]

The test PDFs are built from the seeds (scripts/make_test_pdfs.py) into a temporary folder. Each
file is read once to warm up, then ROUNDS times (default 5) on one CPU core; the medians are
printed: extract_pdf pages per second, the full parse (ingest.parsing.parse_document), a bare
pdfplumber character read of the same file (open, every page's characters, close) and
`pdftotext -layout`. Targets: a 12-page referat fully parsed in under 1 second on one core, and
the full parse within 1.5x the bare character read (issue 13: structure costs little).
"""
from __future__ import annotations

import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pdfplumber  # noqa: E402

from ingest.parsing.extract.pdf import extract_pdf  # noqa: E402
from scripts.make_test_pdfs import build_all  # noqa: E402

try:
    from ingest.parsing import parse_document
except ImportError:  # the parser half may not exist yet
    parse_document = None


def bare_read(data: bytes) -> int:
    """What any pdfplumber reader must do at least: open the file and take every page's chars."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return sum(len(page.chars) for page in pdf.pages)


def _median_seconds(function, rounds: int) -> float:
    function()
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, for us and pdftotext
    pdftotext = shutil.which("pdftotext")
    with tempfile.TemporaryDirectory() as folder:
        outdir = Path(folder)
        results = build_all(outdir)
        print(f"{'file':<10}{'pages':>6}{'extract s':>11}{'pages/s':>9}{'parse s':>9}"
              f"{'pages/s':>9}{'pdftotext s':>13}{'ratio':>7}")
        total_pages = 0
        total_extract = 0.0
        total_pdftotext = 0.0
        total_parse = 0.0
        total_bare = 0.0
        for name, result in results.items():
            if result is None:
                continue
            data = result.pdf
            pages = result.pages
            extract_s = _median_seconds(lambda data=data: extract_pdf(data), rounds)
            parse_s = None
            if parse_document is not None:
                parse_s = _median_seconds(
                    lambda data=data, name=name: parse_document(data, name), rounds
                )
            bare_s = _median_seconds(lambda data=data: bare_read(data), rounds)
            total_bare += bare_s
            total_parse += parse_s or 0.0
            poppler_s = None
            if pdftotext:
                command = [pdftotext, "-layout", str(outdir / name), "-"]

                def run_pdftotext(command=command):
                    subprocess.run(command, capture_output=True, check=True)

                poppler_s = _median_seconds(run_pdftotext, rounds)
            total_pages += pages
            total_extract += extract_s
            total_pdftotext += poppler_s or 0.0
            parse_cols = f"{'-':>9}{'-':>9}"
            if parse_s:
                parse_cols = f"{parse_s:>9.3f}{pages / parse_s:>9.1f}"
            poppler_cols = f"{'-':>13}{'-':>7}"
            if poppler_s:
                poppler_cols = f"{poppler_s:>13.3f}{extract_s / poppler_s:>7.1f}"
            print(f"{name:<10}{pages:>6}{extract_s:>11.3f}{pages / extract_s:>9.1f}"
                  f"{parse_cols}{poppler_cols}")
            if parse_s:
                print(f"  full parse {parse_s:.3f} s = {parse_s / bare_s:.2f}x a bare pdfplumber "
                      f"character read ({bare_s:.3f} s)")
            if pages == 12 and parse_s is not None:
                verdict = "meets" if parse_s < 1.0 else "MISSES"
                print(f"  a 12-page referat fully parsed in {parse_s:.3f} s: {verdict} the 1 s "
                      "target")
        if total_parse:
            ratio = total_parse / total_bare
            verdict = "meets" if ratio <= 1.5 else "MISSES"
            print(f"all born-digital: full parse {total_parse:.3f} s, bare pdfplumber character "
                  f"read {total_bare:.3f} s: {ratio:.2f}x ({verdict} the 1.5x target)")
        print(f"all born-digital: {total_pages} pages, extract_pdf "
              f"{total_pages / total_extract:.1f} pages/s", end="")
        if total_pdftotext:
            print(f", pdftotext {total_pages / total_pdftotext:.1f} pages/s, "
                  f"extract_pdf takes {total_extract / total_pdftotext:.1f}x pdftotext's time")
        else:
            print("; pdftotext not installed (apt-get install poppler-utils)")


if __name__ == "__main__":
    main()
