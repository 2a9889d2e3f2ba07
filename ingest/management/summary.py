"""The summary table the ingest and reingest commands print, and their exit rule."""
from collections import Counter
from collections.abc import Sequence

from django.core.management.base import CommandError, OutputWrapper

from ingest.load import FAILED, IngestResult

_ORDER = ("loaded", "updated", "unchanged", "failed")


def _detail(result: IngestResult) -> str:
    if result.status == FAILED:
        return result.message
    parts = [str(result.meeting)] if result.meeting else []
    if result.message:
        parts.append(result.message)
    for conflict in result.conflicts:
        parts.append(
            f"kept hand correction of {conflict['field']} ({conflict['where']}); "
            f"new parse: {conflict['parsed'][:60]}"
        )
    return "; ".join(parts)


def print_summary(results: Sequence[IngestResult], out: OutputWrapper) -> None:
    """One line per document (status, name, meeting or reason), then the totals."""
    width = max((len(r.filename) for r in results), default=4)
    out.write(f"{'result':<10} {'file':<{width}}  detail")
    for result in results:
        out.write(f"{result.status:<10} {result.filename:<{width}}  {_detail(result)}")
    counts = Counter(r.status for r in results)
    out.write(", ".join(f"{counts[s]} {s}" for s in _ORDER))


def fail_if_any_failed(results: Sequence[IngestResult]) -> None:
    """Exit non-zero (after everything else was loaded) when a document failed."""
    failed = sum(1 for r in results if r.status == FAILED)
    if failed:
        raise CommandError(f"{failed} of {len(results)} documents failed.")
