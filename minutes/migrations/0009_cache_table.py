"""The database cache's table (settings.CACHES), created by migrate so no extra command is needed."""
from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("minutes", "0008_covering_indexes")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
