"""The freshness settings and state move to the directory, which owns the freshness rule.

The tables are renamed, not copied: every row stays. `directory.0004` takes the models into its state.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("workspace", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterModelTable("supportpointsettings", "directory_supportpointsettings"),
                migrations.AlterModelTable("groupfreshness", "directory_groupfreshness"),
            ],
            state_operations=[
                migrations.DeleteModel(name="GroupFreshness"),
                migrations.DeleteModel(name="SupportPointSettings"),
            ],
        ),
    ]
