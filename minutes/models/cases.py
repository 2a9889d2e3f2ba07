"""Cases (sager): named threads of agenda items across meetings, suggested from evidence and
confirmed or rejected by staff."""
from django.conf import settings
from django.db import models
from django.db.models import Count, Max, Min, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from minutes.models.agenda import AgendaItem
from minutes.models.base import Lockable, Timestamped
from minutes.models.meetings import Body, published


class CaseQuerySet(models.QuerySet):
    def public(self) -> "CaseQuerySet":
        """Cases with at least two items at published meetings that staff did not reject: a
        thread of one is no thread, and nothing of a draft is public."""
        return self.annotate(
            public_item_count=Count("links", filter=CaseItem.shown_publicly())
        ).filter(public_item_count__gte=2)

    def with_public_span(self) -> "CaseQuerySet":
        """`first_date` and `last_date`: the case's published meetings (call after public())."""
        shown = CaseItem.shown_publicly()
        return self.annotate(
            first_date=Min("links__item__meeting__date", filter=shown),
            last_date=Max("links__item__meeting__date", filter=shown),
        )


class Case(Timestamped, Lockable):
    """A sag: the same care home, scheme or Rammeaftale period followed over meetings.

    Suggested cases are built from evidence (minutes.case_building) and renamed as their
    evidence changes; a confirmed case, or a name an editor changed (`locked_fields`), is kept.
    """

    class Status(models.TextChoices):
        SUGGESTED = "suggested", _("foreslået")
        CONFIRMED = "confirmed", _("bekræftet")

    name = models.CharField(_("navn"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("beskrivelse"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.SUGGESTED
    )
    # What the suggestion builder named the case after ("sted:kollegiet"): finds it again.
    evidence_key = models.CharField(_("bevisnøgle"), max_length=200, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("oprettet af"),
    )

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("sag")
        verbose_name_plural = _("sager")
        indexes = [
            # The builder finds a suggested case again by what it was named after.
            models.Index(fields=["evidence_key"], name="case_evidence_key"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("minutes:case", kwargs={"slug": self.slug})


class CaseItemQuerySet(models.QuerySet):
    def public(self) -> "CaseItemQuerySet":
        """Links a reader sees: to items of published meetings, not rejected by staff."""
        return self.filter(CaseItem.shown_publicly(""))


class CaseItem(Timestamped):
    """An agenda item's place in a case: suggested by evidence, confirmed or rejected by staff.

    The item is also known by its meeting's body and date and its number, the loader's identity
    of an item across re-ingests: if a re-read drops and later brings back the item, the link
    (and a staff decision on it) finds the new row again (minutes.case_building.reattach).
    """

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("bekræftet")
        SUGGESTED = "suggested", _("foreslået")
        REJECTED = "rejected", _("afvist")

    case = models.ForeignKey(Case, models.CASCADE, related_name="links", verbose_name=_("sag"))
    item = models.ForeignKey(
        AgendaItem, models.SET_NULL, null=True, blank=True, related_name="case_links",
        verbose_name=_("dagsordenspunkt"),
    )
    body = models.ForeignKey(Body, models.CASCADE, related_name="+", verbose_name=_("udvalg"))
    meeting_date = models.DateField(_("mødedato"))
    number = models.CharField(_("nummer"), max_length=20)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.SUGGESTED
    )
    evidence = models.CharField(_("begrundelse"), max_length=300, blank=True)
    confidence = models.FloatField(_("sikkerhed"), default=0.0)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("besluttet af"),
    )
    decided_at = models.DateTimeField(_("besluttet"), null=True, blank=True)

    objects = CaseItemQuerySet.as_manager()

    class Meta:
        ordering = ["meeting_date", "number"]
        verbose_name = _("punkt i sag")
        verbose_name_plural = _("punkter i sager")
        constraints = [
            models.UniqueConstraint(
                fields=["case", "body", "meeting_date", "number"], name="case_item_once"
            ),
        ]
        indexes = [
            # Re-attaching links to an item read again: by the loader's identity of an item.
            models.Index(fields=["body", "meeting_date", "number"], name="caseitem_identity"),
        ]

    def __str__(self) -> str:
        return f"{self.case}: {self.meeting_date} pkt. {self.number} ({self.get_status_display()})"

    @staticmethod
    def shown_publicly(via: str = "links__") -> Q:
        """Links a reader sees: to an item of a published meeting, not rejected by staff."""
        return published(f"{via}item__meeting__") & ~Q(**{f"{via}status": CaseItem.Status.REJECTED})

    @property
    def decided(self) -> bool:
        return self.status != self.Status.SUGGESTED
