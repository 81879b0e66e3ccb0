"""Certificates when attendance meets the course's rule (PDF, chosen name, QR to check), and an anonymous
evaluation whose answers cannot be linked to a participant, shown with the small-number rule (#17 point 3)."""

from __future__ import annotations

import re
from typing import Any

import pypdfium2
import pytest
import zxingcpp
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from samenspel.learning import services
from samenspel.learning.certificates import certificate_html, certificate_pdf, may_have_certificate, verify_url
from samenspel.learning.models import CourseRun, Enrolment, EvaluationCount, EvaluationReceipt
from tests.personas import client_for, make_user

pytestmark = pytest.mark.django_db


def _course_with_attendance(run: CourseRun) -> list[Enrolment]:
    """Eight sign up for six places; over seven sessions four come every time, two miss two sessions."""
    users = [make_user(f"d{i}@vrijwilligers.example.org") for i in range(8)]
    enrolments = [services.enrolment_create(run=run, user=u, actor=u) for u in users]
    placed = enrolments[:6]
    for session in run.sessions.order_by("number"):
        present = {e.pk for e in placed[:4]}
        if session.number not in (2, 5):
            present |= {placed[4].pk, placed[5].pk}
        services.attendance_mark(session=session, present=present, actor=None)
    return enrolments


def _pdf_text_and_qr(pdf: bytes) -> tuple[str, list[str]]:
    document = pypdfium2.PdfDocument(pdf)
    assert len(document) == 1
    text = document[0].get_textpage().get_text_range()
    image = document[0].render(scale=3).to_pil()
    return text, [r.text for r in zxingcpp.read_barcodes(image)]


def test_only_who_attended_six_of_seven_sessions_may_have_a_certificate(run: CourseRun) -> None:
    enrolments = _course_with_attendance(run)
    assert [may_have_certificate(e) for e in enrolments] == [True] * 4 + [False, False] + [False, False]
    with pytest.raises(ValidationError, match="genoeg bijeenkomsten"):
        services.certificate_issue(enrolment=enrolments[4], printed_name="Noor", actor=None)


def test_the_certificate_pdf_shows_the_chosen_name_the_course_the_dates_and_a_qr_code_to_check_it(
    run: CourseRun, client: Any
) -> None:
    first = _course_with_attendance(run)[0]
    browser = client_for(first.user)
    response = browser.post(
        reverse("learning:certificate_make", args=[run.uuid]), {"printed_name": "  Fatima   el Amrani "}
    )
    certificate = first.user.certificates.get()
    assert response.url == reverse("learning:certificate_pdf", args=[certificate.uuid])
    pdf = browser.get(response.url)
    assert pdf["Content-Type"] == "application/pdf" and pdf["Cache-Control"] == "no-store"
    text, codes = _pdf_text_and_qr(pdf.content)
    flat = re.sub(r"\s+", " ", text)
    assert "Fatima el Amrani" in flat
    # In the language the participant reads the site in (here English), the course's name too.
    assert "Basic course for trusted persons" in flat
    assert "from 5 January 2027 to 16 February 2027" in flat
    assert "7 of 7 sessions attended" in flat and "Given by Steunpunt Test" in flat
    assert codes == [verify_url(certificate)]
    # The QR code opens a page anyone can read, showing what the certificate shows.
    check = client_for(None).get(reverse("learning:certificate_check", args=[certificate.uuid]))
    assert check.status_code == 200 and "Fatima el Amrani" in check.content.decode()
    # Another participant cannot open this certificate's PDF.
    other = client_for(make_user("ander@example.org"))
    assert other.get(reverse("learning:certificate_pdf", args=[certificate.uuid])).status_code == 404


def test_asking_again_renames_the_same_certificate(run: CourseRun) -> None:
    first = _course_with_attendance(run)[0]
    a = services.certificate_issue(enrolment=first, printed_name="F. el Amrani", actor=None)
    b = services.certificate_issue(enrolment=first, printed_name="Fatima el Amrani", actor=None)
    assert a.pk == b.pk and b.printed_name == "Fatima el Amrani"
    assert b"Fatima el Amrani" not in certificate_pdf(b)[:0]  # the PDF renders (smoke)


def test_no_evaluation_answer_can_be_linked_to_a_participant() -> None:
    """No row holds one person's answers: only counts per run, question and score; the receipt holds no answer."""
    fields = {f.name: f for f in EvaluationCount._meta.concrete_fields}
    assert set(fields) == {"id", "run", "question", "score", "count"}
    assert not any(isinstance(f, (models.DateField, models.DateTimeField)) for f in fields.values())
    assert {f.name for f in EvaluationReceipt._meta.concrete_fields} == {"id", "enrolment"}
    assert not any(getattr(f, "related_model", None) is EvaluationCount for f in EvaluationReceipt._meta.get_fields())


def test_the_evaluation_is_given_once_by_who_was_there_and_shown_with_small_counts_hidden(
    run: CourseRun, trainer: Any
) -> None:
    enrolments = _course_with_attendance(run)
    for i, e in enumerate(enrolments[:6]):
        services.evaluation_submit(
            enrolment=e, answers={"content": 5 if i < 5 else 3, "trainers": 4, "useful": 5}, actor=e.user
        )
    with pytest.raises(ValidationError):
        services.evaluation_submit(
            enrolment=enrolments[0], answers={"content": 1, "trainers": 1, "useful": 1}, actor=None
        )
    with pytest.raises(ValidationError):  # on the waiting list, never there
        services.evaluation_submit(
            enrolment=enrolments[7], answers={"content": 1, "trainers": 1, "useful": 1}, actor=None
        )
    assert EvaluationReceipt.objects.count() == 6
    # Six evaluations, kept as counts per question and score: no row is one person's answers.
    assert sorted(EvaluationCount.objects.values_list("question", "score", "count")) == [
        ("content", 3, 1),
        ("content", 5, 5),
        ("trainers", 4, 6),
        ("useful", 5, 6),
    ]
    figures = services.evaluation_figures(run)
    [(q, cells, total), *_rest] = figures["rows"]
    # One "3" is "<5"; the five "5"s are hidden too, or the shown total would give the "3" away.
    assert q == "content" and [c.value for c in cells] == [0, 0, None, 0, None] and str(total) == "6"
    assert cells[2].small and cells[4].hidden and not cells[4].small
    page = client_for(trainer).get(reverse("learning:attendance", args=[run.uuid])).content.decode()
    assert "&lt;5" in page and "Answers given: 6" in page


def test_a_wrong_score_is_refused_and_nothing_is_kept(run: CourseRun) -> None:
    first = _course_with_attendance(run)[0]
    with pytest.raises(ValidationError, match="van 1 tot 5"):
        services.evaluation_submit(enrolment=first, answers={"content": 9, "trainers": 4, "useful": 5}, actor=None)
    assert not EvaluationCount.objects.exists() and not EvaluationReceipt.objects.exists()


def test_the_certificate_is_in_the_language_the_participant_chooses(run: CourseRun) -> None:
    """Dutch or English, with the course's name and the months in that language; Arabic right to left."""
    first = _course_with_attendance(run)[0]
    browser = client_for(first.user)
    url = reverse("learning:certificate_make", args=[run.uuid])
    page = browser.get(reverse("learning:run", args=[run.uuid])).content.decode()
    assert 'name="language"' in page and '<option value="en" selected>' in page  # the language they read in

    browser.post(url, {"printed_name": "Noor Bakker", "language": "nl"})
    certificate = first.user.certificates.get()
    assert certificate.language == "nl"
    text, _codes = _pdf_text_and_qr(browser.get(reverse("learning:certificate_pdf", args=[certificate.uuid])).content)
    flat = re.sub(r"\s+", " ", text)
    with translation.override("nl"):
        assert _("This is to certify that") in flat and _("took part in the course") in flat
    assert "Basiscursus vertrouwenspersoon" in flat and "5 januari 2027" in flat and "Noor Bakker" in flat

    browser.post(url, {"printed_name": "نور", "language": "ar"})
    certificate.refresh_from_db()
    assert certificate.language == "ar"
    html = certificate_html(certificate)
    assert '<html lang="ar" dir="rtl">' in html and "<bdi>نور</bdi>" in html
    text, codes = _pdf_text_and_qr(certificate_pdf(certificate))
    assert "نور" in text and "يناير" in text  # the name and the Arabic month, drawn in an Arabic font
    assert codes == [verify_url(certificate)]


def test_a_certificate_in_an_unknown_language_is_refused_and_nothing_is_written(run: CourseRun) -> None:
    first = _course_with_attendance(run)[0]
    with pytest.raises(ValidationError):
        services.certificate_issue(enrolment=first, printed_name="Noor", language="xx", actor=None)
    assert not first.user.certificates.exists()
