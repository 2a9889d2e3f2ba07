"""manage.py health: the /sundhed/ checks from a shell (for container healthchecks)."""
import json

from django.core.management.base import BaseCommand, CommandError

from dassos.health import database_ok, worker_ok


class Command(BaseCommand):
    help = "Tjekker database og arbejdskø som /sundhed/; afslutter med fejl, hvis et tjek fejler."

    def handle(self, *args, **options):
        checks = {"database": database_ok()}
        checks["worker"] = worker_ok() if checks["database"] else False
        self.stdout.write(json.dumps(checks))
        if not all(checks.values()):
            raise CommandError("Et sundhedstjek fejlede: " + ", ".join(
                name for name, ok in checks.items() if not ok
            ))
