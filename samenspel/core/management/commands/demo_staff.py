from __future__ import annotations

import secrets
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Make sure a local staff account exists and print its login (development only)."

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG:
            raise CommandError("demo_staff only runs with DEBUG on; create staff with createsuperuser.")
        User = get_user_model()
        password_file = settings.VAR_DIR / "demo-staff-password"
        user = User.objects.filter(username="beheer").first()
        if user is None or not password_file.exists():
            password = secrets.token_urlsafe(9)
            user = user or User(username="beheer", email="beheer@samenspel.invalid")
            user.is_staff = user.is_superuser = True
            user.set_password(password)
            user.save()
            password_file.write_text(password)
        self.stdout.write(f"user 'beheer', password '{password_file.read_text().strip()}'")
