"""Make a support point and its first manager from the command line (audited; the manager is e-mailed)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from samenspel.workspace.services.support_point import support_point_create

ACTOR_LABEL = "manage.py create_support_point"


class Command(BaseCommand):
    help = "Make a support point with its settings and first manager, who gets an invitation. Safe to run twice."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("name", help="The support point's name, e.g. 'Steunpunt Zelfhulp Eindhoven'.")
        parser.add_argument("municipality", help="Its municipality, as the municipality writes it.")
        parser.add_argument("email", help="The support point's own (role) e-mail address.")
        parser.add_argument("manager_email", help="The first manager's e-mail address.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            made = support_point_create(
                name=options["name"],
                municipality=options["municipality"],
                email=options["email"],
                manager_email=options["manager_email"],
                actor=None,
                actor_label=ACTOR_LABEL,
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        sp, email = made.support_point, made.manager.email
        if made.created:
            self.stdout.write(f"Made {sp.name} ({sp.slug}); {email} is its manager and was e-mailed an invitation.")
        elif made.manager_added:
            self.stdout.write(f"{sp.name} ({sp.slug}) already existed; {email} is now its manager and was e-mailed.")
        else:
            self.stdout.write(
                f"{sp.name} ({sp.slug}) already existed and {email} already is its manager: nothing done."
            )
