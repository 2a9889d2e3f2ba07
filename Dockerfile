# Production image: gunicorn behind your proxy, static files from whitenoise, PostgreSQL by DATABASE_URL.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    DEBUG=0 MEDIA_ROOT=/data/media STATIC_ROOT=/app/staticfiles

# Tesseract with the Danish model reads scanned referater; poppler helps with PDFs.
RUN apt-get update \
    && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-dan poppler-utils \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml README.md ./
COPY dassos ./dassos
COPY minutes ./minutes
COPY ingest ./ingest
RUN pip install .
COPY . .

# collectstatic needs a key of production length to import the DEBUG=0 settings; it is not the
# runtime key (.ci/run runs this same line in a clean virtualenv, so a broken build fails CI).
RUN SECRET_KEY=build-only-key-not-secret-build-only-key-not-secret-0123456789 \
    python manage.py collectstatic --noinput

RUN useradd --create-home --uid 1000 archive && mkdir -p /data/media && chown -R archive /data
USER archive
VOLUME /data/media
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
    CMD ["python", "manage.py", "health"]

CMD ["gunicorn", "dassos.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]

# Uploaded referater are parsed in the background by a worker: the same image with the same
# DATABASE_URL and media volume runs `python manage.py ingest_worker` (docker-compose.yml does both).
