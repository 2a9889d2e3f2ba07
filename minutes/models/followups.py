"""Follow-ups (opfølgning): what a meeting asked someone to do, by when, and whether it came back.

Read from an item's referat by the parser and loaded with the item; a follow-up stays open until
staff link a later item as its answer (suggested by minutes.followups) or mark it done or
dropped. Staff edits and status decisions are locked against re-ingest like other corrections.
"""
from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from minutes.models.agenda import AgendaItem
from minutes.models.base import Lockable, Timestamped
from minutes.models.meetings import published
from minutes.models.people import Organisation, Person


class FollowUpQuerySet(models.QuerySet):
    def public(self) -> FollowUpQuerySet:
        """Follow-ups of items at published meetings: nothing of a draft is shown."""
        return self.filter(published("item__meeting__"))

    def still_open(self) -> FollowUpQuerySet:
        return self.filter(status=FollowUp.Status.OPEN)

    def due(self, today: date, until: date) -> FollowUpQuerySet:
        """Open follow-ups whose deadline falls from `today` to `until`, both included."""
        return self.still_open().filter(due__gte=today, due__lte=until)

    def overdue(self, today: date) -> FollowUpQuerySet:
        """Open follow-ups whose deadline has passed."""
        return self.still_open().filter(due__lt=today)


class FollowUp(Timestamped, Lockable):
    """Who promised what, by when (an item's "Fællessekretariatet udarbejder et oplæg til næste
    møde"), and what became of it."""

    class Status(models.TextChoices):
        OPEN = "open", _("åben")
        ANSWERED = "answered", _("besvaret")
        DONE = "done", _("udført")
        DROPPED = "dropped", _("opgivet")

    class DueKind(models.TextChoices):
        NONE = "", _("ingen frist")
        DATE = "date", _("dato")
        PERIOD = "period", _("periode")
        NEXT_MEETING = "next_meeting", _("næste møde")
        MEETING = "meeting", _("et bestemt møde")

    class Origin(models.TextChoices):
        REFERAT = "referat", _("referat")
        INDSTILLING = "indstilling", _("indstilling")
        TABLE = "table", _("opfølgningstabel")

    item = models.ForeignKey(
        AgendaItem, models.CASCADE, related_name="followups", verbose_name=_("dagsordenspunkt")
    )
    order = models.PositiveIntegerField(_("rækkefølge"), default=0)
    # The parse this row was read as (actor and action, normalised): finds the row again on
    # re-ingest even after an editor rewrote its text, so its id (the permalink) stays.
    parsed_key = models.CharField(_("læst som"), max_length=64, blank=True, editable=False)
    actor = models.CharField(
        _("hvem"), max_length=200, blank=True, help_text=_("Som referatet nævner det.")
    )
    person = models.ForeignKey(
        Person, models.SET_NULL, null=True, blank=True, related_name="followups",
        verbose_name=_("person"),
    )
    organisation = models.ForeignKey(
        Organisation, models.SET_NULL, null=True, blank=True, related_name="followups",
        verbose_name=_("organisation"),
    )
    action = models.TextField(_("hvad"))
    due_text = models.CharField(
        _("frist som skrevet"), max_length=200, blank=True,
        help_text=_("F.eks. »til næste møde«, »i foråret 2024«."),
    )
    due = models.DateField(_("frist"), null=True, blank=True)
    due_kind = models.CharField(
        _("fristtype"), max_length=12, choices=DueKind.choices, default=DueKind.NONE, blank=True
    )
    source = models.CharField(
        _("læst i"), max_length=12, choices=Origin.choices, default=Origin.REFERAT
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    answered_by = models.ForeignKey(
        AgendaItem, models.SET_NULL, null=True, blank=True, related_name="answers",
        verbose_name=_("besvaret af"),
    )
    suggested_answer = models.ForeignKey(
        AgendaItem, models.SET_NULL, null=True, blank=True, related_name="suggested_answers",
        verbose_name=_("foreslået svar"),
    )
    suggestion_evidence = models.CharField(_("begrundelse"), max_length=300, blank=True)
    status_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("status ændret af"),
    )
    status_changed_at = models.DateTimeField(_("status ændret"), null=True, blank=True)
    history = HistoricalRecords()

    objects = FollowUpQuerySet.as_manager()

    class Meta:
        ordering = ["item", "order"]
        verbose_name = _("opfølgning")
        verbose_name_plural = _("opfølgninger")
        indexes = [
            # /opfoelgning/ and the home page: open follow-ups by deadline.
            models.Index(fields=["status", "due"], name="followup_status_due"),
        ]

    def __str__(self) -> str:
        return self.summary[:120]

    @property
    def action_names_actor(self) -> bool:
        """The action reads as a sentence of its own ("Fællessekretariatet sender …")."""
        return self.action.casefold().startswith(self.actor.casefold())

    @property
    def summary(self) -> str:
        """Who and what in one line, the actor named once: "Takstgruppen: fremlægger …"."""
        if not self.actor or self.action_names_actor:
            return self.action
        return f"{self.actor}: {self.action}"

    def get_absolute_url(self) -> str:
        return reverse("minutes:followup", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN
