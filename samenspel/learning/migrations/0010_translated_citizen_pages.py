"""The citizen pages (what a peer group is, for relatives) in the seven public languages: filled in where empty."""

from django.db import migrations


def fill(apps, schema_editor):
    from samenspel.learning.knowledge import load_knowledge_pages

    load_knowledge_pages(page_model=apps.get_model("learning", "KnowledgePage"))


class Migration(migrations.Migration):
    dependencies = [("learning", "0009_intervision")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
