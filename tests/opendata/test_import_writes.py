"""How the HSDS import writes: through the directory's services, one audit entry per group, all or nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from django.utils import translation

from samenspel.core.models import AuditEntry
from samenspel.directory import services
from samenspel.directory.models import Group, GroupStatusChange, Location, Organisation, Schedule
from samenspel.directory.slugs import unique_slug
from samenspel.opendata import importer, reader
from tests.opendata.test_import import another_directory

pytestmark = pytest.mark.django_db
MAPPING = {"term-mz": "caregivers"}


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    with translation.override("en"):
        yield


def two_groups(**second_changes: Any) -> reader.Package:
    first = another_directory()[0]
    second = another_directory(**({"id": "gemeente-43", "name": "Lotgenoten rouw"} | second_changes))[0]
    return reader.read_bytes(json.dumps([first, second]).encode())


def run(package: reader.Package, support_point: Organisation, actor: Any, **kw: Any) -> importer.Report:
    return importer.Importer(
        support_point=support_point, mapping=kw.pop("mapping", MAPPING), actor=actor, actor_label="test import", **kw
    ).run(package, commit=kw.pop("commit", True))


def group_entries() -> list[tuple[str, str, int | None]]:
    return list(
        AuditEntry.objects.filter(object_type="directory.group")
        .order_by("pk")
        .values_list("object_id", "action", "actor_id")
    )


def test_the_hsds_import_writes_one_audit_entry_per_group_created_with_its_actor(
    reference: None, support_point: Organisation, django_user_model: Any
) -> None:
    editor = django_user_model.objects.create_user(username="importer", email="importer@example.org")
    report = run(two_groups(), support_point, editor)
    assert report.committed and report.created["services"] == 2

    groups = {g.source_id: g for g in Group.objects.all()}
    assert sorted(group_entries()) == sorted(
        [(str(groups["gemeente-42"].pk), "created", editor.pk), (str(groups["gemeente-43"].pk), "created", editor.pk)]
    )
    entry = AuditEntry.objects.get(object_type="directory.group", object_id=str(groups["gemeente-43"].pk))
    assert entry.changes["name_nl"] == [None, "Lotgenoten rouw"]
    # The organisation and the place are audited as created too, and the file keeps its summary entry.
    assert AuditEntry.objects.filter(object_type="directory.organisation", action="created").count() == 1
    assert AuditEntry.objects.filter(object_type="directory.location", action="created").count() == 1
    summary = AuditEntry.objects.get(action="hsds_import")
    assert summary.object_id == str(support_point.pk) and summary.actor_id == editor.pk
    assert summary.changes["created"]["services"] == 2


def test_a_reimport_audits_each_changed_group_once_and_leaves_an_unchanged_one_alone(
    reference: None, support_point: Organisation, django_user_model: Any
) -> None:
    first_actor = django_user_model.objects.create_user(username="first", email="first@example.org")
    second_actor = django_user_model.objects.create_user(username="second", email="second@example.org")
    assert run(two_groups(), support_point, first_actor).committed
    before = len(group_entries())
    history = GroupStatusChange.objects.count()

    same = run(two_groups(), support_point, second_actor)
    assert same.committed and same.updated["services"] == 2 and same.unchanged["services"] == 2
    assert len(group_entries()) == before, "an unchanged group gets no audit entry"
    assert GroupStatusChange.objects.count() == history

    changed = run(
        two_groups(
            name="Lotgenoten bij rouw",
            schedules=[{"id": "s2", "freq": "WEEKLY", "byday": "WE", "opens_at": "10:00", "closes_at": "11:30"}],
        ),
        support_point,
        second_actor,
    )
    assert changed.committed and changed.updated["services"] == 2 and changed.unchanged["services"] == 1
    renamed = Group.objects.get(source_id="gemeente-43")
    new_entries = group_entries()[before:]
    assert new_entries == [(str(renamed.pk), "changed", second_actor.pk)]
    entry = AuditEntry.objects.filter(object_type="directory.group").latest("pk")
    assert entry.changes["name_nl"] == ["Lotgenoten rouw", "Lotgenoten bij rouw"]
    assert [s["weekdays"] for s in entry.changes["schedules"][1]] == [[2]]
    assert [(s.kind, s.weekdays) for s in Schedule.objects.filter(group=renamed)] == [("weekly", [2])]
    assert Group.objects.count() == 2 and Location.objects.count() == 1


def test_a_new_theme_mapping_is_a_change_with_its_own_entry(
    reference: None, support_point: Organisation, django_user_model: Any
) -> None:
    assert run(two_groups(), support_point, None).committed
    report = run(two_groups(), support_point, None, mapping={"term-mz": "grief"})
    assert report.committed and report.unchanged.get("services", 0) == 0
    changes = [e.changes for e in AuditEntry.objects.filter(object_type="directory.group", action="changed")]
    assert len(changes) == 2 and all("themes" in c for c in changes)
    assert {t.slug for g in Group.objects.all() for t in g.themes.all()} == {"grief"}


def test_a_failure_in_the_middle_of_an_hsds_import_writes_nothing(
    reference: None, support_point: Organisation, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_create = services.group_create
    calls = []

    def fail_on_the_second(**kwargs: Any) -> Group:
        calls.append(kwargs["source_id"])
        if len(calls) == 2:
            raise RuntimeError("the disk is full")
        return real_create(**kwargs)

    monkeypatch.setattr(services, "group_create", fail_on_the_second)
    with pytest.raises(RuntimeError):
        run(two_groups(), support_point, None)
    assert calls == ["gemeente-42", "gemeente-43"], "the first group was written before the failure"
    assert not Group.objects.exists()
    assert not Organisation.objects.filter(source_id="org-7").exists()
    assert not Location.objects.exists()
    assert not AuditEntry.objects.exists()


def test_a_refused_row_while_writing_rolls_back_the_rows_before_it(
    reference: None, support_point: Organisation, monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.core.exceptions import ValidationError

    real_create = services.group_create

    def refuse_the_second(**kwargs: Any) -> Group:
        if kwargs["source_id"] == "gemeente-43":
            raise ValidationError({"contact_email": "refused"})
        return real_create(**kwargs)

    monkeypatch.setattr(services, "group_create", refuse_the_second)
    report = run(two_groups(), support_point, None)
    assert not report.committed
    assert [(e.record_type, e.record_id, e.field) for e in report.errors] == [
        ("service", "gemeente-43", "contact_email")
    ]
    assert not Group.objects.exists() and not Location.objects.exists() and not AuditEntry.objects.exists()


def test_one_slug_rule_for_every_writer() -> None:
    taken = {"praatgroep", "praatgroep-2"}
    assert unique_slug("Praatgroep", taken=taken, fallback="groep") == "praatgroep-3"
    assert unique_slug("", taken=set(), fallback="groep") == "groep"
    assert unique_slug("x", taken=set(), fallback="groep", wanted="mijn-groep") == "mijn-groep"
    assert len(unique_slug("a" * 300, taken=set(), fallback="groep")) == 120
