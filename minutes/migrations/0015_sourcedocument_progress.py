from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("minutes", "0014_sourcedocument_personal_data"),
    ]

    operations = [
        migrations.AddField(
            model_name="sourcedocument",
            name="progress",
            field=models.CharField(blank=True, max_length=20, verbose_name="fremdrift"),
        ),
    ]
