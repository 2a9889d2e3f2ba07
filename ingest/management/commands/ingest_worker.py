"""`manage.py ingest_worker`: django-tasks' `db_worker` that recovers from dead workers.

Beside the queue it runs, every RECOVER_SECONDS, `recover_stalled`: a source whose worker died
while reading it (its lease ran out) is queued again, at most a few times, then fails saying
why; the dead reading's temporary files are removed. On SIGTERM the reading under way gets
INGEST_STOP_GRACE_SECONDS to finish; after that its child process is killed and the source queued
again, so the worker stops promptly either way.
"""
from __future__ import annotations

import logging
import threading
import time

from django.conf import settings
from django.db import close_old_connections
from django_tasks_db.management.commands import db_worker

from ingest import sandbox
from ingest.tasks import recover_stalled

logger = logging.getLogger(__name__)
RECOVER_SECONDS = 30.0


class RecoveringWorker(db_worker.Worker):
    def run(self) -> None:
        threading.Thread(target=self._recover, name="recover-stalled", daemon=True).start()
        super().run()

    def _recover(self) -> None:
        while self.running:
            try:
                for source in recover_stalled():
                    logger.warning("Source %s lost its worker; attempt %d", source.pk,
                                   source.attempts)
                sandbox.remove_orphaned_scratch()
            except Exception:  # a locked or lost database: try again next round
                logger.exception("Recovering stalled sources failed")
            finally:
                close_old_connections()
            time.sleep(RECOVER_SECONDS)

    def shutdown(self, signum, frame) -> None:
        if self.running and self.running_task:
            sandbox.stop_at = time.monotonic() + settings.INGEST_STOP_GRACE_SECONDS
        super().shutdown(signum, frame)


class Command(db_worker.Command):
    help = "Run the upload parsing queue, recovering readings whose worker died."

    def handle(self, *args, **options) -> None:
        db_worker.Worker = RecoveringWorker
        super().handle(*args, **options)
