"""Giving and taking away a person's access to a municipality's figures. Each change is audited."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from samenspel.accounts.links import send_notice
from samenspel.accounts.services import user_for_email
from samenspel.core.audit import acting_user, log_action
from samenspel.core.services import Actor
from samenspel.directory import postcodes
from samenspel.insight.models import MunicipalityAccess, validate_municipality


def _clean_email(email: str) -> str:
    email = email.strip()
    validate_email(email)
    return email.lower()


@transaction.atomic
def municipality_access_grant(
    *, email: str, municipality: str, actor: Actor, actor_label: str = ""
) -> tuple[MunicipalityAccess, bool]:
    """Access for the person with this e-mail address (an account is made if needed). (access, created)."""
    email = _clean_email(email)
    validate_municipality(municipality)
    user = user_for_email(email)
    granted_by = acting_user(actor)
    access, created = MunicipalityAccess.objects.get_or_create(
        user=user, municipality=municipality, defaults={"granted_by": granted_by}
    )
    if created:
        log_action(
            obj=access,
            action="created",
            actor=actor,
            actor_label=actor_label,
            changes={"user": [None, user.pk], "municipality": [None, municipality]},
        )
        access_given_notice(access)
    return access, created


def access_given_notice(access: MunicipalityAccess) -> None:
    """Tell the person they can now see the municipality's figures (in their language, once per access)."""
    municipality = access.municipality
    send_notice(
        user=access.user,
        kind="municipality_access",
        key=f"municipality_access:{access.pk}",
        subject=lambda: (
            _("You can now see the figures of %(municipality)s on Samenspel") % {"municipality": municipality}
        ),
        lines=lambda: [
            _("You have been given access to the peer support figures of %(municipality)s.")
            % {"municipality": municipality},
            _("They show groups per theme, language and place, what is missing, and referrals: counts only."),
        ],
        next_url=reverse("insight:coverage", kwargs={"slug": postcodes.municipality_slug(municipality)}),
    )


@transaction.atomic
def municipality_access_revoke(*, email: str, municipality: str, actor: Actor, actor_label: str = "") -> None:
    email = _clean_email(email)
    access = MunicipalityAccess.objects.filter(user__email__iexact=email, municipality=municipality).first()
    if access is None:
        raise ValidationError(
            _("%(email)s has no access to %(municipality)s."),
            code="no_access",
            params={"email": email, "municipality": municipality},
        )
    log_action(
        obj=access,
        action="deleted",
        actor=actor,
        actor_label=actor_label,
        changes={"user": [access.user_id, None], "municipality": [municipality, None]},
    )
    access.delete()
