from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from samenspel.workspace.access import group_for_user, question_for_user, question_ref, support_point_for_user
from samenspel.workspace.models import Membership, Role
from tests.personas import make_user


def test_an_outsider_does_not_learn_that_a_support_point_exists(support_point):
    with pytest.raises(Http404):
        support_point_for_user(make_user("x@example.org"), support_point.slug)


def test_a_read_only_member_may_read_but_not_write(support_point, member):
    viewer = member(Role.VIEWER)
    assert support_point_for_user(viewer, support_point.slug).role == Role.VIEWER
    with pytest.raises(PermissionDenied):
        support_point_for_user(viewer, support_point.slug, write=True)


def test_an_editor_writes_but_only_a_manager_manages(support_point, member):
    editor = member(Role.EDITOR)
    assert support_point_for_user(editor, support_point.slug, write=True).can_write
    with pytest.raises(PermissionDenied):
        support_point_for_user(editor, support_point.slug, manage=True)


def test_one_person_holds_roles_at_several_support_points(support_point, other_support_point, member):
    user = member(Role.VIEWER)
    Membership.objects.create(user=user, support_point=other_support_point, role=Role.MANAGER)
    assert support_point_for_user(user, support_point.slug).role == Role.VIEWER
    assert support_point_for_user(user, other_support_point.slug, manage=True).role == Role.MANAGER


def test_a_contact_person_edits_their_group_but_does_not_review(group, contact):
    access = group_for_user(contact, group.uuid, write=True)
    assert access.is_contact
    with pytest.raises(PermissionDenied):
        group_for_user(contact, group.uuid, review=True)


def test_a_contact_person_of_another_group_gets_404(personas, group):
    with pytest.raises(Http404):
        group_for_user(personas["other_contact"], group.uuid)


def test_a_question_is_readable_only_by_its_group_and_support_point(personas, question):
    ref = question_ref(question)
    for name in ("contact", "viewer", "editor", "manager"):
        assert question_for_user(personas[name], ref)[0] == question
    for name in ("outsider", "other_member", "other_contact"):
        with pytest.raises(Http404):
            question_for_user(personas[name], ref)


def test_a_tampered_question_reference_is_404(personas, question):
    ref = question_ref(question)
    number, signature = ref.split(".", 1)
    with pytest.raises(Http404):
        question_for_user(personas["manager"], f"{int(number) + 1}.{signature}")
