"""Parse the variety corpus and print the parser's fact-level fidelity per variation.

Run: .venv/bin/python benchmarks/parse_variants.py [OUTDIR] [--only GLOB] [--jobs 2]
     [--worst 15] [--summary]

Without OUTDIR the variants are rendered in memory (scripts/variants); with it, the files and
`*.expected.json` that scripts/make_variants.py wrote there are read. Each file is parsed with
ingest.parsing.parse_document and scored with scripts/fidelity.py. Printed: every file's
fidelity and parse time with the worst wrong facts of each failing one, then fidelity per
variation (by format), per family, per format and per meeting origin, overall, and parse times.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest.parsing import parse_document  # noqa: E402
from ingest.parsing.contract import ParseError  # noqa: E402
from scripts.fidelity import score  # noqa: E402

FORMATS = ("txt", "md", "pdf")


@dataclass
class Result:
    name: str
    variation: str
    family: str
    fmt: str
    origin: str
    right: int
    total: int
    parse_ms: float
    wrong: list[str] = field(default_factory=list)
    error: str = ""

    @property
    def fidelity(self) -> float:
        return self.right / self.total if self.total else 1.0


def _load(args: tuple[str, str | None]) -> tuple[bytes, dict]:
    name, outdir = args
    if outdir is None:
        from scripts.variants.build import expected, render
        from scripts.variants.matrix import all_variants

        variant = next(v for v in all_variants() if v.name == name)
        return render(variant), expected(variant)
    folder = Path(outdir)
    tree = json.loads((folder / f"{name}.expected.json").read_text(encoding="utf-8"))
    return (folder / tree["file"]).read_bytes(), tree


def run_one(args: tuple[str, str | None, int]) -> Result:
    """Render or read one variant, parse it and score the parse."""
    name, outdir, worst = args
    data, expected = _load((name, outdir))
    info = expected["variant"]
    started = time.perf_counter()
    error = ""
    try:
        parsed = parse_document(data, expected["file"]).to_dict()
    except ParseError as failure:
        error = f"ParseError: {failure}"
    except Exception as failure:  # a crash is data for the parser's author, not a stop
        error = f"{type(failure).__name__}: {failure}"
    parse_ms = (time.perf_counter() - started) * 1000
    if error:
        parsed = {"meeting": {}, "participants": [], "items": []}
    result = score(parsed, expected)
    return Result(name, info["variation"], info["family"], info["format"],
                  "seed" if info["origin"] != "new" else "new", result.right, result.total,
                  parse_ms, [str(fact) for fact in result.wrong()[:worst]], error)


def names(outdir: str | None, only: str | None) -> list[str]:
    if outdir is None:
        from scripts.variants.build import select

        return [v.name for v in select(only)]
    from fnmatch import fnmatch

    found = sorted(p.name.removesuffix(".expected.json")
                   for p in Path(outdir).glob("*.expected.json"))
    return [n for n in found if not only or fnmatch(n, only) or fnmatch(n.split("--")[0], only)]


def _fraction(results: list[Result]) -> float:
    total = sum(r.total for r in results)
    return sum(r.right for r in results) / total if total else 1.0


def _cell(results: list[Result]) -> str:
    return f"{_fraction(results):6.1%}" if results else "     –"


def print_table(title: str, groups: dict[str, list[Result]]) -> None:
    print(f"\n{title:<34} {'files':>5} {'txt':>6} {'md':>6} {'pdf':>6} {'all':>6} {'perfect':>8}")
    for key in sorted(groups, key=lambda k: (_fraction(groups[k]), k)):
        rs = groups[key]
        by_fmt = "".join(f" {_cell([r for r in rs if r.fmt == f])}" for f in FORMATS)
        perfect = sum(r.right == r.total for r in rs)
        print(f"{key:<34} {len(rs):>5}{by_fmt} {_cell(rs)} {perfect:>4}/{len(rs):<3}")


def report(results: list[Result], summary: bool) -> None:
    if not summary:
        print(f"{'variant':<50} {'facts':>9} {'fidelity':>8} {'parse ms':>8}")
        for r in sorted(results, key=lambda r: r.name):
            print(f"{r.name:<50} {r.right:>4}/{r.total:<4} {r.fidelity:>8.1%} {r.parse_ms:>8.0f}")
            if r.error:
                print(f"    !! {r.error}")
            for wrong in r.wrong:
                print(f"    ✗ {wrong}")
    groups: dict[str, dict[str, list[Result]]] = defaultdict(lambda: defaultdict(list))
    for r in results:
        groups["variation"][r.variation if r.family != "combo" else "combo (all 30)"].append(r)
        groups["family"][r.family].append(r)
        groups["format"][r.fmt].append(r)
        groups["meeting origin"][r.origin].append(r)
    for title in ("variation", "family", "format", "meeting origin"):
        print_table(f"fidelity per {title}", groups[title])
    crashed = [r for r in results if r.error]
    print(f"\noverall: {_fraction(results):.1%} of {sum(r.total for r in results)} facts right in "
          f"{len(results)} files; {sum(r.right == r.total for r in results)} files perfect, "
          f"{len(crashed)} refused or crashed")
    print("\nparse time per file (ms):  format  files  median    p95     max")
    for fmt in FORMATS:
        times = sorted(r.parse_ms for r in results if r.fmt == fmt)
        if times:
            p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
            print(f"{'':<27}{fmt:<7} {len(times):>5} {statistics.median(times):>7.0f} "
                  f"{p95:>6.0f} {times[-1]:>7.0f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir", nargs="?", help="read variants written by make_variants.py")
    parser.add_argument("--only", help="glob on variant name or variation")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--worst", type=int, default=15, help="wrong facts listed per file")
    parser.add_argument("--summary", action="store_true", help="only the summary tables")
    args = parser.parse_args()
    todo = names(args.outdir, args.only)
    if not todo:
        print("no variants", file=sys.stderr)
        return 1
    started = time.perf_counter()
    jobs = [(name, args.outdir, args.worst) for name in todo]
    with Pool(args.jobs) as pool:
        results = pool.map(run_one, jobs, chunksize=4)
    report(results, args.summary)
    print(f"\n{len(results)} files rendered, parsed and scored in "
          f"{time.perf_counter() - started:.0f} s on {args.jobs} processes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
