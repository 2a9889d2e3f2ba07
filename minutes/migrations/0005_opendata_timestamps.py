# Created/modified timestamps for the OParl API (created, modified, modified_since filters).
# Existing rows get the time of migrating.
import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("minutes", "0004_sourcedocument_upload_workflow"),
    ]

    operations = [
        migrations.AddField(
            model_name="agendaitem",
            name="created_at",
            field=models.DateTimeField(
                auto_now_add=True, default=django.utils.timezone.now, verbose_name="oprettet"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="agendaitem",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, verbose_name="ændret"),
        ),
        migrations.AddField(
            model_name="attachment",
            name="created_at",
            field=models.DateTimeField(
                auto_now_add=True, default=django.utils.timezone.now, verbose_name="oprettet"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="attachment",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, verbose_name="ændret"),
        ),
        migrations.AddField(
            model_name="decision",
            name="created_at",
            field=models.DateTimeField(
                auto_now_add=True, default=django.utils.timezone.now, verbose_name="oprettet"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="decision",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, verbose_name="ændret"),
        ),
        migrations.AddField(
            model_name="organisation",
            name="created_at",
            field=models.DateTimeField(
                auto_now_add=True, default=django.utils.timezone.now, verbose_name="oprettet"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="organisation",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, verbose_name="ændret"),
        ),
        migrations.AddField(
            model_name="person",
            name="created_at",
            field=models.DateTimeField(
                auto_now_add=True, default=django.utils.timezone.now, verbose_name="oprettet"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="person",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, verbose_name="ændret"),
        ),
        migrations.AddField(
            model_name="historicalagendaitem",
            name="created_at",
            field=models.DateTimeField(
                blank=True, default=django.utils.timezone.now, editable=False, verbose_name="oprettet"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="historicalagendaitem",
            name="updated_at",
            field=models.DateTimeField(
                blank=True, default=django.utils.timezone.now, editable=False, verbose_name="ændret"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="historicaldecision",
            name="created_at",
            field=models.DateTimeField(
                blank=True, default=django.utils.timezone.now, editable=False, verbose_name="oprettet"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="historicaldecision",
            name="updated_at",
            field=models.DateTimeField(
                blank=True, default=django.utils.timezone.now, editable=False, verbose_name="ændret"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="historicalorganisation",
            name="created_at",
            field=models.DateTimeField(
                blank=True, default=django.utils.timezone.now, editable=False, verbose_name="oprettet"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="historicalorganisation",
            name="updated_at",
            field=models.DateTimeField(
                blank=True, default=django.utils.timezone.now, editable=False, verbose_name="ændret"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="historicalperson",
            name="created_at",
            field=models.DateTimeField(
                blank=True, default=django.utils.timezone.now, editable=False, verbose_name="oprettet"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="historicalperson",
            name="updated_at",
            field=models.DateTimeField(
                blank=True, default=django.utils.timezone.now, editable=False, verbose_name="ændret"
            ),
            preserve_default=False,
        ),
    ]
