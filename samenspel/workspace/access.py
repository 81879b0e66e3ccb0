"""One access helper per tenant object. Every workspace view goes through these.

Outsiders get 404, so they never learn that a support point, group or question
exists. Someone who may read but not do the thing asked gets 403.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404

from samenspel.directory.models import Group, Organisation
from samenspel.finder.models import Question
from samenspel.workspace.models import (
    WRITE_ROLES,
    ChangeRequest,
    FacilitationRequest,
    GroupContact,
    GroupContactQuerySet,
    ImportBatch,
    Membership,
    MembershipQuerySet,
    Role,
)

QUESTION_SALT = "samenspel.workspace.question"


@dataclass(frozen=True)
class SupportPointAccess:
    support_point: Organisation
    role: Role

    @property
    def can_write(self) -> bool:
        return self.role in WRITE_ROLES

    @property
    def can_manage(self) -> bool:
        return self.role == Role.MANAGER


@dataclass(frozen=True)
class GroupAccess:
    group: Group
    # The role at the group's support point, if any.
    role: Role | None
    is_contact: bool

    @property
    def can_edit(self) -> bool:
        """Contact persons own their entry; editors and managers of the support point help."""
        return self.is_contact or self.role in WRITE_ROLES

    @property
    def can_translate(self) -> bool:
        """Texts in other languages: whoever may edit, and the support point's volunteer translators."""
        return self.can_edit or self.role == Role.TRANSLATOR

    @property
    def translator_only(self) -> bool:
        return self.role == Role.TRANSLATOR and not self.is_contact

    @property
    def can_review(self) -> bool:
        """Only support-point staff decide on changes, so no one approves their own."""
        return self.role in WRITE_ROLES


def support_point_for_user(
    user: Any, slug: str, *, write: bool = False, manage: bool = False, translators: bool = False
) -> SupportPointAccess:
    """`translators`: the page is one a volunteer translator may read too (the translation-wanted list)."""
    membership = (
        Membership.objects.for_user(user)
        .select_related("support_point")
        .filter(support_point__slug=slug, support_point__kind="support_point")
        .first()
    )
    if membership is None:
        raise Http404
    access = SupportPointAccess(membership.support_point, Role(membership.role))
    if (write and not access.can_write) or (manage and not access.can_manage):
        raise PermissionDenied
    if access.role == Role.TRANSLATOR and not translators:
        raise PermissionDenied
    return access


def import_batch_for_user(
    user: Any, slug: str, batch_uuid: Any, *, write: bool = False
) -> tuple[ImportBatch, SupportPointAccess]:
    access = support_point_for_user(user, slug, write=write)
    batch = ImportBatch.objects.filter(uuid=batch_uuid, support_point=access.support_point).first()
    if batch is None:
        raise Http404
    return batch, access


def group_for_user(
    user: Any, group_uuid: Any, *, write: bool = False, review: bool = False, translate: bool = False
) -> GroupAccess:
    """`write`: edit the group (contact persons, editors, managers); `review`: staff-only decisions;
    `translate`: its texts in other languages (also volunteer translators, who may do nothing else)."""
    if not getattr(user, "is_authenticated", False):
        raise Http404
    group = Group.objects.select_related("support_point", "location").filter(uuid=group_uuid).first()
    if group is None:
        raise Http404
    membership = (
        Membership.objects.for_user(user).filter(support_point_id=group.support_point_id).first()
        if group.support_point_id
        else None
    )
    is_contact = GroupContact.objects.for_user(user).filter(group=group).exists()
    if membership is None and not is_contact:
        raise Http404
    access = GroupAccess(group, Role(membership.role) if membership else None, is_contact)
    if (write and not access.can_edit) or (review and not access.can_review):
        raise PermissionDenied
    if (translate and not access.can_translate) or (access.translator_only and not translate):
        raise PermissionDenied
    return access


def change_request_for_user(user: Any, request_uuid: Any, *, review: bool = False) -> tuple[ChangeRequest, GroupAccess]:
    change = ChangeRequest.objects.filter(uuid=request_uuid).select_related("group").first()
    if change is None:
        raise Http404
    return change, group_for_user(user, change.group.uuid, review=review)


def _question_signer() -> signing.Signer:
    # "." rather than ":" keeps the reference plain in a URL path.
    return signing.Signer(salt=QUESTION_SALT, sep=".")


def facilitation_request_for_user(
    user: Any, request_uuid: Any, *, review: bool = False
) -> tuple[FacilitationRequest, GroupAccess]:
    found = FacilitationRequest.objects.filter(uuid=request_uuid).select_related("group").first()
    if found is None:
        raise Http404
    return found, group_for_user(user, found.group.uuid, review=review)


def question_ref(question: Question) -> str:
    """An opaque reference for a question's URL: its id, signed, so ids cannot be counted through."""
    return _question_signer().sign(str(question.pk))


def question_for_user(user: Any, ref: str, *, write: bool = False) -> tuple[Question, GroupAccess]:
    """Readable only by the group's contact persons and its support point's members."""
    try:
        pk = int(_question_signer().unsign(ref))
    except (signing.BadSignature, ValueError):
        raise Http404 from None
    question = Question.objects.filter(pk=pk).select_related("group").first()
    if question is None:
        raise Http404
    return question, group_for_user(user, question.group.uuid, write=write)


def memberships_for_user(user: Any) -> MembershipQuerySet:
    """The support points where this person holds a role, for the home page that lists every room they hold."""
    return Membership.objects.for_user(user).select_related("support_point")


def contacts_for_user(user: Any) -> GroupContactQuerySet:
    """The groups this person is a contact person for, for the home page."""
    return GroupContact.objects.for_user(user).select_related("group")
