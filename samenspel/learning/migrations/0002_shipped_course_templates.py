"""The shipped course templates (seed 004's three courses and a group-leader training), from data/courses/."""

from django.db import migrations


def load(apps, schema_editor):
    from samenspel.learning.course_data import load_course_templates

    load_course_templates(
        template_model=apps.get_model("learning", "CourseTemplate"),
        session_model=apps.get_model("learning", "SessionTemplate"),
    )


class Migration(migrations.Migration):
    dependencies = [("learning", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
