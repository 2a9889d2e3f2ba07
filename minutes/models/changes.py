"""The archive's change counter: what cached counts are filed under (minutes.aggregates)."""
from django.db import models
from django.utils.translation import gettext_lazy as _


class ArchiveChange(models.Model):
    """A change to the archive's records: each save or delete that alters what is counted adds
    a row, and the newest row's id is the archive's *generation*.

    A row, not one counter updated in place: an insert locks nothing other transactions need,
    so two loads at the same moment never wait on each other, and it becomes visible to other
    connections only when its transaction commits, together with the change it announces.
    Each new row deletes the older ones (minutes.aggregates.archive_changed): only the newest
    is ever read.
    """

    at = models.DateTimeField(_("tidspunkt"), auto_now_add=True)

    class Meta:
        verbose_name = _("ændring af arkivet")
        verbose_name_plural = _("ændringer af arkivet")

    def __str__(self) -> str:
        return f"{self.pk} ({self.at:%Y-%m-%d %H:%M})"
