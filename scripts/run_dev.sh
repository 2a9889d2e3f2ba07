#!/bin/sh
# Development server with a background worker beside it: `make run` calls this.
# The worker reads uploaded referater (django-tasks database queue); both stop together.
set -u
PY="${PY:-.venv/bin/python}"
HOST="${HOST:-127.0.0.1:8000}"

"$PY" manage.py ingest_worker --no-reload &
WORKER=$!
"$PY" manage.py runserver "$HOST" &
SERVER=$!
# Ctrl-C, a kill, or either process ending stops the other one too.
trap 'kill "$WORKER" "$SERVER" 2>/dev/null' INT TERM
while kill -0 "$WORKER" 2>/dev/null && kill -0 "$SERVER" 2>/dev/null; do
    sleep 1
done
kill "$WORKER" "$SERVER" 2>/dev/null
wait
