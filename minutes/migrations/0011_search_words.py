"""The words of the items' search vectors, for finding parts of compound words (PostgreSQL).

Substring search over the items' texts ("plads" in "botilbudspladser") read and rechecked long
texts through trigram indexes: 0.1–3 s per word on a 300,000-item archive. The words of the
stored vectors are far fewer; the search trigger of 0007 now also records each item's words in
minutes_searchword, which has a trigram index of its own.
"""
import importlib

from django.db import migrations, models

FUNCTION = """
CREATE OR REPLACE FUNCTION minutes_agendaitem_search_document() RETURNS trigger AS $$
BEGIN
    NEW.search_document :=
        setweight(to_tsvector('danish', coalesce(NEW.title, '')), 'A')
        || setweight(to_tsvector('danish', coalesce(NEW.referat, '')), 'B')
        || setweight(to_tsvector('danish',
               coalesce(NEW.indstilling, '') || ' ' || coalesce(NEW.sagsfremstilling, '')), 'C');
    -- Only words not seen yet; no unique constraint, so no waiting on other transactions.
    INSERT INTO minutes_searchword (word)
        SELECT lexeme FROM unnest(tsvector_to_array(NEW.search_document)) AS lexeme
        WHERE NOT EXISTS (SELECT 1 FROM minutes_searchword WHERE word = lexeme);
    RETURN NEW;
END
$$ LANGUAGE plpgsql
-- Each word is looked up in the b-tree index. Before the table's first ANALYZE (a new
-- archive, a test database) the planner takes it for tiny and would scan it whole for every
-- word, or ask the trigram index (GIN, bitmap scans only), a hundred times slower.
SET enable_seqscan = off
SET enable_bitmapscan = off;
"""
FILL = """
INSERT INTO minutes_searchword (word)
SELECT DISTINCT unnest(tsvector_to_array(search_document)) FROM minutes_agendaitem
"""
INDEX = "CREATE INDEX IF NOT EXISTS searchword_trgm ON minutes_searchword USING gin (word gin_trgm_ops)"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(FUNCTION)
    schema_editor.execute(FILL)
    schema_editor.execute(INDEX)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    previous = importlib.import_module("minutes.migrations.0007_search_document")
    schema_editor.execute(previous.FUNCTION)


class Migration(migrations.Migration):
    dependencies = [("minutes", "0010_sourcedocument_error_message")]

    operations = [
        migrations.CreateModel(
            name="SearchWord",
            fields=[
                ("id", models.BigAutoField(
                    auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("word", models.TextField()),
            ],
            options={
                "verbose_name": "søgeord",
                "verbose_name_plural": "søgeord",
                "indexes": [models.Index(fields=["word"], name="searchword_word")],
            },
        ),
        migrations.RunPython(forwards, backwards),
    ]
