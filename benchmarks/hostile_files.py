"""Time and peak memory of parsing each hostile file, each in a fresh subprocess.

    .venv/bin/python benchmarks/hostile_files.py [--no-ocr]

Builds the corpus of scripts/make_hostile_files.py in a temporary folder, then parses every file
with the default limits as the worker does (ingest.sandbox.parse_isolated: a child process with
the memory ceiling and the time limit) in its own Python process, and prints the wall time, the
idle process's memory (imports done), and what the process tree added on top at its peak: the
parser child's peak (ru_maxrss of the children, Tesseract included) over the idle memory it
started from, plus what the parent itself grew. Every row must stay under the ceiling
(INGEST_MAX_MEMORY_MB, 500 MB) and the time limit. Last, long pathological lines ('[', '(', '*',
spaces, digits) are parsed in-process and their time per MB printed: linear text handling.
--no-ocr hides Tesseract, as on a machine without it, so the scanned PDF is refused instead.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[2])
from ingest.parsing.contract import ParseError
from ingest.parsing.limits import Limits
from ingest.sandbox import parse_isolated
import pdfplumber, pypdfium2, pytesseract  # imported before the baseline is taken
if sys.argv[3] == "no-ocr":
    pytesseract.pytesseract.tesseract_cmd = "/nonexistent/tesseract"
with open(sys.argv[1], "rb") as handle:
    data = handle.read()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.monotonic()
try:
    parsed = parse_isolated(data, sys.argv[1].rsplit("/", 1)[-1], Limits())
    outcome = f"parsed: {parsed.meeting.date}, {len(parsed.items)} items"
except ParseError as error:
    outcome = f"refused: {error}"
elapsed = time.monotonic() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # the parser, Tesseract
print(json.dumps({"seconds": elapsed, "peak_kb": peak, "before_kb": before, "child_kb": child,
                  "outcome": outcome}))
"""


def measure(path: Path, ocr: bool) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), str(ROOT), "ocr" if ocr else "no-ocr"],
        capture_output=True, text=True, timeout=900, env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    if done.returncode != 0:
        return {"seconds": 0, "peak_kb": 0, "before_kb": 0, "child_kb": 0,
                "outcome": f"CRASHED (exit {done.returncode}): {done.stderr.strip()[-200:]}"}
    return json.loads(done.stdout.strip().splitlines()[-1])


def pathological_lines() -> None:
    from ingest.parsing import parse_document
    from ingest.parsing.contract import ParseError

    for unit in ["[", "(", "*", " ", "1", "](", "[a](", "**", "\t", "Referat 1.3.24 "]:
        line = (unit * (1_000_000 // len(unit))).encode("utf-8")
        started = time.monotonic()
        try:
            parse_document(line, "linje.txt")
        except ParseError:
            pass
        seconds = time.monotonic() - started
        print(f"  {unit!r:<18} {seconds / (len(line) / 1e6):6.2f} s/MB", flush=True)


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
        limits = Limits()
        print(f"ceiling: {limits.max_memory / 2**20:.0f} MB over the idle process; time limit "
              f"{limits.max_seconds:.0f} s")
        print(f"{'file':<24} {'size':>11} {'time':>8} {'idle':>6} {'+tree':>7}  outcome")
        worst = 0.0
        for name, path in paths.items():
            row = measure(path, ocr)
            grown = (max(row["child_kb"], row["before_kb"]) - row["before_kb"]
                     + row["peak_kb"] - row["before_kb"]) / 1024
            worst = max(worst, grown)
            print(
                f"{name:<24} {path.stat().st_size / 1e6:>9.2f}MB {row['seconds']:>7.2f}s "
                f"{row['before_kb'] / 1024:>4.0f}MB {grown:>5.0f}MB  {row['outcome'][:90]}",
                flush=True,
            )
        print(f"largest growth of the process tree: {worst:.0f} MB "
              f"({'within' if worst <= limits.max_memory / 2**20 else 'OVER'} the ceiling)")
    print()
    print("long pathological lines, parsed in-process (time per MB of text):")
    pathological_lines()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
