"""The search results' cache table (settings.CACHES["search"]); createcachetable makes the
tables that are missing and leaves the others alone."""
from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("minutes", "0023_attachment_person_trigram")]

    operations = [migrations.RunPython(create_cache_tables, migrations.RunPython.noop)]
