"""One table: every learning URL × every persona → the status they get.

Support-point pages follow the workspace: members read, editors and managers write, read-only members 403,
everyone else 404. Attendance is for the run's trainer and the support point's writers. A course page is for
anyone signed in while the course is open; a session's file only for those who may see the course.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import get_resolver, reverse

from samenspel.directory.reference import load_reference_data
from samenspel.learning import intervision, knowledge, projects, services
from samenspel.learning.course_data import load_course_templates
from samenspel.learning.knowledge import load_knowledge_pages
from samenspel.learning.models import Certificate, CourseTemplate, KnowledgePage, Material
from tests.conftest import built_once, make_group, make_location, make_support_point
from tests.learning.conftest import BASIC, plan_run, verified_client
from tests.personas import Personas, client_for, make_other_support_point, make_user

PERSONAS = [
    "anonymous",
    "outsider",
    "participant",
    "trainer",
    "viewer",
    "editor",
    "manager",
    "other_member",
    "contact",
    "staff",
]


def _row(*statuses: int) -> dict[str, int]:
    return dict(zip(PERSONAS, statuses, strict=True))


#                  anon outs part trai view edit mana othe cont staf
SIGNED_IN = _row(302, 200, 200, 200, 200, 200, 200, 200, 200, 200)
SIGNED_IN_POST = _row(302, 302, 302, 302, 302, 302, 302, 302, 302, 302)
WITHDRAW = _row(302, 404, 302, 404, 404, 404, 404, 404, 404, 404)
TRAINER_READ = _row(302, 404, 404, 200, 403, 200, 200, 404, 404, 404)
TRAINER_WRITE = _row(302, 404, 404, 302, 403, 302, 302, 404, 404, 404)
MATERIAL = _row(302, 404, 200, 200, 200, 200, 200, 404, 404, 404)
# The plan is the participant's, shared with the run: its trainer and the support point's members read it.
PLAN_READ = _row(302, 404, 200, 200, 200, 200, 200, 404, 404, 404)
PLAN_WRITE_GET = _row(302, 404, 200, 403, 403, 403, 403, 404, 404, 404)
PLAN_WRITE = _row(302, 404, 302, 403, 403, 403, 403, 404, 404, 404)
# The owner's empty status form is refused with a reason (400); the rest as any write.
PLAN_WRITE_400 = _row(302, 404, 400, 403, 403, 403, 403, 404, 404, 404)
# The participant is a member of the run's intervision group; its trainer and the support point's writers help.
INTERVISION = _row(302, 404, 200, 200, 404, 200, 200, 404, 404, 404)
INTERVISION_WRITE = _row(302, 404, 302, 302, 404, 302, 302, 404, 404, 404)
OWNER = _row(302, 404, 200, 404, 404, 404, 404, 404, 404, 404)
EVERYONE = _row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200)
SP_READ = _row(302, 404, 404, 404, 200, 200, 200, 404, 404, 404)
SP_WRITE_GET = _row(302, 404, 404, 404, 403, 200, 200, 404, 404, 404)
SP_WRITE = _row(302, 404, 404, 404, 403, 302, 302, 404, 404, 404)
# Knowledge pages: platform staff and the editors and managers of any support point change them (a support
# point's change waits for review); only platform staff review.
KNOWLEDGE_EDIT_GET = _row(302, 404, 404, 404, 404, 200, 200, 200, 404, 200)
KNOWLEDGE_EDIT = _row(302, 404, 404, 404, 404, 302, 302, 302, 404, 302)
STAFF_ONLY = _row(302, 404, 404, 404, 404, 404, 404, 404, 404, 200)
STAFF_ONLY_POST = _row(302, 404, 404, 404, 404, 404, 404, 404, 404, 302)

# (url name, method, kwargs kind, post data, expected)
MATRIX: list[tuple[str, str, str, dict[str, Any], dict[str, int]]] = [
    ("mine", "get", "none", {}, SIGNED_IN),
    ("run", "get", "run", {}, SIGNED_IN),
    ("enrol", "post", "run", {}, SIGNED_IN_POST),
    ("withdraw", "post", "run", {}, WITHDRAW),
    ("run_ics", "get", "run", {}, SIGNED_IN),
    # Nobody here attended a session yet: a certificate or an evaluation is refused with a message (302).
    ("certificate_make", "post", "run", {"printed_name": "X"}, WITHDRAW),
    ("evaluate", "post", "run", {"content": 5, "trainers": 5, "useful": 5}, WITHDRAW),
    ("certificate_pdf", "get", "certificate", {}, OWNER),
    ("certificate_check", "get", "certificate", {}, EVERYONE),
    ("knowledge", "get", "none", {}, EVERYONE),
    ("calendar", "get", "none", {}, EVERYONE),
    ("calendar_ics", "get", "none", {}, EVERYONE),
    ("calendar_sp", "get", "sp", {}, EVERYONE),
    ("calendar_sp_ics", "get", "sp", {}, EVERYONE),
    ("knowledge_page", "get", "knowledge", {}, EVERYONE),
    ("knowledge_edit", "get", "knowledge", {}, KNOWLEDGE_EDIT_GET),
    (
        "knowledge_edit",
        "post",
        "knowledge",
        {"language": "nl", "title": "Voor professionals", "summary": "", "body": "Nieuwe tekst."},
        KNOWLEDGE_EDIT,
    ),
    ("knowledge_review", "get", "none", {}, STAFF_ONLY),
    ("knowledge_review_decide", "post", "knowledge_edit", {"decision": "accept"}, STAFF_ONLY_POST),
    ("attendance", "get", "run", {}, TRAINER_READ),
    ("attendance_session", "get", "session", {}, TRAINER_READ),
    ("attendance_session", "post", "session", {"present": []}, TRAINER_WRITE),
    ("material", "get", "material", {}, MATERIAL),
    ("intervision_start", "post", "run", {"name": "Intervisie"}, TRAINER_WRITE),
    ("intervision", "get", "intervision", {}, INTERVISION),
    ("intervision_join", "post", "intervision", {}, WITHDRAW),
    (
        "intervision_meeting",
        "post",
        "intervision",
        {"starts_at": "2027-04-06T19:30", "place": "Buurthuis"},
        INTERVISION_WRITE,
    ),
    ("intervision_note", "post", "intervision", {"text": "Een casus"}, INTERVISION_WRITE),
    ("plans", "get", "none", {}, SIGNED_IN),
    ("plans", "post", "none", {"organisation_name": "Stichting Brug", "title": "Taalcafe"}, SIGNED_IN_POST),
    ("plan", "get", "plan", {}, PLAN_READ),
    ("plan_edit", "get", "plan", {}, PLAN_WRITE_GET),
    ("plan_pdf", "get", "plan", {}, PLAN_READ),
    ("budget_add", "post", "plan", {"kind": "cost", "description": "Huur", "amount": "100"}, PLAN_WRITE),
    ("budget_remove", "post", "budget_line", {}, PLAN_WRITE),
    ("plan_share", "post", "plan", {"run": ""}, PLAN_WRITE),
    ("application_new", "post", "plan_fund", {"amount": "100"}, PLAN_WRITE),
    ("application_update", "post", "application", {}, PLAN_WRITE_400),
    ("funds", "get", "none", {}, SIGNED_IN),
    ("funds_manage", "get", "sp", {}, SP_READ),
    ("funds_manage", "post", "sp", {"name": "Oranje Fonds", "focus": "Meedoen"}, SP_WRITE),
    ("overview", "get", "sp", {}, SP_READ),
    ("template", "get", "template", {}, SP_READ),
    ("template_copy", "post", "template", {}, SP_WRITE),
    ("template_edit", "get", "template", {}, SP_WRITE_GET),
    ("session_edit", "get", "template_session", {}, SP_WRITE_GET),
    ("material_upload", "post", "template_session", {"title": "x"}, SP_WRITE),
    ("run_new", "get", "template", {}, SP_WRITE_GET),
    ("run_manage", "get", "sp_run", {}, SP_READ),
    ("run_status", "post", "sp_run", {"status": "closed"}, SP_WRITE),
    ("run_session_change", "post", "sp_run_session", {"action": "cancel"}, SP_WRITE),
]


def test_the_matrix_covers_every_learning_url() -> None:
    _prefix, namespace = get_resolver().namespace_dict["learning"]
    names = {name for name in namespace.reverse_dict if isinstance(name, str)}
    assert names == {name for name, *_rest in MATRIX}


class _PersonaWorld(dict[str, Any]):
    """The fixtures the personas are built from, each made when a persona first needs it, as the fixtures were."""

    def __missing__(self, name: str) -> Any:
        if name == "persona_group":
            load_reference_data()
            self[name] = make_group(self["support_point"], make_location())
        elif name == "other_support_point":
            self[name] = make_other_support_point()
        else:
            raise KeyError(name)
        return self[name]


def _build() -> dict[str, Any]:
    # The matrix's world, built once for all its URLs instead of once for each: the fixtures of
    # tests/learning/conftest.py (the shipped courses, a trainer), the support point's own copy of the basic course
    # with a hand-out and a run with a participant, their certificate, plan, fund application and intervision group,
    # an editor's proposed knowledge page, and the personas.
    support_point = make_support_point()
    load_course_templates()
    load_knowledge_pages()
    basic_course = CourseTemplate.objects.get(slug=BASIC, support_point__isnull=True)
    trainer = make_user("trainer@training.example.org")
    personas = Personas(world=_PersonaWorld(support_point=support_point))
    own = services.template_copy(template=basic_course, support_point=support_point, actor=None)
    material = services.material_add(
        session=own.sessions.get(number=1),
        title="Hand-out",
        upload=SimpleUploadedFile("h.pdf", b"%PDF hand-out", content_type="application/pdf"),
        actor=None,
    )
    run = plan_run(support_point, own, trainer=trainer)
    participant = make_user("deelnemer@vrijwilligers.example.org")
    services.enrolment_create(run=run, user=participant, actor=participant)
    personas["participant"] = participant
    personas["trainer"] = trainer
    personas.build("viewer", "editor", "manager", "other_member", "contact", "staff", "outsider")
    certificate = Certificate.objects.create(
        user=participant,
        run=run,
        printed_name="Deelnemer",
        course=run.heading(),
        support_point_name=support_point.name,
        first_day=datetime.date(2027, 1, 5),
        last_day=datetime.date(2027, 2, 16),
        sessions_attended=7,
        sessions_total=7,
    )
    plan = projects.plan_create(owner=participant, organisation_name="Stichting Brug", title="Taalcafe", actor=None)
    projects.plan_share(plan=plan, run=run, actor=None)
    line = projects.budget_line_add(plan=plan, kind="cost", description="Huur", amount=Decimal(300), actor=None)
    fund = projects.fund_create(support_point=support_point, actor=None, name="Buurtfonds", focus="Meedoen")
    application = projects.application_create(plan=plan, fund=fund, amount=Decimal(300), actor=None)
    knowledge_edit = knowledge.knowledge_edit_submit(
        page=KnowledgePage.objects.get(slug="voor-professionals"),
        language="en",
        title="For professionals",
        summary="",
        body="A proposed text.",
        actor=personas["editor"],
    )
    group = intervision.intervision_start(run=run, name="Intervisie", actor=None)
    group.members.add(participant)
    personas.build(*PERSONAS)  # and the anonymous visitor (None)
    return {
        "personas": dict(personas),
        "intervision": group,
        "knowledge_edit": knowledge_edit,
        "sp": support_point,
        "template": own,
        "run": run,
        "material": material,
        "certificate": certificate,
        "plan": plan,
        "line": line,
        "fund": fund,
        "application": application,
    }


# Class-scoped: the module's other tests build their own world from the conftest's fixtures.
_world_rows, world = built_once(_build, scope="class")


def _kwargs(kind: str, w: dict[str, Any]) -> dict[str, Any]:
    return {
        "none": {},
        "run": {"run_uuid": w["run"].uuid},
        "session": {"run_uuid": w["run"].uuid, "number": 1},
        "material": {"material_uuid": w["material"].uuid},
        "certificate": {"certificate_uuid": w["certificate"].uuid},
        "plan": {"plan_uuid": w["plan"].uuid},
        "intervision": {"group_uuid": w["intervision"].uuid},
        "knowledge": {"slug": "voor-professionals"},
        "knowledge_edit": {"edit_uuid": w["knowledge_edit"].uuid},
        "budget_line": {"plan_uuid": w["plan"].uuid, "line_id": w["line"].pk},
        "plan_fund": {"plan_uuid": w["plan"].uuid},
        "application": {"application_uuid": w["application"].uuid},
        "sp": {"slug": w["sp"].slug},
        "template": {"slug": w["sp"].slug, "template_uuid": w["template"].uuid},
        "template_session": {"slug": w["sp"].slug, "template_uuid": w["template"].uuid, "number": 1},
        "sp_run": {"slug": w["sp"].slug, "run_uuid": w["run"].uuid},
        "sp_run_session": {"slug": w["sp"].slug, "run_uuid": w["run"].uuid, "number": 2},
    }[kind]


class TestMatrix:
    @pytest.mark.django_db
    @pytest.mark.parametrize(
        ("name", "method", "kind", "data", "expected"), MATRIX, ids=[f"{m[0]}-{m[1]}" for m in MATRIX]
    )
    def test_permission_matrix(
        self,
        name: str,
        method: str,
        kind: str,
        data: dict[str, Any],
        expected: dict[str, int],
        world: dict[str, Any],
    ) -> None:
        personas = world["personas"]
        url = reverse(f"learning:{name}", kwargs=_kwargs(kind, world))
        got: dict[str, int] = {}
        for persona in PERSONAS:
            # Each persona starts from the same data: what one persona's POST changed is rolled back.
            with transaction.atomic():
                # Platform staff pass two-factor, as the knowledge pages' editing asks of them.
                client = verified_client(personas[persona]) if persona == "staff" else client_for(personas[persona])
                if kind == "plan_fund":
                    data = {"fund": world["fund"].pk, "amount": "100"}
                if name == "material_upload":
                    data = {"title": "x", "file": SimpleUploadedFile("x.txt", b"x", content_type="text/plain")}
                response = client.post(url, data) if method == "post" else client.get(url)
                got[persona] = response.status_code
                transaction.set_rollback(True)
        assert got == expected, f"{method.upper()} {url}"


@pytest.mark.django_db
def test_a_draft_course_is_hidden_from_everyone_but_its_support_point_and_trainers(
    support_point: Any, basic_course: Any, trainer: Any, personas: dict[str, Any]
) -> None:
    run = plan_run(support_point, basic_course, trainer=trainer)
    services.run_set_status(run=run, status="draft", actor=None)
    url = reverse("learning:run", args=[run.uuid])
    assert client_for(personas["outsider"]).get(url).status_code == 404
    assert client_for(personas["other_member"]).get(url).status_code == 404
    assert client_for(personas["viewer"]).get(url).status_code == 200
    assert client_for(trainer).get(url).status_code == 200
    assert Material.objects.count() == 0


@pytest.mark.django_db
def test_private_learning_pages_are_not_stored_by_browsers(run: Any, trainer: Any) -> None:
    response = client_for(trainer).get(reverse("learning:attendance", args=[run.uuid]))
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
