"""Agenda items, what was decided on them, their attachments, and the topics they belong to."""
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from minutes.models.base import Lockable, Timestamped
from minutes.models.meetings import Meeting, published
from minutes.models.people import Person


class Outcome(models.TextChoices):
    APPROVED = "approved", _("godkendt")
    NOTED = "noted", _("taget til efterretning")
    DISCUSSED = "discussed", _("drøftet")
    DECIDED = "decided", _("besluttet")
    REJECTED = "rejected", _("afvist")
    NONE = "none", _("ingen beslutning")


class TopicQuerySet(models.QuerySet):
    """Topics are curated and public themselves; what they count is only published items."""

    def with_public_items(self) -> "TopicQuerySet":
        return self.filter(published("items__meeting__")).distinct()

    def with_public_item_counts(self) -> "TopicQuerySet":
        """Every topic, with `item_count`: its items at published meetings."""
        return self.annotate(item_count=Count("items", filter=published("items__meeting__")))


class Topic(models.Model):
    """A curated subject (Rammeaftale, Botilbud …) assigned to items by its matching rules."""

    name = models.CharField(_("navn"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("beskrivelse"), blank=True)
    match_terms = models.TextField(
        _("søgeord"),
        blank=True,
        help_text=_(
            "Ét ord eller udtryk pr. linje. Et ord matcher ord, der begynder med det "
            "(»botilbud« finder »botilbuddet«); en stjerne foran (»*tilbud«) matcher også "
            "inde i sammensatte ord. Der søges i titel, indstilling og referat."
        ),
    )
    history = HistoricalRecords()

    objects = TopicQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("emne")
        verbose_name_plural = _("emner")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("minutes:topic", kwargs={"slug": self.slug})


class AgendaItemQuerySet(models.QuerySet):
    def public(self) -> "AgendaItemQuerySet":
        """Items of published meetings."""
        return self.filter(published("meeting__"))


class AgendaItem(Timestamped, Lockable):
    """One numbered point of a meeting's agenda ("1.2") with its texts."""

    meeting = models.ForeignKey(
        Meeting, models.CASCADE, related_name="items", verbose_name=_("møde")
    )
    number = models.CharField(_("nummer"), max_length=20)
    section = models.CharField(_("afsnit"), max_length=200, blank=True)
    title = models.CharField(_("titel"), max_length=500)
    presenters_text = models.CharField(
        _("ved"), max_length=500, blank=True, help_text=_("Oplægsholdere som i referatet.")
    )
    presenters = models.ManyToManyField(
        Person, blank=True, related_name="presented_items", verbose_name=_("oplægsholdere")
    )
    indstilling = models.TextField(_("indstilling"), blank=True, help_text=_("Ét punkt pr. linje."))
    referat = models.TextField(_("referat"), blank=True)
    sagsfremstilling = models.TextField(_("sagsfremstilling"), blank=True)
    other_parts = models.JSONField(
        _("øvrige afsnit"), default=dict, blank=True, help_text=_("F.eks. Efterskrift.")
    )
    page_start = models.PositiveIntegerField(_("første side"), null=True, blank=True)
    page_end = models.PositiveIntegerField(_("sidste side"), null=True, blank=True)
    order = models.PositiveIntegerField(_("rækkefølge"), default=0)
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="items", verbose_name=_("emner")
    )
    # Full-text search (pages): on PostgreSQL a trigger keeps this weighted vector of title,
    # referat, indstilling and sagsfremstilling current (migration 0007); elsewhere it stays empty.
    search_document = SearchVectorField(null=True, editable=False)
    history = HistoricalRecords(m2m_fields=[topics], excluded_fields=["search_document"])

    objects = AgendaItemQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "order"]
        verbose_name = _("dagsordenspunkt")
        verbose_name_plural = _("dagsordenspunkter")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="item_number_per_meeting"),
        ]
        indexes = [
            # A meeting page lists its items in agenda order.
            models.Index(fields=["meeting", "order"], name="item_meeting_order"),
            # The decisions filter facets on section.
            models.Index(fields=["section"], name="item_section"),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    def get_absolute_url(self) -> str:
        """/moeder/2024-03-01/dassos/punkt/1.2/: under its meeting's page."""
        meeting = self.meeting
        return reverse("minutes:item", kwargs={
            "date": meeting.date.isoformat(), "body": meeting.body.slug, "number": self.number
        })

    @property
    def indstilling_points(self) -> list[str]:
        return [line for line in self.indstilling.splitlines() if line.strip()]

    @property
    def outcome(self) -> str:
        """The main decision's outcome (uses prefetched decisions when present)."""
        decisions = list(self.decisions.all())
        return decisions[0].outcome if decisions else Outcome.NONE


class DecisionQuerySet(models.QuerySet):
    def public(self) -> "DecisionQuerySet":
        """Decisions on items of published meetings."""
        return self.filter(published("item__meeting__"))


class Decision(Timestamped, Lockable):
    """What the body decided or noted on an item; an item can hold several."""

    item = models.ForeignKey(
        AgendaItem, models.CASCADE, related_name="decisions", verbose_name=_("dagsordenspunkt")
    )
    outcome = models.CharField(
        _("udfald"), max_length=12, choices=Outcome.choices, default=Outcome.NONE
    )
    text = models.TextField(_("tekst"), blank=True)
    order = models.PositiveIntegerField(_("rækkefølge"), default=0)
    history = HistoricalRecords()

    objects = DecisionQuerySet.as_manager()

    class Meta:
        ordering = ["item", "order"]
        verbose_name = _("beslutning")
        verbose_name_plural = _("beslutninger")
        indexes = [
            # The decisions list facets and filters on outcome.
            models.Index(fields=["outcome"], name="decision_outcome"),
        ]

    def __str__(self) -> str:
        return f"{self.item.number}: {self.get_outcome_display()}"

    def get_absolute_url(self) -> str:
        return self.item.get_absolute_url()


class AttachmentQuerySet(models.QuerySet):
    def public(self) -> "AttachmentQuerySet":
        """Bilag of items of published meetings."""
        return self.filter(published("item__meeting__"))


class Attachment(Timestamped):
    """A bilag of an item: its label and title, a link, and optionally a stored copy."""

    item = models.ForeignKey(
        AgendaItem, models.CASCADE, related_name="attachments", verbose_name=_("dagsordenspunkt")
    )
    label = models.CharField(_("betegnelse"), max_length=40, help_text=_("F.eks. »Bilag 1«."))
    title = models.CharField(_("titel"), max_length=500)
    url = models.URLField(_("link"), max_length=2000, blank=True)
    file = models.FileField(_("fil"), upload_to="bilag/%Y/", blank=True, max_length=300)
    order = models.PositiveIntegerField(_("rækkefølge"), default=0)

    objects = AttachmentQuerySet.as_manager()

    class Meta:
        ordering = ["item", "order"]
        verbose_name = _("bilag")
        verbose_name_plural = _("bilag")

    def __str__(self) -> str:
        return f"{self.label}: {self.title}"


class SearchWord(models.Model):
    """A word (a stemmed lexeme) of the items' search vectors, on PostgreSQL.

    The trigger that keeps `AgendaItem.search_document` current adds the item's words here
    (migration 0011); deleted items leave their words behind, which then match nothing. Search
    finds the part of a compound word ("plads" in "botilbudspladser") by looking the part up
    among these few thousand words through a trigram index, then searching the items' vectors
    for the words found, instead of reading every item's text. Words are not unique: two
    loads at the same moment may both add a new word, but a unique word would make each wait
    for the other's commit, and could deadlock them.
    """

    word = models.TextField()

    class Meta:
        verbose_name = _("søgeord")
        verbose_name_plural = _("søgeord")
        indexes = [models.Index(fields=["word"], name="searchword_word")]

    def __str__(self) -> str:
        return self.word
