"""Covering indexes (PostgreSQL only) for the joins the decisions list and its facets make.

Measured on the 20,000-meeting archive (docs/benchmarks.md): the decisions list with a topic and
an outcome filter joined decision → item → meeting by reading the wide item and decision rows
(their texts) tens of thousands of times per facet. With these, EXPLAIN shows index-only scans
for every join (Heap Fetches: 0 after VACUUM). INCLUDE columns exist only on PostgreSQL, so the
indexes are created here rather than in the models' Meta; other databases do nothing.
"""
from django.db import migrations

INDEXES = {
    # decision → item → meeting, and the section facet: the item's meeting and section.
    "item_id_meeting_section": (
        'CREATE INDEX IF NOT EXISTS "item_id_meeting_section" ON minutes_agendaitem '
        '(id) INCLUDE (meeting_id, section, "order")'
    ),
    # The outcome filter and facet: the decisions of one outcome with their items.
    "decision_outcome_item": (
        'CREATE INDEX IF NOT EXISTS "decision_outcome_item" ON minutes_decision '
        "(outcome, item_id) INCLUDE (id)"
    ),
    # The topic filter and facet: the items of one topic.
    "item_topics_topic_item": (
        'CREATE INDEX IF NOT EXISTS "item_topics_topic_item" ON minutes_agendaitem_topics '
        "(topic_id, agendaitem_id)"
    ),
}


def add_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for sql in INDEXES.values():
        schema_editor.execute(sql)


def remove_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [("minutes", "0007_search_document")]

    operations = [migrations.RunPython(add_indexes, remove_indexes)]
