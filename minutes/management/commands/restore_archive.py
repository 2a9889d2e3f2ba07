"""manage.py restore_archive FOLDER: a backup back into an empty, migrated archive."""
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from minutes.backup import BackupError, restore


class Command(BaseCommand):
    help = "Lægger en backup tilbage i et tomt arkiv (kør migrate først)."

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path, help="mappen backup_archive skrev")

    def handle(self, *args, folder: Path, **options):
        try:
            summary = restore(folder)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Gendannet fra {summary.folder}: {summary.rows} rækker, {summary.files} filer."
        )
