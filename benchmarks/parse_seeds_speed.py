"""Print how long parsing each seed referat takes, stage by stage (target: well under 100 ms).

Run: .venv/bin/python benchmarks/parse_seeds_speed.py [ROUNDS]

Each seed is parsed once to warm up (module imports, the OCR repair lexicon), then ROUNDS times
(default 20); the median of each stage is printed in milliseconds.
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest.parsing import parse_document  # noqa: E402
from ingest.parsing.extract import extract  # noqa: E402
from ingest.parsing.parse.agenda import parse_agenda  # noqa: E402
from ingest.parsing.parse.meeting import parse_meeting_info, parse_participants  # noqa: E402


def _ms(function, *args) -> tuple[object, float]:
    start = time.perf_counter()
    result = function(*args)
    return result, (time.perf_counter() - start) * 1000


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    print(f"{'seed':<28} {'extract':>8} {'meeting':>8} {'people':>8} {'agenda':>8} {'total':>8}"
          "   (median ms)")
    for path in sorted((ROOT / "fixtures").glob("*.txt")):
        data = path.read_bytes()
        parse_document(data, path.name)
        stages: dict[str, list[float]] = {"extract": [], "meeting": [], "people": [],
                                          "agenda": [], "total": []}
        for _ in range(rounds):
            extracted, extract_ms = _ms(extract, data)
            _, meeting_ms = _ms(parse_meeting_info, extracted.lines, extracted.running_headers)
            _, people_ms = _ms(parse_participants, extracted.lines)
            _, agenda_ms = _ms(parse_agenda, extracted.lines, extracted.urls)
            _, total_ms = _ms(parse_document, data, path.name)
            for name, value in zip(stages, (extract_ms, meeting_ms, people_ms, agenda_ms,
                                            total_ms), strict=True):
                stages[name].append(value)
        medians = "".join(f" {statistics.median(values):>8.1f}" for values in stages.values())
        print(f"{path.name:<28}{medians}")


if __name__ == "__main__":
    main()
