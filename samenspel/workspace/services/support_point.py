"""A support point: made with its first manager (by platform staff), and how it wants its part of the map kept."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from samenspel.accounts.services import user_for_email
from samenspel.core.services import Actor, model_update
from samenspel.directory import postcodes
from samenspel.directory.models import Organisation, OrganisationKind, SupportPointSettings
from samenspel.directory.services import organisation_create
from samenspel.directory.slugs import new_slug
from samenspel.workspace.models import Membership, Role
from samenspel.workspace.services.people import membership_set


@transaction.atomic
def support_point_settings_update(*, config: SupportPointSettings, actor: Actor, **fields: Any) -> SupportPointSettings:
    model_update(config, actor=actor, **fields)
    return config


@dataclass(frozen=True)
class NewSupportPoint:
    support_point: Organisation
    manager: Any
    # False: a support point of that name in that municipality existed; it was not made twice.
    created: bool
    # False: the person already was its manager; no second membership, no second invitation.
    manager_added: bool


def municipality_name(text: str) -> str:
    """The municipality's own spelling for what was typed; ValidationError when there is no such municipality."""
    name = postcodes.municipality_by_slug(postcodes.municipality_slug(text.strip()))
    if name is None:
        raise ValidationError(
            _("%(name)s is not a Dutch municipality. Write its name as the municipality does, for example Eindhoven."),
            code="unknown_municipality",
            params={"name": text},
        )
    return name


@transaction.atomic
def support_point_create(
    *, name: str, municipality: str, email: str, manager_email: str, actor: Actor, actor_label: str = ""
) -> NewSupportPoint:
    """A support point with its settings and its first manager, who is invited by e-mail.

    Safe to repeat: the same name in the same municipality is the same support point, and a person who already
    manages it is not added (or mailed) again.
    """
    name = name.strip()
    municipality = municipality_name(municipality)
    validate_email(email)
    validate_email(manager_email)
    support_point = Organisation.objects.filter(
        kind=OrganisationKind.SUPPORT_POINT, name__iexact=name, municipality=municipality
    ).first()
    created = support_point is None
    if support_point is None:
        support_point = organisation_create(
            actor=actor,
            actor_label=actor_label,
            kind=OrganisationKind.SUPPORT_POINT,
            name=name,
            municipality=municipality,
            email=email.strip().lower(),
            slug=new_slug(Organisation, name, fallback="steunpunt", reserved=set()),
        )
    SupportPointSettings.objects.get_or_create(support_point=support_point)
    manager = user_for_email(manager_email.strip().lower())
    already = Membership.objects.filter(support_point=support_point, user=manager, role=Role.MANAGER).exists()
    if not already:
        membership_set(support_point=support_point, email=manager.email, role=Role.MANAGER, actor=actor)
    return NewSupportPoint(support_point, manager, created, not already)
