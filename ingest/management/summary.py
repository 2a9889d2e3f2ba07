"""The summary table the ingest and reingest commands print, and their exit rule."""
from collections import Counter
from collections.abc import Sequence

from django.core.management.base import CommandError, OutputWrapper
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from ingest.i18n import describe_conflict
from ingest.process import FAILED, LOADED, REPLACEMENT, UNCHANGED, UPDATED, IngestResult

# What became of each document, as the table and the totals call it.
STATUS = {
    LOADED: gettext_lazy("indlæst"),
    UPDATED: gettext_lazy("opdateret"),
    UNCHANGED: gettext_lazy("uændret"),
    FAILED: gettext_lazy("fejlet"),
    REPLACEMENT: gettext_lazy("erstatning"),
}
_ORDER = (LOADED, UPDATED, UNCHANGED, FAILED)


def _status(code: str) -> str:
    return str(STATUS.get(code, code))


def _detail(result: IngestResult) -> str:
    if result.status == FAILED:
        return result.message
    parts = [str(result.meeting)] if result.meeting else []
    if result.message:
        parts.append(result.message)
    for conflict in result.conflicts:
        parts.append(describe_conflict({**conflict, "parsed": conflict["parsed"][:60]}))
    return "; ".join(parts)


def print_summary(results: Sequence[IngestResult], out: OutputWrapper) -> None:
    """One line per document (status, name, meeting or reason), then the totals."""
    width = max((len(r.filename) for r in results), default=4)
    status_width = max(len(_status(code)) for code in _ORDER) + 1
    heading = (_("resultat"), _("fil"), _("detaljer"))
    width = max(width, len(heading[1]))
    status_width = max(status_width, len(heading[0]) + 1)
    out.write(f"{heading[0]:<{status_width}} {heading[1]:<{width}}  {heading[2]}")
    for result in results:
        out.write(
            f"{_status(result.status):<{status_width}} {result.filename:<{width}}  "
            f"{_detail(result)}"
        )
    counts = Counter(r.status for r in results)
    out.write(", ".join(f"{counts[code]} {_status(code)}" for code in _ORDER))


def fail_if_any_failed(results: Sequence[IngestResult]) -> None:
    """Exit non-zero (after everything else was loaded) when a document failed."""
    failed = sum(1 for r in results if r.status == FAILED)
    if failed:
        message = ngettext(
            "%(failed)d af %(total)d dokument fejlede.",
            "%(failed)d af %(total)d dokumenter fejlede.",
            len(results),
        )
        raise CommandError(message % {"failed": failed, "total": len(results)})
