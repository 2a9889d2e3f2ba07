"""The original referat files and stored bilag of published meetings, inline or as downloads."""
from __future__ import annotations

from django.http import FileResponse, HttpRequest
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from minutes.models import Attachment, SourceDocument
from minutes.models.base import danish_slugify


def _respond(field_file, filename: str, *, download: bool) -> FileResponse:
    # FileResponse picks the content type from the file name and sets Content-Disposition:
    # "inline" for viewing (OParl's accessUrl), "attachment" for downloadUrl.
    response = FileResponse(field_file.open("rb"), as_attachment=download, filename=filename)
    # The bytes are third-party documents: no scripts, no sniffing them into HTML.
    response["Content-Security-Policy"] = "sandbox"
    return response


@require_safe
def source(request: HttpRequest, pk: int, download: bool = False) -> FileResponse:
    """The referat a published meeting currently rests on, byte for byte (or its redacted copy)."""
    obj = get_object_or_404(SourceDocument.objects.public().select_related("meeting__body"), pk=pk)
    file = obj.public_file  # a redacted copy in place of an original with personal data
    suffix = file.name.rsplit(".", 1)[-1] if "." in file.name else "bin"
    meeting = obj.meeting
    filename = f"{danish_slugify(meeting.body.name)}-referat-{meeting.date.isoformat()}.{suffix}"
    return _respond(file, filename, download=download)


@require_safe
def bilag(request: HttpRequest, pk: int, download: bool = False) -> FileResponse:
    """A stored copy of a bilag of a published meeting."""
    obj = get_object_or_404(Attachment.objects.public().exclude(file=""), pk=pk)
    name = obj.file.name.rsplit("/", 1)[-1]
    return _respond(obj.file, name, download=download)
