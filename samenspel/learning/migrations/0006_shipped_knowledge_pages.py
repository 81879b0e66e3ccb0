"""The shipped knowledge pages (what a peer group is, for relatives, for founders, for professionals)."""

from django.db import migrations


def load(apps, schema_editor):
    from samenspel.learning.knowledge import load_knowledge_pages

    load_knowledge_pages(page_model=apps.get_model("learning", "KnowledgePage"))


class Migration(migrations.Migration):
    dependencies = [("learning", "0005_knowledge_pages")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
