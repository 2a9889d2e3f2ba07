"""Shared pieces: hand-correction locks and Danish-aware slugs."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.forms import ModelForm

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


def _as_edited(value: Any) -> Any:
    """A value as an editor sees it: text with LF line ends and no outer blanks (a browser sends
    a textarea back with CRLF), a related row as its key, several related rows as a set of keys."""
    if isinstance(value, str):
        return value.replace("\r\n", "\n").strip()
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, models.QuerySet | list | tuple | set):
        return {getattr(v, "pk", v) for v in value}
    return value


def edited_fields(form: ModelForm) -> list[str]:
    """The model fields whose values the editor changed in this valid, bound form.

    `form.changed_data` alone over-reports: it counts a textarea sent back with CRLF line ends,
    or an unchanged empty JSON value, as changed. A field counts only when its cleaned value
    differs from the stored one (the form's initial value, read from the instance).
    """
    opts = form.instance._meta
    model_fields = {f.name for f in [*opts.fields, *opts.many_to_many]} - {"locked_fields"}
    return [
        name
        for name in form.changed_data
        if name in model_fields
        and _as_edited(form.initial.get(name)) != _as_edited(form.cleaned_data.get(name))
    ]


def lock_changed(form: ModelForm) -> list[str]:
    """Lock the fields the editor changed (`edited_fields`) on the form's Lockable instance, so
    later parses leave them alone; their names. The one locking rule of admin and review page."""
    changed = edited_fields(form)
    if isinstance(form.instance, Lockable):
        form.instance.lock(*changed)
    return changed


class Timestamped(models.Model):
    """When a record was created and last changed: the OParl API's created/modified filters."""

    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)

    class Meta:
        abstract = True
