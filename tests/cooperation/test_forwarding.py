"""Forwarding a citizen's question or a group registration to another support point: the message moves and nothing
more, the sender keeps only "forwarded to", the receiver answers; bad input is refused plainly and changes nothing."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext as _

from samenspel.cooperation import services
from samenspel.cooperation.models import Forward, ForwardedQuestion, ForwardedStatus
from samenspel.core.models import AuditEntry, OutboxMessage
from samenspel.finder.models import Question, QuestionStatus
from samenspel.public_notes.models import Registration, RegistrationStatus
from samenspel.workspace.access import question_ref
from tests.cooperation.conftest import CITIZEN, MESSAGE, make_question
from tests.personas import sign_in

pytestmark = pytest.mark.django_db


def _forward_url(question: Question) -> str:
    return reverse("cooperation:forward_question", kwargs={"ref": question_ref(question)})


def _mails(outbox: list, address: str) -> list:
    return [m for m in outbox if m.to == [address]]


def _nothing_changed(question: Question) -> None:
    question.refresh_from_db()
    assert question.message == MESSAGE and question.reply_email == CITIZEN
    assert question.status == QuestionStatus.NEW
    assert not Forward.objects.exists() and not ForwardedQuestion.objects.exists()
    assert not OutboxMessage.objects.filter(kind="cooperation_forward").exists()


def test_forwarding_moves_the_message_and_the_reply_channel_and_nothing_more(
    client, people, question, other_support_point, mailoutbox
):
    sign_in(client, people["member"])
    response = client.post(_forward_url(question), {"to": other_support_point.slug})
    assert response.status_code == 302

    received = ForwardedQuestion.objects.get()
    assert received.support_point == other_support_point
    assert (received.message, received.reply_by, received.reply_email) == (MESSAGE, "email", CITIZEN)
    assert received.reply_phone == ""
    assert received.delete_after == question.delete_after  # forwarding does not make it live longer
    assert received.forward.about == question.group.name

    question.refresh_from_db()
    assert (question.message, question.reply_email, question.reply_phone) == ("", "", "")
    assert question.status == QuestionStatus.CLOSED

    forward = Forward.objects.get()
    assert (forward.from_support_point, forward.to_support_point) == (question.group.support_point, other_support_point)
    assert forward.forwarded_by == people["member"]
    actions = set(AuditEntry.objects.values_list("object_type", "action"))
    assert {("finder.question", "forwarded"), ("cooperation.forward", "forward")} <= actions

    assert OutboxMessage.objects.filter(kind="cooperation_forward").count() == 1
    (notice,) = _mails(mailoutbox, other_support_point.email)
    assert MESSAGE not in notice.body and CITIZEN not in notice.body  # a notice, never the citizen's words
    assert reverse("cooperation:forwarded_question", kwargs={"question_uuid": received.uuid}) in notice.body


def test_the_sender_sees_forwarded_to_and_no_longer_the_text(client, people, question, other_support_point):
    services.forward_question(question=question, to=other_support_point, actor=people["member"])
    sign_in(client, people["member"])
    page = client.get(reverse("workspace:question", kwargs={"ref": question_ref(question)})).content.decode()
    assert other_support_point.name in page
    assert MESSAGE not in page and CITIZEN not in page
    assert _("Forward to another support point") not in page
    listing = client.get(reverse("cooperation:forwarded", kwargs={"slug": question.group.support_point.slug}))
    assert other_support_point.name in listing.content.decode()


def test_forwarding_twice_doubles_nothing(client, people, question, other_support_point):
    sign_in(client, people["member"])
    for _attempt in range(2):
        assert client.post(_forward_url(question), {"to": other_support_point.slug}).status_code == 302
    assert Forward.objects.count() == ForwardedQuestion.objects.count() == 1
    assert OutboxMessage.objects.filter(kind="cooperation_forward").count() == 1
    assert AuditEntry.objects.filter(action="forward").count() == 1


def test_forwarding_to_a_third_after_the_first_is_refused(
    client, people, question, other_support_point, third_support_point
):
    services.forward_question(question=question, to=other_support_point, actor=None)
    sign_in(client, people["member"])
    response = client.post(_forward_url(question), {"to": third_support_point.slug})
    assert response.status_code == 400
    assert _("This was already forwarded to %(support_point)s.") % {"support_point": other_support_point.name} in (
        response.content.decode()
    )
    assert ForwardedQuestion.objects.get().support_point == other_support_point


def test_forwarding_to_itself_is_refused_in_plain_words(client, people, question):
    sign_in(client, people["member"])
    response = client.post(_forward_url(question), {"to": question.group.support_point.slug})
    assert response.status_code == 400
    assert _("You cannot forward to your own support point.") in response.content.decode()
    _nothing_changed(question)


def test_a_tampered_support_point_is_refused(client, people, question, group):
    group.__class__.objects.filter(pk=group.pk)  # the group is no support point, nor is a made-up slug
    sign_in(client, people["member"])
    for bad in ("steunpunt-bestaat-niet", group.slug, ""):
        response = client.post(_forward_url(question), {"to": bad})
        assert response.status_code == 400
        assert _("Choose a support point from the list.") in response.content.decode() or bad == ""
    _nothing_changed(question)


def test_a_tampered_question_reference_finds_nothing(client, people, question, other_support_point):
    sign_in(client, people["member"])
    ref = question_ref(question)
    for bad in (ref[:-2] + "xx", "1.abc", str(question.pk)):
        response = client.post(f"/werkplek/vraag/{bad}/doorsturen/", {"to": other_support_point.slug})
        assert response.status_code == 404
    _nothing_changed(question)


def test_forwarding_a_question_deleted_since_says_so_and_changes_nothing(client, people, question, other_support_point):
    url = _forward_url(question)
    Question.objects.filter(pk=question.pk).delete()  # its 30 days ended: the daily job purged it
    sign_in(client, people["member"])
    response = client.post(url, {"to": other_support_point.slug})
    assert response.status_code == 410
    assert _("This question was already deleted. Nothing was forwarded.") in response.content.decode()
    assert not Forward.objects.exists() and not OutboxMessage.objects.filter(kind="cooperation_forward").exists()


def test_the_receiving_support_point_sees_it_in_its_inbox_and_answers_it(
    client, people, question, other_support_point, mailoutbox
):
    forward = services.forward_question(question=question, to=other_support_point, actor=None)
    received = forward.question
    sign_in(client, people["other_member"])
    inbox = client.get(reverse("workspace:inbox", kwargs={"slug": other_support_point.slug})).content.decode()
    assert reverse("cooperation:forwarded", kwargs={"slug": other_support_point.slug}) in inbox
    listing = client.get(reverse("cooperation:forwarded", kwargs={"slug": other_support_point.slug})).content.decode()
    assert reverse("cooperation:forwarded_question", kwargs={"question_uuid": received.uuid}) in listing
    url = reverse("cooperation:forwarded_question", kwargs={"question_uuid": received.uuid})
    assert MESSAGE in client.get(url).content.decode()

    response = client.post(url, {"action": "answer", "body": "Bel ons gerust: in Helmond is een groep."})
    assert response.status_code == 302
    (answer,) = _mails(mailoutbox, CITIZEN)
    assert answer.reply_to == [other_support_point.email]  # replies go to the support point that answered
    assert "in Helmond is een groep" in answer.body
    received.refresh_from_db()
    assert received.status == ForwardedStatus.ANSWERED


def test_a_question_without_an_email_cannot_be_answered_by_email(client, people, group, other_support_point):
    q = make_question(group, reply_by="phone", reply_email="", reply_phone="040 1234567")
    received = services.forward_question(question=q, to=other_support_point, actor=None).question
    assert received.reply_phone == "040 1234567"
    sign_in(client, people["other_member"])
    url = reverse("cooperation:forwarded_question", kwargs={"question_uuid": received.uuid})
    client.post(url, {"action": "answer", "body": "Hallo"})
    assert not OutboxMessage.objects.filter(kind="question_reply").exists()


def test_a_registration_moves_to_the_other_support_points_queue(
    client, people, registration, other_support_point, mailoutbox
):
    sender = registration.support_point
    sign_in(client, people["member"])
    url = reverse("cooperation:forward_registration", kwargs={"registration_uuid": registration.uuid})
    response = client.post(url, {"to": other_support_point.slug})
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.support_point == other_support_point
    assert registration.status == RegistrationStatus.PENDING
    forward = Forward.objects.get()
    assert forward.about == ""  # the sender's note keeps no word of the initiator's
    # The sender can no longer open it; a second click says where it went and doubles nothing.
    detail = reverse("public_notes:registration", kwargs={"registration_uuid": registration.uuid})
    assert client.get(detail).status_code == 404
    again = client.post(url, {"to": other_support_point.slug})
    assert again.status_code == 302 and again["Location"].endswith(f"/werkplek/{sender.slug}/doorgestuurd/")
    assert Forward.objects.count() == 1
    assert OutboxMessage.objects.filter(kind="cooperation_forward").count() == 1
    assert len(_mails(mailoutbox, other_support_point.email)) == 1
    (told,) = _mails(mailoutbox, registration.email)
    assert other_support_point.name in told.body
    sign_in(client, people["other_member"])
    queue = client.get(reverse("public_notes:registrations", kwargs={"slug": other_support_point.slug}))
    assert registration.name in queue.content.decode()


def test_a_decided_registration_is_not_forwarded(people, registration, other_support_point):
    Registration.objects.filter(pk=registration.pk).update(status=RegistrationStatus.DECLINED)
    with pytest.raises(ValidationError):
        services.forward_registration(registration=registration, to=other_support_point, actor=None)
    registration.refresh_from_db()
    assert registration.support_point != other_support_point
    assert not Forward.objects.exists()
