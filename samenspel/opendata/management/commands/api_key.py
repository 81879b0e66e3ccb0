"""Issue, list and revoke the API keys of a support point."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from samenspel.core.audit import log_action
from samenspel.directory.models import Organisation
from samenspel.opendata.models import ApiKey
from samenspel.workspace.models import Membership, Role


class Command(BaseCommand):
    help = "API keys for write access by a support point: create (shown once), list, revoke."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create")
        create.add_argument("--support-point", required=True, help="Slug or UUID of the support point.")
        create.add_argument("--name", required=True, help="What will use the key.")
        create.add_argument("--manager", required=True, help="Username of a manager of that support point.")
        listing = sub.add_parser("list")
        listing.add_argument("--support-point", required=True)
        revoke = sub.add_parser("revoke")
        revoke.add_argument("prefix", help="The start of the key, as `list` shows it.")
        revoke.add_argument("--manager", required=True, help="Username of a manager of the key's support point.")

    def handle(self, *args: Any, **options: Any) -> None:
        getattr(self, f"_{options['action']}")(options)

    def _support_point(self, ref: str) -> Organisation:
        sp = Organisation.objects.support_points().filter(slug=ref).first()
        if sp is None:
            try:
                sp = Organisation.objects.support_points().filter(uuid=ref).first()
            except Exception:  # not a UUID
                sp = None
        if sp is None:
            raise CommandError(_("No support point %(ref)s.") % {"ref": ref})
        return sp

    def _manager(self, username: str, sp: Organisation) -> Any:
        user = get_user_model().objects.filter(username=username).first()
        if user is None or not Membership.objects.filter(user=user, support_point=sp, role=Role.MANAGER).exists():
            raise CommandError(_("%(user)s is not a manager of %(sp)s.") % {"user": username, "sp": sp})
        return user

    def _create(self, options: dict[str, Any]) -> None:
        sp = self._support_point(options["support_point"])
        user = self._manager(options["manager"], sp)
        api_key, key = ApiKey.issue(support_point=sp, name=options["name"], created_by=user)
        log_action(obj=sp, action="api_key_created", actor=user, changes={"key": api_key.prefix})
        self.stdout.write(_("API key for %(sp)s (shown once, store it now):") % {"sp": sp})
        self.stdout.write(key)

    def _list(self, options: dict[str, Any]) -> None:
        sp = self._support_point(options["support_point"])
        for api_key in ApiKey.objects.for_support_point(sp):
            state = _("revoked") if api_key.revoked_at else _("active")
            self.stdout.write(f"{api_key.prefix}…  {api_key.name}  {state}")

    def _revoke(self, options: dict[str, Any]) -> None:
        matches = list(ApiKey.objects.active().filter(prefix=options["prefix"]).select_related("support_point"))
        if len(matches) != 1:
            raise CommandError(_("No single active key starts with %(prefix)s.") % {"prefix": options["prefix"]})
        api_key = matches[0]
        user = self._manager(options["manager"], api_key.support_point)
        api_key.revoke()
        log_action(obj=api_key.support_point, action="api_key_revoked", actor=user, changes={"key": api_key.prefix})
        self.stdout.write(_("Revoked %(key)s.") % {"key": api_key})
