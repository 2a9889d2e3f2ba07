"""Write the variety corpus: seed and new meetings rendered in many templates, with expectations.

    .venv/bin/python scripts/make_variants.py OUTDIR [--only GLOB] [--pdf | --text] [--list]

Each variant is a file (`<name>.txt`, `.md` or `.pdf`) plus `<name>.expected.json`, the facts
a perfect parser reads from it, derived from the same structured source (see
scripts/variants/expected.py for the judgement calls). `--only` matches a variant's name, its
variation or its family ("toc-*", "participants", "baseline--s002--pdf"). Output is
deterministic.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.variants.build import select, write  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--only", help="glob on variant name, variation or family")
    kind = parser.add_mutually_exclusive_group()
    kind.add_argument("--pdf", action="store_true", help="PDF variants only")
    kind.add_argument("--text", action="store_true", help="text and Markdown variants only")
    parser.add_argument("--list", action="store_true", help="print the names, write nothing")
    args = parser.parse_args(argv)
    formats = ("pdf",) if args.pdf else ("txt", "md") if args.text else ("txt", "md", "pdf")
    variants = select(args.only, formats)
    if not variants:
        print(f"no variant matches {args.only!r}", file=sys.stderr)
        return 1
    if args.list:
        print("\n".join(v.name for v in variants))
        return 0
    started = time.perf_counter()
    write(args.outdir, variants)
    pdfs = sum(v.fmt == "pdf" for v in variants)
    print(f"{len(variants)} variants ({len(variants) - pdfs} text, {pdfs} PDF) written to "
          f"{args.outdir} in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
