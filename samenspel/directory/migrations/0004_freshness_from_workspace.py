"""The directory takes over the freshness settings and state from the workspace (tables renamed in workspace.0002).

Content types and audit entries follow, so admin permissions and the history of the settings stay attached.
"""

import django.core.validators
import django.db.models.deletion
from django.db import migrations, models

MODELS = ("supportpointsettings", "groupfreshness")


def _relabel(apps, old: str, new: str) -> None:  # type: ignore[no-untyped-def]
    content_type = apps.get_model("contenttypes", "ContentType")
    audit_entry = apps.get_model("core", "AuditEntry")
    for model in MODELS:
        if not content_type.objects.filter(app_label=new, model=model).exists():
            content_type.objects.filter(app_label=old, model=model).update(app_label=new)
        audit_entry.objects.filter(object_type=f"{old}.{model}").update(object_type=f"{new}.{model}")


def forwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    _relabel(apps, "workspace", "directory")


def backwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    _relabel(apps, "directory", "workspace")


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0001_initial"),
        ("directory", "0003_import_source_and_seeking_initiatives"),
        ("workspace", "0002_freshness_moves_to_directory"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="GroupFreshness",
                    fields=[
                        (
                            "group",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                primary_key=True,
                                related_name="freshness",
                                serialize=False,
                                to="directory.group",
                            ),
                        ),
                        ("check_sent_at", models.DateTimeField(blank=True, null=True)),
                        ("check_sent_for", models.DateTimeField(blank=True, null=True)),
                        ("flagged_at", models.DateTimeField(blank=True, null=True)),
                        ("hidden_at", models.DateTimeField(blank=True, null=True)),
                    ],
                    options={
                        "verbose_name": "freshness state",
                        "verbose_name_plural": "freshness states",
                    },
                ),
                migrations.CreateModel(
                    name="SupportPointSettings",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "review_changes",
                            models.BooleanField(
                                default=False,
                                help_text="Changes by group contact persons go live only after an editor approves them.",
                                verbose_name="review changes first",
                            ),
                        ),
                        (
                            "verify_every_days",
                            models.PositiveSmallIntegerField(
                                default=182,
                                validators=[
                                    django.core.validators.MinValueValidator(7),
                                    django.core.validators.MaxValueValidator(1000),
                                ],
                                verbose_name="check every (days)",
                            ),
                        ),
                        (
                            "overdue_after_days",
                            models.PositiveSmallIntegerField(
                                default=30,
                                help_text="Days after the check is due before the group is flagged.",
                                validators=[
                                    django.core.validators.MinValueValidator(1),
                                    django.core.validators.MaxValueValidator(1000),
                                ],
                                verbose_name="overdue after a further (days)",
                            ),
                        ),
                        (
                            "note_after_days",
                            models.PositiveSmallIntegerField(
                                default=365,
                                help_text="Days without a check before the public page says when it was last checked.",
                                validators=[
                                    django.core.validators.MinValueValidator(7),
                                    django.core.validators.MaxValueValidator(3000),
                                ],
                                verbose_name="public note after (days)",
                            ),
                        ),
                        (
                            "hide_after_days",
                            models.PositiveSmallIntegerField(
                                default=548,
                                help_text="Days without a check before the group leaves the public map.",
                                validators=[
                                    django.core.validators.MinValueValidator(7),
                                    django.core.validators.MaxValueValidator(3000),
                                ],
                                verbose_name="hide after (days)",
                            ),
                        ),
                        (
                            "import_mapping",
                            models.JSONField(blank=True, default=dict, verbose_name="import column mapping"),
                        ),
                        (
                            "support_point",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="map_settings",
                                to="directory.organisation",
                                verbose_name="support point",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "support point settings",
                        "verbose_name_plural": "support point settings",
                    },
                ),
            ],
        ),
        migrations.RunPython(forwards, backwards),
    ]
