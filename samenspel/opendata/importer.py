"""Import HSDS 3.0 into a support point's part of the map: planned first, then written in one transaction.

The steps: read (reader.py) -> plan every record, collecting errors per record (plan.py: type, id, field,
message; new, changed or unchanged per row) -> write the plans through samenspel.directory.services
inside one transaction, the one door every write to the map goes through: one audit entry per
organisation, place and group created or changed (with its actor and a diff), none for what did not
change, and a summary entry for the file on the support point. Any error means nothing is written; a dry
run does the whole write and rolls it back, so it reports exactly what a real import would do. The search
index follows the writes once, when the transaction commits.

Identity: a record whose id is a UUID keeps it as its own UUID (so our own
export imports back unchanged); every imported record also keeps its id in
`source_id`, so importing the same file again updates instead of duplicating.

Themes: terms of another taxonomy must be mapped to a Samenspel theme (the
review step). Unknown terms are listed with suggestions; the import refuses
until each has a mapping ("-" leaves a term out).

Tenants: imported groups belong to the importing support point. A group or a
place that belongs to another support point is never touched; organisations
found already on the map are linked, and only changed by an unscoped
(command-line) import.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from samenspel.core.audit import log_action
from samenspel.directory import services
from samenspel.directory.models import GroupStatus, Location, Organisation, OrganisationKind
from samenspel.directory.slugs import new_slug
from samenspel.opendata.plan import (
    GroupPlan,
    LocationPlan,
    OrganisationPlan,
    Plan,
    Planner,
    Report,
    as_uuid,
    suggest_themes,
)
from samenspel.opendata.reader import Package, Problem

__all__ = ["Importer", "Report", "parse_mapping", "suggest_themes", "support_point_for"]


@dataclasses.dataclass
class Importer:
    support_point: Organisation
    mapping: dict[str, str] = dataclasses.field(default_factory=dict)
    scoped: bool = True  # through an API key: never change what is not this support point's
    actor: Any = None
    actor_label: str = ""

    def run(self, package: Package, *, commit: bool) -> Report:
        report = Report(dry_run=not commit, errors=list(package.problems))
        self.report = report
        if self.support_point.kind != OrganisationKind.SUPPORT_POINT:
            report.errors.append(Problem("organization", str(self.support_point.uuid), "", _("Not a support point.")))
            return report
        plan = Planner(support_point=self.support_point, report=report, mapping=self.mapping, scoped=self.scoped).plan(
            package
        )
        if plan is None or report.errors:
            return report
        try:
            with transaction.atomic():
                if self.support_point.pk is None:
                    # A support point that arrives with the file itself (see support_point_for).
                    self.support_point.save()
                self._write(plan)
                if report.errors or not commit:
                    transaction.set_rollback(True)
        except IntegrityError as exc:
            report.errors.append(Problem("", "", "", _("The database refused the import: %(error)s") % {"error": exc}))
        report.committed = commit and not report.errors
        if not report.committed and commit:
            report.created.clear()
            report.updated.clear()
            report.unchanged.clear()
        return report

    # --- writing: every row through the directory's services -------------------------------------

    def _write(self, plan: Plan) -> None:
        orgs = {p.ref: self._write_organisation(p) for p in plan.organisations}
        places = {p.ref: self._write_location(p) for p in plan.locations}
        for group_plan in plan.groups:
            self._write_group(group_plan, orgs, places)
        log_action(
            obj=self.support_point,
            action="hsds_import",
            actor=self.actor,
            actor_label=self.actor_label,
            changes={
                "created": dict(self.report.created),
                "updated": dict(self.report.updated),
                "unchanged": dict(self.report.unchanged),
            },
        )

    def _count(self, kind: str, action: str) -> None:
        if action == "new":
            self.report.created[kind] += 1
        else:
            self.report.updated[kind] += 1
            if action == "unchanged":
                self.report.unchanged[kind] += 1

    def _refused(self, record_type: str, record_id: str, exc: ValidationError) -> None:
        for field, messages in exc.message_dict.items():
            kind, name = record_type, "" if field == NON_FIELD_ERRORS else field
            if name.startswith("schedules"):  # a meeting time of the group: reported as the schedule's error
                kind, name = "schedule", name.partition(".")[2]
            for message in messages:
                self.report.errors.append(Problem(kind, record_id, name, message))

    def _who(self) -> dict[str, Any]:
        # Rows were checked in the plan; the database's constraints catch the rest and roll it all back.
        return {"actor": self.actor, "actor_label": self.actor_label, "database_checks": False}

    def _write_organisation(self, plan: OrganisationPlan) -> Organisation | None:
        if plan.action == "linked":
            return plan.existing
        try:
            if plan.existing is None:
                organisation = services.organisation_create(**self._who(), **plan.fields)
            else:
                organisation = plan.existing
                services.organisation_update(organisation=organisation, **self._who(), **plan.fields)
        except ValidationError as exc:
            self._refused("organization", plan.ref, exc)
            return plan.existing
        self._count("organizations", plan.action)
        return organisation

    def _write_location(self, plan: LocationPlan) -> Location | None:
        try:
            if plan.existing is None:
                location = services.location_create(**self._who(), check=plan.check, **plan.fields)
            else:
                location = plan.existing
                services.location_update(location=location, **self._who(), check=plan.check, **plan.fields)
        except ValidationError as exc:
            self._refused("location", plan.ref, exc)
            return plan.existing
        self._count("locations", plan.action)
        return location

    def _write_group(
        self, plan: GroupPlan, orgs: dict[str, Organisation | None], places: dict[str, Location | None]
    ) -> None:
        organisation = orgs.get(plan.org_ref) if plan.org_ref else None
        location = places.get(plan.location_ref) if plan.location_ref else None
        try:
            # The same for a new group and a changed one: the file describes the whole group.
            common = {
                "actor": self.actor,
                "actor_label": self.actor_label,
                "database_checks": False,
                "themes": plan.themes,
                "languages": plan.languages,
                "schedules": [
                    spec | ({"location": places.get(ref)} if ref else {})
                    for spec, ref in zip(
                        plan.schedules, plan.schedule_places or [""] * len(plan.schedules), strict=True
                    )
                ],
                "status_reason": _("Imported"),
                "support_point": self.support_point,
                "organisation": organisation,
                "location": location,
            }
            if plan.existing is None:
                fields = dict(plan.fields)
                services.group_create(status=fields.pop("status", GroupStatus.ACTIVE), **common, **fields)
            else:
                services.group_update(group=plan.existing, **common, **plan.fields)
        except ValidationError as exc:
            self._refused("service", plan.ref, exc)
            return
        self._count("services", plan.action)


def parse_mapping(pairs: Iterable[str]) -> dict[str, str]:
    """TERM=THEME pairs (a term's id or code, a theme's slug; "-" leaves the term out; "*" is the default)."""
    mapping: dict[str, str] = {}
    for pair in pairs:
        term, sep, theme = pair.partition("=")
        if not sep or not term.strip() or not theme.strip():
            raise ValueError(pair)
        mapping[term.strip()] = theme.strip()
    return mapping


def support_point_for(ref: str, package: Package) -> Organisation | None:
    """The support point by UUID or slug; one described in the file itself is made (unsaved) from it."""
    record_uuid = as_uuid(ref)
    found = Organisation.objects.filter(uuid=record_uuid).first() if record_uuid else None
    found = found or Organisation.objects.filter(slug=ref).first()
    if found is not None:
        return found
    for record in package.organizations:
        if record.get("id") == ref and record.get("organization_kind") == OrganisationKind.SUPPORT_POINT:
            org = Organisation(
                kind=OrganisationKind.SUPPORT_POINT,
                name=str(record.get("name", ""))[:200],
                slug=new_slug(Organisation, str(record.get("name", "")), fallback="steunpunt", reserved=set()),
                source_id=ref,
            )
            if record_uuid is not None:
                org.uuid = record_uuid
            return org
    return None
