"""Upload referater and follow their parsing in the list."""
from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from ingest.forms import UploadForm
from ingest.store import store_upload
from ingest.tasks import enqueue_parse
from ingest.views.access import UPLOAD, secretariat
from minutes.models import SourceDocument

LIST_SIZE = 100
PENDING = (SourceDocument.Status.WAITING, SourceDocument.Status.PARSING)


def _sources():
    return SourceDocument.objects.select_related(
        "meeting", "meeting__body", "uploaded_by"
    ).order_by("-uploaded_at", "-pk")[:LIST_SIZE]


@secretariat(UPLOAD)
@require_http_methods(["GET", "POST"])
def uploads(request: HttpRequest) -> HttpResponse:
    """The upload form above the list of documents with their status."""
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        for upload in form.cleaned_data["files"]:
            _store(request, upload, form.cleaned_data)
        return redirect("ingest:uploads")
    sources = list(_sources())
    return render(
        request,
        "ingest/uploads.html",
        {
            "form": form,
            "sources": sources,
            "pending": any(s.status in PENDING for s in sources),
        },
        status=400 if form.is_bound else 200,
    )


def _store(request: HttpRequest, upload, data: dict) -> None:
    with transaction.atomic():
        source, created = store_upload(
            upload,
            upload.name,
            uploaded_by=request.user,
            body=data.get("body"),
            meeting_date=data.get("meeting_date"),
        )
        if created:
            enqueue_parse(source)
    review_url = reverse("ingest:review", args=[source.pk])
    if created:
        messages.success(
            request, _("»%(name)s« er gemt og bliver læst nu.") % {"name": source.original_filename}
        )
    else:
        messages.info(
            request,
            format_html(
                _("»{}« er allerede i arkivet som »{}« ({}); den læses ikke igen. "
                  '<a href="{}">Se den</a>.'),
                upload.name,
                source.original_filename,
                source.get_status_display(),
                review_url,
            ),
        )


@secretariat(UPLOAD)
@require_GET
def upload_rows(request: HttpRequest) -> HttpResponse:
    """The list's table rows alone, for the script that refreshes the statuses in place."""
    sources = list(_sources())
    response = render(request, "ingest/_source_rows.html", {"sources": sources})
    response["X-Pending"] = str(sum(s.status in PENDING for s in sources))
    response["Cache-Control"] = "no-store"
    return response
