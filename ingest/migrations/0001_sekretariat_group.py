from django.contrib.auth.management import create_permissions
from django.db import migrations

SEKRETARIAT_PERMISSIONS = [
    ("minutes", "upload_sourcedocument"),
    ("minutes", "review_sourcedocument"),
    ("minutes", "publish_meeting"),
    ("minutes", "view_sourcedocument"),
    ("minutes", "view_meeting"),
]


def add_group(apps, schema_editor):
    # Permissions are normally created after all migrations; the group needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Sekretariat")
    for app_label, codename in SEKRETARIAT_PERMISSIONS:
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Sekretariat").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("minutes", "0004_sourcedocument_upload_workflow"),
    ]

    operations = [migrations.RunPython(add_group, remove_group)]
