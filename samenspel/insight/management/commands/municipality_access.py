"""Give, take away and list access to a municipality's figures, from the command line (audited)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.core.validators import validate_email

from samenspel.directory import postcodes
from samenspel.insight.models import MunicipalityAccess
from samenspel.insight.services import municipality_access_grant, municipality_access_revoke

ACTOR_LABEL = "manage.py municipality_access"


def _municipality(text: str) -> str:
    """The municipality's exact name for what was typed: case, accents and punctuation do not matter."""
    name = postcodes.municipality_by_slug(postcodes.municipality_slug(text))
    if name is None:
        raise CommandError(f"Unknown municipality: {text!r}. Write its name as the municipality does, e.g. Eindhoven.")
    return name


class Command(BaseCommand):
    help = "Give or take away a person's access to a municipality's coverage and referral figures, or list who has it."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        for action, text in (
            ("grant", "Give access (makes an account without a password when needed: they sign in by e-mail link)."),
            ("revoke", "Take access away."),
        ):
            sub = actions.add_parser(action, help=text)
            sub.add_argument("email")
            sub.add_argument("municipality")
        actions.add_parser("list", help="List who has access to which municipality.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "list":
            found = MunicipalityAccess.objects.select_related("user", "granted_by")
            for access in found:
                by = access.granted_by.get_username() if access.granted_by else "-"
                self.stdout.write(f"{access.municipality}\t{access.user.email}\t{access.granted_at:%Y-%m-%d}\t{by}")
            if not found:
                self.stdout.write("No one has access to a municipality yet.")
            return
        email = options["email"].strip().lower()
        try:
            validate_email(email)
        except ValidationError:
            raise CommandError(f"Not an e-mail address: {options['email']!r}.") from None
        municipality = _municipality(options["municipality"])
        try:
            if options["action"] == "grant":
                _access, created = municipality_access_grant(
                    email=email, municipality=municipality, actor=None, actor_label=ACTOR_LABEL
                )
                done = "Access given" if created else "Access was already given"
                self.stdout.write(f"{done}: {email} to {municipality}.")
            else:
                municipality_access_revoke(email=email, municipality=municipality, actor=None, actor_label=ACTOR_LABEL)
                self.stdout.write(f"Access taken away: {email} from {municipality}.")
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
