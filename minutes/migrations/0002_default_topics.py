from django.db import migrations

from minutes.models.base import danish_slugify
from minutes.topics import DEFAULT_TOPICS


def add_topics(apps, schema_editor):
    Topic = apps.get_model("minutes", "Topic")
    for name, terms in DEFAULT_TOPICS.items():
        Topic.objects.get_or_create(
            name=name, defaults={"slug": danish_slugify(name), "match_terms": "\n".join(terms)}
        )


def remove_topics(apps, schema_editor):
    apps.get_model("minutes", "Topic").objects.filter(name__in=DEFAULT_TOPICS).delete()


class Migration(migrations.Migration):
    dependencies = [("minutes", "0001_initial")]

    operations = [migrations.RunPython(add_topics, remove_topics)]
