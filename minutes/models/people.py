"""People and organisations, one record each across all meetings, and who attended."""
from django.db import models
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from minutes.models.base import Lockable, Timestamped
from minutes.models.meetings import Body, Meeting, published


class AliasSource(models.TextChoices):
    PARSED = "parsed", _("læst i et referat")
    OCR = "ocr", _("OCR-variant")
    SIMILAR = "similar", _("lignende stavemåde")
    MERGE = "merge", _("sammenlagt af redaktør")
    ADMIN = "admin", _("tilføjet af redaktør")


class Alias(models.Model):
    """A spelling seen in a referat, found again by its lookup `key` (minutes.identity).

    Every spelling is kept, so a merge made by an admin holds on the next ingest. The concrete
    aliases add the foreign key to their record.
    """

    name = models.CharField(_("stavemåde"), max_length=200)
    key = models.CharField(_("nøgle"), max_length=200, unique=True, editable=False)
    source = models.CharField(
        _("kilde"), max_length=10, choices=AliasSource.choices, default=AliasSource.PARSED
    )

    class Meta:
        abstract = True
        ordering = ["name"]
        verbose_name = _("alternativ stavemåde")
        verbose_name_plural = _("alternative stavemåder")

    def __str__(self) -> str:
        return self.name


class OrganisationQuerySet(models.QuerySet):
    def public(self, body: Body | None = None) -> "OrganisationQuerySet":
        """Organisations represented at a published meeting (of `body`): one named only in a
        draft stays unknown."""
        represented = Participant.objects.public().filter(organisation=OuterRef("pk"))
        if body is not None:
            represented = represented.filter(meeting__body=body)
        return self.filter(Exists(represented))


class Organisation(Timestamped):
    """A municipality, the region, a secretariat or another organisation people represent."""

    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("kommune")
        REGION = "region", _("region")
        SECRETARIAT = "secretariat", _("sekretariat")
        OTHER = "other", _("andet")

    name = models.CharField(_("navn"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    history = HistoricalRecords()

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisationer")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("minutes:organisation", kwargs={"slug": self.slug})


class OrganisationAlias(Alias):
    """A spelling of an organisation seen in a referat ("KKR Sekretariat"); keeps merges sticky."""

    organisation = models.ForeignKey(
        Organisation, models.CASCADE, related_name="aliases", verbose_name=_("organisation")
    )


class PersonQuerySet(models.QuerySet):
    def public(self, body: Body | None = None) -> "PersonQuerySet":
        """People who attended or presented an item at a published meeting (of `body`):
        someone named only in a draft has no public trace."""
        attended = Participant.objects.public().filter(person=OuterRef("pk"))
        if body is not None:
            attended = attended.filter(meeting__body=body)
        return self.filter(Exists(attended) | Exists(self._presented(body)))

    def presenters(self) -> "PersonQuerySet":
        """People who presented an item at a published meeting."""
        return self.filter(Exists(self._presented()))

    def _presented(self, body: Body | None = None):
        links = self.model.presented_items.through.objects.filter(
            published("agendaitem__meeting__"), person=OuterRef("pk")
        )
        return links.filter(agendaitem__meeting__body=body) if body is not None else links


class Person(Timestamped):
    """One real person across all meetings, whatever the OCR made of the name."""

    name = models.CharField(_("navn"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    name_locked = models.BooleanField(
        _("navn fastlagt"),
        default=False,
        help_text=_("Navnet er rettet i hånden; indlæsning ændrer det ikke."),
    )
    history = HistoricalRecords()

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("personer")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("minutes:person", kwargs={"slug": self.slug})


class PersonAlias(Alias):
    """A spelling of a person's name seen in a referat ("Brian Hgyer Lorentsen")."""

    person = models.ForeignKey(
        Person, models.CASCADE, related_name="aliases", verbose_name=_("person")
    )


class ParticipantQuerySet(models.QuerySet):
    def public(self) -> "ParticipantQuerySet":
        """Places at published meetings."""
        return self.filter(published("meeting__"))


class Participant(Lockable):
    """A person's place at one meeting: present or sent apologies, for which organisation."""

    class Status(models.TextChoices):
        PRESENT = "present", _("deltog")
        ABSENT = "absent", _("afbud")

    meeting = models.ForeignKey(
        Meeting, models.CASCADE, related_name="participants", verbose_name=_("møde")
    )
    person = models.ForeignKey(
        Person, models.PROTECT, related_name="participations", verbose_name=_("person")
    )
    organisation = models.ForeignKey(
        Organisation,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="participations",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("rolle"), max_length=100, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PRESENT
    )
    note = models.CharField(_("bemærkning"), max_length=300, blank=True)
    order = models.PositiveIntegerField(_("rækkefølge"), default=0)

    objects = ParticipantQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "status", "order"]
        verbose_name = _("deltager")
        verbose_name_plural = _("deltagere")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "person"], name="participant_once_per_meeting"
            ),
        ]
        indexes = [
            # Organisation page: its representatives over time (filter by organisation, by status).
            models.Index(fields=["organisation", "status"], name="participant_org_status"),
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_status_display()})"
