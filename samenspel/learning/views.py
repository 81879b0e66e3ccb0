"""The learning room's pages at /leren/: a participant's courses, a trainer's attendance, a support point's
templates and runs. Every view asks access.py first; every write goes through services.py."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from samenspel.core.privacy import protect
from samenspel.learning import certificates, services
from samenspel.learning.access import (
    material_for_user,
    run_for_trainer,
    run_for_user,
    run_of_support_point,
    runs_for_trainer,
    support_point_for_user,
    template_for_support_point,
)
from samenspel.learning.certificates import may_have_certificate
from samenspel.learning.forms import (
    MaterialForm,
    RunForm,
    SessionChangeForm,
    SessionForm,
    StatusForm,
    TemplateForm,
)
from samenspel.learning.ical import run_calendar
from samenspel.learning.models import (
    Attendance,
    Certificate,
    CourseRun,
    CourseTemplate,
    Enrolment,
    EnrolmentStatus,
    RunStatus,
)
from samenspel.workspace.decorators import signed_in

# The evaluation's questions, in the reader's language (answers 1 = poor to 5 = very good).
QUESTIONS = {
    "content": gettext_lazy("The content of the course"),
    "trainers": gettext_lazy("The trainers"),
    "useful": gettext_lazy("What I can do with it in my work as a volunteer"),
}


def _user(request: HttpRequest) -> Any:
    # Every view here is signed in (the decorator), so the user is a real account.
    return request.user


def _reading_language() -> str:
    return (translation.get_language() or "nl").split("-")[0]


def _errors(error: ValidationError) -> list[str]:
    return [str(m) for m in error.messages]


# A participant's pages ---------------------------------------------------------------------------------------


@never_cache
@signed_in
def my_courses(request: HttpRequest) -> HttpResponse:
    mine = list(
        Enrolment.objects.filter(user=_user(request))
        .exclude(status=EnrolmentStatus.WITHDRAWN)
        .select_related("run", "run__support_point", "run__template")
    )
    training = runs_for_trainer(request.user)
    # A course one trains is under "Courses I train", not among those to sign up for.
    taken = {e.run_id for e in mine} | {r.pk for r in training}
    open_runs = [
        r
        for r in CourseRun.objects.filter(status=RunStatus.OPEN).select_related("support_point", "template")
        if r.pk not in taken
    ]
    return render(
        request,
        "learning/my_courses.html",
        {"enrolments": mine, "open_runs": open_runs, "training": training},
    )


@never_cache
@signed_in
def run_detail(request: HttpRequest, run_uuid: Any) -> HttpResponse:
    run = run_for_user(request.user, run_uuid)
    enrolment = Enrolment.objects.filter(run=run, user=_user(request)).first()
    if enrolment is not None and enrolment.status == EnrolmentStatus.WITHDRAWN:
        enrolment = None
    sessions = list(run.sessions.select_related("template_session").order_by("number"))
    has_place = enrolment is not None and enrolment.status == EnrolmentStatus.ENROLLED
    materials = {}
    if has_place:
        for s in sessions:
            if s.template_session is not None:
                materials[s.pk] = list(s.template_session.materials.all())
    certificate = Certificate.objects.filter(user=_user(request), run=run).first()
    context = {
        "run": run,
        "template": run.template,
        "may_certify": may_have_certificate(enrolment),
        "certificate": certificate,
        "certificate_language": certificate.language if certificate else _reading_language(),
        "may_evaluate": services.may_evaluate(enrolment),
        "questions": QUESTIONS,
        "sessions": [(s, materials.get(s.pk, [])) for s in sessions],
        "enrolment": enrolment,
        "position": services.waiting_position(enrolment)
        if enrolment is not None and enrolment.status == EnrolmentStatus.WAITING
        else None,
        "free": max(run.capacity - services.enrolled_count(run), 0),
        "has_place": has_place,
        "intervision_groups": [
            (g, g.members.filter(pk=_user(request).pk).exists()) for g in run.intervision_groups.all()
        ],
    }
    return render(request, "learning/run.html", context)


@signed_in
@require_POST
def enrol(request: HttpRequest, run_uuid: Any) -> HttpResponse:
    run = run_for_user(request.user, run_uuid)
    try:
        enrolment = services.enrolment_create(run=run, user=request.user, actor=request.user)
    except ValidationError as error:
        for text in _errors(error):
            messages.error(request, text)
    else:
        if enrolment.status == EnrolmentStatus.ENROLLED:
            messages.success(request, _("You are enrolled. We sent you an e-mail with the dates."))
        else:
            messages.info(request, _("The course is full. You are on the waiting list; we sent you an e-mail."))
    return redirect("learning:run", run_uuid=run.uuid)


@signed_in
@require_POST
def certificate_make(request: HttpRequest, run_uuid: Any) -> HttpResponse:
    run = run_for_user(request.user, run_uuid)
    enrolment = Enrolment.objects.filter(run=run, user=_user(request)).first()
    if enrolment is None:
        raise Http404
    try:
        certificate = services.certificate_issue(
            enrolment=enrolment,
            printed_name=request.POST.get("printed_name", ""),
            # The chosen language, else the one the participant reads the site in.
            language=request.POST.get("language") or _reading_language(),
            actor=request.user,
        )
    except ValidationError as error:
        for text in _errors(error):
            messages.error(request, text)
        return redirect("learning:run", run_uuid=run.uuid)
    return redirect("learning:certificate_pdf", certificate_uuid=certificate.uuid)


@signed_in
def certificate_pdf(request: HttpRequest, certificate_uuid: Any) -> HttpResponse:
    certificate = Certificate.objects.filter(uuid=certificate_uuid, user=_user(request)).first()
    if certificate is None:
        raise Http404
    response = HttpResponse(certificates.certificate_pdf(certificate), content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="certificate.pdf"'
    response["Cache-Control"] = "no-store"
    return response


@never_cache
def certificate_check(request: HttpRequest, certificate_uuid: Any) -> HttpResponse:
    """Public: what the QR code on a certificate opens. Only what the certificate itself shows."""
    certificate = Certificate.objects.filter(uuid=certificate_uuid).first()
    if certificate is None:
        raise Http404
    return render(request, "learning/certificate_check.html", {"certificate": certificate})


@signed_in
@require_POST
def evaluate(request: HttpRequest, run_uuid: Any) -> HttpResponse:
    run = run_for_user(request.user, run_uuid)
    enrolment = Enrolment.objects.filter(run=run, user=_user(request)).first()
    if enrolment is None:
        raise Http404
    try:
        answers = {q: int(request.POST.get(q, "0")) for q in services.EVALUATION_QUESTIONS}
    except ValueError:
        answers = {}
    try:
        services.evaluation_submit(enrolment=enrolment, answers=answers, actor=request.user)
    except ValidationError as error:
        for text in _errors(error):
            messages.error(request, text)
    else:
        messages.success(request, _("Thank you. Your answers are kept without your name."))
    return redirect("learning:run", run_uuid=run.uuid)


@signed_in
@require_POST
def withdraw(request: HttpRequest, run_uuid: Any) -> HttpResponse:
    run = run_for_user(request.user, run_uuid)
    enrolment = Enrolment.objects.filter(run=run, user=_user(request)).first()
    if enrolment is None:
        raise Http404
    services.enrolment_withdraw(enrolment=enrolment, actor=request.user)
    messages.success(request, _("You withdrew from the course."))
    return redirect("learning:run", run_uuid=run.uuid)


@signed_in
def run_ics(request: HttpRequest, run_uuid: Any) -> HttpResponse:
    run = run_for_user(request.user, run_uuid)
    url = request.build_absolute_uri(reverse("learning:run", kwargs={"run_uuid": run.uuid}))
    response = HttpResponse(run_calendar(run, url=url), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="course.ics"'
    response["Cache-Control"] = "no-store"
    return response


@signed_in
def material(request: HttpRequest, material_uuid: Any) -> HttpResponse:
    found = material_for_user(request.user, material_uuid)
    response = HttpResponse(bytes(found.data), content_type=found.content_type)
    response["Content-Disposition"] = f'attachment; filename="{found.filename.replace(chr(34), "")}"'
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


# The trainer's pages ----------------------------------------------------------------------------------------


@never_cache
@signed_in
def attendance(request: HttpRequest, run_uuid: Any) -> HttpResponse:
    run = run_for_trainer(request.user, run_uuid)
    sessions = (
        run.sessions.select_related("template_session")
        .order_by("number")
        .annotate(
            present=Count("attendance", filter=Q(attendance__present=True)),
            marked=Count("attendance"),
        )
    )
    participants = list(
        run.enrolments.filter(status=EnrolmentStatus.ENROLLED)
        .select_related("user")
        .annotate(attended=Count("attendance", filter=Q(attendance__present=True)))
        .order_by("user__email")
    )
    return render(
        request,
        "learning/attendance.html",
        {
            "run": run,
            "sessions": sessions,
            "participants": participants,
            "required": run.template.required_sessions(),
            "waiting": run.enrolments.filter(status=EnrolmentStatus.WAITING).count(),
            "evaluation": services.evaluation_figures(run),
            "questions": QUESTIONS,
            "intervision_groups": run.intervision_groups.all(),
        },
    )


@never_cache
@signed_in
@require_http_methods(["GET", "POST"])
def attendance_session(request: HttpRequest, run_uuid: Any, number: int) -> HttpResponse:
    run = run_for_trainer(request.user, run_uuid)
    session = run.sessions.select_related("template_session").filter(number=number).first()
    if session is None:
        raise Http404
    participants = list(
        run.enrolments.filter(status=EnrolmentStatus.ENROLLED).select_related("user").order_by("user__email")
    )
    errors: list[str] = []
    if request.method == "POST":
        try:
            present = {int(v) for v in request.POST.getlist("present")}
        except ValueError:
            present = {-1}
        try:
            services.attendance_mark(session=session, present=present, actor=request.user)
        except ValidationError as error:
            errors = _errors(error)
        else:
            messages.success(request, _("Attendance saved."))
            return redirect("learning:attendance", run_uuid=run.uuid)
    marks = {a.enrolment_id: a.present for a in Attendance.objects.filter(session=session)}
    return render(
        request,
        "learning/attendance_session.html",
        {
            "run": run,
            "session": session,
            "rows": [(e, marks.get(e.pk)) for e in participants],
            "errors": errors,
        },
        status=400 if errors else 200,
    )


# The support point's pages ----------------------------------------------------------------------------------


@never_cache
@signed_in
def overview(request: HttpRequest, slug: str) -> HttpResponse:
    access = support_point_for_user(request.user, slug)
    templates = list(CourseTemplate.objects.usable_by(access.support_point).annotate(n_sessions=Count("sessions")))
    runs: list[Any] = list(
        CourseRun.objects.for_support_point(access.support_point)
        .select_related("template")
        .annotate(
            n_enrolled=Count("enrolments", filter=Q(enrolments__status=EnrolmentStatus.ENROLLED)),
            n_waiting=Count("enrolments", filter=Q(enrolments__status=EnrolmentStatus.WAITING)),
        )
    )
    # Figures about people: counts of 1 to 4 are "<5", with the totals protected too.
    figures = protect([[r.n_enrolled, r.n_waiting] for r in runs], column_totals=True) if runs else None
    return render(
        request,
        "learning/overview.html",
        {
            "sp": access.support_point,
            "access": access,
            "templates": templates,
            "runs": [(r, figures.cells[i]) for i, r in enumerate(runs)] if figures else [],
            "totals": figures.column_totals if figures else [],
        },
    )


@never_cache
@signed_in
def template_detail(request: HttpRequest, slug: str, template_uuid: Any) -> HttpResponse:
    access = support_point_for_user(request.user, slug)
    template = template_for_support_point(access, template_uuid)
    sessions = list(template.sessions.prefetch_related("materials"))
    return render(
        request,
        "learning/template.html",
        {
            "sp": access.support_point,
            "access": access,
            "template": template,
            "sessions": sessions,
            "own": template.support_point_id == access.support_point.pk,
            "material_form": MaterialForm(),
        },
    )


@signed_in
@require_POST
def template_copy(request: HttpRequest, slug: str, template_uuid: Any) -> HttpResponse:
    access = support_point_for_user(request.user, slug, write=True)
    template = template_for_support_point(access, template_uuid)
    copy = services.template_copy(template=template, support_point=access.support_point, actor=request.user)
    messages.success(request, _("This is your own copy. You can change it."))
    return redirect("learning:template", slug=slug, template_uuid=copy.uuid)


def _own_template(request: HttpRequest, slug: str, template_uuid: Any) -> tuple[Any, CourseTemplate]:
    access = support_point_for_user(request.user, slug, write=True)
    template = template_for_support_point(access, template_uuid)
    if template.support_point_id != access.support_point.pk:
        # A shipped template is the platform's: a support point changes its own copy.
        raise PermissionDenied
    return access, template


@never_cache
@signed_in
@require_http_methods(["GET", "POST"])
def template_edit(request: HttpRequest, slug: str, template_uuid: Any) -> HttpResponse:
    access, template = _own_template(request, slug, template_uuid)
    form = TemplateForm(request.POST or None, instance=CourseTemplate.objects.get(pk=template.pk))
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        services.template_update(template=template, actor=request.user, **fields)
        messages.success(request, _("Saved."))
        return redirect("learning:template", slug=slug, template_uuid=template.uuid)
    return render(
        request,
        "learning/form.html",
        {
            "sp": access.support_point,
            "form": form,
            "title": template.title,
            "back": reverse("learning:template", args=[slug, template.uuid]),
        },
        status=400 if form.errors else 200,
    )


@never_cache
@signed_in
@require_http_methods(["GET", "POST"])
def session_edit(request: HttpRequest, slug: str, template_uuid: Any, number: int) -> HttpResponse:
    access, template = _own_template(request, slug, template_uuid)
    session = template.sessions.filter(number=number).first()
    if session is None:
        raise Http404
    form = SessionForm(request.POST or None, instance=type(session).objects.get(pk=session.pk))
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        services.session_update(session=session, actor=request.user, **fields)
        messages.success(request, _("Saved."))
        return redirect("learning:template", slug=slug, template_uuid=template.uuid)
    return render(
        request,
        "learning/form.html",
        {
            "sp": access.support_point,
            "form": form,
            "title": str(session),
            "back": reverse("learning:template", args=[slug, template.uuid]),
        },
        status=400 if form.errors else 200,
    )


@signed_in
@require_POST
def material_upload(request: HttpRequest, slug: str, template_uuid: Any, number: int) -> HttpResponse:
    access, template = _own_template(request, slug, template_uuid)
    session = template.sessions.filter(number=number).first()
    if session is None:
        raise Http404
    form = MaterialForm(request.POST, request.FILES)
    errors: list[str] = []
    if form.is_valid():
        try:
            services.material_add(
                session=session, title=form.cleaned_data["title"], upload=form.cleaned_data["file"], actor=request.user
            )
        except ValidationError as error:
            errors = _errors(error)
        else:
            messages.success(request, _("The file was added."))
            return redirect("learning:template", slug=slug, template_uuid=template.uuid)
    else:
        errors = [str(e) for field_errors in form.errors.values() for e in field_errors]
    return render(
        request,
        "learning/template.html",
        {
            "sp": access.support_point,
            "access": access,
            "template": template,
            "sessions": list(template.sessions.prefetch_related("materials")),
            "own": True,
            "material_form": form,
            "upload_errors": errors,
            "upload_session": number,
        },
        status=400,
    )


@never_cache
@signed_in
@require_http_methods(["GET", "POST"])
def run_new(request: HttpRequest, slug: str, template_uuid: Any) -> HttpResponse:
    access = support_point_for_user(request.user, slug, write=True)
    template = template_for_support_point(access, template_uuid)
    form = RunForm(request.POST or None, template=template)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            run = services.run_create(
                support_point=access.support_point,
                template=template,
                title=data["title"],
                language=data["language"],
                online=data["online"],
                place=data["place"],
                capacity=data["capacity"],
                in_calendar=data["in_calendar"],
                trainer_emails=data["trainers"],
                session_starts=form.session_starts(),
                actor=request.user,
            )
        except ValidationError as error:
            errors = _errors(error)
        else:
            messages.success(request, _("The course is planned as a draft. Open it for enrolment when it is ready."))
            return redirect("learning:run_manage", slug=slug, run_uuid=run.uuid)
    return render(
        request,
        "learning/run_new.html",
        {"sp": access.support_point, "template": template, "form": form, "errors": errors},
        status=400 if request.method == "POST" else 200,
    )


@never_cache
@signed_in
def run_manage(request: HttpRequest, slug: str, run_uuid: Any) -> HttpResponse:
    access = support_point_for_user(request.user, slug)
    run = run_of_support_point(access, run_uuid)
    enrolments = list(run.enrolments.select_related("user").order_by("status", "created_at"))
    return render(
        request,
        "learning/run_manage.html",
        {
            "sp": access.support_point,
            "access": access,
            "run": run,
            "sessions": run.sessions.select_related("template_session").order_by("number"),
            "enrolments": enrolments,
            "statuses": RunStatus.choices,
            "trainers": list(run.trainers.all()),
        },
    )


@signed_in
@require_POST
def run_session_change(request: HttpRequest, slug: str, run_uuid: Any, number: int) -> HttpResponse:
    """Move a session to another date and time, or cancel it; who has a place gets a mail with the new .ics."""
    access = support_point_for_user(request.user, slug, write=True)
    run = run_of_support_point(access, run_uuid)
    session = run.sessions.filter(number=number).first()
    if session is None:
        raise Http404
    form = SessionChangeForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
    else:
        try:
            if form.cleaned_data["action"] == "cancel":
                services.session_cancel(session=session, actor=request.user)
                messages.success(request, _("The session is cancelled. The participants get an e-mail."))
            else:
                services.session_move(session=session, starts_at=form.cleaned_data["starts_at"], actor=request.user)
                messages.success(request, _("The session is moved. The participants get an e-mail."))
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
    return redirect("learning:run_manage", slug=slug, run_uuid=run.uuid)


@signed_in
@require_POST
def run_status(request: HttpRequest, slug: str, run_uuid: Any) -> HttpResponse:
    access = support_point_for_user(request.user, slug, write=True)
    run = run_of_support_point(access, run_uuid)
    form = StatusForm(request.POST)
    if form.is_valid():
        services.run_set_status(run=run, status=form.cleaned_data["status"], actor=request.user)
        messages.success(request, _("Status changed."))
    return redirect("learning:run_manage", slug=slug, run_uuid=run.uuid)
