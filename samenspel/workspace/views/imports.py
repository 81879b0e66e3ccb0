"""Import a support point's list of groups: upload, dry run per row, then import all or only the valid rows."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
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
from samenspel.workspace.models import ImportBatch
from samenspel.workspace.services.imports import import_batch_apply, import_batch_check
from samenspel.workspace.uploads import UploadLimit

SHOWN_ROWS = 500


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Spreadsheet (CSV or .xlsx)"),
        help_text=gettext_lazy("The first row holds the column names. CSV files must be UTF-8."),
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
        created_by=request.user,  # type: ignore[misc]
    )
    remembered = SupportPointSettings.for_support_point(sp).import_mapping
    import_batch_check(batch=batch, mapping=guess_mapping(table.headers, remembered), actor=request.user)
    return redirect("workspace:import_batch", slug=sp.slug, batch_uuid=batch.uuid)


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
        if action == "check":
            form = _mapping_form(batch.headers, batch.mapping, request.POST)
            if form.is_valid():
                mapping = {f: form.cleaned_data[f"map_{f}"] for f in FIELDS if form.cleaned_data[f"map_{f}"]}
                import_batch_check(batch=batch, mapping=mapping, actor=request.user)
            return redirect("workspace:import_batch", slug=slug, batch_uuid=batch.uuid)
        if action in ("import", "import_valid"):
            try:
                counts = import_batch_apply(batch=batch, actor=request.user, only_valid=action == "import_valid")
            except ValidationError as exc:
                errors = [str(m) for m in exc.messages]
            else:
                messages.success(
                    request,
                    _("Imported: %(created)d new, %(updated)d updated, %(skipped)d rows skipped.") % counts,
                )
                return redirect("workspace:dashboard", slug=slug)
    problems = [r for r in batch.results if r["action"] == "error"]
    context = {
        "access": access,
        "sp": access.support_point,
        "batch": batch,
        "mapping_form": _mapping_form(batch.headers, batch.mapping),
        "problems": problems[:SHOWN_ROWS],
        "fine": [r for r in batch.results if r["action"] != "error"][:SHOWN_ROWS],
        "errors": errors,
    }
    return render(request, "workspace/import_batch.html", context, status=400 if errors else 200)


@signed_in
def export_groups(request: HttpRequest, slug: str) -> HttpResponse:
    access = support_point_for_user(request.user, slug)
    sp = access.support_point
    log_action(obj=sp, action="exported", actor=request.user, changes={"groups": [None, "csv"]})
    response = StreamingHttpResponse(groups_csv(sp), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="groepen-{sp.slug}.csv"'
    return response  # type: ignore[return-value]  # streamed: a support point may have thousands of groups
