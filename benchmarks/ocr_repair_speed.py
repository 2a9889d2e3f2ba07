"""Print how fast OCR repair runs on the scanned seed, and how much it changes.

Run: .venv/bin/python benchmarks/ocr_repair_speed.py
"""
from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest.parsing.extract import ocr_repair  # noqa: E402

SEED = ROOT / "fixtures" / "000_356b5759de07d0fb.txt"


def main() -> None:
    text = SEED.read_text(encoding="utf-8")
    started = time.perf_counter()
    ocr_repair._lexicon()
    loaded = time.perf_counter()
    result = ocr_repair.repair_ocr_text(text)
    cold = time.perf_counter()
    ocr_repair.repair_ocr_text(text)
    warm = time.perf_counter()
    words = len(ocr_repair.TOKEN.findall(text))
    bullets = sum(1 for _, new in result.changes if new == "•")
    print(f"lexicon load:             {loaded - started:.3f} s (once per process)")
    rate = words / (cold - loaded)
    print(f"repair of seed 000, cold: {cold - loaded:.3f} s ({rate:,.0f} words/s)")
    print(f"repair of seed 000, warm: {warm - cold:.3f} s (word cache filled)")
    print(f"changes: {len(result.changes)} of {words} words "
          f"({len(result.changes) - bullets} words, {bullets} bullets)")
    print("most frequent:", ", ".join(f"{a}→{b} ×{n}" for (a, b), n in
                                      Counter(result.changes).most_common(8)))


if __name__ == "__main__":
    main()
