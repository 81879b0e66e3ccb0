"""The certificate: who may have one (the template's attendance rule), and its PDF with a QR code to verify it.

The PDF is rendered by WeasyPrint from one HTML string with the stylesheet inline and the QR code as inline SVG,
so it loads nothing at all (the fetcher refuses every address).
"""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from samenspel.core.printing import RTL_LANGUAGES, qr_svg, render_pdf
from samenspel.learning.models import Certificate, Enrolment, EnrolmentStatus


def sessions_attended(enrolment: Enrolment) -> int:
    return enrolment.attendance.filter(present=True).count()


def may_have_certificate(enrolment: Enrolment | None) -> bool:
    """A participant with a place who attended as many sessions as the template asks."""
    if enrolment is None or enrolment.status != EnrolmentStatus.ENROLLED:
        return False
    return sessions_attended(enrolment) >= enrolment.run.template.required_sessions()


def verify_url(certificate: Certificate) -> str:
    return settings.SITE_URL + reverse("learning:certificate_check", kwargs={"certificate_uuid": certificate.uuid})


def certificate_html(certificate: Certificate) -> str:
    """The certificate in the language the participant chose for it (right to left for Arabic and Persian)."""
    url = verify_url(certificate)
    language = certificate.language or settings.LANGUAGE_CODE
    with translation.override(language):
        return render_to_string(
            "learning/certificate_pdf.html",
            {
                "certificate": certificate,
                "qr": qr_svg(url),
                "url": url,
                "today": timezone.localdate(),
                "language": language,
                "rtl": language in RTL_LANGUAGES,
            },
        )


def certificate_pdf(certificate: Certificate) -> bytes:
    return render_pdf(certificate_html(certificate))
