"""Check a parsed referat beside its source, correct it, publish it; retry or replace."""
from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ingest.forms import ItemFormSet, MeetingForm, lock_changed
from ingest.privacy import find_personal_data
from ingest.tasks import can_retry, enqueue_parse, job_for
from ingest.views.access import PUBLISH, REVIEW, UPLOAD, secretariat
from minutes.models import AgendaItem, Decision, Meeting, Participant, SourceDocument

Status = SourceDocument.Status


def public_url(meeting: Meeting | None) -> str | None:
    """The meeting's public page, or None until the public pages exist."""
    if meeting is None:
        return None
    try:
        return meeting.get_absolute_url()
    except NoReverseMatch:
        return None


def _editable(source: SourceDocument) -> Meeting | None:
    """The meeting this source is the current reading of; only that one is corrected here."""
    meeting = source.meeting
    if meeting is None or source.status not in (Status.READY, Status.PUBLISHED):
        return None
    return meeting if meeting.current_source_id == source.pk else None


@secretariat(REVIEW)
@require_http_methods(["GET", "POST"])
def review(request: HttpRequest, pk: int) -> HttpResponse:
    """The parsed meeting as correction forms beside the text it was read from."""
    source = get_object_or_404(
        SourceDocument.objects.select_related("meeting", "meeting__body", "uploaded_by"), pk=pk
    )
    meeting = _editable(source)
    meeting_form = formset = None
    if meeting is not None:
        items = AgendaItem.objects.filter(meeting=meeting).prefetch_related(
            Prefetch("decisions", queryset=Decision.objects.order_by("order")), "attachments"
        )
        data = request.POST if request.method == "POST" else None
        meeting_form = MeetingForm(data, instance=meeting, prefix="meeting")
        formset = ItemFormSet(data, queryset=items, prefix="items")
        if request.method == "POST":
            if meeting_form.is_valid() and formset.is_valid():
                _save_corrections(meeting_form, formset)
                messages.success(request, _("Rettelserne er gemt og bevares ved ny indlæsning."))
                return redirect("ingest:review", pk=source.pk)
            messages.error(request, _("Rettelserne er ikke gemt; se felterne markeret nedenfor."))
    elif request.method == "POST":
        messages.error(request, _("Dette dokument kan ikke rettes her."))
        return redirect("ingest:review", pk=source.pk)
    participants = (
        Participant.objects.filter(meeting=meeting)
        .select_related("person", "organisation")
        .order_by("order")
        if meeting
        else []
    )
    job = job_for(source)
    context = {
        "source": source,
        "meeting": meeting,
        "target": source.meeting,
        "meeting_form": meeting_form,
        "formset": formset,
        "participants": participants,
        "personal_data": find_personal_data(source.text),
        "job": job,
        "job_seconds": _seconds(job),
        "public_url": public_url(meeting),
        "can_publish": request.user.has_perm(PUBLISH),
        "can_upload": request.user.has_perm(UPLOAD),
        "can_retry": can_retry(source),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "ingest/review.html", context, status=status)


def _seconds(job) -> float | None:
    """How long the job ran, in seconds, once it has finished."""
    if job is None or not (job.started_at and job.finished_at):
        return None
    return (job.finished_at - job.started_at).total_seconds()


@transaction.atomic
def _save_corrections(meeting_form: MeetingForm, formset) -> None:
    lock_changed(meeting_form)
    meeting_form.save()
    for form in formset.forms:
        if form.has_changed():
            form.save()


@secretariat(PUBLISH)
@require_POST
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    """Make the meeting public (or withdraw it); an editor's decision re-ingest keeps."""
    source = get_object_or_404(SourceDocument, pk=pk)
    meeting = _editable(source)
    if meeting is None:
        messages.error(request, _("Kun et læst referat kan offentliggøres."))
        return redirect("ingest:review", pk=pk)
    published = request.POST.get("action") != "withdraw"
    meeting.set_published(published)
    if published:
        messages.success(request, _("%(meeting)s er offentliggjort.") % {"meeting": meeting})
    else:
        messages.success(request, _("%(meeting)s er trukket tilbage.") % {"meeting": meeting})
    return redirect("ingest:review", pk=pk)


@secretariat(UPLOAD)
@require_POST
def retry(request: HttpRequest, pk: int) -> HttpResponse:
    """Read a failed (or stuck) document again from its stored original, e.g. after an upgrade."""
    with transaction.atomic():
        source = get_object_or_404(SourceDocument.objects.select_for_update(), pk=pk)
        if not can_retry(source):
            messages.error(request, _("Kun et dokument, der fejlede, kan prøves igen."))
        else:
            enqueue_parse(source)
            messages.success(request, _("»%(name)s« læses igen.") % {"name": source})
    return redirect("ingest:review", pk=pk)


@secretariat(UPLOAD)
@require_POST
def replace(request: HttpRequest, pk: int) -> HttpResponse:
    """Load a replacement into the existing meeting; the old source and corrections stay."""
    with transaction.atomic():
        source = get_object_or_404(SourceDocument.objects.select_for_update(), pk=pk)
        if source.status != Status.REPLACEMENT:
            messages.error(request, _("Dette dokument venter ikke på at erstatte et møde."))
        else:
            enqueue_parse(source, replace=True)
            messages.success(
                request, _("»%(name)s« erstatter nu mødets referat.") % {"name": source}
            )
    return redirect("ingest:review", pk=pk)


@secretariat(UPLOAD)
@require_POST
def discard(request: HttpRequest, pk: int) -> HttpResponse:
    """Drop a replacement the secretariat did not want: its row and its stored file."""
    with transaction.atomic():
        source = get_object_or_404(SourceDocument.objects.select_for_update(), pk=pk)
        if source.status != Status.REPLACEMENT:
            messages.error(request, _("Kun en afventende erstatning kan kasseres."))
            return redirect("ingest:review", pk=pk)
        name, file = source.original_filename, source.file
        source.delete()
        transaction.on_commit(lambda: file.storage.delete(file.name))
    messages.success(request, _("»%(name)s« er kasseret.") % {"name": name})
    return redirect("ingest:uploads")


@secretariat(REVIEW)
@require_GET
def original(request: HttpRequest, pk: int) -> FileResponse:
    """The stored original, under its own name, never from a path the user gives."""
    source = get_object_or_404(SourceDocument, pk=pk)
    if not source.file or not source.file.storage.exists(source.file.name):
        raise Http404(_("Filen findes ikke længere."))
    is_pdf = source.file.name.endswith(".pdf") or source.kind in ("pdf", "scanned-pdf")
    response = FileResponse(
        source.file.open("rb"),
        as_attachment=not is_pdf,
        filename=source.original_filename,
        content_type="application/pdf" if is_pdf else "text/plain; charset=utf-8",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
