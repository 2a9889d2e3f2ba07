"""A stored search vector per agenda item, kept current by a PostgreSQL trigger.

Ranking with an expression index recomputed to_tsvector for every hit (seconds on a big
archive); a stored vector is read, not recomputed. The trigger lives in the database, so every
way of writing an item (loader, admin, bulk_create, update()) keeps it current. On other databases
the column stays empty and the simple search is used.
"""
import importlib

import django.contrib.postgres.search
from django.db import migrations

# The weights of minutes.search: title A > referat B > indstilling/sagsfremstilling C.
FUNCTION = """
CREATE OR REPLACE FUNCTION minutes_agendaitem_search_document() RETURNS trigger AS $$
BEGIN
    NEW.search_document :=
        setweight(to_tsvector('danish', coalesce(NEW.title, '')), 'A')
        || setweight(to_tsvector('danish', coalesce(NEW.referat, '')), 'B')
        || setweight(to_tsvector('danish',
               coalesce(NEW.indstilling, '') || ' ' || coalesce(NEW.sagsfremstilling, '')), 'C');
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
"""
TRIGGER = """
CREATE TRIGGER minutes_agendaitem_search_document
BEFORE INSERT OR UPDATE OF title, referat, indstilling, sagsfremstilling, search_document
ON minutes_agendaitem FOR EACH ROW EXECUTE FUNCTION minutes_agendaitem_search_document();
"""
INDEX_NAME = "item_search_document"


def index_sql() -> tuple[str, str]:
    """(create, drop) for the GIN index on the stored vector (scripts drop it around bulk loads)."""
    return (
        f'CREATE INDEX IF NOT EXISTS "{INDEX_NAME}" ON minutes_agendaitem '
        "USING gin (search_document)",
        f'DROP INDEX IF EXISTS "{INDEX_NAME}"',
    )


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(FUNCTION)
    schema_editor.execute(TRIGGER)
    # Fill existing rows: the trigger fires on an update of search_document.
    schema_editor.execute("UPDATE minutes_agendaitem SET search_document = NULL")
    schema_editor.execute(index_sql()[0])
    # The expression index of 0006 served the old query; the stored vector replaces it.
    schema_editor.execute('DROP INDEX IF EXISTS "item_search_vector"')


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    previous = importlib.import_module("minutes.migrations.0006_search_indexes")
    schema_editor.add_index(apps.get_model("minutes", "AgendaItem"), previous._indexes()[0])
    schema_editor.execute(index_sql()[1])
    schema_editor.execute(
        "DROP TRIGGER IF EXISTS minutes_agendaitem_search_document ON minutes_agendaitem"
    )
    schema_editor.execute("DROP FUNCTION IF EXISTS minutes_agendaitem_search_document()")


class Migration(migrations.Migration):
    dependencies = [("minutes", "0006_search_indexes")]

    operations = [
        migrations.AddField(
            model_name="agendaitem",
            name="search_document",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(forwards, backwards),
    ]
