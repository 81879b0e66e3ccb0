"""Import a support point's list of groups: upload, dry run per row, then import all or only the valid rows."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from samenspel.core.audit import log_action
from samenspel.directory.models import SupportPointSettings
from samenspel.workspace.access import import_batch_for_user, support_point_for_user
from samenspel.workspace.decorators import signed_in
from samenspel.workspace.exports import groups_csv
from samenspel.workspace.importer import FIELDS, MAX_UPLOAD_BYTES, ImportFileError, guess_mapping, read_table
from samenspel.workspace.importing import files
from samenspel.workspace.models import ImportBatch, ImportState
from samenspel.workspace.services.imports import import_batch_accept, import_batch_check, import_batch_queue
from samenspel.workspace.uploads import UploadLimit

SHOWN_ROWS = 500


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Spreadsheet"),
        help_text=gettext_lazy(
            "CSV, Excel (.xlsx) or OpenDocument (.ods). Title rows above the column names are fine."
        ),
    )


def _mapping_form(headers: list[str], mapping: dict[str, str], data: Any = None) -> forms.Form:
    choices = [("", _("(not in the file)")), *((h, h) for h in headers)]
    form = forms.Form(data)
    for field, label in FIELDS.items():
        form.fields[f"map_{field}"] = forms.ChoiceField(label=label, choices=choices, required=False)
        form.initial[f"map_{field}"] = mapping.get(field, "")
    return form


@csrf_exempt  # the CSRF check reads the body; it runs below, once the upload limit is in place
@signed_in
def import_upload(request: HttpRequest, slug: str) -> HttpResponse:
    access = support_point_for_user(request.user, slug, write=request.method == "POST")
    if request.method != "POST":
        return _upload_page(request, access, UploadForm())
    limit = UploadLimit(request, limit=MAX_UPLOAD_BYTES)
    if limit.declared_too_big():
        # Refused from the declared length alone: not one byte of the body is read.
        return _upload_page(request, access, UploadForm(), too_big=True)
    request.upload_handlers.insert(0, limit)  # type: ignore[union-attr]  # a list until the body is read
    return _import_upload_post(request, access, limit)


@csrf_protect
def _import_upload_post(request: HttpRequest, access: Any, limit: UploadLimit) -> HttpResponse:
    sp = access.support_point
    files = request.FILES  # reads the body (if the CSRF check has not already), through the limit
    if limit.too_big:  # the file stopped streaming in at the limit, and what had come in is deleted
        return _upload_page(request, access, UploadForm(), too_big=True)
    form = UploadForm(request.POST, files)
    if not form.is_valid():
        return _upload_page(request, access, form)
    upload = form.cleaned_data["file"]
    try:
        table = read_table(upload)
    except ImportFileError as exc:
        form.add_error("file", str(exc))
        return _upload_page(request, access, form, status=400)
    batch = ImportBatch.objects.create(
        support_point=sp,
        filename=(upload.name or "")[:200],
        headers=table.headers,
        rows=table.rows,
        row_numbers=list(getattr(table, "row_numbers", None) or []),
        file_info=_file_info(table),
        progress_total=len(table.rows),
        created_by=request.user,  # type: ignore[misc]
    )
    remembered = SupportPointSettings.for_support_point(sp).import_mapping
    import_batch_check(batch=batch, mapping=guess_mapping(table.headers, remembered), actor=request.user)
    return redirect("workspace:import_batch", slug=sp.slug, batch_uuid=batch.uuid)


def _file_info(table: Any) -> dict[str, Any]:
    """How the file was read, to show on the check page (nothing is guessed silently)."""
    info: dict[str, Any] = {}
    for name in ("encoding", "delimiter", "header_row", "file_format"):
        value = getattr(table, name, None)
        if value not in (None, ""):
            info[name] = value
    described = getattr(table, "described", None)
    if callable(described):
        info["described"] = str(described())
    return info


def _upload_page(
    request: HttpRequest, access: Any, form: UploadForm, *, too_big: bool = False, status: int = 200
) -> HttpResponse:
    limit_mb = MAX_UPLOAD_BYTES // (1024 * 1024)
    errors = []
    if too_big:
        errors.append(_("The file is too big. The limit is %(limit)d MB.") % {"limit": limit_mb})
        status = 413
    context = {"access": access, "sp": access.support_point, "form": form, "limit_mb": limit_mb, "errors": errors}
    return render(request, "workspace/import_upload.html", context, status=status)


@signed_in
def import_batch(request: HttpRequest, slug: str, batch_uuid: Any) -> HttpResponse:
    batch, access = import_batch_for_user(request.user, slug, batch_uuid, write=request.method == "POST")
    errors: list[str] = []
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action == "check":
                form = _mapping_form(batch.headers, batch.mapping, request.POST)
                if form.is_valid():
                    mapping = {f: form.cleaned_data[f"map_{f}"] for f in FIELDS if form.cleaned_data[f"map_{f}"]}
                    import_batch_check(batch=batch, mapping=mapping, actor=request.user)
                return redirect("workspace:import_batch", slug=slug, batch_uuid=batch.uuid)
            if action == "choices":
                import_batch_accept(
                    batch=batch,
                    accepted=request.POST.getlist("accept"),
                    without_schedule=[int(n) for n in request.POST.getlist("without_schedule") if n.isdigit()],
                    actor=request.user,
                )
                return redirect("workspace:import_batch", slug=slug, batch_uuid=batch.uuid)
            if action in ("import", "import_valid"):
                import_batch_queue(batch=batch, actor=request.user, only_valid=action == "import_valid")
                return redirect("workspace:import_batch", slug=slug, batch_uuid=batch.uuid)
        except ValidationError as exc:
            errors = [str(m) for m in exc.messages]
    results = batch.results
    suggestions: dict[str, dict[str, Any]] = {}
    for r in results:
        for s in r.get("suggestions", ()):
            suggestions.setdefault(s["word"], s | {"rows": []})["rows"].append(r["row"])
    counts = {a: batch.count(a) for a in ("new", "update", "unchanged", "error")}
    context = {
        "access": access,
        "sp": access.support_point,
        "batch": batch,
        "counts": counts,
        "done_counts": batch.options.get("counts"),
        "mapping_form": _mapping_form(batch.headers, batch.mapping),
        "problems": [r for r in results if r["action"] == "error"][:SHOWN_ROWS],
        "fine": [r for r in results if r["action"] != "error"][:SHOWN_ROWS],
        "unread": [r for r in results if r.get("schedule_text")][:SHOWN_ROWS],
        "suggestions": list(suggestions.values()),
        "without_schedule": set(batch.options.get("without_schedule", [])),
        "errors": errors,
        "refresh": batch.busy,
    }
    return render(request, "workspace/import_batch.html", context, status=400 if errors else 200)


@signed_in
def import_status(request: HttpRequest, slug: str, batch_uuid: Any) -> HttpResponse:
    """The batch's progress as JSON, for the page's small script (the page refreshes itself without it)."""
    batch, _access = import_batch_for_user(request.user, slug, batch_uuid)
    return JsonResponse(
        {"state": batch.state, "done": batch.progress_done, "total": batch.progress_total, "busy": batch.busy}
    )


@signed_in
def import_report(request: HttpRequest, slug: str, batch_uuid: Any) -> HttpResponse:
    batch, _access = import_batch_for_user(request.user, slug, batch_uuid)
    body = files.report_csv(batch.results, imported=batch.state == ImportState.DONE)
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="importverslag-{batch.uuid}.csv"'
    return response


@signed_in
def import_template(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    support_point_for_user(request.user, slug)
    if kind not in ("csv", "xlsx"):
        raise Http404
    if kind == "xlsx":
        body = files.template_xlsx()
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        body, content_type = files.template_csv(), "text/csv; charset=utf-8"
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="groepen-sjabloon.{"xlsx" if kind == "xlsx" else "csv"}"'
    return response


@signed_in
def export_groups(request: HttpRequest, slug: str) -> HttpResponse:
    access = support_point_for_user(request.user, slug)
    sp = access.support_point
    log_action(obj=sp, action="exported", actor=request.user, changes={"groups": [None, "csv"]})
    response = StreamingHttpResponse(groups_csv(sp), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="groepen-{sp.slug}.csv"'
    return response  # type: ignore[return-value]  # streamed: a support point may have thousands of groups
