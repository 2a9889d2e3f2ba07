"""The source beside each item: its own lines of the read text, and a PDF page as an image."""
from __future__ import annotations

import io
import re
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from ingest.views.access import REVIEW, secretariat
from minutes.models import SourceDocument

_SPACE = re.compile(r"\s+")
PAGE_WIDTH = 900  # pixels: sharp enough to read beside the form, small enough to load quickly
MAX_LINES = 400  # of one item's excerpt; the whole text stays behind "Åbn originalen"


@dataclass(frozen=True)
class SourceLine:
    number: int  # 1-based, as the warnings count
    text: str


def _key(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()


# A heading's number: "1.2", "3)", "A.", "§ 4", "Punkt 3", "Ad 2" (folded to lower case).
_NUMBER = re.compile(r"^(?:punkt |pkt\.? |ad |§ ?)?\S{0,10}[\d.)]\s+")


def _heading(line: str, probe: str) -> bool:
    return line.startswith(probe) or _NUMBER.sub("", line, count=1).startswith(probe)


def item_lines(text: str, titles: list[str]) -> list[list[SourceLine]]:
    """Each item's own lines of `text`, from its heading to the next item's heading.

    Headings are found from the last item backwards, each before the next one's, so a contents
    list at the top (which repeats every title) is passed over when the body holds the title.
    """
    lines = text.splitlines()
    folded = [_key(line) for line in lines]
    starts: list[int | None] = [None] * len(titles)
    limit = len(lines)
    for index in range(len(titles) - 1, -1, -1):
        probe = _key(titles[index])[:40]
        if not probe:
            continue
        candidates = range(limit - 1, -1, -1)
        # A heading starts with the title (after its number); a mention in the text only has it.
        found = next((n for n in candidates if _heading(folded[n], probe)), None)
        if found is None:
            found = next((n for n in candidates if probe in folded[n]), None)
        if found is not None:
            starts[index] = limit = found
    result = []
    for index, start in enumerate(starts):
        if start is None:
            result.append([])
            continue
        end = next((s for s in starts[index + 1:] if s is not None and s > start), len(lines))
        end = min(end, start + MAX_LINES)
        result.append([SourceLine(n + 1, lines[n]) for n in range(start, end)])
    return result


def page_range(first: int | None, last: int | None, pages: int | None) -> list[int]:
    """The pages an item spans (at most four), within the document."""
    if not first:
        return []
    last = max(first, last or first)
    if pages:
        last = min(last, pages)
    return list(range(first, min(last, first + 3) + 1))


def _render(data: bytes, page: int) -> bytes:
    import pypdfium2

    from ingest.parsing.pdfium_lock import PDFIUM

    with PDFIUM:  # pdfium is not thread-safe: one render at a time in the process
        pdf = pypdfium2.PdfDocument(data)
        try:
            if not 1 <= page <= len(pdf):
                raise Http404
            sheet = pdf[page - 1]
            scale = PAGE_WIDTH / sheet.get_width()
            image = sheet.render(scale=scale).to_pil()
        finally:
            pdf.close()
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


@secretariat(REVIEW)
@require_GET
def page_image(request: HttpRequest, pk: int, page: int) -> HttpResponse:
    """A page of a stored PDF as PNG, rendered once and kept beside the originals."""
    source = get_object_or_404(SourceDocument, pk=pk)
    if source.kind not in ("pdf", "scanned-pdf") or not source.file:
        raise Http404
    cached = f"previews/{source.sha256[:2]}/{source.sha256}-{page}.png"
    if default_storage.exists(cached):
        with default_storage.open(cached, "rb") as handle:
            png = handle.read()
    else:
        with source.file.open("rb") as handle:
            png = _render(handle.read(), page)
        default_storage.save(cached, ContentFile(png))
    response = HttpResponse(png, content_type="image/png")
    response["Cache-Control"] = "private, max-age=86400"
    response["X-Content-Type-Options"] = "nosniff"
    return response
