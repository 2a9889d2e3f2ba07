"""manage.py backup_archive FOLDER: the archive's rows and stored files, consistent, in a folder."""
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from minutes.backup import BackupError, backup


class Command(BaseCommand):
    help = "Skriver en backup af arkivet (rækker og gemte filer) i en ny mappe."

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path, help="en ny eller tom mappe")

    def handle(self, *args, folder: Path, **options):
        try:
            summary = backup(folder)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Backup skrevet i {summary.folder}: {summary.rows} rækker, {summary.files} filer."
        )
