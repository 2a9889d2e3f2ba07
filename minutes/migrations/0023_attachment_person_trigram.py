"""Trigram indexes for the search's `icontains` on bilag titles and people's names, PostgreSQL
only (as 0006): without them every search read all bilag titles (~100 ms on the 20,000-meeting
benchmark archive)."""
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db import migrations
from django.db.models.functions import Upper

INDEXES = {
    "Attachment": GinIndex(OpClass(Upper("title"), name="gin_trgm_ops"),
                           name="attachment_title_upper_trgm"),
    "Person": GinIndex(OpClass(Upper("name"), name="gin_trgm_ops"),
                       name="person_name_upper_trgm"),
}


def add_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model, index in INDEXES.items():
        schema_editor.add_index(apps.get_model("minutes", model), index)


def remove_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model, index in INDEXES.items():
        schema_editor.remove_index(apps.get_model("minutes", model), index)


class Migration(migrations.Migration):
    dependencies = [("minutes", "0022_followups")]

    operations = [migrations.RunPython(add_indexes, remove_indexes)]
