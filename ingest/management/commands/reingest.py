"""`manage.py reingest --all`: rebuild meetings from their stored source files."""
import sys

from django.core.management.base import BaseCommand, CommandError
from django.db import OperationalError
from django.utils.translation import gettext as _
from tqdm import tqdm

from ingest.management.summary import fail_if_any_failed, print_summary
from ingest.parsing import fingerprint
from ingest.process import reingest_source
from minutes.models import Meeting, SourceDocument


class Command(BaseCommand):
    help = (
        "Parse stored source files again (after a parser upgrade) and update their meetings; "
        "hand corrections are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument("sha256", nargs="*", help="source documents by SHA-256 (or a prefix)")
        parser.add_argument(
            "--all",
            action="store_true",
            help="every meeting's current source, and every read source whose meeting is gone",
        )
        parser.add_argument("--failed", action="store_true", help="retry every failed source")
        parser.add_argument(
            "--outdated",
            action="store_true",
            help="every meeting's current source read by another parser version",
        )

    def handle(self, *args, sha256: list[str], **options):
        if not (sha256 or options["all"] or options["failed"] or options["outdated"]):
            raise CommandError(
                _("Angiv kildedokumenter ved SHA-256, eller brug --all, --outdated eller --failed.")
            )
        sources: dict[int, SourceDocument] = {}
        if options["all"] or options["outdated"]:
            for meeting in Meeting.objects.select_related("current_source").order_by("date"):
                source = meeting.current_source or meeting.sources.order_by("-uploaded_at").first()
                if source and (options["all"] or source.parser_version != fingerprint()):
                    sources[source.pk] = source
        if options["all"]:
            # Sources read before whose meeting rows were deleted: the archive is rebuilt from
            # the stored files alone. Oldest first, so a later upload of a meeting wins.
            orphans = SourceDocument.objects.filter(
                meeting__isnull=True,
                status__in=[SourceDocument.Status.READY, SourceDocument.Status.PUBLISHED],
            ).order_by("uploaded_at", "pk")
            for source in orphans:
                sources[source.pk] = source
        if options["failed"]:
            for source in SourceDocument.objects.filter(status=SourceDocument.Status.FAILED):
                sources[source.pk] = source
        for prefix in sha256:
            matches = list(SourceDocument.objects.filter(sha256__startswith=prefix.lower()))
            if len(matches) != 1:
                raise CommandError(
                    _("»%(prefix)s« passer på %(count)d kildedokumenter, ikke ét.")
                    % {"prefix": prefix, "count": len(matches)}
                )
            sources[matches[0].pk] = matches[0]
        try:
            results = [
                reingest_source(source)
                for source in tqdm(
                    list(sources.values()), file=sys.stderr, unit="doc", disable=None
                )
            ]
        except OperationalError as error:
            if "locked" not in str(error):
                raise
            raise CommandError(
                _("Databasen var optaget for længe (SQLite: »%(error)s«): en anden proces, "
                  "typisk baggrundsarbejderen (manage.py ingest_worker), skrev i den. Kør "
                  "kommandoen igen; sker det igen, så stop arbejderen, mens den kører, "
                  "eller hæv SQLITE_TIMEOUT.") % {"error": error}
            ) from error
        print_summary(results, self.stdout)
        fail_if_any_failed(results)
