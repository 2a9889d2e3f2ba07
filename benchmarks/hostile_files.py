"""Time and peak memory of parsing each hostile file, each in a fresh subprocess.

    .venv/bin/python benchmarks/hostile_files.py [--no-ocr]

Builds the corpus of scripts/make_hostile_files.py in a temporary folder, then parses every file
with the default limits (parse_document, as every entry point does) in its own Python process and
prints the wall time, the peak resident memory (ru_maxrss) and that peak minus the process's
memory before parsing (imports done), with the outcome. --no-ocr hides Tesseract, as on a machine
without it, so the scanned PDF is refused instead of read.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[2])
from ingest.parsing.contract import ParseError
from ingest.parsing.limits import Limits
from ingest.parsing import parse_document
import pdfplumber, pypdfium2, pytesseract  # imported before the baseline is taken
if sys.argv[3] == "no-ocr":
    pytesseract.pytesseract.tesseract_cmd = "/nonexistent/tesseract"
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.monotonic()
with open(sys.argv[1], "rb") as handle:
    data = handle.read()
try:
    parsed = parse_document(data, sys.argv[1].rsplit("/", 1)[-1], Limits())
    outcome = f"parsed: {parsed.meeting.date}, {len(parsed.items)} items"
except ParseError as error:
    outcome = f"refused: {error}"
elapsed = time.monotonic() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
ocr = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # Tesseract runs as a child
print(json.dumps({"seconds": elapsed, "peak_kb": peak, "before_kb": before, "ocr_kb": ocr,
                  "outcome": outcome}))
"""


def measure(path: Path, ocr: bool) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), str(ROOT), "ocr" if ocr else "no-ocr"],
        capture_output=True, text=True, timeout=900, env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    if done.returncode != 0:
        return {"seconds": 0, "peak_kb": 0, "before_kb": 0, "ocr_kb": 0,
                "outcome": f"CRASHED (exit {done.returncode}): {done.stderr.strip()[-200:]}"}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    from ingest.parsing.limits import Limits
    from scripts.make_hostile_files import build, many_pages_pdf, seed_text

    ocr = "--no-ocr" not in argv
    with tempfile.TemporaryDirectory(prefix="hostile-") as folder:
        paths = build(Path(folder))
        # The largest inputs the limits still accept: what a hostile file can cost at most.
        text = seed_text().encode("utf-8")
        paths["text_at_limit.txt"] = Path(folder) / "text_at_limit.txt"
        paths["text_at_limit.txt"].write_bytes(text * (Limits().max_text // len(text)))
        paths["pages_at_limit.pdf"] = Path(folder) / "pages_at_limit.pdf"
        paths["pages_at_limit.pdf"].write_bytes(many_pages_pdf(Limits().max_pages))
        print(f"{'file':<24} {'size':>11} {'time':>8} {'peak RSS':>9} {'+parse':>7} "
              f"{'OCR RSS':>8}  outcome")
        for name, path in paths.items():
            row = measure(path, ocr)
            grown = (row["peak_kb"] - row["before_kb"]) / 1024
            print(
                f"{name:<24} {path.stat().st_size / 1e6:>9.2f}MB {row['seconds']:>7.2f}s "
                f"{row['peak_kb'] / 1024:>7.0f}MB {grown:>5.0f}MB {row['ocr_kb'] / 1024:>6.0f}MB"
                f"  {row['outcome'][:90]}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
