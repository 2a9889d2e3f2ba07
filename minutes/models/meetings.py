"""Bodies, their meetings, and the original documents the meetings were read from."""
from django.conf import settings
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from minutes.models.base import Lockable


def published(via: str = "") -> Q:
    """The archive's one visibility rule, as a filter: a meeting is public once published, and
    anything else only through the published meeting it belongs to. `via` is the path from
    another model to its meeting ("meeting__", "item__meeting__"). Nothing of a draft is public.
    """
    return Q(**{f"{via}status": Meeting.Status.PUBLISHED})


class BodyQuerySet(models.QuerySet):
    def public(self) -> "BodyQuerySet":
        """Bodies with a published meeting: a body known only from drafts stays unknown."""
        return self.filter(Exists(Meeting.objects.public().filter(body=OuterRef("pk"))))


class Body(models.Model):
    """A committee whose minutes the archive keeps (DASSOS first; KKR, KOSU … later)."""

    name = models.CharField(_("navn"), max_length=100, unique=True)
    full_name = models.CharField(_("fulde navn"), max_length=300, blank=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    objects = BodyQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("udvalg")
        verbose_name_plural = _("udvalg")

    def __str__(self) -> str:
        return self.name


class MeetingQuerySet(models.QuerySet):
    def public(self) -> "MeetingQuerySet":
        """Published meetings: the only ones anyone but the secretariat sees."""
        return self.filter(published())

    def withdrawn(self) -> "MeetingQuerySet":
        """Meetings once public and withdrawn since: open data says they are gone (only that)."""
        return self.exclude(published()).filter(withdrawn_at__isnull=False)


class Meeting(Lockable):
    """One meeting of a body on one day, with the referat's header facts."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("kladde")
        PUBLISHED = "published", _("offentliggjort")

    body = models.ForeignKey(
        Body, models.PROTECT, related_name="meetings", verbose_name=_("udvalg")
    )
    date = models.DateField(_("dato"))
    start_time = models.TimeField(_("starttidspunkt"), null=True, blank=True)
    end_time = models.TimeField(_("sluttidspunkt"), null=True, blank=True)
    location = models.CharField(_("sted"), max_length=300, blank=True)
    room = models.CharField(_("lokale"), max_length=300, blank=True)
    doctype = models.CharField(
        _("dokument"),
        max_length=12,
        choices=[("referat", _("referat")), ("dagsorden", _("dagsorden"))],
        default="referat",
        help_text=_("Dagsorden: kun mødets dagsorden er modtaget; referatet afløser den."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    current_source = models.ForeignKey(
        "SourceDocument",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gældende kildedokument"),
    )
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)
    withdrawn_at = models.DateTimeField(
        _("trukket tilbage"), null=True, blank=True, editable=False,
        help_text=_("Hvornår et offentliggjort møde blev trukket tilbage."),
    )
    history = HistoricalRecords()

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-date"]
        verbose_name = _("møde")
        verbose_name_plural = _("møder")
        constraints = [
            models.UniqueConstraint(fields=["body", "date"], name="meeting_one_per_body_and_date"),
        ]
        indexes = [
            # The public meeting list and home page: published meetings, newest first.
            models.Index(fields=["status", "-date"], name="meeting_status_date"),
        ]

    def __str__(self) -> str:
        return f"{self.body} {self.date:%d.%m.%Y}"

    def get_absolute_url(self) -> str:
        """/moeder/2024-03-01/dassos/: date and body, so two bodies meeting on one day each
        have their own page (/moeder/2024-03-01/ leads to them)."""
        return reverse("minutes:meeting", kwargs=self._url_kwargs())

    def get_json_url(self) -> str:
        return reverse("opendata:meeting-json", kwargs=self._url_kwargs())

    def _url_kwargs(self) -> dict[str, str]:
        return {"date": self.date.isoformat(), "body": self.body.slug}

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    def set_published(self, published: bool) -> None:
        """Publish or withdraw, as an editor's decision that a later ingest will not undo."""
        if not published and self.is_published:
            self.withdrawn_at = timezone.now()  # syncing clients are told it is gone
        elif published:
            self.withdrawn_at = None
        self.status = self.Status.PUBLISHED if published else self.Status.DRAFT
        self.lock("status")
        self.save()
        status = SourceDocument.Status.PUBLISHED if published else SourceDocument.Status.READY
        if self.current_source_id:
            SourceDocument.objects.filter(pk=self.current_source_id).update(status=status)


def redacted_upload_to(instance: "SourceDocument", filename: str) -> str:
    """`redacted/ab/<sha256 of the original>.pdf`: one copy per original, named by nothing sent."""
    return f"redacted/{instance.sha256[:2]}/{instance.sha256}.pdf"


def source_upload_to(instance: "SourceDocument", filename: str) -> str:
    """Content-addressed path built only from the hash and a known suffix, so it cannot escape."""
    return source_path(instance.sha256, filename)


_SUFFIXES = {"pdf", "txt", "md", "markdown", "text"}


def source_path(sha256: str, filename: str) -> str:
    """`sources/ab/<sha256>.<suffix>`; the suffix only when it is a known document type."""
    if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
        raise ValueError("sha256 must be 64 lowercase hex digits")
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    name = f"{sha256}.{suffix}" if suffix in _SUFFIXES else sha256
    return f"sources/{sha256[:2]}/{name}"


class SourceDocumentQuerySet(models.QuerySet):
    def public(self) -> "SourceDocumentQuerySet":
        """The referat a published meeting currently rests on; earlier files and uploads that
        were never published stay private, and so does an original with personal data unless a
        redacted copy stands in for it."""
        return self.filter(
            Q(personal_data=False) | ~Q(redacted=""),
            published("meeting__"),
            meeting__current_source=F("pk"),
        )


class SourceDocument(models.Model):
    """An original referat file, stored byte-for-byte, and what became of parsing it."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("venter")
        PARSING = "parsing", _("læses")
        READY = "ready", _("klar til gennemsyn")
        FAILED = "failed", _("fejlet")
        PUBLISHED = "published", _("offentliggjort")
        # Read as a meeting that already exists: loaded only once staff confirm the replacement.
        REPLACEMENT = "replacement", _("erstatning afventer")

    meeting = models.ForeignKey(
        Meeting,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="sources",
        verbose_name=_("møde"),
    )
    file = models.FileField(_("fil"), upload_to=source_upload_to, max_length=200)
    original_filename = models.CharField(_("filnavn"), max_length=255)
    sha256 = models.CharField(_("SHA-256"), max_length=64, unique=True)
    size = models.PositiveBigIntegerField(_("størrelse (bytes)"))
    kind = models.CharField(_("type"), max_length=20, blank=True)
    pages = models.PositiveIntegerField(_("sider"), null=True, blank=True)
    parser_version = models.CharField(_("parserversion"), max_length=40, blank=True)
    raw_text = models.TextField(_("udtrukket tekst"), blank=True)
    text = models.TextField(_("læst tekst"), blank=True, help_text=_("Efter OCR-rettelser."))
    warnings = models.JSONField(_("advarsler"), default=list, blank=True)
    conflicts = models.JSONField(
        _("uoverensstemmelser"),
        default=list,
        blank=True,
        help_text=_("Hvor den nye læsning afviger fra felter rettet i hånden."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.WAITING
    )
    error = models.TextField(_("fejl"), blank=True)
    # The same error as a message template and its parameters (ingest.parsing.messages), so the
    # secretariat's pages show it in the reader's language; `error` keeps the Danish text.
    error_message = models.JSONField(_("fejlbesked"), default=dict, blank=True)
    body_hint = models.ForeignKey(
        Body, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("udvalg")
    )
    date_hint = models.DateField(_("mødedato"), null=True, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="uploaded_sources",
        verbose_name=_("uploadet af"),
    )
    uploaded_at = models.DateTimeField(_("uploadet"), auto_now_add=True)
    parse_started_at = models.DateTimeField(_("læsning startet"), null=True, blank=True)
    parsed_at = models.DateTimeField(_("læst"), null=True, blank=True)
    # How far the reading has come while it runs: pages OCR'd of the pages to OCR, "3/12".
    progress = models.CharField(_("fremdrift"), max_length=20, blank=True)
    task_id = models.CharField(
        _("job"), max_length=64, blank=True, help_text=_("Baggrundsjobbet, der læser filen.")
    )
    # The reading's lease: the worker renews it while it reads; a "parsing" source whose lease
    # ran out lost its worker and is queued again (ingest.tasks.recover_stalled).
    heartbeat_at = models.DateTimeField(_("sidst i live"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("læseforsøg afbrudt"), default=0)
    # A replacement's parse as the contract's JSON, kept until staff confirm it, so the review
    # page compares it with the public version without parsing in the web request.
    parsed = models.JSONField(_("læst indhold"), default=dict, blank=True, editable=False)
    # The secretariat's copy of an original with personal data, blacked out: public in its place.
    redacted = models.FileField(
        _("anonymiseret kopi"), upload_to=redacted_upload_to, max_length=200, blank=True
    )
    # Set from `text` on every save (ingest.privacy): an original holding a CPR number or a
    # private e-mail address is never served to the public, whatever the parsed text says.
    personal_data = models.BooleanField(
        _("indeholder personoplysninger"),
        default=False,
        editable=False,
        help_text=_("Originalen nævner et CPR-nummer eller en privat e-mailadresse og vises "
                    "ikke offentligt."),
    )

    objects = SourceDocumentQuerySet.as_manager()

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = _("kildedokument")
        verbose_name_plural = _("kildedokumenter")
        permissions = [
            ("upload_sourcedocument", _("Kan uploade referater")),
            ("review_sourcedocument", _("Kan gennemse og rette indlæste referater")),
            ("publish_meeting", _("Kan offentliggøre møder")),
        ]
        indexes = [
            # The upload list: documents by status, newest first.
            models.Index(fields=["status", "-uploaded_at"], name="source_status_uploaded"),
        ]

    def __str__(self) -> str:
        return self.original_filename

    def save(self, *args, **kwargs) -> None:
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "text" in update_fields:
            from ingest.privacy import find_personal_data  # pure Python, no Django

            self.personal_data = bool(find_personal_data(self.text))
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "personal_data"}
        super().save(*args, **kwargs)

    @property
    def withheld(self) -> bool:
        """Nothing of the file is public: the original holds personal data and no redacted copy
        stands in for it (see public())."""
        return self.personal_data and not self.redacted

    @property
    def public_file(self):
        """The file the public gets: the redacted copy in place of an original with personal
        data (only for a source public() lets through)."""
        return self.redacted if self.personal_data else self.file

    @property
    def progress_display(self) -> str:
        """"side 3 af 12" while a scan is being read; empty otherwise."""
        done, _slash, total = self.progress.partition("/")
        if self.status != self.Status.PARSING or not (done.isdigit() and total.isdigit()):
            return ""
        return gettext("side %(done)s af %(total)s") % {"done": done, "total": total}
