"""What the workspace's question pages show of cooperation, without the workspace importing this app."""

from __future__ import annotations

from django import template

from samenspel.cooperation.models import Forward, ForwardedQuestion, ForwardedStatus
from samenspel.cooperation.services import question_key
from samenspel.directory.models import Organisation
from samenspel.finder.models import Question

register = template.Library()


@register.simple_tag
def question_forward(question: Question) -> Forward | None:
    """The note "forwarded to X" of this question, or None."""
    return Forward.objects.select_related("to_support_point").filter(source_key=question_key(question.pk)).first()


@register.simple_tag
def forwarded_waiting(support_point: Organisation) -> int:
    """How many questions other support points forwarded to this one wait for an answer."""
    return ForwardedQuestion.objects.for_support_point(support_point).filter(status=ForwardedStatus.NEW).count()
