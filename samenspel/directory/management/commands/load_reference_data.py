from django.core.management.base import BaseCommand

from samenspel.directory.reference import load_reference_data


class Command(BaseCommand):
    help = "Load or update languages, themes and theme synonyms (safe to run again)."

    def handle(self, *args: object, **options: object) -> None:
        counts = load_reference_data()
        self.stdout.write(", ".join(f"{v} {k}" for k, v in counts.items()))
