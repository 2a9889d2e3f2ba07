"""WSGI entry point (gunicorn dassos.wsgi)."""
import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dassos.settings")
application = get_wsgi_application()
# What loading Django made (about 130,000 objects) lives as long as the process: kept out of the
# collector's full passes, which otherwise walk all of it every few requests (+70 ms each on a
# page that unpickles a long cached list; docs/benchmarks.md).
gc.freeze()
