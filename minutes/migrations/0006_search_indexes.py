"""Search indexes, PostgreSQL only: the weighted full-text vector and trigram indexes.

They are not declared in the models' Meta because GIN indexes cannot be built on SQLite; on
other databases these operations do nothing.
"""
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations
from django.db.models.functions import Upper

from minutes.search import item_vector


def _indexes():
    return [
        # Full-text search over minutes.search.item_vector() (0007 replaces it by a stored vector).
        GinIndex(item_vector(), name="item_search_vector"),
        # Fuzzy search: `icontains` (UPPER(col) LIKE …) on every searched text …
        *(
            GinIndex(OpClass(Upper(name), name="gin_trgm_ops"), name=f"item_{name[:6]}_upper_trgm")
            for name in ("title", "referat", "indstilling", "sagsfremstilling")
        ),
        # … and trigram word similarity (%>) for typos in titles and decisions.
        *(
            GinIndex(OpClass(name, name="gin_trgm_ops"), name=f"item_{name}_trgm")
            for name in ("title", "referat")
        ),
    ]


def add_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    model = apps.get_model("minutes", "AgendaItem")
    for index in _indexes():
        schema_editor.add_index(model, index)


def remove_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    model = apps.get_model("minutes", "AgendaItem")
    for index in _indexes():
        schema_editor.remove_index(model, index)


class Migration(migrations.Migration):
    dependencies = [("minutes", "0005_opendata_timestamps")]

    operations = [
        TrigramExtension(),
        migrations.RunPython(add_indexes, remove_indexes),
    ]
