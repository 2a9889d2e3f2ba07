"""Check a parsed referat beside its source, correct it, publish it; retry or replace."""
from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ingest.forms import (
    FollowUpFormSet,
    ItemForm,
    ItemFormSet,
    MeetingForm,
    ParticipantFormSet,
    RedactedCopyForm,
    lock_changed,
)
from ingest.load import meeting_contract
from ingest.privacy import Place, ReviewFinding, find_personal_data, review_findings
from ingest.replacement import Comparison, compare
from ingest.tasks import can_retry, enqueue_parse, job_for
from ingest.views.access import PUBLISH, REVIEW, UPLOAD, secretariat
from ingest.views.source_pages import MAX_LINES, SourceLine, item_lines, page_range
from minutes.models import (
    AgendaItem,
    Decision,
    FollowUp,
    Meeting,
    Organisation,
    Participant,
    SourceDocument,
)

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
    """The parsed meeting as one correction form, each item beside its part of the source.

    Publishing and withdrawing are buttons of this form: the corrections are saved first, or
    nothing happens and the unsaved fields are named, so nothing typed is ever lost.
    """
    source = get_object_or_404(
        SourceDocument.objects.select_related("meeting", "meeting__body", "uploaded_by"), pk=pk
    )
    meeting = _editable(source)
    forms = None
    if meeting is not None:
        forms = _forms(meeting, request.POST if request.method == "POST" else None)
        if request.method == "POST":
            action = request.POST.get("action", "save")
            if action in ("publish", "withdraw") and not request.user.has_perm(PUBLISH):
                raise PermissionDenied
            if forms.is_valid():
                _save_corrections(forms)
                messages.success(request, _("Rettelserne er gemt og bevares ved ny indlæsning."))
                if action == "publish":
                    _publish(request, meeting, source)
                elif action == "withdraw":
                    meeting.set_published(False)
                    messages.success(
                        request, _("%(meeting)s er trukket tilbage.") % {"meeting": meeting}
                    )
                return redirect("ingest:review", pk=source.pk)
            messages.error(request, _unsaved_message(forms, action))
    elif request.method == "POST":
        messages.error(request, _("Dette dokument kan ikke rettes her."))
        return redirect("ingest:review", pk=source.pk)
    job = job_for(source)
    findings = _findings(source, forms)
    context = {
        "source": source,
        "meeting": meeting,
        "target": source.meeting,
        "forms": forms,
        "meeting_form": forms.meeting if forms else None,
        "formset": forms.items if forms else None,
        "participant_formset": forms.participants if forms else None,
        **_source_beside(source, forms),
        "findings": findings,
        "open_findings": [f for f in findings if f.open],
        "comparison": _comparison(source),
        "job": job,
        "job_seconds": _seconds(job),
        "public_url": public_url(meeting),
        "can_publish": request.user.has_perm(PUBLISH),
        "can_upload": request.user.has_perm(UPLOAD),
        "can_retry": can_retry(source),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "ingest/review.html", context, status=status)


@dataclass
class ReviewForms:
    """The review page's one form: the meeting, its participants, its items and their
    follow-ups."""

    meeting: MeetingForm
    participants: ParticipantFormSet
    items: ItemFormSet
    followups: FollowUpFormSet

    def is_valid(self) -> bool:
        # Every part validated, so each shows its errors at once.
        return all([
            self.meeting.is_valid(), self.participants.is_valid(), self.items.is_valid(),
            not self.followups.is_bound or self.followups.is_valid(),
        ])


def _forms(meeting: Meeting, data) -> ReviewForms:
    items = AgendaItem.objects.filter(meeting=meeting).prefetch_related(
        Prefetch("decisions", queryset=Decision.objects.order_by("order")), "attachments"
    )
    participants = (
        Participant.objects.filter(meeting=meeting)
        .select_related("person", "organisation")
        .order_by("status", "order")
    )
    return ReviewForms(
        MeetingForm(data, instance=meeting, prefix="meeting"),
        ParticipantFormSet(
            data, queryset=participants, prefix="participants",
            form_kwargs={
                "meeting": meeting,
                "organisations": list(
                    Organisation.objects.order_by("name").values_list("pk", "name")
                ),
            },
        ),
        ItemFormSet(data, queryset=items, prefix="items"),
        # Bound only when the page sent its follow-ups (a form opened before they existed did not).
        FollowUpFormSet(
            data if data is not None and "followups-TOTAL_FORMS" in data else None,
            prefix="followups",
            queryset=FollowUp.objects.filter(item__meeting=meeting).order_by(
                "item__order", "order"
            ),
        ),
    )


def _unsaved_message(forms: ReviewForms, action: str) -> str:
    """Why nothing was saved (nor published), naming the fields to look at."""
    fields = []
    for form in [forms.meeting, *forms.participants.forms, *forms.items.forms,
                 *forms.followups.forms]:
        where = getattr(form.instance, "number", None)
        for name in form.errors:
            label = form.fields[name].label if name in form.fields else _("Deltagere")
            fields.append(f"{_('Pkt.')} {where}: {label}" if where else str(label))
    if forms.participants.non_form_errors():
        fields.append(str(_("Deltagere")))
    named = ", ".join(dict.fromkeys(fields)) or _("se felterne markeret nedenfor")
    if action == "publish":
        return _("Intet er gemt og mødet er ikke offentliggjort; ret først: %(fields)s.") % {
            "fields": named
        }
    return _("Rettelserne er ikke gemt; ret først: %(fields)s.") % {"fields": named}


def _publish(request: HttpRequest, meeting: Meeting, source: SourceDocument) -> None:
    """Publish, unless personal data is still in the parsed text and was not confirmed."""
    open_findings = [f for f in _findings(source, _forms(meeting, None)) if f.open]
    if open_findings and request.POST.get("confirm_personal_data") != "yes":
        messages.error(
            request,
            _("Ikke offentliggjort: teksten indeholder stadig %(findings)s. Fjern dem, eller "
              "bekræft, at de skal offentliggøres.") % {"findings": describe(open_findings)},
        )
        return
    meeting.set_published(True)
    messages.success(request, _("%(meeting)s er offentliggjort.") % {"meeting": meeting})


def describe(findings: list[ReviewFinding]) -> str:
    """The findings named for a message: "CPR-nummer 010203-xxxx (Pkt. 2: Referat), …"."""
    parts = []
    for finding in findings:
        kind = _("CPR-nummer") if finding.kind == "cpr" else _("e-mailadresse")
        where = "; ".join(place.label for place in finding.places)
        parts.append(f"{kind} {finding.excerpt} ({where})")
    return ", ".join(parts)


def _places(forms: ReviewForms) -> list[Place]:
    """Every parsed text field of the review form, as saved (the form's initial values)."""
    places = []
    meeting = forms.meeting
    for name in ("location", "room"):
        field = meeting[name]
        places.append(Place(str(field.label), field.auto_id, str(field.initial or "")))
    for form in forms.participants.forms:
        if form.instance.pk:
            for name in ("name", "role", "note"):
                field = form[name]
                label = f"{form.instance.person.name}: {field.label}"
                places.append(Place(label, field.auto_id, str(field.initial or "")))
    for form in forms.items.forms:
        for name in ItemForm.Meta.fields:
            field = form[name]
            label = f"{_('Pkt.')} {form.instance.number}: {field.label}"
            places.append(Place(label, field.auto_id, str(field.initial or "")))
    return places


def _findings(source: SourceDocument, forms: ReviewForms | None) -> list[ReviewFinding]:
    """Personal data in the file and where it still stands in the saved, parsed text."""
    if forms is None:
        return review_findings(source.text, [])
    if forms.meeting.is_bound:
        forms = _forms(forms.meeting.instance, None)  # what is saved, not what was typed
    return review_findings(source.text, _places(forms))


def _source_beside(source: SourceDocument, forms: ReviewForms | None) -> dict:
    """Each item's form with its own lines of the source and, for a PDF, its pages; the lines
    before the first item (cover, participants) go beside the meeting's fields."""
    if forms is None:
        return {"item_rows": [], "head_lines": [], "head_pages": []}
    item_forms = list(forms.items.forms)
    excerpts = item_lines(source.text, [f.instance.title for f in item_forms])
    is_pdf = source.kind in ("pdf", "scanned-pdf")
    followups: dict[int, list] = {}
    for form in forms.followups.forms:
        followups.setdefault(form.instance.item_id, []).append(form)
    rows = [
        {
            "form": form,
            "followup_forms": followups.get(form.instance.pk, []),
            "lines": lines,
            "pages": page_range(form.instance.page_start, form.instance.page_end, source.pages)
            if is_pdf
            else [],
        }
        for form, lines in zip(item_forms, excerpts, strict=True)
    ]
    first = min((lines[0].number for lines in excerpts if lines), default=None)
    all_lines = source.text.splitlines()
    head = all_lines[: (first - 1) if first else len(all_lines)][:MAX_LINES]
    return {
        "item_rows": rows,
        "head_lines": [SourceLine(n, text) for n, text in enumerate(head, start=1)],
        "head_pages": [1] if is_pdf and source.pages else [],
    }


def _comparison(source: SourceDocument) -> Comparison | None:
    """For a replacement: what loading it would change in the meeting as the archive holds it."""
    if source.status != Status.REPLACEMENT or not source.parsed or source.meeting_id is None:
        return None
    participants = Participant.objects.select_related("person", "organisation").order_by("order")
    meeting = (
        Meeting.objects.select_related("body", "current_source")
        .prefetch_related(
            Prefetch("participants", queryset=participants),
            "items__decisions",
            "items__attachments",
        )
        .get(pk=source.meeting_id)
    )
    kept = {
        "meeting": set(meeting.locked_fields),
        "items": {item.number: set(item.locked_fields) for item in meeting.items.all()},
    }
    return compare(meeting_contract(meeting).to_dict(), source.parsed, kept)


def _seconds(job) -> float | None:
    """How long the job ran, in seconds, once it has finished."""
    if job is None or not (job.started_at and job.finished_at):
        return None
    return (job.finished_at - job.started_at).total_seconds()


@transaction.atomic
def _save_corrections(forms: ReviewForms) -> None:
    meeting = forms.meeting.instance
    lock_changed(forms.meeting)
    forms.meeting.save()
    roster_changed = False
    for form in forms.participants.forms:
        if forms.participants.can_delete and forms.participants._should_delete_form(form):
            if form.instance.pk:
                form.instance.delete()
                roster_changed = True
        elif form.has_changed():
            roster_changed |= form.instance.pk is None
            form.instance.meeting = meeting
            form.save()
    if roster_changed:
        # The editor's list: a later parse adds no one to it and drops no one from it.
        meeting.lock("participants")
        meeting.save(update_fields=["locked_fields"])
    followup_forms = forms.followups.forms if forms.followups.is_bound else []
    for form in [*forms.items.forms, *followup_forms]:
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
    if request.POST.get("action") != "withdraw":
        _publish(request, meeting, source)
    else:
        meeting.set_published(False)
        messages.success(request, _("%(meeting)s er trukket tilbage.") % {"meeting": meeting})
    return redirect("ingest:review", pk=pk)


@secretariat(PUBLISH)
@require_POST
def redacted(request: HttpRequest, pk: int) -> HttpResponse:
    """Keep (or drop) the blacked-out copy the public gets in place of an original with
    personal data; a copy whose text still holds any is refused."""
    source = get_object_or_404(SourceDocument, pk=pk)
    if not source.personal_data:
        messages.error(request, _("Originalen indeholder ingen personoplysninger."))
    elif request.POST.get("action") == "remove":
        source.redacted.delete(save=False)
        source.redacted = ""
        source.save(update_fields=["redacted"])
        messages.success(request, _("Den anonymiserede kopi er fjernet."))
    else:
        form = RedactedCopyForm(request.POST, request.FILES)
        if form.is_valid():
            if source.redacted:
                source.redacted.delete(save=False)
            source.redacted.save("kopi.pdf", form.cleaned_data["redacted"], save=False)
            source.save(update_fields=["redacted"])
            messages.success(
                request, _("Den anonymiserede kopi er gemt; den vises offentligt i stedet.")
            )
        else:
            for error in form.errors.get("redacted", []):
                messages.error(request, error)
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
        source = get_object_or_404(
            SourceDocument.objects.select_for_update(of=("self",)).select_related("meeting"),
            pk=pk,
        )
        findings = find_personal_data(source.text)
        public = source.meeting is not None and source.meeting.is_published
        if source.status != Status.REPLACEMENT:
            messages.error(request, _("Dette dokument venter ikke på at erstatte et møde."))
        elif public and findings and request.POST.get("confirm_personal_data") != "yes":
            messages.error(
                request,
                _("Ikke erstattet: den nye fil indeholder %(findings)s, og mødet er offentligt. "
                  "Bekræft, eller kassér filen og upload en uden.")
                % {"findings": ", ".join(f.excerpt for f in findings)},
            )
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
    # An uploaded PDF may carry script: shown in a sandbox, as the public downloads are.
    response["Content-Security-Policy"] = "sandbox"
    return response
