from django.db import migrations


def add_dassos(apps, schema_editor):
    apps.get_model("minutes", "Body").objects.get_or_create(
        name="DASSOS",
        defaults={
            "slug": "dassos",
            "full_name": "Den Administrative Styregruppe på det Specialiserede Socialområde",
        },
    )


class Migration(migrations.Migration):
    dependencies = [("minutes", "0002_default_topics")]

    operations = [migrations.RunPython(add_dassos, migrations.RunPython.noop)]
