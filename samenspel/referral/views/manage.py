"""What a support point manages: which professionals may refer, allowed domains, its referral contact, figures."""

from __future__ import annotations

from django.contrib import messages
from django.db.models.functions import Substr
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samenspel.core.figures import download, download_links
from samenspel.directory.models import Group
from samenspel.directory.postcodes import in_municipality, municipality_of
from samenspel.referral.figures import figure_tables, referral_figures
from samenspel.referral.forms import DomainForm, FiguresFilterForm, ReferralContactForm
from samenspel.referral.models import (
    AllowedDomain,
    Professional,
    ProfessionalStatus,
    ReferralContact,
    ReferralCount,
)
from samenspel.referral.services import (
    allowed_domain_add,
    allowed_domain_remove,
    professional_decide,
    referral_contact_save,
)
from samenspel.workspace.access import support_point_for_user
from samenspel.workspace.decorators import signed_in


@signed_in
def professionals(request: HttpRequest, slug: str) -> HttpResponse:
    access = support_point_for_user(request.user, slug)
    found = Professional.objects.for_support_point(access.support_point).select_related("user")
    context = {
        "sp": access.support_point,
        "access": access,
        "pending": [p for p in found if p.status == ProfessionalStatus.PENDING],
        "decided": [p for p in found if p.status != ProfessionalStatus.PENDING],
    }
    return render(request, "referral/professionals.html", context)


@signed_in
@require_POST
def professional_decision(request: HttpRequest, slug: str, professional_id: int) -> HttpResponse:
    access = support_point_for_user(request.user, slug, write=True)
    professional = get_object_or_404(Professional.objects.for_support_point(access.support_point), pk=professional_id)
    approve = request.POST.get("action") == "approve"
    professional_decide(
        professional=professional, approve=approve, actor=request.user, absolute_url=request.build_absolute_uri
    )
    messages.success(request, _("Access given.") if approve else _("Access withdrawn."))
    return redirect("referral:professionals", slug=slug)


@signed_in
def referral_settings(request: HttpRequest, slug: str) -> HttpResponse:
    """Allowed e-mail domains and the referral contact. Everyone at the support point reads; managers change."""
    access = support_point_for_user(request.user, slug, manage=request.method == "POST")
    sp = access.support_point
    contact = ReferralContact.objects.filter(support_point=sp).first() or ReferralContact(support_point=sp)
    domain_form = DomainForm(prefix="domain")
    contact_form = ReferralContactForm(instance=contact, prefix="contact")
    status = 200
    if request.method == "POST":
        if "add_domain" in request.POST:
            domain_form = DomainForm(request.POST, prefix="domain")
            if domain_form.is_valid():
                allowed_domain_add(support_point=sp, domain=domain_form.cleaned_data["domain"], actor=request.user)
                messages.success(request, _("Domain added."))
                return redirect("referral:settings", slug=slug)
        else:
            contact_form = ReferralContactForm(request.POST, instance=contact, prefix="contact")
            if contact_form.is_valid():
                referral_contact_save(contact=contact_form.save(commit=False), actor=request.user)
                messages.success(request, _("Saved."))
                return redirect("referral:settings", slug=slug)
        status = 400
    context = {
        "sp": sp,
        "access": access,
        "domains": AllowedDomain.objects.filter(support_point=sp),
        "domain_form": domain_form,
        "contact_form": contact_form,
    }
    return render(request, "referral/settings.html", context, status=status)


@signed_in
@require_POST
def domain_remove(request: HttpRequest, slug: str, domain_id: int) -> HttpResponse:
    access = support_point_for_user(request.user, slug, manage=True)
    allowed = get_object_or_404(AllowedDomain, pk=domain_id, support_point=access.support_point)
    allowed_domain_remove(allowed=allowed, actor=request.user)
    messages.success(request, _("Domain removed."))
    return redirect("referral:settings", slug=slug)


@signed_in
def figures(request: HttpRequest, slug: str) -> HttpResponse:
    """Slips and handovers by month, professional role, theme and municipality, for this support point's groups."""
    access = support_point_for_user(request.user, slug)
    sp = access.support_point
    postcodes_of_groups = (
        Group.objects.for_support_point(sp)
        .annotate(pc4=Substr("location__postcode", 1, 4))
        .values_list("pc4", flat=True)
        .distinct()
    )
    municipalities = sorted({m for m in map(municipality_of, postcodes_of_groups) if m}, key=str.casefold)
    form = FiguresFilterForm(request.GET or None, municipalities=municipalities)
    counts = ReferralCount.objects.filter(group__support_point=sp)
    chosen = form.cleaned_data.get("municipality") if form.is_valid() else ""
    if chosen:
        counts = in_municipality(counts, chosen, postcode_field="group__location__postcode")
    figures = referral_figures(counts)
    tables = figure_tables(
        figures, areas=figures.by_municipality, areas_title=_("By municipality"), areas_key="by-municipality"
    )
    heading = _("Referral figures of %(name)s") % {"name": sp.name}
    if chosen:
        heading += f" ({chosen})"
    intro = [_("Slips made and warm handovers sent to your groups.")]
    found = download(request, heading, intro, tables, f"verwijzingen-{sp.slug}")
    if found is not None:
        return found
    context = {"sp": sp, "form": form, "figures": figures, "tables": tables, "downloads": download_links(request)}
    return render(request, "referral/figures.html", context)
