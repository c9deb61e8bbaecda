"""Create the role groups every installation has: learner, mentor, coordinator, staff."""

from django.db import migrations

ROLE_NAMES = ["learner", "mentor", "coordinator", "staff"]


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in ROLE_NAMES:
        Group.objects.get_or_create(name=name)


class Migration(migrations.Migration):
    dependencies = [("people", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]
    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
