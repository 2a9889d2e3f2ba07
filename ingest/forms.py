"""Forms of the upload workflow: the upload itself and the review corrections."""
from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import TemporaryFileUploadHandler
from django.utils.translation import gettext_lazy as _

from ingest.privacy import find_personal_data
from minutes.identity import Resolver
from minutes.models import (
    AgendaItem,
    Body,
    Decision,
    FollowUp,
    Meeting,
    Organisation,
    Outcome,
    Participant,
)
from minutes.models.base import lock_changed

SUFFIXES = {"pdf": "pdf", "txt": "text", "md": "text", "markdown": "text"}


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file field that takes several files (Django's documented recipe)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,.txt,.md"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(d, initial) for d in data]
        return [super().clean(data, initial)]


class LimitedUploadHandler(TemporaryFileUploadHandler):
    """Spools a referat upload to disk but stops writing past INGEST_MAX_BYTES.

    The file keeps its full size, so the form refuses it with a clear message; a 1 GB upload
    never fills the disk. Other forms' uploads (the admin's bilag) are spooled as usual.
    """

    def new_file(self, *args, **kwargs) -> None:
        super().new_file(*args, **kwargs)
        self.limited = self.request is not None and self.request.path.startswith("/sekretariat/")

    def receive_data_chunk(self, raw_data: bytes, start: int) -> None:
        if self.limited and start + len(raw_data) > settings.INGEST_MAX_BYTES:
            return None  # counted by the parser, not written
        return super().receive_data_chunk(raw_data, start)


def check_referat_file(upload: UploadedFile) -> None:
    """Refuse files that are too large, of another type, or whose bytes contradict their name."""
    name = upload.name or ""
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix not in SUFFIXES:
        raise forms.ValidationError(
            _("»%(name)s« er hverken PDF, .txt eller .md."), params={"name": name}
        )
    if upload.size > settings.INGEST_MAX_BYTES:
        raise forms.ValidationError(
            _("»%(name)s« er større end grænsen på %(mb)d MB."),
            params={"name": name, "mb": settings.INGEST_MAX_BYTES // (1024 * 1024)},
        )
    if not upload.size:
        raise forms.ValidationError(_("»%(name)s« er tom."), params={"name": name})
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    is_pdf = b"%PDF-" in head[:1024]
    if SUFFIXES[suffix] == "pdf" and not is_pdf:
        raise forms.ValidationError(
            _("»%(name)s« hedder .pdf, men er ikke en PDF-fil."), params={"name": name}
        )
    if SUFFIXES[suffix] == "text" and (is_pdf or b"\x00" in head):
        raise forms.ValidationError(
            _("»%(name)s« hedder .%(suffix)s, men er ikke en tekstfil."),
            params={"name": name, "suffix": suffix},
        )


class UploadForm(forms.Form):
    files = MultipleFileField(label=_("Referater (PDF, .txt eller .md)"))
    body = forms.ModelChoiceField(
        Body.objects.all(),
        required=False,
        label=_("Udvalg"),
        empty_label=_("Find det i filen"),
    )
    meeting_date = forms.DateField(
        required=False,
        label=_("Mødedato"),
        help_text=_("Bruges, når filen ikke selv angiver datoen."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def clean_files(self) -> list[UploadedFile]:
        files = self.cleaned_data["files"]
        errors = []
        for upload in files:
            try:
                check_referat_file(upload)
            except forms.ValidationError as exc:
                errors.append(exc)
        if errors:
            raise forms.ValidationError(errors)
        return files


class PlainTextField(forms.CharField):
    """Text with the browser's CRLF line ends read as LF, so untouched text stays unchanged."""

    def to_python(self, value):
        return super().to_python(value).replace("\r\n", "\n")


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["body", "date", "start_time", "end_time", "location", "room"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "start_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "end_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }


class ItemForm(forms.ModelForm):
    """One agenda item's texts, plus the outcome of its main decision."""

    indstilling = PlainTextField(
        label=_("Indstilling"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    referat = PlainTextField(
        label=_("Referat"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    sagsfremstilling = PlainTextField(
        label=_("Sagsfremstilling"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    outcome = forms.ChoiceField(label=_("Udfald"), choices=Outcome.choices)

    class Meta:
        model = AgendaItem
        fields = ["title", "section", "presenters_text", "indstilling", "referat",
                  "sagsfremstilling"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.decision = self.instance.decisions.first() if self.instance.pk else None
        self.fields["outcome"].initial = self.decision.outcome if self.decision else Outcome.NONE

    def save(self, commit: bool = True) -> AgendaItem:
        """Save the item and keep its main decision in step with the corrected referat/outcome."""
        changed = lock_changed(self)
        item = super().save(commit=commit)
        decision_changes = {}
        if "referat" in changed:
            decision_changes["text"] = item.referat
        if "outcome" in self.changed_data:
            decision_changes["outcome"] = self.cleaned_data["outcome"]
        if decision_changes:
            decision = self.decision or Decision(item=item, order=0)
            for name, value in decision_changes.items():
                setattr(decision, name, value)
            decision.lock(*decision_changes)
            decision.save()
        return item


ItemFormSet = forms.modelformset_factory(AgendaItem, form=ItemForm, extra=0, can_delete=False)


class FollowUpForm(forms.ModelForm):
    """One follow-up as read: who, what, by when (its status is decided on its own page)."""

    action = PlainTextField(
        label=_("Hvad"), widget=forms.Textarea(attrs={"rows": 2})
    )

    class Meta:
        model = FollowUp
        fields = ["actor", "action", "due_text", "due", "due_kind"]
        widgets = {"due": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def save(self, commit: bool = True) -> FollowUp:
        lock_changed(self)
        return super().save(commit=commit)


FollowUpFormSet = forms.modelformset_factory(
    FollowUp, form=FollowUpForm, extra=0, can_delete=False
)


class ParticipantForm(forms.ModelForm):
    """One participant's place: status, organisation, role and note; a new row names the person."""

    name = forms.CharField(label=_("Navn"), max_length=200, required=False)

    class Meta:
        model = Participant
        fields = ["name", "status", "organisation", "role", "note"]

    def __init__(self, *args, meeting: Meeting, organisations: list | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.meeting = meeting
        field = self.fields["organisation"]
        field.queryset = Organisation.objects.order_by("name")
        field.required = False
        if organisations is not None:  # one query for the whole list, not one per row
            field.choices = [("", "---------"), *organisations]
        if self.instance.pk:
            self.fields["name"].disabled = True
            self.fields["name"].initial = self.instance.person.name

    def clean(self):
        data = super().clean()
        if not self.instance.pk and self.has_changed() and not data.get("name", "").strip():
            self.add_error("name", _("Skriv deltagerens navn."))
        return data

    def save(self, commit: bool = True) -> Participant:
        """Lock what the editor changed; a new row gets its person by the archive's name rules."""
        lock_changed(self)
        if not self.instance.pk:
            meeting = self.instance.meeting
            person = Resolver().person(
                self.cleaned_data["name"], self.cleaned_data.get("organisation")
            )
            listed = Participant.objects.filter(meeting=meeting, person=person).first()
            if listed is not None:  # another spelling of someone already on the list
                return listed
            self.instance.person = person
            self.instance.order = Participant.objects.filter(meeting=meeting).count()
        return super().save(commit=commit)


class BaseParticipantFormSet(forms.BaseModelFormSet):
    def clean(self):
        super().clean()
        names = [
            f.cleaned_data.get("name", "").strip().casefold()
            for f in self.forms
            if f.has_changed() and not f.instance.pk and f.cleaned_data.get("name")
        ]
        known = {f.instance.person.name.casefold() for f in self.forms if f.instance.pk}
        if any(n in known for n in names) or len(names) != len(set(names)):
            raise forms.ValidationError(_("En deltager står allerede på listen."))


ParticipantFormSet = forms.modelformset_factory(
    Participant, form=ParticipantForm, formset=BaseParticipantFormSet, extra=1, can_delete=True
)


class RedactedCopyForm(forms.Form):
    """A blacked-out copy of an original with personal data, public in the original's place."""

    redacted = forms.FileField(label=_("Anonymiseret kopi (PDF)"))

    def clean_redacted(self) -> UploadedFile:
        upload = self.cleaned_data["redacted"]
        if not (upload.name or "").lower().endswith(".pdf"):
            raise forms.ValidationError(_("Kopien skal være en PDF-fil."))
        check_referat_file(upload)
        findings = personal_data_in_pdf(upload)
        if findings:
            raise forms.ValidationError(
                _("Kopien indeholder stadig %(findings)s; den er ikke gemt."),
                params={"findings": ", ".join(f.excerpt for f in findings)},
            )
        return upload


def personal_data_in_pdf(upload: UploadedFile) -> list:
    """CPR numbers and private e-mail addresses in a PDF's text layer (pdfium: fast, in C)."""
    import pypdfium2

    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    from ingest.parsing.pdfium_lock import PDFIUM

    with PDFIUM:  # pdfium is not thread-safe: one caller at a time in the process
        try:
            pdf = pypdfium2.PdfDocument(data)
        except pypdfium2.PdfiumError as error:
            raise forms.ValidationError(_("Kopien kunne ikke læses som PDF.")) from error
        try:
            if len(pdf) > settings.INGEST_MAX_PAGES:
                raise forms.ValidationError(_("Kopien har for mange sider."))
            text = "\n".join(page.get_textpage().get_text_range() for page in pdf)
        finally:
            pdf.close()
    return find_personal_data(text)
