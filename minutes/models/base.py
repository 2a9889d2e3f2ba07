"""Shared pieces: hand-correction locks and Danish-aware slugs."""
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

_DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})


def danish_slugify(text: str) -> str:
    """A URL slug that spells æ/ø/å out (Møller → moeller) instead of dropping them."""
    return slugify(text.translate(_DANISH))[:80] or "x"


def unique_slug(model: type[models.Model], text: str, *, exclude_pk: int | None = None) -> str:
    """danish_slugify(text), with -2, -3, … appended until no other row of `model` has it."""
    base = danish_slugify(text)
    slug, n = base, 1
    while model.objects.filter(slug=slug).exclude(pk=exclude_pk).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


class Lockable(models.Model):
    """A record whose hand-corrected fields re-ingest must leave alone.

    `locked_fields` lists the field names an admin edited; the loader skips them and reports
    where a new parse disagrees.
    """

    locked_fields = models.JSONField(
        _("rettet i hånden"),
        default=list,
        blank=True,
        help_text=_("Felter rettet af en redaktør; en ny indlæsning ændrer dem ikke."),
    )

    class Meta:
        abstract = True

    def lock(self, *names: str) -> None:
        """Mark fields as hand-corrected (idempotent, keeps a stable order)."""
        self.locked_fields = sorted(set(self.locked_fields or []) | set(names))

    def is_locked(self, name: str) -> bool:
        return name in (self.locked_fields or [])


class Timestamped(models.Model):
    """When a record was created and last changed: the OParl API's created/modified filters."""

    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)

    class Meta:
        abstract = True
