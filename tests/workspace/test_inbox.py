from __future__ import annotations

from django.core import mail

from samenspel.core.models import AuditEntry
from samenspel.finder.models import Question
from samenspel.workspace.access import question_ref
from samenspel.workspace.models import Role
from tests.workspace.conftest import sign_in


def test_a_contact_person_reads_the_question_of_their_group(client, contact, question):
    sign_in(client, contact)
    response = client.get(f"/werkplek/vraag/{question_ref(question)}/")
    assert response.status_code == 200
    assert "Mag ik komen kijken?" in response.content.decode()


def test_the_reply_comes_from_the_platform_and_replies_go_to_the_support_point(client, contact, question):
    sign_in(client, contact)
    response = client.post(f"/werkplek/vraag/{question_ref(question)}/antwoorden/", {"body": "Welkom donderdag!"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["bezoeker@example.org"]
    assert message.from_email == "Samenspel <noreply@samenspel.invalid>"
    assert message.reply_to == ["info@steunpunt.example.org"]
    assert "contact@example.org" not in str(message.message())
    question.refresh_from_db()
    assert question.status == "answered"
    entry = AuditEntry.objects.get(object_type="finder.question", action="status")
    # The log says that it was answered, not what was said.
    assert "Welkom" not in str(entry.changes)


def test_a_question_without_an_e_mail_address_cannot_be_answered_by_e_mail(client, contact, group):
    question = Question.objects.create(group=group, message="Bel mij", reply_by="phone", reply_phone="0612345678")
    sign_in(client, contact)
    client.post(f"/werkplek/vraag/{question_ref(question)}/antwoorden/", {"body": "Hallo"})
    assert mail.outbox == []
    question.refresh_from_db()
    assert question.status == "new"


def test_a_member_closes_a_question(client, member, question):
    sign_in(client, member(Role.EDITOR))
    client.post(f"/werkplek/vraag/{question_ref(question)}/status/", {"status": "closed"})
    question.refresh_from_db()
    assert question.status == "closed"


def test_the_support_point_inbox_lists_new_questions(client, member, question):
    sign_in(client, member(Role.VIEWER))
    response = client.get(f"/werkplek/{question.group.support_point.slug}/vragen/")
    assert response.status_code == 200
    assert question_ref(question) in response.content.decode()


def test_a_read_only_member_cannot_answer(client, member, question):
    sign_in(client, member(Role.VIEWER))
    response = client.post(f"/werkplek/vraag/{question_ref(question)}/antwoorden/", {"body": "Hallo"})
    assert response.status_code == 403
    assert mail.outbox == []


def test_the_answer_reaches_the_person_in_the_language_they_chose_and_a_double_click_sends_it_once(
    client, contact, question
):
    Question.objects.filter(pk=question.pk).update(preferred_language="pl")
    sign_in(client, contact)
    for _ in range(2):
        client.post(f"/werkplek/vraag/{question_ref(question)}/antwoorden/", {"body": "Zapraszamy w czwartek!"})
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject.startswith("Twoje pytanie")
    assert "Ta odpowiedź przychodzi przez Samenspel" in message.body
    assert "Zapraszamy w czwartek!" in message.body
